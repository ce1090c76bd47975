package cn.minzheng.bureau.access;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.EngineAuthentication;
import cn.minzheng.bureau.engine.EveryUserTaskListener;

/**
 * A task someone has claimed (认领) is completed by them: a colleague to whom the task is offered too may not submit
 * its form in their place. Tasklist shows a colleague's claimed task without its 完成; the engine itself lets anyone
 * the task is offered to complete it, so the REST API let a second clerk decide a case the first had claimed. An
 * administrator (who may reassign the task) still completes it; the engine's own work (no one logged in) too.
 */
@Component
public class ClaimedTaskCompletion implements EveryUserTaskListener {

    private final StaffNames staffNames;

    public ClaimedTaskCompletion(StaffNames staffNames) {
        this.staffNames = staffNames;
    }

    @Override
    public String event() {
        return TaskListener.EVENTNAME_COMPLETE;
    }

    @Override
    public void notify(DelegateTask task) {
        IdentityService identities = task.getProcessEngineServices().getIdentityService();
        String user = EngineAuthentication.userId(identities);
        String assignee = task.getAssignee();
        if (user == null || assignee == null || assignee.equals(user)) {
            return;
        }
        AuthorizationService authorizations = task.getProcessEngineServices().getAuthorizationService();
        if (authorizations.isUserAuthorized(user, EngineAuthentication.groupIds(identities), TaskPermissions.TASK_ASSIGN,
                Resources.TASK, task.getId())) {
            return;
        }
        throw new RuleViolation("TASK_CLAIMED_BY_ANOTHER", "这项任务已由" + staffNames.of(assignee)
                + "认领，只能由认领人办理。如需接手，请对方取消认领，或请系统管理员改派", 409);
    }
}
