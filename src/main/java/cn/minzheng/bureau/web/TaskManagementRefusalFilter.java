package cn.minzheng.bureau.web;

import java.io.IOException;
import java.util.Set;
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
 * rule is said ({@link EngineApiRefusals}). Any other answer passes as it is.
 */
class TaskManagementRefusalFilter extends OncePerRequestFilter {

    private static final Pattern TASK_CHANGE = Pattern.compile(
            "/task/[^/]+(?:/(?:assignee|delegate|identity-links(?:/delete)?))?$");
    private static final Set<String> CHANGES = Set.of("POST", "PUT");

    private final ObjectMapper json;

    TaskManagementRefusalFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !CHANGES.contains(request.getMethod()) || !TASK_CHANGE.matcher(request.getRequestURI()).find();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper captured = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, captured);
        if (captured.getStatus() == HttpServletResponse.SC_FORBIDDEN && refusedByAuthorization(captured.getContentAsByteArray())) {
            captured.resetBuffer();
            EngineApiRefusals.refuse(response, json, HttpServletResponse.SC_FORBIDDEN, "TASK_MANAGED_BY_ADMINISTRATOR",
                    "任务的办理人、候选组、期限和名称由流程按辖区和时限规则确定，您可以领取、退回（取消领取）和办理交给您的任务；"
                            + "如需改派或调整期限，请联系系统管理员");
            return;
        }
        captured.copyBodyToResponse();
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
