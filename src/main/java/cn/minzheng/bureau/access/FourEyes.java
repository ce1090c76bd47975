package cn.minzheng.bureau.access;

import static cn.minzheng.bureau.common.ProcessVariables.processScope;

import java.util.Arrays;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.RuleViolation;

/**
 * Four-eyes principle, enforced by the engine: task listeners record who acted at each level and
 * refuse a user who already acted at an earlier level, or who is a declared relative of the applicant.
 * Used from BPMN as ${fourEyes.record(task, 'registeredBy')} and
 * ${fourEyes.requireOtherThan(task, 'registeredBy,reviewedBy')} on the assignment and complete events
 * (complete matters: Tasklist's submit-form completes a task without claiming it).
 */
@Component("fourEyes")
public class FourEyes {

    public void record(DelegateTask task, String variable) {
        processScope(task).setVariable(variable, Actor.of(task));
    }

    public void requireOtherThan(DelegateTask task, String variables) {
        String actor = TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName()) ? task.getAssignee() : Actor.of(task);
        if (actor == null) {
            return; // unassigned again: nobody to check
        }
        for (String variable : Arrays.stream(variables.split(",")).map(String::trim).toList()) {
            if (actor.equals(processScope(task).getVariable(variable))) {
                throw new RuleViolation("FOUR_EYES", message(variable, actor), 403);
            }
        }
    }

    private static String message(String variable, String actor) {
        return switch (variable) {
            case "registeredBy" -> "四眼原则：用户" + actor + "已受理登记本案件，不能再办理本级审核审批，请由其他人员办理";
            case "reviewedBy" -> "四眼原则：用户" + actor + "已作出本案件的乡镇审核，不能再办理区级审批，请由其他人员办理";
            case "checkedBy" -> "四眼原则：用户" + actor + "已作为财务核对本工资单，不能再审批，请由其他人员办理";
            case "relatedStaffUser" -> "回避：用户" + actor + "是申请人的近亲属，不能办理本案件";
            default -> "四眼原则：用户" + actor + "已办理本案件的前一环节，请由其他人员办理";
        };
    }
}
