package cn.minzheng.bureau.dibao.deadline;

import static cn.minzheng.bureau.dibao.CaseVariables.APPLICANT_NAME;
import static cn.minzheng.bureau.dibao.CaseVariables.CASE_ID;
import static cn.minzheng.bureau.dibao.CaseVariables.TOWNSHIP_CODE;
import static cn.minzheng.bureau.dibao.CaseVariables.TOWNSHIP_NAME;
import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.REJECTION_REASON;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.ProcessVariable;

/**
 * The time-limit hooks of dibao-application.bpmn, called as ${dibaoDeadlines.…}: they read the application's
 * variables (the case's, {@link cn.minzheng.bureau.dibao.CaseVariables}) and hand over to {@link TimeLimitService}.
 * They belong with the application process's own steps
 * (DibaoApplicationSteps), which are to call the service themselves; until then this is their one bean.
 */
@Component
public class DibaoDeadlines {

    // the inputs of 送达不予批准通知书, a task of dibao-application (not yet among DibaoApplicationProcess.VARIABLES)
    public static final ProcessVariable<String> DELIVERY_METHOD = ProcessVariable.fact("deliveryMethod", String.class);
    public static final ProcessVariable<String> DELIVERED_TO = ProcessVariable.fact("deliveredTo", String.class);
    public static final ProcessVariable<String> DELIVERY_NOTE = ProcessVariable.fact("deliveryNote", String.class);

    private final TimeLimitService timeLimits;

    public DibaoDeadlines(TimeLimitService timeLimits) {
        this.timeLimits = timeLimits;
    }

    /** The work of a limit starts; the process's township is kept in step with the case's by a reorganisation. */
    public void start(DelegateExecution execution, String kindName) {
        timeLimits.start(CASE_ID.require(execution), TOWNSHIP_CODE.get(execution), LimitKind.valueOf(kindName),
                execution.getProcessInstanceId());
    }

    public void met(DelegateExecution execution, String kindName) {
        timeLimits.met(CASE_ID.require(execution), LimitKind.valueOf(kindName));
    }

    public void overrun(DelegateExecution execution, String kindName) {
        timeLimits.overrun(CASE_ID.require(execution), LimitKind.valueOf(kindName), TOWNSHIP_NAME.get(execution),
                APPLICANT_NAME.get(execution));
    }

    /** The clerk registers that the written refusal was delivered. */
    public void refusalNoticeIssued(DelegateTask task) {
        timeLimits.refusalNoticeDelivered(CASE_ID.require(task.getExecution()), DELIVERY_METHOD.get(task),
                DELIVERED_TO.get(task), DELIVERY_NOTE.get(task), REJECTION_REASON.get(task));
    }
}
