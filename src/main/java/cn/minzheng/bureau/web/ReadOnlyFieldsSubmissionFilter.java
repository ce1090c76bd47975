package cn.minzheng.bureau.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Keeps, of a task's submission or a process's start, only the variables its Camunda Form lets the user write:
 * drops those the form only shows, and any other the request sends.
 * <p>
 * Tasklist sends back every field that is not disabled, read-only ones included. The case facts a form
 * shows (申请人, 家庭人均收入, 测算结论, …) therefore came back with every completed task and were written
 * again: thirteen variables at a township review, each a runtime update and two history rows, for
 * nothing; and anyone could send other values in their place for the next reviewer to read. The fields
 * stay read-only, not disabled, so that clerks can still select and copy a case number or a name.
 * <p>
 * A variable the form has no field for at all (the process's own facts: {@code caseId}, {@code planId}, who decided)
 * is never sent by Tasklist; sent through the API it would have replaced the fact, and the process would have gone on
 * with another case's id or with text where it keeps a number. It is dropped too, and logged.
 * <p>
 * Applies to {@code submit-form} and {@code complete} of a task and {@code submit-form} and {@code start} of a process
 * with a start form, through the engine REST API and the webapps' own; a task or process without a Camunda Form, or
 * one the engine will refuse anyway, passes unchanged.
 */
class ReadOnlyFieldsSubmissionFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ReadOnlyFieldsSubmissionFilter.class);
    private static final Pattern TASK_SUBMISSION = Pattern.compile("/task/([^/]+)/(submit-form|complete)$");

    private final FormService formService;
    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final ObjectMapper json;

    ReadOnlyFieldsSubmissionFilter(FormService formService, TaskService taskService, RepositoryService repositoryService,
                                   ObjectMapper json) {
        this.formService = formService;
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String uri = request.getRequestURI();
        return !"POST".equals(request.getMethod())
                || !(TASK_SUBMISSION.matcher(uri).find() || ProcessStartRequest.of(uri).isPresent());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] body = request.getInputStream().readAllBytes();
        Matcher task = TASK_SUBMISSION.matcher(request.getRequestURI());
        if (task.find()) {
            String taskId = task.group(1);
            body = onlyWhatTheFormLetsTheUserWrite(body, () -> taskForm(taskId), "task " + taskId);
        } else {
            ProcessStartRequest start = ProcessStartRequest.of(request.getRequestURI()).orElseThrow();
            body = onlyWhatTheFormLetsTheUserWrite(body, () -> startForm(start), "start of " + start.named());
        }
        chain.doFilter(new ReplacedBodyRequest(request, body), response);
    }

    private byte[] onlyWhatTheFormLetsTheUserWrite(byte[] body, Supplier<Optional<JsonNode>> formOf, String submitted) {
        JsonNode submission;
        try {
            submission = json.readTree(body);
        } catch (IOException notJson) {
            return body; // the engine answers malformed requests itself
        }
        if (submission == null || !(submission.get("variables") instanceof ObjectNode variables) || variables.isEmpty()) {
            return body;
        }
        Optional<JsonNode> form = formOf.get();
        if (form.isEmpty()) {
            return body;
        }
        Set<String> shown = ReadOnlyFormFields.variables(form.get());
        Set<String> editable = ReadOnlyFormFields.editable(form.get());
        List<String> readOnly = new ArrayList<>();
        List<String> notOnTheForm = new ArrayList<>();
        variables.fieldNames().forEachRemaining(name -> {
            if (shown.contains(name)) {
                readOnly.add(name);
            } else if (!editable.contains(name)) {
                notOnTheForm.add(name);
            }
        });
        if (readOnly.isEmpty() && notOnTheForm.isEmpty()) {
            return body;
        }
        variables.remove(readOnly);
        variables.remove(notOnTheForm);
        LOG.debug("{}: read-only fields not written back: {}", submitted, readOnly);
        if (!notOnTheForm.isEmpty()) {
            LOG.info("{}: variables its form has no field for, not written: {}", submitted, notOnTheForm);
        }
        return submission.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The process's Camunda start form (latest version by key, or the version by id), or empty: no such process, no
     * Camunda Form, or not one this user may see.
     */
    private Optional<JsonNode> startForm(ProcessStartRequest start) {
        try {
            Optional<ProcessDefinition> definition = start.definition(repositoryService);
            if (definition.isEmpty()) {
                return Optional.empty();
            }
            try (InputStream form = formService.getDeployedStartForm(definition.get().getId())) {
                return form == null ? Optional.empty() : Optional.ofNullable(json.readTree(form));
            }
        } catch (RuntimeException | IOException noCamundaForm) {
            LOG.debug("no Camunda start form read for {}: {}", start.named(), noCamundaForm.getMessage());
            return Optional.empty();
        }
    }

    /** The task's Camunda Form, or empty: no such task, no Camunda Form, or not one this user may see. */
    private Optional<JsonNode> taskForm(String taskId) {
        // asked first because the engine's form lookup fails with an NPE (logged as ENGINE-16004) for a task
        // that does not exist; the submission itself then gets the engine's ordinary "Cannot find task" error
        if (taskService.createTaskQuery().taskId(taskId).count() == 0) {
            return Optional.empty();
        }
        try (InputStream form = formService.getDeployedTaskForm(taskId)) {
            return form == null ? Optional.empty() : Optional.ofNullable(json.readTree(form));
        } catch (RuntimeException | IOException noCamundaForm) {
            // no Camunda Form, or not visible to this user: the engine's answer to the submission follows
            LOG.debug("no Camunda Form read for task {}: {}", taskId, noCamundaForm.getMessage());
            return Optional.empty();
        }
    }

}
