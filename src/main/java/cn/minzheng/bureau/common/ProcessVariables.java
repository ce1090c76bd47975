package cn.minzheng.bureau.common;

import java.util.Objects;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Process variables written sparingly: with full history every write is a row or two more, every load a query. */
public final class ProcessVariables {

    private ProcessVariables() {
    }

    /**
     * Where a task listener reads and writes process-level facts: the task's execution. Going through the task
     * would first load the task's own variables, one query more per claim or creation, for nothing.
     */
    public static VariableScope processScope(DelegateTask task) {
        return task.getExecution() != null ? task.getExecution() : task;
    }

    /** Sets the variable unless it already holds this value, or is absent and the value is null. */
    public static void setIfChanged(VariableScope scope, String name, Object value) {
        boolean present = scope.hasVariable(name);
        if (present ? !Objects.equals(scope.getVariable(name), value) : value != null) {
            scope.setVariable(name, value);
        }
    }
}
