package cn.minzheng.bureau.dibao.deadline;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.dibao.application.DibaoApplicationProcess;
import cn.minzheng.bureau.engine.ProcessVariable;

/**
 * The time-limit hooks of dibao-application.bpmn, called as ${dibaoDeadlines.…}: they read the application's
 * variables and hand over to {@link TimeLimitService}. They belong with the application process's own steps
 * class, which is to call the service itself; until then this is their one bean.
 */
@Component
public class DibaoDeadlines {

    // variables of dibao-application read here
    private static final ProcessVariable<Long> CASE_ID = ProcessVariable.fact(DibaoApplicationProcess.VAR_CASE_ID, Long.class);
    private static final ProcessVariable<String> TOWNSHIP_CODE =
            ProcessVariable.fact(DibaoApplicationProcess.VAR_TOWNSHIP_CODE, String.class);
    private static final ProcessVariable<String> TOWNSHIP_NAME = ProcessVariable.copy("townshipName", String.class);
    private static final ProcessVariable<String> APPLICANT_NAME = ProcessVariable.copy("applicantName", String.class);
    private static final ProcessVariable<String> REJECTION_REASON =
            ProcessVariable.fact(DibaoApplicationProcess.VAR_REJECTION_REASON, String.class);
    private static final ProcessVariable<String> DELIVERY_METHOD = ProcessVariable.fact("deliveryMethod", String.class);
    private static final ProcessVariable<String> DELIVERED_TO = ProcessVariable.fact("deliveredTo", String.class);
    private static final ProcessVariable<String> DELIVERY_NOTE = ProcessVariable.fact("deliveryNote", String.class);

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
