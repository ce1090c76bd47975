package cn.minzheng.bureau.community.mediation;

import static cn.minzheng.bureau.community.mediation.CivilMediationProcess.*;

import java.time.LocalDate;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.community.construction.FormDate;

/** What the user tasks of civil-mediation.bpmn submit, checked and stored (${mediationTasks.…}). */
@Component("mediationTasks")
public class MediationTaskListeners {

    private final DisputeRepository disputes;

    public MediationTaskListeners(DisputeRepository disputes) {
        this.disputes = disputes;
    }

    /** On create of a session: empty fields, and how many sessions were held so far. */
    public void openSession(DelegateTask task) {
        for (String name : List.of(VAR_HELD_ON, VAR_SESSION_SUMMARY, VAR_SESSION_RESULT, VAR_AGREEMENT, VAR_REFERRED_TO,
                VAR_REFERRAL_REASON)) {
            task.removeVariable(name);
        }
        task.setVariableLocal("sessionsHeld", disputes.sessions(MediationActions.disputeId(task)).size());
    }

    /** 调解: one session recorded; its result continues, closes with an agreement, or refers the dispute. */
    public void session(DelegateTask task) {
        long disputeId = MediationActions.disputeId(task);
        TaskInput input = new TaskInput(task);
        LocalDate heldOn = FormDate.past(task.getVariable(VAR_HELD_ON), "调解日期", MediationActions.today());
        List<DisputeRepository.Session> before = disputes.sessions(disputeId);
        if (!before.isEmpty() && heldOn.isBefore(before.get(before.size() - 1).heldOn())) {
            throw new RuleViolation("DATES_OUT_OF_ORDER", "调解日期不能早于上次调解日期（" + before.get(before.size() - 1).heldOn() + "）");
        }
        String summary = input.text(VAR_SESSION_SUMMARY, "调解情况", 2000);
        String result = input.choice(VAR_SESSION_RESULT, "本次调解结果", List.of(CONTINUE, AGREEMENT, NO_AGREEMENT));
        if (AGREEMENT.equals(result)) {
            task.setVariable(VAR_AGREEMENT, input.text(VAR_AGREEMENT, "调解协议内容", 2000));
        } else if (NO_AGREEMENT.equals(result)) {
            input.choice(VAR_REFERRED_TO, "移送去向（法院或司法所）", List.of(TO_COURT, TO_JUDICIAL_OFFICE));
            task.setVariable(VAR_REFERRAL_REASON, input.text(VAR_REFERRAL_REASON, "调解不成的原因", 1000));
        }
        disputes.recordSession(disputeId, heldOn, Actor.of(task), summary, result);
    }

    /** On create of the street office's task: the dispute is overdue, recorded once. */
    public void escalate(DelegateTask task) {
        task.removeVariable(VAR_SUPERVISION_NOTE);
        disputes.escalated(MediationActions.disputeId(task));
    }

    /** 督办: the street office's instruction to the committee. */
    public void supervise(DelegateTask task) {
        disputes.supervised(MediationActions.disputeId(task),
                new TaskInput(task).text(VAR_SUPERVISION_NOTE, "督办意见", 1000), Actor.of(task));
    }
}
