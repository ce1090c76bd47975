package cn.minzheng.bureau.youfu;

import static cn.minzheng.bureau.youfu.YoufuChangeProcess.*;
import static cn.minzheng.bureau.youfu.YoufuProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.TaskInput;

/** What youfu-change.bpmn calls: ${youfuChangeSteps.…}, service steps and task listeners. */
@Component
public class YoufuChangeSteps {

    private final YoufuChangeService service;
    private final YoufuService youfu;

    public YoufuChangeSteps(YoufuChangeService service, YoufuService youfu) {
        this.service = service;
        this.youfu = youfu;
    }

    /** 登记变更申请: validated as the REST route is; a refusal leaves nothing (the start rolls back). */
    public void register(DelegateExecution execution) {
        YoufuChangeService.Applied applied = service.apply(ID_NUMBER.get(execution), form(execution),
                execution.getProcessInstanceId(), Actor.currentOrNull(execution));
        YoufuChange c = applied.change();
        YoufuRecipient r = applied.recipient();
        CHANGE_ID.set(execution, c.id());
        RECIPIENT_ID.set(execution, r.id());
        TOWNSHIP_CODE.set(execution, r.townshipCode());
        CASE_NUMBER.set(execution, c.changeNumber());
        APPLICANT_NAME.set(execution, r.personName());
        TOWNSHIP_NAME.set(execution, applied.townshipName());
        CASE_SUMMARY.set(execution, youfu.summary(r));
        CHANGE_SUMMARY.set(execution, service.summary(c));
        AMOUNT_SUMMARY.set(execution, service.amountSummary(c));
        execution.setProcessBusinessKey(c.changeNumber());
    }

    static YoufuChangeRules.Form form(DelegateExecution execution) {
        return new YoufuChangeRules.Form(CHANGE_KIND.get(execution), CHANGE_REASON.get(execution),
                YoufuSteps.form(execution), MOVED_ON.get(execution), DESTINATION.get(execution));
    }

    /** 乡镇（街道）审核. */
    public void reviewByTownship(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(TOWNSHIP_DECISION.name(), "审核意见", List.of(APPROVE, REJECT));
        String comment = REJECT.equals(decision) ? input.text(TOWNSHIP_COMMENT.name(), "不同意的理由", 1000)
                : input.optionalText(TOWNSHIP_COMMENT.name(), "审核说明", 1000);
        service.recordDecision(CHANGE_ID.require(task), "CHANGE_TOWNSHIP_REVIEW", decision, comment, Actor.of(task));
    }

    /** 区民政局优抚安置科审批. */
    public void approveByDistrict(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(DISTRICT_DECISION.name(), "审批意见", List.of(APPROVE, REJECT));
        String comment = REJECT.equals(decision) ? input.text(DISTRICT_COMMENT.name(), "不予批准的理由", 1000)
                : input.optionalText(DISTRICT_COMMENT.name(), "审批说明", 1000);
        service.recordDecision(CHANGE_ID.require(task), "CHANGE_DISTRICT_DECISION", decision, comment, Actor.of(task));
    }

    /** 变更名册: the new grade from next month, or the end with the month of moving. */
    public void apply(DelegateExecution execution) {
        service.approve(CHANGE_ID.require(execution), Actor.currentOrNull(execution));
    }

    /** 不予变更: the application closes with the reason of whoever refused; the register stays as it was. */
    public void refuse(DelegateExecution execution) {
        String district = DISTRICT_COMMENT.get(execution);
        String township = TOWNSHIP_COMMENT.get(execution);
        String reason = district != null && !district.isBlank() ? district
                : township != null && !township.isBlank() ? township : "不符合变更条件";
        service.refuse(CHANGE_ID.require(execution), reason, Actor.currentOrNull(execution));
    }
}
