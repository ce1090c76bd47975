package cn.minzheng.bureau.common;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who is acting: the authenticated user of the current engine call, else the task's assignee. */
public final class Actor {

    private Actor() {
    }

    /** The logged-in user of the current engine call, or null for the engine's own work (timers, jobs). */
    public static String currentOrNull(ProcessEngineServicesAware scope) {
        Authentication authentication = scope.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        return authentication == null ? null : authentication.getUserId();
    }

    public static String of(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        throw new RuleViolation("ACTOR_UNKNOWN", "无法确认办理人身份，请登录后认领并办理该任务", 403);
    }
}
