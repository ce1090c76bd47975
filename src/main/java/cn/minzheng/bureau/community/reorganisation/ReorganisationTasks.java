package cn.minzheng.bureau.community.reorganisation;

import static cn.minzheng.bureau.community.reorganisation.CommunityReorganisationProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.JsonRows;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/** What the user tasks of community-reorganisation.bpmn submit, checked before anything is stored (${reorganisationTasks.…}). */
@Component("reorganisationTasks")
public class ReorganisationTasks {

    private final ReorganisationService service;
    private final ReorganisationRepository plans;
    private final RegionRepository regions;
    private final AuditTrail audit;

    public ReorganisationTasks(ReorganisationService service, ReorganisationRepository plans, RegionRepository regions,
                               AuditTrail audit) {
        this.service = service;
        this.plans = plans;
        this.regions = regions;
        this.audit = audit;
    }

    /** 起草（修改）调整方案: submit the plan for review (validated again) or withdraw it. */
    public void draft(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        long planId = planId(task);
        String actor = Actor.of(task);
        String decision = input.choice(VAR_DRAFT_DECISION, "处理方式", List.of(SUBMIT, WITHDRAW));
        if (WITHDRAW.equals(decision)) {
            String reason = input.text(VAR_DRAFT_COMMENT, "撤回理由", 1000);
            plans.changeStatus(planId, "WITHDRAWN");
            plans.decide(planId, TASK_DRAFT, null, WITHDRAW, reason, actor);
            audit.record("REORG_PLAN", planId, null, null, "WITHDRAWN", actor, reason, null, null);
            return;
        }
        ReorganisationPlan plan = submittedPlan(task, planId);
        ResolvedPlan resolved = service.resolve(plan);
        String written = ReorganisationService.writeForTasklist(plan);
        plans.updateDraft(planId, resolved.title(), written);
        plans.decide(planId, TASK_DRAFT, null, SUBMIT, input.optionalText(VAR_DRAFT_COMMENT, "说明", 1000), actor);
        audit.record("REORG_PLAN", planId, null, null, "SUBMITTED", actor, resolved.title(), null, java.util.Map.of("plan", written));
        task.setVariable(VAR_PLAN_TITLE, resolved.title());
        task.setVariable(VAR_PLAN_JSON, written);
        task.setVariable(VAR_PLAN_SUMMARY, ReorganisationService.summaryForTasklist(resolved));
        ReorganisationService.formVariables(plan).forEach(task::setVariable);
        task.setVariable(VAR_REVIEW_RETURNED, false);
        task.setVariable(VAR_RETURN_REASON, null);
    }

    /**
     * The plan as submitted: the draft form's changes under its title, the steps of the stored plan the form does
     * not show kept; or a plan in JSON where a client of the engine API replaced the stored one.
     */
    private ReorganisationPlan submittedPlan(DelegateTask task, long planId) {
        String stored = plans.find(planId).orElseThrow().planJson();
        Object json = task.getVariable(VAR_PLAN_JSON);
        Object rows = task.getVariable(PlanForm.ROWS);
        if (rows == null || (json != null && !json.toString().equals(stored))) {
            return ReorganisationService.parse(json == null ? null : json.toString());
        }
        String title = new TaskInput(task).text(VAR_PLAN_TITLE, "方案名称", 200);
        return PlanForm.plan(title, JsonRows.of(rows, "调整项"), PlanForm.kept(ReorganisationService.parse(stored)),
                service.world()::everUsed);
    }

    /** 街道（乡镇）审核调整方案: one township agrees or sends the plan back with its reason. */
    public void review(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        long planId = planId(task);
        String actor = Actor.of(task);
        String township = (String) task.getVariable(VAR_TOWNSHIP_CODE);
        String decision = input.choice(VAR_REVIEW_DECISION, "审核意见", List.of(AGREE, RETURN));
        String comment = RETURN.equals(decision) ? input.text(VAR_REVIEW_COMMENT, "退回理由", 1000)
                : input.optionalText(VAR_REVIEW_COMMENT, "审核意见", 1000);
        plans.decide(planId, TASK_REVIEW_BY_TOWNSHIP, township, decision, comment, actor);
        audit.record("REORG_PLAN", planId, null, null, "REVIEWED_" + decision, actor, comment, null,
                java.util.Map.of("townshipCode", township));
        task.removeVariable(VAR_REVIEW_DECISION);
        task.removeVariable(VAR_REVIEW_COMMENT);
        if (RETURN.equals(decision)) {
            task.getExecution().setVariable(VAR_REVIEW_RETURNED, true);
            task.getExecution().setVariable(VAR_RETURN_REASON,
                    regions.find(township).map(Region::name).orElse(township) + "退回：" + comment);
        }
    }

    /** 区民政局审批调整方案: approve (applied at once), return to the drafter, or reject. */
    public void approve(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        long planId = planId(task);
        String actor = Actor.of(task);
        String decision = input.choice(VAR_APPROVAL_DECISION, "审批决定", List.of(APPROVE, RETURN, REJECT));
        String comment = APPROVE.equals(decision) ? input.optionalText(VAR_APPROVAL_COMMENT, "审批意见", 1000)
                : input.text(VAR_APPROVAL_COMMENT, RETURN.equals(decision) ? "退回理由" : "不予批准的理由", 1000);
        plans.decide(planId, TASK_APPROVE_BY_DISTRICT, null, decision, comment, actor);
        audit.record("REORG_PLAN", planId, null, null, "APPROVAL_" + decision, actor, comment, null, null);
        if (RETURN.equals(decision)) {
            task.setVariable(VAR_RETURN_REASON, "区民政局退回：" + comment);
        } else if (REJECT.equals(decision)) {
            plans.changeStatus(planId, "REJECTED");
        }
    }

    /** Sets the plan's status as it reaches a stage (execution listeners). */
    public void status(DelegateExecution execution, String status) {
        plans.changeStatus(planId(execution), status);
    }

    /** The existing townships concerned by the plan: one review task each. */
    public List<String> townshipsConcerned(DelegateExecution execution) {
        return service.resolve(ReorganisationService.parse((String) execution.getVariable(VAR_PLAN_JSON)))
                .townshipsConcerned();
    }

    /** The township reviewer's task shows the township's name. */
    public void showTownship(DelegateTask task) {
        String township = (String) task.getVariable(VAR_TOWNSHIP_CODE);
        task.setVariableLocal("townshipName", regions.find(township).map(Region::name).orElse(township));
    }

    static long planId(org.camunda.bpm.engine.delegate.VariableScope scope) {
        return ((Number) scope.getVariable(VAR_PLAN_ID)).longValue();
    }
}
