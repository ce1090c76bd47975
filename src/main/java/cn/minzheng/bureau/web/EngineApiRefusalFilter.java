package cn.minzheng.bureau.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.common.RuleViolation;

/**
 * A refused form submission through the webapps' engine API (what Tasklist calls) answers like the engine
 * REST API does ({@link EngineRestRuleViolations}): the rule's status (400, 403 …) and its Chinese message
 * alone. The webapps' API wraps it as a 500 "Cannot instantiate process definition …: " or "Cannot submit
 * task form …: ", which Tasklist shows as it is; its exception mappers cannot be replaced, so the response
 * is, when it carries the message of a rule violation raised while handling the request, or the engine's code of
 * a submission that lost a race with another on the same process ({@link SimultaneousChange}).
 */
class EngineApiRefusalFilter extends OncePerRequestFilter {

    private static final Pattern SUBMISSION = Pattern.compile("/(submit-form|complete|start)$");

    private final ObjectMapper json;

    EngineApiRefusalFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !SUBMISSION.matcher(request.getRequestURI()).find();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Captured captured = new Captured(response);
        List<RuleViolation> raised = handled(request, captured, chain);
        byte[] answered = captured.body();
        Optional<RuleViolation> refusal = captured.status >= 400
                ? raised.stream().filter(v -> carries(answered, v)).reduce((first, last) -> last) : Optional.empty();
        if (refusal.isEmpty() && captured.status >= 500 && engineCode(answered) == SimultaneousChange.ENGINE_CODE) {
            refusal = Optional.of(SimultaneousChange.violation());
        }
        byte[] body = answered;
        if (refusal.isPresent()) {
            body = json.writeValueAsBytes(Map.of("type", "RuleViolation", "code", refusal.get().getErrorCode(),
                    "message", refusal.get().getMessage()));
            response.setStatus(refusal.get().getHttpStatus());
            response.setContentType("application/json;charset=UTF-8");
        } else if (captured.errorSent) {
            response.sendError(captured.status, captured.errorMessage);
            return;
        } else {
            response.setStatus(captured.status);
        }
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private static List<RuleViolation> handled(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            return RuleViolation.recordingIn(() -> chain.doFilter(request, response));
        } catch (ServletException | IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private int engineCode(byte[] body) {
        try {
            JsonNode error = json.readTree(body);
            return error == null ? 0 : error.path("code").asInt(0);
        } catch (IOException notJson) {
            return 0;
        }
    }

    private boolean carries(byte[] body, RuleViolation violation) {
        try {
            JsonNode error = json.readTree(body);
            return error != null && error.path("message").asText("").contains(violation.getMessage());
        } catch (IOException notJson) {
            return new String(body, StandardCharsets.UTF_8).contains(violation.getMessage());
        }
    }

    /** Holds the status and body back (an error sent included), so the filter can still replace them. */
    private static final class Captured extends HttpServletResponseWrapper {

        private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        private int status = SC_OK;
        private boolean errorSent;
        private String errorMessage;
        private PrintWriter writer;

        Captured(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int sc) {
            status = sc;
        }

        @Override
        public int getStatus() {
            return status;
        }

        @Override
        public void sendError(int sc) {
            sendError(sc, null);
        }

        @Override
        public void sendError(int sc, String message) {
            status = sc;
            errorSent = true;
            errorMessage = message;
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return new ServletOutputStream() {
                @Override
                public void write(int b) {
                    buffer.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    buffer.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        @Override
        public PrintWriter getWriter() {
            if (writer == null) {
                writer = new PrintWriter(new OutputStreamWriter(buffer, StandardCharsets.UTF_8));
            }
            return writer;
        }

        @Override
        public void flushBuffer() {
            // held back until the filter has looked at it
        }

        @Override
        public void setContentLength(int len) {
            // the filter sets the length of what it finally writes
        }

        @Override
        public void setContentLengthLong(long len) {
        }

        byte[] body() {
            if (writer != null) {
                writer.flush();
            }
            return buffer.toByteArray();
        }
    }
}
