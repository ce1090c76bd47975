package cn.minzheng.bureau.web;

import java.io.IOException;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.SuspendedEntityInteractionException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.exception.NullValueException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.minzheng.bureau.access.StaffNames;
import cn.minzheng.bureau.engine.EngineAuthentication;

/**
 * 认领 and 取消认领 of a task, for whoever it is offered to (the task permission TASK_WORK, application.yml).
 * <ul>
 * <li>A claim names the user who claims. The engine's claim takes any user id and checks only that the caller may
 * work on the task, so a clerk could "claim" a task for another township's clerk, who would then read the household's
 * data: a claim for someone else is an assignment, and needs the right to assign the task (an administrator's).
 * Tasklist's 认领 always names the user who is logged in.</li>
 * <li>A return is the engine's claim without a user, which TASK_WORK allows. The REST API's {@code unclaim} (Tasklist's
 * 取消认领 of one's own task) and an assignee of nobody (its 重置办理人 of a colleague's) set the assignee to nobody
 * instead, which needs the right to assign: both are answered here as the engine's return, as the user who sends
 * them. An assignee who is somebody stays the engine's to refuse, unless the user may assign the task.</li>
 * <li>A claim for oneself is made here, as the user, so that a task a colleague claimed a moment before is answered
 * 409 with the colleague's name, not the engine's English 500 (two clerks of a township see the same task offered, and
 * the second press of 认领 loses).</li>
 * </ul>
 */
class TaskClaimFilter extends TaskActionFilter {

    private final AuthorizationService authorizations;
    private final TaskService tasks;
    private final IdentityService identities;
    private final StaffNames staffNames;
    private final ObjectMapper json;

    TaskClaimFilter(WebUsers users, AuthorizationService authorizations, TaskService tasks, IdentityService identities,
                    StaffNames staffNames, ObjectMapper json) {
        super("claim|unclaim|assignee", users);
        this.authorizations = authorizations;
        this.tasks = tasks;
        this.identities = identities;
        this.staffNames = staffNames;
        this.json = json;
    }

    @Override
    void filter(String taskId, String action, WebUsers.WebUser user, HttpServletRequest request,
                HttpServletResponse response, FilterChain chain) throws ServletException, IOException {
        if ("unclaim".equals(action)) {
            claim(taskId, user, null, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        JsonNode sent = object(body);
        if (sent == null) {
            // not a JSON object: the engine answers it as it would without this filter
            chain.doFilter(new ReplacedBodyRequest(request, body), response);
            return;
        }
        String named = sent.path("userId").isTextual() ? sent.get("userId").asText() : null;
        boolean toNobody = named == null || named.isBlank();
        if ("assignee".equals(action) && toNobody) {
            claim(taskId, user, null, response);
        } else if ("claim".equals(action) && !toNobody && named.equals(user.id())) {
            claim(taskId, user, named, response);
        } else if ("claim".equals(action) && !toNobody
                && !authorizations.isUserAuthorized(user.id(), user.groups(), TaskPermissions.TASK_ASSIGN,
                        Resources.TASK, taskId)) {
            EngineApiRefusals.refuse(response, json, HttpServletResponse.SC_FORBIDDEN, "CLAIM_FOR_ONESELF_ONLY",
                    "任务只能由本人认领。如需交给其他工作人员办理，请先取消认领，由对方自行认领，或请系统管理员改派");
        } else {
            chain.doFilter(new ReplacedBodyRequest(request, body), response);
        }
    }

    /** The engine's claim as the user: for the user ({@code claimant} the user's id) or back to nobody (null). */
    private void claim(String taskId, WebUsers.WebUser user, String claimant, HttpServletResponse response) throws IOException {
        String action = claimant == null ? "取消认领" : "认领";
        try {
            // a task the user cannot see is answered as one that does not exist, without a command failing in the
            // engine (which would log it as an error)
            boolean done = EngineAuthentication.as(identities, user.id(), user.groups(), () -> {
                if (tasks.createTaskQuery().taskId(taskId).count() == 0) {
                    return false;
                }
                tasks.claim(taskId, claimant);
                return true;
            });
            if (done) {
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } else {
                notFound(response);
            }
        } catch (NullValueException completedMeanwhile) {
            notFound(response);
        } catch (TaskAlreadyClaimedException claimedMeanwhile) {
            EngineApiRefusals.refuse(response, json, HttpServletResponse.SC_CONFLICT, "TASK_CLAIMED_BY_ANOTHER",
                    "这项任务已由" + staffNames.of(claimedMeanwhile.getTaskAssignee()) + "认领，请办理其他任务");
        } catch (AuthorizationException notOffered) {
            EngineApiRefusals.refuse(response, json, HttpServletResponse.SC_FORBIDDEN, "TASK_NOT_OFFERED",
                    "这项任务没有交给您办理，不能" + action);
        } catch (SuspendedEntityInteractionException suspended) {
            EngineApiRefusals.refuse(response, json, HttpServletResponse.SC_CONFLICT, "TASK_SUSPENDED",
                    "这项任务所在的流程已暂停，暂时不能" + action + "；流程恢复后再办理");
        }
    }

    private void notFound(HttpServletResponse response) throws IOException {
        EngineApiRefusals.refuse(response, json, HttpServletResponse.SC_NOT_FOUND, "TASK_NOT_FOUND", "任务不存在或已办结");
    }

    /** The body as a JSON object; null when it is none. */
    private JsonNode object(byte[] body) {
        try {
            JsonNode sent = json.readTree(body);
            return sent != null && sent.isObject() ? sent : null;
        } catch (IOException notJson) {
            return null;
        }
    }
}
