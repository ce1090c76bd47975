package cn.minzheng.bureau.community.reorganisation;

import static cn.minzheng.bureau.community.reorganisation.CommunityReorganisationProcess.*;

import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;

/**
 * 执行调整方案 (${applyReorganisationPlan}): applies the approved plan in the approver's transaction. A plan
 * that no longer fits (another plan changed a community meanwhile) goes back to the drafter with the reason;
 * nothing has been written then.
 */
@Component("applyReorganisationPlan")
public class ApplyReorganisationDelegate implements JavaDelegate {

    private final ReorganisationService service;

    public ApplyReorganisationDelegate(ReorganisationService service) {
        this.service = service;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long planId = ReorganisationTasks.planId(execution);
        // checked before the transactional apply: a refusal inside it would mark the engine's transaction rollback-only
        if (!"APPLIED".equals(service.plan(planId).status())) {
            PlanValidator.Result check = PlanValidator.validate(
                    ReorganisationService.parse(service.plan(planId).planJson()), service.world());
            if (!check.valid()) {
                String reason = "执行前复核未通过：" + String.join("；", check.problems());
                throw new BpmnError(ERROR_PLAN_INVALID, reason.length() <= 1000 ? reason : reason.substring(0, 999) + "…");
            }
        }
        ReorganisationService.Applied applied = service.apply(planId, Actor.currentOrNull(execution));
        execution.setVariable("applySummary", "已调整" + applied.households() + "户家庭、" + applied.cases() + "件低保案件、"
                + applied.processes() + "个流程、" + applied.tasks() + "项待办任务");
    }
}
