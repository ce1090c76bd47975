package cn.minzheng.bureau.web;

import java.io.IOException;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.engine.EngineAuthentication;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A form submitted for a task that is no longer there, or whose case a process manager has suspended, is answered in
 * Chinese before the engine sees it. A clerk meets both: a form left open while the task was completed otherwise (the
 * notice period ran out, the administrator reassigned it and a colleague finished it), a case held in Cockpit. Both
 * APIs answered them with a 500 and the engine's English ("Cannot submit task form …: Cannot find task with id …",
 * "ENGINE-03043 task with id … is suspended"), which Tasklist shows as it is. The task is looked up as the user, so a
 * task the user may not see is answered as one that does not exist.
 */
class TaskSubmissionStateFilter extends TaskActionFilter {

    private final TaskService tasks;
    private final IdentityService identities;
    private final ObjectMapper json;

    TaskSubmissionStateFilter(WebUsers users, TaskService tasks, IdentityService identities, ObjectMapper json) {
        super("submit-form|complete", users);
        this.tasks = tasks;
        this.identities = identities;
        this.json = json;
    }

    @Override
    void filter(String taskId, String action, WebUsers.WebUser user, HttpServletRequest request,
                HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        Task shown = EngineAuthentication.as(identities, user.id(), user.groups(),
                () -> tasks.createTaskQuery().taskId(taskId).singleResult());
        if (shown == null) {
            EngineApiRefusals.refuse(response, json, HttpServletResponse.SC_NOT_FOUND, "TASK_NOT_FOUND",
                    "这项任务已经办结或已不在您的待办中（可能已由他人办理，或已按时限自动结束），您的提交未保存。请刷新任务列表");
        } else if (shown.isSuspended()) {
            EngineApiRefusals.refuse(response, json, HttpServletResponse.SC_CONFLICT, "TASK_SUSPENDED",
                    "这项任务所在的流程已暂停，暂时不能办理，您的提交未保存；流程恢复后再办理");
        } else {
            chain.doFilter(request, response);
        }
    }
}
