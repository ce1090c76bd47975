package cn.minzheng.bureau.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.minzheng.bureau.common.DatabaseProduct;
import cn.minzheng.bureau.engine.CompletionRetryPlugin;
import cn.minzheng.bureau.support.Http;
import cn.minzheng.bureau.support.WebappSession;

/**
 * Two townships' clerks finish their own tasks of one campaign (a task per township, in parallel) at the same moment.
 * The engine keeps the first and rolls the second back whole (an optimistic-locking failure); the second is run
 * again ({@link CompletionRetryPlugin}) and goes through. One that loses again is answered in Chinese on both engine
 * APIs: nothing of it was saved, and sending it again goes through. The collision is made certain, not left to
 * timing: the multi-instance's counter, which both completions update, is held locked until both wait on it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SimultaneousCompletionTest {

    private static final String KEY = "test-simultaneous-townships";
    private static final String TASKLIST_API = "/camunda/api/engine/engine/default/task/";
    private static final String NO_VARIABLES = "{\"variables\":{}}";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    DataSource dataSource;
    @Autowired
    DatabaseProduct database;
    @Autowired
    CompletionRetryPlugin retries;
    @Autowired
    PlatformTransactionManager transactionManager;

    private String deploymentId;

    @BeforeEach
    void deploy() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(KEY).name("同时办理测试").camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_ConfirmByTownship").name("乡镇确认").camundaCandidateGroups("clerk-${townshipCode}")
                .multiInstance().parallel().camundaCollection("${townships}").camundaElementVariable("townshipCode")
                .multiInstanceDone()
                .endEvent().done();
        deploymentId = engine.getRepositoryService().createDeployment().addModelInstance(KEY + ".bpmn", model)
                .deploy().getId();
    }

    @AfterEach
    void undeploy() {
        engine.getRepositoryService().deleteDeployment(deploymentId, true);
    }

    @Test
    void twoClerksFinishingTheirTownshipsTasksAtOnceBothGetThrough() throws Exception {
        String instance = startForThreeTownships();
        Task renqiu = claimed(instance, "renqiu");
        Task zhongyuan = claimed(instance, "zhongyuan");
        Http http = new Http(port);

        List<Http.Response> answers = whileCompletionsAreHeld(instance, List.of(
                () -> http.post("clerk.renqiu", "/engine-rest/task/" + renqiu.getId() + "/complete",
                        Map.of("variables", Map.of("renqiuFinding", Map.of("value", "任丘镇核查完毕")))),
                () -> http.post("clerk.zhongyuan", "/engine-rest/task/" + zhongyuan.getId() + "/complete",
                        Map.of("variables", Map.of("zhongyuanFinding", Map.of("value", "中原街道核查完毕"))))));

        assertThat(answers).extracting(Http.Response::status).as(answers.toString()).containsExactly(204, 204);
        assertThat(completedInstances(instance)).isEqualTo(2);
        assertThat(engine.getRuntimeService().getVariables(instance, List.of("renqiuFinding", "zhongyuanFinding")))
                .containsOnly(entry("renqiuFinding", "任丘镇核查完毕"), entry("zhongyuanFinding", "中原街道核查完毕"));
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance).list())
                .extracting(Task::getId).containsExactly(taskOf(instance, "mengke").getId());
    }

    @Test
    void aSubmissionThatLosesAgainIsAnsweredInChineseInTasklistAndSendingItAgainGetsThrough() throws Exception {
        String instance = startForThreeTownships();
        Task renqiu = claimed(instance, "renqiu");
        Task zhongyuan = claimed(instance, "zhongyuan");
        WebappSession renqiuTasklist = tasklistOf("clerk.renqiu", renqiu);
        WebappSession zhongyuanTasklist = tasklistOf("clerk.zhongyuan", zhongyuan);
        Map<Task, WebappSession> tasklists = Map.of(renqiu, renqiuTasklist, zhongyuan, zhongyuanTasklist);

        List<HttpResponse<String>> answers = withoutRetries(() -> whileCompletionsAreHeld(instance, List.of(
                () -> renqiuTasklist.postJson(TASKLIST_API + renqiu.getId() + "/submit-form", NO_VARIABLES),
                () -> zhongyuanTasklist.postJson(TASKLIST_API + zhongyuan.getId() + "/submit-form", NO_VARIABLES))));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(204, 409);
        int lost = answers.get(0).statusCode() == 409 ? 0 : 1;
        assertThat(answers.get(lost).body()).contains("SIMULTANEOUS_CHANGE", SimultaneousChange.MESSAGE)
                .doesNotContain("ENGINE-");
        Task kept = List.of(renqiu, zhongyuan).get(lost);
        assertThat(openTask(kept.getId())).as("the refused submission left the task open and claimed")
                .isNotNull().extracting(Task::getAssignee).isEqualTo(kept.getAssignee());
        assertThat(completedInstances(instance)).isEqualTo(1);

        var again = tasklists.get(kept).postJson(TASKLIST_API + kept.getId() + "/submit-form", NO_VARIABLES);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(204);
        assertThat(completedInstances(instance)).isEqualTo(2);
    }

    @Test
    void theEngineRestApiAnswersASubmissionThatLosesAgainTheSame() throws Exception {
        String instance = startForThreeTownships();
        Task renqiu = claimed(instance, "renqiu");
        Task zhongyuan = claimed(instance, "zhongyuan");
        Http http = new Http(port);

        List<Http.Response> answers = withoutRetries(() -> whileCompletionsAreHeld(instance, List.of(
                () -> http.post("clerk.renqiu", "/engine-rest/task/" + renqiu.getId() + "/submit-form", NO_VARIABLES),
                () -> http.post("clerk.zhongyuan", "/engine-rest/task/" + zhongyuan.getId() + "/complete", Map.of()))));

        assertThat(answers).extracting(Http.Response::status).containsExactlyInAnyOrder(204, 409);
        Http.Response refused = answers.stream().filter(a -> a.status() == 409).findFirst().orElseThrow();
        assertThat(refused.json().get("code").asText()).isEqualTo("SIMULTANEOUS_CHANGE");
        assertThat(refused.json().get("message").asText()).isEqualTo(SimultaneousChange.MESSAGE);
    }

    /** Run again, it would repeat work its caller's transaction did before it, and that transaction is lost anyway. */
    @Test
    void aCompletionInsideACallersTransactionIsNotRunAgain() throws Exception {
        String instance = startForThreeTownships();
        Task renqiu = claimed(instance, "renqiu");
        Task zhongyuan = claimed(instance, "zhongyuan");
        TransactionTemplate callers = new TransactionTemplate(transactionManager);

        List<Throwable> outcomes = whileCompletionsAreHeld(instance, List.of(
                () -> failureOf(() -> callers.executeWithoutResult(t -> engine.getTaskService().complete(renqiu.getId()))),
                () -> failureOf(() -> callers.executeWithoutResult(t -> engine.getTaskService().complete(zhongyuan.getId())))));

        assertThat(outcomes).filteredOn(java.util.Objects::nonNull).singleElement()
                .isInstanceOf(OptimisticLockingException.class);
        assertThat(completedInstances(instance)).isEqualTo(1);
    }

    private static Throwable failureOf(Runnable work) {
        try {
            work.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    private <R> R withoutRetries(Callable<R> work) throws Exception {
        retries.setRetries(0);
        try {
            return work.call();
        } finally {
            retries.setRetries(1);
        }
    }

    private String startForThreeTownships() {
        return engine.getRuntimeService().startProcessInstanceByKey(KEY,
                Map.of("townships", List.of("renqiu", "zhongyuan", "mengke"))).getId();
    }

    private Task claimed(String instance, String township) {
        Task task = taskOf(instance, township);
        engine.getTaskService().claim(task.getId(), "clerk." + township);
        return openTask(task.getId());
    }

    /** Logged in to Tasklist with the task read once, as Tasklist does: that answer carries the CSRF token. */
    private WebappSession tasklistOf(String user, Task task) {
        WebappSession tasklist = new WebappSession(port);
        tasklist.login(user, "demo");
        assertThat(tasklist.get(TASKLIST_API + task.getId()).statusCode()).isEqualTo(200);
        return tasklist;
    }

    private Task openTask(String id) {
        return engine.getTaskService().createTaskQuery().taskId(id).singleResult();
    }

    private int completedInstances(String instance) {
        return ((Number) engine.getRuntimeService().createVariableInstanceQuery().processInstanceIdIn(instance)
                .variableName("nrOfCompletedInstances").singleResult().getValue()).intValue();
    }

    /**
     * Holds the multi-instance's completion counter locked until both requests wait on it, then lets them go: both
     * have completed their task in their own transaction when they reach it, which is the collision.
     */
    private <R> List<R> whileCompletionsAreHeld(String instance, List<Supplier<R>> requests)
            throws Exception {
        List<CompletableFuture<R>> sent = new ArrayList<>();
        try (Connection lock = dataSource.getConnection()) {
            lock.setAutoCommit(false);
            try (PreparedStatement select = lock.prepareStatement("select ID_ from ACT_RU_VARIABLE where PROC_INST_ID_ = ?"
                    + " and NAME_ = 'nrOfCompletedInstances' for update")) {
                select.setString(1, instance);
                select.executeQuery().close();
            }
            for (Supplier<R> request : requests) {
                sent.add(CompletableFuture.supplyAsync(request));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (waitingOnLocks() < requests.size()) {
                assertThat(System.nanoTime()).as("both requests wait on the lock").isLessThan(deadline);
                Thread.sleep(20);
            }
            lock.commit();
        }
        List<R> answers = new ArrayList<>();
        for (CompletableFuture<R> answer : sent) {
            answers.add(answer.get());
        }
        return answers;
    }

    /** Sessions whose update of a process variable waits on a lock: the held counter is all these tests lock. */
    private int waitingOnLocks() throws SQLException {
        String query = database.isPostgres()
                ? "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()"
                        + " and upper(query) like '%UPDATE ACT_RU_VARIABLE%'"
                : "select count(*) from information_schema.sessions where blocker_id is not null"
                        + " and upper(executing_statement) like '%UPDATE ACT_RU_VARIABLE%'";
        try (Connection c = dataSource.getConnection(); ResultSet rows = c.createStatement().executeQuery(query)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private Task taskOf(String instance, String township) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance).taskCandidateGroup("clerk-" + township)
                .singleResult();
    }
}
