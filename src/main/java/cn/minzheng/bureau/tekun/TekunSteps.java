package cn.minzheng.bureau.tekun;

import static cn.minzheng.bureau.tekun.TekunProcess.APPLICANT_NAME;
import static cn.minzheng.bureau.tekun.TekunProcess.AMOUNT_SUMMARY;
import static cn.minzheng.bureau.tekun.TekunProcess.CASE_ID;
import static cn.minzheng.bureau.tekun.TekunProcess.CASE_NUMBER;
import static cn.minzheng.bureau.tekun.TekunProcess.CASE_SUMMARY;
import static cn.minzheng.bureau.tekun.TekunProcess.COMMUNITY_NAME;
import static cn.minzheng.bureau.tekun.TekunProcess.DISTRICT_COMMENT;
import static cn.minzheng.bureau.tekun.TekunProcess.DISTRICT_DECISION;
import static cn.minzheng.bureau.tekun.TekunProcess.OBJECTION_NOTE;
import static cn.minzheng.bureau.tekun.TekunProcess.OBJECTION_RESULT;
import static cn.minzheng.bureau.tekun.TekunProcess.TOWNSHIP_CODE;
import static cn.minzheng.bureau.tekun.TekunProcess.TOWNSHIP_COMMENT;
import static cn.minzheng.bureau.tekun.TekunProcess.TOWNSHIP_DECISION;
import static cn.minzheng.bureau.tekun.TekunProcess.TOWNSHIP_NAME;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.TaskInput;

/** What tekun-application.bpmn calls: ${tekunSteps.…}, service steps and task listeners. */
@Component
public class TekunSteps {

    private final TekunService service;
    private final AuditTrail audit;

    public TekunSteps(TekunService service, AuditTrail audit) {
        this.service = service;
        this.audit = audit;
    }

    /** 登记申请: validated as the REST route is; a refusal leaves nothing (the start rolls back). */
    public void register(DelegateExecution execution) {
        TekunService.Registered registered = service.register(new TekunService.Application(
                TekunProcess.ID_NUMBER.get(execution), execution.getVariable(TekunProcess.PROPOSED_BY_TOWNSHIP.name()),
                TekunProcess.SUPPORTER_SITUATION.get(execution), TekunProcess.SUPPORTER_NOTE.get(execution),
                TekunProcess.CARE_MODE.get(execution), TekunProcess.CARE_INSTITUTION.get(execution),
                TekunProcess.CARER_NAME.get(execution), TekunProcess.CARE_AGREEMENT.get(execution)),
                execution.getProcessInstanceId(), Actor.currentOrNull(execution));
        TekunCase c = registered.tekunCase();
        CASE_ID.set(execution, c.id());
        TOWNSHIP_CODE.set(execution, c.townshipCode());
        CASE_NUMBER.set(execution, c.caseNumber());
        APPLICANT_NAME.set(execution, c.personName());
        TOWNSHIP_NAME.set(execution, registered.townshipName());
        COMMUNITY_NAME.set(execution, registered.communityName());
        CASE_SUMMARY.set(execution, service.summary(c));
        AMOUNT_SUMMARY.set(execution, service.amountSummary(c));
        execution.setProcessBusinessKey(c.caseNumber());
    }

    /** 入户调查和自理能力评估: the level and finding, the amounts from the DMN tables. */
    public void assess(DelegateTask task) {
        TekunCase c = service.assess(CASE_ID.require(task), TekunProcess.SELF_CARE_LEVEL.get(task),
                TekunProcess.SURVEY_FINDING.get(task), Actor.of(task));
        AMOUNT_SUMMARY.set(task, service.amountSummary(c));
    }

    /** 乡镇（街道）审核. */
    public void reviewByTownship(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(TOWNSHIP_DECISION.name(), "审核意见",
                List.of(TekunProcess.APPROVE, TekunProcess.REJECT));
        String comment = TekunProcess.REJECT.equals(decision) ? input.text(TOWNSHIP_COMMENT.name(), "不同意的理由", 1000)
                : input.optionalText(TOWNSHIP_COMMENT.name(), "审核说明", 1000);
        service.recordDecision(CASE_ID.require(task), "TOWNSHIP_REVIEW", decision, comment, Actor.of(task));
    }

    /** 公示期间登记异议: upheld ends in refusal, dismissed goes on to the district. */
    public void registerObjection(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String result = input.choice(OBJECTION_RESULT.name(), "异议核实结果",
                List.of(TekunProcess.OBJECTION_UPHELD, TekunProcess.OBJECTION_DISMISSED));
        String note = input.text(OBJECTION_NOTE.name(), "异议内容及核实情况", 1000);
        service.recordDecision(CASE_ID.require(task), "PUBLIC_NOTICE_OBJECTION", result, note, Actor.of(task));
    }

    /** 区民政局认定. */
    public void decideByDistrict(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(DISTRICT_DECISION.name(), "认定意见",
                List.of(TekunProcess.APPROVE, TekunProcess.REJECT));
        String comment = TekunProcess.REJECT.equals(decision) ? input.text(DISTRICT_COMMENT.name(), "不予认定的理由", 1000)
                : input.optionalText(DISTRICT_COMMENT.name(), "认定说明", 1000);
        service.recordDecision(CASE_ID.require(task), "DISTRICT_DECISION", decision, comment, Actor.of(task));
    }

    /** 纳入供养: the cross-program rules once more, then the enrolment is active from next month. */
    public void activate(DelegateExecution execution) {
        service.activate(CASE_ID.require(execution), Actor.currentOrNull(execution));
    }

    /** 不予认定: the case closes with the reason of whoever refused. */
    public void refuse(DelegateExecution execution) {
        String reason = firstNonNull((String) execution.getVariable(DISTRICT_COMMENT.name()),
                (String) execution.getVariable(OBJECTION_NOTE.name()),
                (String) execution.getVariable(TOWNSHIP_COMMENT.name()), "不符合特困人员认定条件");
        service.refuse(CASE_ID.require(execution), reason, Actor.currentOrNull(execution));
    }

    /** A time limit of the 特困人员认定办法 ran out: recorded for the level above. */
    public void reportOverrun(DelegateExecution execution, String limit) {
        TekunCase c = service.get(CASE_ID.require(execution));
        audit.record(TekunCaseRepository.ENTITY, c.id(), c.householdId(), null, "TIME_LIMIT_OVERRUN", null,
                limit + "超过20个工作日", null, Map.of("limit", limit));
    }

    private static String firstNonNull(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
