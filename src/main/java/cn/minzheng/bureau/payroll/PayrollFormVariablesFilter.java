package cn.minzheng.bureau.payroll;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.minzheng.bureau.web.JsonResponseRewriteFilter;

/**
 * A payroll task's form shows whether the payroll is stale as it is when the form is opened, not as it
 * was when the task was created: cases approved or cancelled while the task waited count. When Tasklist
 * (or any client) reads a payroll task's form variables, the stale flag and warning in the answer are
 * read again from the tables. Nothing is written; the decisions check the same on completion.
 */
class PayrollFormVariablesFilter extends JsonResponseRewriteFilter {

    private static final Pattern FORM_VARIABLES = Pattern.compile("/task/[^/]+/form-variables$");

    private final PayrollRepository payrolls;
    private final PayrollTaskForm taskForm;

    PayrollFormVariablesFilter(PayrollRepository payrolls, PayrollTaskForm taskForm, ObjectMapper json) {
        super(FORM_VARIABLES, json);
        this.payrolls = payrolls;
        this.taskForm = taskForm;
    }

    @Override
    protected Optional<JsonNode> rewrite(HttpServletRequest request, JsonNode variables) {
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
        return Optional.of(shown);
    }
}
