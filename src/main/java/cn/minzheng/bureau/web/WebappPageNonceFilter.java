package cn.minzheng.bureau.web;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps the Content-Security-Policy nonce of a Camunda webapp's page (Tasklist, Cockpit, Admin) to the request that
 * renders the page.
 * <p>
 * Camunda 7.24 keeps the nonce in an attribute of the servlet context, which every request shares: its header filter
 * sets a new one on each request it passes (HttpHeaderSecurityFilter, ContentSecurityPolicyProvider), and the page is
 * rendered with whatever the attribute holds by then (ProcessEnginesFilter). Where another request passes the header
 * filter in between, the page's scripts carry another nonce than its header allows: the browser blocks every one of
 * them and the webapp stays on its spinner until the user reloads. CI met it about once a run; a bureau whose clerks
 * all work at once would meet it more often. Both Camunda filters ask the request for its servlet context, so here
 * each request of the webapps' pages gets a servlet context whose nonce attribute is its own; everything else is the
 * shared one.
 */
class WebappPageNonceFilter extends OncePerRequestFilter {

    /** The attribute Camunda's header filter writes and its page filter reads. */
    static final String NONCE_ATTRIBUTE = "org.camunda.bpm.csp.nonce";

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ServletContext ownNonce = withItsOwnNonce(request.getServletContext());
        chain.doFilter(new HttpServletRequestWrapper(request) {
            @Override
            public ServletContext getServletContext() {
                return ownNonce;
            }
        }, response);
    }

    /** The shared servlet context, but for the nonce attribute, which this context keeps to itself. */
    static ServletContext withItsOwnNonce(ServletContext shared) {
        AtomicReference<Object> nonce = new AtomicReference<>();
        return (ServletContext) Proxy.newProxyInstance(ServletContext.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> {
                    if (args != null && args.length > 0 && NONCE_ATTRIBUTE.equals(args[0])) {
                        switch (method.getName()) {
                            case "getAttribute":
                                return nonce.get();
                            case "setAttribute":
                                nonce.set(args[1]);
                                return null;
                            case "removeAttribute":
                                nonce.set(null);
                                return null;
                            default:
                                break;
                        }
                    }
                    try {
                        return method.invoke(shared, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
