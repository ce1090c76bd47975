package cn.minzheng.bureau.access;

import static cn.minzheng.bureau.common.ProcessVariables.processScope;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.VariableInstanceEntity;
import org.camunda.bpm.engine.runtime.VariableInstance;
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

    private final StaffNames staffNames;

    public FourEyes(StaffNames staffNames) {
        this.staffNames = staffNames;
    }

    public void record(DelegateTask task, String variable) {
        processScope(task).setVariable(variable, Actor.of(task));
    }

    public void requireOtherThan(DelegateTask task, String variables) {
        boolean assignment = TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName());
        String actor = assignment ? task.getAssignee() : Actor.of(task);
        if (actor == null) {
            return; // unassigned again: nobody to check
        }
        List<String> names = Arrays.stream(variables.split(",")).map(String::trim).toList();
        Map<String, Object> earlier = assignment && storedValuesAreCurrent(task) ? readStored(task, names) : null;
        for (String name : names) {
            Object earlierActor = earlier != null ? earlier.get(name) : processScope(task).getVariable(name);
            if (actor.equals(earlierActor)) {
                throw new RuleViolation("FOUR_EYES", message(name, staffNames.of(actor)), 403);
            }
        }
    }

    /**
     * True when this transaction has neither read nor written a variable of the process instance (a claim
     * on its own): the values in the database are the current ones. A task assigned as it is created, or in
     * a transaction that has just set a fact, reads them through the engine instead.
     */
    private static boolean storedValuesAreCurrent(DelegateTask task) {
        String processInstanceId = task.getProcessInstanceId();
        return Context.getCommandContext().getDbEntityManager().getCachedEntitiesByType(VariableInstanceEntity.class)
                .stream().noneMatch(variable -> processInstanceId.equals(variable.getProcessInstanceId()));
    }

    /**
     * Within a claim only the stored values matter, so reading these names is one small query instead of
     * loading every variable of the task's scopes (two queries of forty-odd rows in a 低保 application). The
     * user's authorizations were checked by the claim itself; the lookup is the engine's own.
     */
    private static Map<String, Object> readStored(DelegateTask task, List<String> names) {
        List<VariableInstance> found = Context.getCommandContext().runWithoutAuthorization(() ->
                task.getProcessEngineServices().getRuntimeService().createVariableInstanceQuery()
                        .processInstanceIdIn(task.getProcessInstanceId())
                        .variableNameIn(names.toArray(String[]::new))
                        .disableBinaryFetching().disableCustomObjectDeserialization()
                        .list());
        return found.stream().filter(v -> v.getValue() != null)
                .collect(Collectors.toMap(VariableInstance::getName, VariableInstance::getValue,
                        (a, b) -> a));
    }

    /** The refusal, naming the user by name and post ("李建国（岳村乡审核人）"). */
    private static String message(String variable, String actor) {
        return switch (variable) {
            case "registeredBy" -> "四眼原则：" + actor + "已受理登记本案件，不能再办理本级审核审批，请由其他人员办理";
            case "reviewedBy" -> "四眼原则：" + actor + "已作出本案件的乡镇审核，不能再办理区级审批，请由其他人员办理";
            case "checkedBy" -> "四眼原则：" + actor + "已作为财务核对本工资单，不能再审批，请由其他人员办理";
            case "relatedStaffUser" -> "回避：" + actor + "是申请人的近亲属，不能办理本案件";
            default -> "四眼原则：" + actor + "已办理本案件的前一环节，请由其他人员办理";
        };
    }
}
