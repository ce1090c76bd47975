package cn.minzheng.bureau.common;

import java.util.Objects;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Writes process variables only when they change: with full history every write is a row or two more. */
public final class ProcessVariables {

    private ProcessVariables() {
    }

    /** Sets the variable unless it already holds this value, or is absent and the value is null. */
    public static void setIfChanged(VariableScope scope, String name, Object value) {
        boolean present = scope.hasVariable(name);
        if (present ? !Objects.equals(scope.getVariable(name), value) : value != null) {
            scope.setVariable(name, value);
        }
    }
}
