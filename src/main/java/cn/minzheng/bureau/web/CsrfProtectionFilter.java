package cn.minzheng.bureau.web;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cross-site request forgery, refused for the project's own pages and API (docs/architecture.md, *CSRF*):
 * <ul>
 * <li>a page request (anything but {@code /api}, and the Camunda webapps and engine REST API, which guard
 * themselves) that changes state (POST, PUT, PATCH, DELETE) must carry its session's token ({@link CsrfTokens}),
 * which every {@code th:action} form gets by itself;</li>
 * <li>the API logs in with HTTP Basic, which a browser that once logged in sends along unasked: a state-changing
 * API request a browser sends from another site (its {@code Origin}, or {@code Sec-Fetch-Site: cross-site}) is
 * refused; scripts and Camunda Modeler send neither header, and the session's token lets a page of our own
 * through.</li>
 * </ul>
 * A refusal is a 403 with a Chinese message: a page for a page, the API's problem JSON for the API.
 */
public class CsrfProtectionFilter extends OncePerRequestFilter {

    static final String REFUSAL = "请求已被拒绝：页面已过期或来自其他网站（缺少有效的防伪令牌）。请返回、刷新页面后重新提交。";
    private static final Logger log = LoggerFactory.getLogger(CsrfProtectionFilter.class);
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    private static final String[] GUARDED_BY_CAMUNDA = {"/camunda/", "/engine-rest/"};

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        if (SAFE_METHODS.contains(request.getMethod())) {
            return true;
        }
        String path = path(request);
        for (String prefix : GUARDED_BY_CAMUNDA) {
            if (path.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean api = isApi(request);
        boolean allowed;
        try {
            allowed = api ? !fromAnotherSite(request) || CsrfTokens.presentIn(request) : CsrfTokens.presentIn(request);
        } catch (RuntimeException unreadableForm) { // a multipart body over the size limit, a broken body
            log.info("CSRF check could not read the request: {}", unreadableForm.toString());
            allowed = false;
        }
        if (allowed) {
            chain.doFilter(request, response);
            return;
        }
        log.info("refused as cross-site request: {} {} (origin {})", request.getMethod(), path(request), request.getHeader("Origin"));
        refuse(request, response, api);
    }

    static boolean isApi(HttpServletRequest request) {
        return path(request).startsWith("/api/");
    }

    /** A browser names the page a request comes from; scripts send no Origin. */
    static boolean fromAnotherSite(HttpServletRequest request) {
        String fetchSite = request.getHeader("Sec-Fetch-Site");
        if ("cross-site".equals(fetchSite) || "same-site".equals(fetchSite)) {
            return true;
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            int port = uri.getPort() != -1 ? uri.getPort() : ("https".equals(uri.getScheme()) ? 443 : 80);
            // behind a reverse proxy the server name and port are the proxy's (server.forward-headers-strategy)
            return !(uri.getHost() != null && uri.getHost().equalsIgnoreCase(request.getServerName())
                    && port == request.getServerPort());
        } catch (IllegalArgumentException notAnOrigin) { // "null": a sandboxed frame, a file
            return true;
        }
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, boolean api) throws IOException {
        response.setStatus(HttpServletResponse.SC_FORBIDDEN);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (api) {
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"无权执行\",\"status\":403,\"detail\":\""
                    + REFUSAL + "\",\"instance\":\"" + path(request).replace("\"", "") + "\",\"code\":\"CSRF_REFUSED\"}");
        } else {
            response.setContentType("text/html");
            response.getWriter().write("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"><title>请求被拒绝</title>"
                    + "</head><body><h1>请求被拒绝</h1><p id=\"error-message\">" + REFUSAL + "</p>"
                    + "<p><a href=\"" + request.getContextPath() + "/ledger\">返回台账</a></p></body></html>");
        }
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
