package cn.minzheng.bureau.web;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Adjusts the JSON answer of a successful GET to the engine's APIs (a deployed form, a task's form variables)
 * before the client reads it. Any other answer — an error, a body that is not JSON, one the subclass leaves
 * alone — passes unchanged.
 */
public abstract class JsonResponseRewriteFilter extends OncePerRequestFilter {

    private final Pattern path;
    private final ObjectMapper json;

    protected JsonResponseRewriteFilter(Pattern path, ObjectMapper json) {
        this.path = path;
        this.json = json;
    }

    /** The answer to send instead, changed in place or new; empty to send the engine's as it is. */
    protected abstract Optional<JsonNode> rewrite(HttpServletRequest request, JsonNode answer);

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !path.matcher(request.getRequestURI()).find();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, captured);
        Optional<JsonNode> rewritten = captured.getStatus() == 200
                ? parse(captured.getContentAsByteArray()).flatMap(answer -> rewrite(request, answer)) : Optional.empty();
        if (rewritten.isPresent()) {
            byte[] body = json.writeValueAsBytes(rewritten.get());
            captured.resetBuffer();
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.flushBuffer();
        } else {
            captured.copyBodyToResponse();
        }
    }

    private Optional<JsonNode> parse(byte[] body) {
        try {
            return Optional.of(json.readTree(body));
        } catch (IOException notJson) {
            return Optional.empty();
        }
    }
}
