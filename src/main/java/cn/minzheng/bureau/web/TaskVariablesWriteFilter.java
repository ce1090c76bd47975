package cn.minzheng.bureau.web;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A task's data changes only by submitting its form. The engine lets whoever may work on a task also set its
 * variables, and a task's variable reaches the process: through the engine REST API a clerk could set the process's
 * {@code caseId} to another case's while its task waited (found by trying it), around every rule the form's
 * submission is held to ({@link ReadOnlyFieldsSubmissionFilter}, the steps' checks). Writing a task's variables or
 * local variables through the engine REST API or the webapps' engine API is therefore refused for everyone; reading
 * them is not. A process manager repairs a process's data in Cockpit, on the process instance.
 */
class TaskVariablesWriteFilter extends OncePerRequestFilter {

    private static final Pattern TASK_VARIABLES = Pattern.compile("/task/[^/]+/(?:variables|localVariables)(?:/.*)?$");
    private static final Set<String> WRITES = Set.of("POST", "PUT", "DELETE", "PATCH");

    private final ObjectMapper json;

    TaskVariablesWriteFilter(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !WRITES.contains(request.getMethod()) || !TASK_VARIABLES.matcher(request.getRequestURI()).find();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        EngineApiRefusals.refuse(response, json, HttpServletResponse.SC_FORBIDDEN, "TASK_DATA_BY_FORM_ONLY",
                "任务的数据只能通过提交任务表单填写或修改");
    }
}
