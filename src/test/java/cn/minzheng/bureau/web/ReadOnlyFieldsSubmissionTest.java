package cn.minzheng.bureau.web;

import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricVariableUpdate;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.support.Http;
import cn.minzheng.bureau.support.WebappSession;
import cn.minzheng.bureau.support.TestApplications;

/**
 * A task submitted over the engine REST API, as Tasklist does it: the values of the form's read-only
 * fields come back with the inputs and are dropped, unchanged or not; the inputs are taken.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReadOnlyFieldsSubmissionTest {

    private static final String CLERK = "clerk.mengke";
    private static final String REVIEWER = "reviewer.mengke";

    @LocalServerPort
    int port;
    @Autowired
    DibaoWalker walker;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;

    @Test
    void onlyWhatTheFormLetsTheUserWriteIsWrittenAndNoFactCanBeReplaced() {
        DibaoCase dibaoCase = walker.submit(CLERK, TestApplications.household("mengke", "mengke-mengke", "ORDINARY", 2, "300"));
        walker.accept(CLERK, dibaoCase);
        walker.survey(CLERK, dibaoCase, Map.of());
        String instance = dibaoCase.processInstanceId();
        Object income = runtimeService.getVariable(instance, "perCapitaIncome");
        Object caseNumber = runtimeService.getVariable(instance, "caseNumber");
        Object caseId = runtimeService.getVariable(instance, "caseId");
        Object householdSize = runtimeService.getVariable(instance, "householdSize");
        Task review = taskService.createTaskQuery().processInstanceId(instance).taskDefinitionKey(TASK_REVIEW_BY_TOWNSHIP).singleResult();
        Http http = new Http(port);
        assertThat(http.post(REVIEWER, "/engine-rest/task/" + review.getId() + "/claim", Map.of("userId", REVIEWER)).status()).isEqualTo(204);

        var response = http.post(REVIEWER, "/engine-rest/task/" + review.getId() + "/submit-form", Map.of("variables", Map.of(
                VAR_REVIEW_DECISION, Map.of("value", APPROVE),
                VAR_REVIEW_COMMENT, Map.of("value", "同意"),
                "caseNumber", Map.of("value", caseNumber),     // as Tasklist sends it back
                "perCapitaIncome", Map.of("value", "1.00"),    // a forged figure for the district approver
                "caseId", Map.of("value", "不"),                // a fact no form has a field for: the case worked on
                "householdSize", Map.of("value", 99))));

        assertThat(response.status()).as(response.body()).isEqualTo(204);
        assertThat(runtimeService.getVariable(instance, VAR_REVIEW_DECISION)).isEqualTo(APPROVE);
        assertThat(runtimeService.getVariable(instance, "perCapitaIncome")).isEqualTo(income);
        assertThat(runtimeService.getVariable(instance, "caseId")).isEqualTo(caseId);
        assertThat(runtimeService.getVariable(instance, "householdSize")).isEqualTo(householdSize);
        assertThat(historyService.createHistoricDetailQuery().variableUpdates().processInstanceId(instance).list())
                .extracting(detail -> ((HistoricVariableUpdate) detail).getVariableName())
                .filteredOn(List.of("caseNumber", "perCapitaIncome")::contains)
                .as("written once, when the case was registered (the calculation's copy is kept out of history)")
                .containsExactly("caseNumber");
    }

    /** The engine lets a task's worker set its variables, which reach the process; only the form may. */
    @Test
    void aTasksVariablesAreWrittenOnlyByItsFormNotThroughTheVariablesApi() {
        DibaoCase dibaoCase = walker.submit(CLERK, TestApplications.household("mengke", "mengke-mengke", "ORDINARY", 2, "300"));
        String instance = dibaoCase.processInstanceId();
        Object caseId = runtimeService.getVariable(instance, "caseId");
        Task accept = taskService.createTaskQuery().processInstanceId(instance).singleResult();
        Http http = new Http(port);
        String task = "/engine-rest/task/" + accept.getId();

        List<Http.Response> writes = List.of(
                http.put(CLERK, task + "/variables/caseId", Map.of("value", 1, "type", "Long")),
                http.post(CLERK, task + "/variables", Map.of("modifications", Map.of("caseId", Map.of("value", 2, "type", "Long")))),
                http.put(CLERK, task + "/localVariables/caseId", Map.of("value", 3, "type", "Long")));
        WebappSession tasklist = new WebappSession(port);
        tasklist.login(CLERK, "demo");
        var throughTheWebapps = tasklist.postJson("/camunda/api/engine/engine/default/task/" + accept.getId() + "/variables",
                "{\"modifications\":{\"caseId\":{\"value\":4,\"type\":\"Long\"}}}");

        for (Http.Response write : writes) {
            assertThat(write.status()).as(write.body()).isEqualTo(403);
            assertThat(write.json().get("message").asText()).isEqualTo("任务的数据只能通过提交任务表单填写或修改");
        }
        assertThat(throughTheWebapps.statusCode()).isEqualTo(403);
        assertThat(runtimeService.getVariable(instance, "caseId")).isEqualTo(caseId);
        assertThat(taskService.getVariablesLocal(accept.getId())).doesNotContainKey("caseId");
        assertThat(http.get(CLERK, task + "/variables/caseId").status()).isEqualTo(200);
    }

    @Test
    @ExtendWith(OutputCaptureExtension.class)
    void anUnknownTaskIsAnsweredAsGoneWithoutAnErrorInTheLog(CapturedOutput log) {
        var response = new Http(port).post(REVIEWER, "/engine-rest/task/no-such-task/submit-form",
                Map.of("variables", Map.of("applicantName", Map.of("value", "某人"))));

        // answered as a task no longer there (TaskSubmissionStateFilter); nothing asks for the form of a task that
        // does not exist, a lookup that would fail inside the engine with an NPE logged as an error
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("code").asText()).isEqualTo("TASK_NOT_FOUND");
        assertThat(log.getAll()).doesNotContain("NullPointerException");
    }
}
