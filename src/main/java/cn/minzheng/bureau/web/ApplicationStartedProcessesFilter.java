package cn.minzheng.bureau.web;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A process the application starts itself ({@code camunda:isStartableInTasklist="false"}: a review of an approved
 * case, the month's payroll, a plan's reorganisation, a collapsed house's rebuilding) is started only by the
 * application, which first registers the record the process works on and checks the rules for it. Started through
 * the engine REST API or the webapps' engine API (by definition, or by its start message) it would run without that
 * record and around those rules; such a start is refused, in Chinese, before it reaches the engine. What these
 * processes do once started (their tasks, their forms) goes through these APIs as every other process does.
 * A start of a process a process manager has suspended (Cockpit) is refused here too, in Chinese, where the engine
 * answered a 500 "ENGINE-03043 Process Definition … is suspended": the clerk's start form may have stood open since
 * before the suspension.
 */
class ApplicationStartedProcessesFilter extends OncePerRequestFilter {

    private static final Pattern MESSAGE = Pattern.compile("/message$");

    private final RepositoryService repositoryService;
    private final ObjectMapper json;

    ApplicationStartedProcessesFilter(RepositoryService repositoryService, ObjectMapper json) {
        this.repositoryService = repositoryService;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !"POST".equals(request.getMethod())
                || !(ProcessStartRequest.of(uri).isPresent() || MESSAGE.matcher(uri).find());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<ProcessStartRequest> start = ProcessStartRequest.of(request.getRequestURI());
        if (start.isPresent()) {
            Optional<ProcessDefinition> started = start.get().definition(repositoryService);
            if (started.filter(definition -> !definition.isStartableInTasklist()).isPresent()) {
                refuse(response, started.get());
                return;
            }
            if (started.filter(ProcessDefinition::isSuspended).isPresent()) {
                EngineApiRefusals.refuse(response, json, HttpServletResponse.SC_CONFLICT, "PROCESS_SUSPENDED",
                        "“" + started.get().getName() + "”已由流程管理员暂停，暂时不能发起；您的提交未保存，请待流程恢复后再提交");
                return;
            }
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readAllBytes();
        Optional<ProcessDefinition> started = startedByMessage(messageName(body));
        if (started.isPresent()) {
            refuse(response, started.get());
            return;
        }
        chain.doFilter(new ReplacedBodyRequest(request, body), response);
    }

    private void refuse(HttpServletResponse response, ProcessDefinition definition) throws IOException {
        EngineApiRefusals.refuse(response, json, HttpServletResponse.SC_FORBIDDEN, "STARTED_BY_THE_APPLICATION",
                "“" + definition.getName() + "”由系统在相关事项登记后自动发起，不能在任务列表或接口中直接启动；请在台账或业务页面中办理");
    }

    /** The latest process started by this message that the application starts itself, if any. */
    private Optional<ProcessDefinition> startedByMessage(String messageName) {
        if (messageName == null) {
            return Optional.empty();
        }
        // the query selects the definitions whose start event waits for this message (only the latest version's does)
        return repositoryService.createProcessDefinitionQuery().messageEventSubscriptionName(messageName).list().stream()
                .filter(definition -> !definition.isStartableInTasklist())
                .findFirst();
    }

    private String messageName(byte[] body) {
        try {
            var name = json.readTree(body).path("messageName");
            return name.isTextual() ? name.asText() : null;
        } catch (IOException notJson) {
            return null; // the engine answers that itself
        }
    }
}
