package cn.minzheng.bureau.engine;

import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's task authorizations, with two changes; installed by {@link TaskAuthorizationPlugin}.
 * <p>
 * Groups that read every task through one global grant (the district-wide ones, as the application's
 * {@link TaskGrantPolicy} says; see access/AccessSetup), so a task offered to
 * them gets a task-level grant to work on it but not a second, per-task READ. Task-list queries join every
 * READ grant of the user's groups against the tasks; thousands of per-task READ rows for the district
 * approver made that join quadratic (measured in TaskListBenchmark).
 * <p>
 * Township groups (clerks, reviewers, committees) keep per-task READ: it is what confines them to their own
 * township's tasks. With it they also get READ on the task's process instance, and so on its variables:
 * a task card shows 案件编号, 申请人 and 乡镇 from the process's variables, which the engine lets only
 * readers of the process instance see. The grant goes with the process instance when it ends; a township
 * group reads only the instances it was offered work in.
 */
public class TaskAuthorizationProvider extends DefaultAuthorizationProvider {

    private final TaskGrantPolicy policy;

    TaskAuthorizationProvider(TaskGrantPolicy policy) {
        this.policy = policy;
    }

    @Override
    protected AuthorizationEntity[] createOrUpdateAuthorizationsByGroupId(Task task, String groupId) {
        if (policy.readsEveryTask(groupId)) {
            return new AuthorizationEntity[] {
                    createOrUpdateAuthorization(task, null, groupId, Resources.TASK, false, getDefaultUserPermissionForTask())
            };
        }
        AuthorizationEntity[] taskGrants = super.createOrUpdateAuthorizationsByGroupId(task, groupId);
        AuthorizationEntity instanceGrant = processInstanceRead(task, groupId);
        if (instanceGrant == null) {
            return taskGrants;
        }
        AuthorizationEntity[] grants = java.util.Arrays.copyOf(taskGrants, taskGrants.length + 1);
        grants[taskGrants.length] = instanceGrant;
        return grants;
    }

    /** READ on the task's process instance for the group, unless it has it already (or the task has none). */
    private AuthorizationEntity processInstanceRead(Task task, String groupId) {
        String processInstanceId = task.getProcessInstanceId();
        if (processInstanceId == null
                || getGrantAuthorizationByGroupId(groupId, Resources.PROCESS_INSTANCE, processInstanceId) != null
                || grantedInThisCommand(groupId, processInstanceId)) {
            return null;
        }
        return createGrantAuthorization(null, groupId, Resources.PROCESS_INSTANCE, processInstanceId, Permissions.READ);
    }

    /** A second task of the same instance offered to the group in the same transaction (not yet flushed). */
    private static boolean grantedInThisCommand(String groupId, String processInstanceId) {
        return Context.getCommandContext().getDbEntityManager()
                .getCachedEntitiesByType(AuthorizationEntity.class).stream()
                .anyMatch(a -> groupId.equals(a.getGroupId()) && processInstanceId.equals(a.getResourceId())
                        && a.getResourceType() == Resources.PROCESS_INSTANCE.resourceType());
    }
}
