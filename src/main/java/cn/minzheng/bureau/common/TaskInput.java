package cn.minzheng.bureau.common;

import java.math.BigDecimal;
import java.util.List;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Reads what a user submitted with a task form, again on the server: form-js validates only in
 * the browser, and the REST API accepts any variables. Every refusal is a Chinese message.
 */
public final class TaskInput {

    private final VariableScope scope;

    public TaskInput(VariableScope scope) {
        this.scope = scope;
    }

    public String choice(String name, String label, List<String> allowed) {
        Object value = scope.getVariable(name);
        if (value == null || !allowed.contains(value.toString())) {
            throw new RuleViolation("MISSING_DECISION", "请选择" + label);
        }
        return value.toString();
    }

    public String text(String name, String label, int maxLength) {
        return TextRules.required(scope.getVariable(name), label, maxLength);
    }

    public String optionalText(String name, String label, int maxLength) {
        return TextRules.optional(scope.getVariable(name), label, maxLength);
    }

    public BigDecimal amount(String name, String label) {
        Object value = scope.getVariable(name);
        if (value == null || value.toString().isBlank()) {
            throw new RuleViolation("MISSING_FIELD", label + "不能为空");
        }
        return Money.parse(value, label);
    }

    public boolean flag(String name) {
        Object value = scope.getVariable(name);
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }
}
