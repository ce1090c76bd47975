package cn.minzheng.bureau.access;

import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.auth.DefaultAuthorizationProvider;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's task authorizations, with one change for the district-wide groups: they read every
 * task through one global grant (see AccessSetup), so a task offered to them gets a task-level grant
 * to work on it but not a second, per-task READ. Task-list queries join every READ grant of the
 * user's groups against the tasks; thousands of per-task READ rows for the district approver made
 * that join quadratic (measured in TaskListBenchmark). Township groups keep per-task READ: it is what
 * confines them to their own township's tasks.
 */
public class BureauAuthorizationProvider extends DefaultAuthorizationProvider {

    @Override
    protected AuthorizationEntity[] createOrUpdateAuthorizationsByGroupId(Task task, String groupId) {
        if (Groups.DISTRICT_WIDE.contains(groupId)) {
            return new AuthorizationEntity[] {
                    createOrUpdateAuthorization(task, null, groupId, Resources.TASK, false, getDefaultUserPermissionForTask())
            };
        }
        return super.createOrUpdateAuthorizationsByGroupId(task, groupId);
    }
}
