package cn.minzheng.bureau.youfu;

import static cn.minzheng.bureau.youfu.YoufuProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.TaskInput;

/** What youfu-recognition.bpmn calls: ${youfuSteps.…}, service steps and task listeners. */
@Component
public class YoufuSteps {

    private final YoufuService service;

    public YoufuSteps(YoufuService service) {
        this.service = service;
    }

    /** 登记优抚对象: validated as the REST route is; a refusal leaves nothing (the start rolls back). */
    public void register(DelegateExecution execution) {
        YoufuService.Registered registered = service.register(ID_NUMBER.get(execution), form(execution),
                execution.getProcessInstanceId(), Actor.currentOrNull(execution));
        YoufuRecipient r = registered.recipient();
        RECIPIENT_ID.set(execution, r.id());
        TOWNSHIP_CODE.set(execution, r.townshipCode());
        CASE_NUMBER.set(execution, r.caseNumber());
        APPLICANT_NAME.set(execution, r.personName());
        TOWNSHIP_NAME.set(execution, registered.townshipName());
        COMMUNITY_NAME.set(execution, registered.communityName());
        CASE_SUMMARY.set(execution, service.summary(r));
        AMOUNT_SUMMARY.set(execution, service.amountSummary(r));
        execution.setProcessBusinessKey(r.caseNumber());
    }

    static YoufuRules.Form form(DelegateExecution execution) {
        return new YoufuRules.Form(CATEGORY.get(execution), CERTIFICATE_NUMBER.get(execution),
                DISABILITY_GRADE.get(execution), DISABILITY_CAUSE.get(execution), ASSESSED_DATE.get(execution),
                DECEASED_NAME.get(execution), DEATH_DATE.get(execution), ENLISTMENT_DATE.get(execution),
                DISCHARGE_DATE.get(execution));
    }

    /** 乡镇（街道）审核. */
    public void reviewByTownship(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(TOWNSHIP_DECISION.name(), "审核意见", List.of(APPROVE, REJECT));
        String comment = REJECT.equals(decision) ? input.text(TOWNSHIP_COMMENT.name(), "不同意的理由", 1000)
                : input.optionalText(TOWNSHIP_COMMENT.name(), "审核说明", 1000);
        service.recordDecision(RECIPIENT_ID.require(task), "TOWNSHIP_REVIEW", decision, comment, Actor.of(task));
    }

    /** 区民政局审批. */
    public void approveByDistrict(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(DISTRICT_DECISION.name(), "审批意见", List.of(APPROVE, REJECT));
        String comment = REJECT.equals(decision) ? input.text(DISTRICT_COMMENT.name(), "不予认定的理由", 1000)
                : input.optionalText(DISTRICT_COMMENT.name(), "审批说明", 1000);
        service.recordDecision(RECIPIENT_ID.require(task), "DISTRICT_DECISION", decision, comment, Actor.of(task));
    }

    /** 列入优抚对象名册: paid from the month after the approval. */
    public void enrol(DelegateExecution execution) {
        service.activate(RECIPIENT_ID.require(execution), Actor.currentOrNull(execution));
    }

    /** 不予认定: the registration closes with the reason of whoever refused. */
    public void refuse(DelegateExecution execution) {
        String district = DISTRICT_COMMENT.get(execution);
        String township = TOWNSHIP_COMMENT.get(execution);
        String reason = district != null && !district.isBlank() ? district
                : township != null && !township.isBlank() ? township : "不符合优抚对象认定条件";
        service.refuse(RECIPIENT_ID.require(execution), reason, Actor.currentOrNull(execution));
    }
}
