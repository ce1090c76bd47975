package cn.minzheng.bureau.community.mediation;

import static cn.minzheng.bureau.community.mediation.CivilMediationProcess.*;

import java.time.LocalDate;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.community.mediation.CivilMediationRepository.Party;
import cn.minzheng.bureau.engine.EngineAuthentication;
import cn.minzheng.bureau.region.Region;

/** What civil-mediation.bpmn calls: ${civilMediationSteps.…}, service steps, the deadline and task listeners. */
@Component
public class CivilMediationSteps {

    private final CivilMediationService service;

    public CivilMediationSteps(CivilMediationService service) {
        this.service = service;
    }

    /** 登记纠纷: in the community of the registering committee member. */
    public void register(DelegateExecution execution) {
        TaskInput input = new TaskInput(execution);
        List<String> groups = EngineAuthentication.groupIds(execution.getProcessEngineServices().getIdentityService());
        Region community = service.communityOf(groups, input.optionalText(VAR_COMMUNITY, "社区（村）", 40));
        String subject = input.text(VAR_SUBJECT, "纠纷事由", 500);
        List<Party> parties = CivilMediationService.parties(PARTIES.get(execution));
        CivilMediationService.Registered registered = service.register(community, subject, parties,
                execution.getProcessInstanceId(), Actor.currentOrNull(execution));
        DISPUTE_ID.set(execution, registered.disputeId());
        COMMUNITY_CODE.set(execution, community.code());
        TOWNSHIP_CODE.set(execution, community.parentCode());
        COMMUNITY_NAME.set(execution, community.name());
        PARTIES_SUMMARY.set(execution, registered.partiesSummary());
        DEADLINE.set(execution, registered.deadline().toString());
    }

    /** The timer of the mediation: the day after the deadline, at midnight. */
    public Date deadline(DelegateExecution execution) {
        return service.deadlineTimer(DISPUTE_ID.require(execution));
    }

    /** 调解结案（达成协议）. */
    public void closeWithAgreement(DelegateExecution execution) {
        service.closeWithAgreement(DISPUTE_ID.require(execution), AGREEMENT_TEXT.get(execution), Actor.currentOrNull(execution));
    }

    /** 调解不成，移送法院或街道（乡镇）司法所. */
    public void refer(DelegateExecution execution) {
        service.refer(DISPUTE_ID.require(execution), REFERRED_TO.get(execution), REFERRAL_REASON.get(execution),
                Actor.currentOrNull(execution));
    }

    /** On create of a session (its fields emptied by the task's clearInputs): how many sessions were held so far. */
    public void openSession(DelegateTask task) {
        task.setVariableLocal(SESSIONS_HELD.name(), service.sessionsHeld(DISPUTE_ID.require(task)));
    }

    /** 调解: one session recorded; its result continues, closes with an agreement, or refers the dispute. */
    public void session(DelegateTask task) {
        long disputeId = DISPUTE_ID.require(task);
        TaskInput input = new TaskInput(task);
        LocalDate heldOn = service.heldOn(disputeId, HELD_ON.get(task));
        String summary = input.text(VAR_SESSION_SUMMARY, "调解情况", 2000);
        String result = input.choice(VAR_SESSION_RESULT, "本次调解结果", List.of(CONTINUE, AGREEMENT, NO_AGREEMENT));
        if (AGREEMENT.equals(result)) {
            AGREEMENT_TEXT.set(task, input.text(VAR_AGREEMENT, "调解协议内容", 2000));
        } else if (NO_AGREEMENT.equals(result)) {
            input.choice(VAR_REFERRED_TO, "移送去向（法院或司法所）", List.of(TO_COURT, TO_JUDICIAL_OFFICE));
            REFERRAL_REASON.set(task, input.text(VAR_REFERRAL_REASON, "调解不成的原因", 1000));
        }
        service.recordSession(disputeId, heldOn, Actor.of(task), summary, result);
    }

    /** On create of the street office's task: the dispute is overdue, recorded once. */
    public void escalate(DelegateTask task) {
        service.escalate(DISPUTE_ID.require(task));
    }

    /** 督办: the street office's instruction to the committee. */
    public void supervise(DelegateTask task) {
        service.supervise(DISPUTE_ID.require(task), new TaskInput(task).text(VAR_SUPERVISION_NOTE, "督办意见", 1000),
                Actor.of(task));
    }
}
