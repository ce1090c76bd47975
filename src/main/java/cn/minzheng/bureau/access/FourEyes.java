package cn.minzheng.bureau.access;

import static cn.minzheng.bureau.common.ProcessVariables.processScope;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.StoredVariables;
import cn.minzheng.bureau.engine.TaskPropertyHandler;

/**
 * Four-eyes principle, enforced by the engine: a user task declares who may not work on it and whom it records,
 * as task extension properties the engine applies to it (see {@link TaskPropertyHandler}):
 * <ul>
 * <li>{@code <camunda:property name="fourEyes" value="registeredBy,relatedStaffUser" />} refuses a user who
 * already acted at an earlier level, or who is a declared relative of the applicant, as the task is assigned
 * and as it is completed (complete matters: Tasklist's submit-form completes a task without claiming it),
 * before the task's own listeners;</li>
 * <li>{@code <camunda:property name="recordActor" value="registeredBy" />} records who completed the task,
 * after the task's own listeners have accepted it.</li>
 * </ul>
 */
@Component
public class FourEyes implements TaskPropertyHandler {

    public static final String FOUR_EYES = "fourEyes";
    public static final String RECORD_ACTOR = "recordActor";

    private final StaffNames staffNames;

    public FourEyes(StaffNames staffNames) {
        this.staffNames = staffNames;
    }

    @Override
    public Set<String> propertyNames() {
        return Set.of(FOUR_EYES, RECORD_ACTOR);
    }

    @Override
    public List<Listener> listeners(String property, String value) {
        List<String> names = TaskPropertyHandler.names(value);
        if (names.isEmpty() || RECORD_ACTOR.equals(property) && names.size() != 1) {
            throw new IllegalArgumentException(property + " needs " + (FOUR_EYES.equals(property)
                    ? "the variables of earlier actors" : "one variable") + ", not '" + value + "'");
        }
        if (RECORD_ACTOR.equals(property)) {
            String variable = names.get(0);
            return List.of(Listener.after(TaskListener.EVENTNAME_COMPLETE, task -> record(task, variable)));
        }
        TaskListener check = task -> refuseEarlierActors(task, names);
        return List.of(Listener.before(TaskListener.EVENTNAME_ASSIGNMENT, check),
                Listener.before(TaskListener.EVENTNAME_COMPLETE, check));
    }

    /**
     * {@code ${fourEyes.record(task, 'registeredBy')}}: what process versions deployed before the task properties
     * call (running cases keep their version until migrated); a new model declares {@code recordActor} instead.
     */
    public void record(DelegateTask task, String variable) {
        processScope(task).setVariable(variable, Actor.of(task));
    }

    /**
     * {@code ${fourEyes.requireOtherThan(task, 'registeredBy,reviewedBy')}}: what process versions deployed before
     * the task properties call (running cases keep their version until migrated); a new model declares
     * {@code fourEyes} instead.
     */
    public void requireOtherThan(DelegateTask task, String variables) {
        refuseEarlierActors(task, TaskPropertyHandler.names(variables));
    }

    /**
     * Refuses the assignee (on assignment) or the completing user when one of these variables names them. Within
     * a claim on its own only the stored values matter: they are read in one small query.
     */
    void refuseEarlierActors(DelegateTask task, List<String> names) {
        boolean assignment = TaskListener.EVENTNAME_ASSIGNMENT.equals(task.getEventName());
        String actor = assignment ? task.getAssignee() : Actor.of(task);
        if (actor == null) {
            return; // unassigned again: nobody to check
        }
        Map<String, Object> earlier = assignment ? StoredVariables.readIfCurrent(task, names).orElse(null) : null;
        for (String name : names) {
            Object earlierActor = earlier != null ? earlier.get(name) : processScope(task).getVariable(name);
            if (actor.equals(earlierActor)) {
                throw new RuleViolation("FOUR_EYES", message(name, staffNames.of(actor)), 403);
            }
        }
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
