package cn.minzheng.bureau.community.reorganisation;

import static cn.minzheng.bureau.community.reorganisation.CommunityReorganisationProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.TaskInput;

/**
 * What community-reorganisation.bpmn calls: ${communityReorganisationSteps.…}, the plan's status per stage, what
 * the user tasks submit (checked before anything is stored), the reviewing townships and the apply step.
 */
@Component
public class CommunityReorganisationSteps {

    private final CommunityReorganisationService service;

    public CommunityReorganisationSteps(CommunityReorganisationService service) {
        this.service = service;
    }

    /** Sets the plan's status as it reaches a stage (execution listeners). */
    public void status(DelegateExecution execution, String status) {
        service.changeStatus(PLAN_ID.require(execution), PlanStatus.valueOf(status));
    }

    /** 起草（修改）调整方案: submit the plan for review (validated again) or withdraw it. */
    public void draft(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        long planId = PLAN_ID.require(task);
        String actor = Actor.of(task);
        String decision = input.choice(VAR_DRAFT_DECISION, "处理方式", List.of(SUBMIT, WITHDRAW));
        if (WITHDRAW.equals(decision)) {
            service.withdraw(planId, input.text(VAR_DRAFT_COMMENT, "撤回理由", 1000), actor);
            return;
        }
        ReorganisationPlan plan = submittedPlan(task, planId);
        CommunityReorganisationService.Submitted submitted = service.submit(planId, plan,
                input.optionalText(VAR_DRAFT_COMMENT, "说明", 1000), actor);
        PLAN_TITLE.set(task, submitted.title());
        PLAN_JSON.set(task, submitted.planJson());
        PLAN_SUMMARY.set(task, submitted.summary());
        PLAN_ROWS.set(task, CommunityReorganisationService.formRows(plan));
        HAS_KEPT_STEPS.set(task, !PlanForm.kept(plan).isEmpty());
        REVIEW_RETURNED.set(task, false);
        RETURN_REASON.set(task, null);
    }

    /**
     * The plan as submitted: the draft form's changes under its title, the steps of the stored plan the form does
     * not show kept; or a plan in JSON where a client of the engine API replaced the stored one.
     */
    private ReorganisationPlan submittedPlan(DelegateTask task, long planId) {
        String stored = service.plan(planId).planJson();
        String json = PLAN_JSON.get(task);
        Object rows = PLAN_ROWS.get(task);
        if (rows == null || (json != null && !json.equals(stored))) {
            return CommunityReorganisationService.parse(json);
        }
        String title = new TaskInput(task).text(VAR_PLAN_TITLE, "方案名称", 200);
        return service.fromForm(title, rows, stored);
    }

    /** The existing townships concerned by the plan: one review task each. */
    public List<String> townshipsConcerned(DelegateExecution execution) {
        return service.townshipsConcerned(PLAN_JSON.get(execution));
    }

    /** The township reviewer's task shows the township's name. */
    public void showTownship(DelegateTask task) {
        task.setVariableLocal(TOWNSHIP_NAME.name(), service.townshipName(TOWNSHIP_CODE.get(task)));
    }

    /** 街道（乡镇）审核调整方案: one township agrees or sends the plan back with its reason. */
    public void review(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        long planId = PLAN_ID.require(task);
        String actor = Actor.of(task);
        String township = TOWNSHIP_CODE.get(task);
        String decision = input.choice(VAR_REVIEW_DECISION, "审核意见", List.of(AGREE, RETURN));
        String comment = RETURN.equals(decision) ? input.text(VAR_REVIEW_COMMENT, "退回理由", 1000)
                : input.optionalText(VAR_REVIEW_COMMENT, "审核意见", 1000);
        String returned = service.review(planId, township, decision, comment, actor);
        REVIEW_DECISION.remove(task);
        REVIEW_COMMENT.remove(task);
        if (returned != null) {
            REVIEW_RETURNED.set(task.getExecution(), true);
            RETURN_REASON.set(task.getExecution(), returned);
        }
    }

    /** 区民政局审批调整方案: approve (applied at once), return to the drafter, or reject. */
    public void approve(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        long planId = PLAN_ID.require(task);
        String actor = Actor.of(task);
        String decision = input.choice(VAR_APPROVAL_DECISION, "审批决定", List.of(APPROVE, RETURN, REJECT));
        String comment = APPROVE.equals(decision) ? input.optionalText(VAR_APPROVAL_COMMENT, "审批意见", 1000)
                : input.text(VAR_APPROVAL_COMMENT, RETURN.equals(decision) ? "退回理由" : "不予批准的理由", 1000);
        service.decideApproval(planId, decision, comment, actor);
        if (RETURN.equals(decision)) {
            RETURN_REASON.set(task, "区民政局退回：" + comment);
        }
    }

    /**
     * 执行调整方案: applies the approved plan in the approver's transaction. A plan that no longer fits (another
     * plan changed a community meanwhile) goes back to the drafter with the reason; nothing has been written then.
     */
    public void apply(DelegateExecution execution) {
        long planId = PLAN_ID.require(execution);
        String problem = service.problemBeforeApplying(planId);
        if (problem != null) {
            throw new BpmnError(ERROR_PLAN_INVALID, problem);
        }
        CommunityReorganisationService.Applied applied = service.apply(planId, Actor.currentOrNull(execution));
        APPLY_SUMMARY.set(execution, "已调整" + applied.households() + "户家庭、" + applied.cases() + "件低保案件、"
                + applied.processes() + "个流程、" + applied.tasks() + "项待办任务");
    }
}
