package cn.minzheng.bureau.dibao.application;

import java.util.Arrays;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.ProcessVariables;

/**
 * ${dibaoCaseActions.clearInputs(task, '…')}, the create listener that dibao-review.bpmn's tasks still name: it
 * goes when they declare their inputs as the {@code clearInputs} task property, as the application's, the
 * appeal's, the report's and the recovery's do. Every step of dibao-application.bpmn is in
 * {@link DibaoApplicationSteps}.
 */
@Component
@Deprecated
public class DibaoCaseActions {

    /** Clears a task's decision fields (process variables) when it is created, so an old answer from a loop is never reused. */
    public void clearInputs(DelegateTask task, String variables) {
        VariableScope scope = ProcessVariables.processScope(task);
        Arrays.stream(variables.split(",")).map(String::trim).forEach(scope::removeVariable);
    }
}
