package cn.minzheng.bureau.payroll;

import java.io.IOException;
import java.util.Map;
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
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A payroll task's form shows whether the payroll is stale as it is when the form is opened, not as it
 * was when the task was created: cases approved or cancelled while the task waited count. When Tasklist
 * (or any client) reads a payroll task's form variables, the stale flag and warning in the answer are
 * read again from the tables. Nothing is written; the decisions check the same on completion.
 */
class PayrollFormVariablesFilter extends OncePerRequestFilter {

    private static final Pattern FORM_VARIABLES = Pattern.compile("/task/[^/]+/form-variables$");

    private final PayrollRepository payrolls;
    private final PayrollTaskForm taskForm;
    private final ObjectMapper json;

    PayrollFormVariablesFilter(PayrollRepository payrolls, PayrollTaskForm taskForm, ObjectMapper json) {
        this.payrolls = payrolls;
        this.taskForm = taskForm;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"GET".equals(request.getMethod()) || !FORM_VARIABLES.matcher(request.getRequestURI()).find();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, captured);
        Optional<byte[]> refreshed = captured.getStatus() == 200 ? refreshed(captured.getContentAsByteArray()) : Optional.empty();
        if (refreshed.isPresent()) {
            captured.resetBuffer();
            response.setContentLength(refreshed.get().length);
            response.getOutputStream().write(refreshed.get());
            response.flushBuffer();
        } else {
            captured.copyBodyToResponse();
        }
    }

    private Optional<byte[]> refreshed(byte[] body) throws IOException {
        JsonNode variables;
        try {
            variables = json.readTree(body);
        } catch (IOException notJson) {
            return Optional.empty();
        }
        if (!(variables instanceof ObjectNode shown) || !shown.has(PayrollProcess.STALE.name())
                || !shown.path(PayrollProcess.VAR_PAYROLL_ID).path("value").canConvertToLong()) {
            return Optional.empty();
        }
        Optional<Payroll> payroll = payrolls.find(shown.path(PayrollProcess.VAR_PAYROLL_ID).path("value").asLong());
        if (payroll.isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<String, Object> now : taskForm.staleness(payroll.get()).entrySet()) {
            ObjectNode variable = shown.putObject(now.getKey());
            variable.put("type", now.getValue() instanceof Boolean ? "Boolean" : "String");
            variable.putPOJO("value", now.getValue());
            variable.putObject("valueInfo");
        }
        return Optional.of(json.writeValueAsBytes(shown));
    }
}
