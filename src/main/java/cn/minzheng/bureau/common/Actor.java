package cn.minzheng.bureau.common;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.ProcessEngineServicesAware;

import cn.minzheng.bureau.engine.EngineAuthentication;

/** Who is acting: the authenticated user of the current engine call, else the task's assignee. */
public final class Actor {

    private Actor() {
    }

    /** The logged-in user of the current engine call, or null for the engine's own work (timers, jobs). */
    public static String currentOrNull(ProcessEngineServicesAware scope) {
        return EngineAuthentication.userId(scope.getProcessEngineServices().getIdentityService());
    }

    public static String of(DelegateTask task) {
        String userId = EngineAuthentication.userId(task.getProcessEngineServices().getIdentityService());
        if (userId != null) {
            return userId;
        }
        if (task.getAssignee() != null) {
            return task.getAssignee();
        }
        throw new RuleViolation("ACTOR_UNKNOWN", "无法确认办理人身份，请登录后认领并办理该任务", 403);
    }
}
