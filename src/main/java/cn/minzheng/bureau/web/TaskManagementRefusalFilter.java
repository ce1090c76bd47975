package cn.minzheng.bureau.web;

import java.io.IOException;
import java.util.regex.Pattern;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Whoever a task is offered to may claim, return and complete it; changing who it is offered to, its assignee, its
 * due date or its name is an administrator's (the engine's task permission TASK_WORK, application.yml). Tasklist
 * offers those changes to everyone and would show the engine's English refusal ("The user with id … does not have
 * one of the following permissions: 'TASK_ASSIGN' …"): this says it in Chinese, as the engine's refusal of a broken
 * rule is said ({@link EngineApiRefusals}). Likewise 新建任务: the bureau's tasks come from its processes, and nobody but
 * an administrator may create one by hand. Any other answer passes as it is.
 */
class TaskManagementRefusalFilter extends OncePerRequestFilter {

    private static final Pattern CHANGE = Pattern.compile("/task/[^/]+/(?:assignee|delegate|identity-links(?:/delete)?)$");
    private static final Pattern UPDATE = Pattern.compile("/task/[^/]+$");
    private static final Pattern CREATE = Pattern.compile("/task/create$");

    private final ObjectMapper json;

    TaskManagementRefusalFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return refusal(request) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, captured);
        if (captured.getStatus() == HttpServletResponse.SC_FORBIDDEN && refusedByAuthorization(captured.getContentAsByteArray())) {
            captured.resetBuffer();
            Refusal refusal = refusal(request);
            EngineApiRefusals.refuse(response, json, HttpServletResponse.SC_FORBIDDEN, refusal.code(), refusal.message());
            return;
        }
        captured.copyBodyToResponse();
    }

    /** The code and message that say why the engine refused the request, or null for a request not handled here. */
    private static Refusal refusal(HttpServletRequest request) {
        String path = request.getRequestURI();
        if ("POST".equals(request.getMethod()) && CREATE.matcher(path).find()) {
            return new Refusal("TASKS_COME_FROM_PROCESSES", "任务由业务流程产生，不能在任务列表中单独新建；请通过“发起流程”办理业务");
        }
        if ("POST".equals(request.getMethod()) && CHANGE.matcher(path).find()
                || "PUT".equals(request.getMethod()) && UPDATE.matcher(path).find()) {
            return new Refusal("TASK_MANAGED_BY_ADMINISTRATOR",
                    "任务的办理人、候选组、期限和名称由流程按辖区和时限规则确定，您可以认领、取消认领和办理交给您的任务；"
                            + "如需改派或调整期限，请联系系统管理员");
        }
        return null;
    }

    private record Refusal(String code, String message) {
    }

    private boolean refusedByAuthorization(byte[] body) {
        try {
            JsonNode answer = json.readTree(body);
            return answer != null && "AuthorizationException".equals(answer.path("type").asText());
        } catch (IOException notJson) {
            return false;
        }
    }
}
