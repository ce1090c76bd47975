package cn.minzheng.bureau.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.minzheng.bureau.support.TcpProxy;

/**
 * Fault: the database connection drops while a job runs. The job fails and is retried by the job
 * executor; after its retries it becomes an incident (what Cockpit lists); once the database is
 * reachable again, retrying the incident (Cockpit's "retry") completes the job and resolves it.
 * The application reaches PostgreSQL only through a TCP proxy that the test cuts.
 * Run: ./mvnw -Pfaults test -Dtest.db=postgres
 */
@Tag("fault")
@SpringBootTest(properties = {"bureau.demo-data.applications=false",
        "camunda.bpm.job-execution.wait-time-in-millis=200", "camunda.bpm.job-execution.max-wait=500",
        // a job whose failure could not even be recorded stays locked until the lock expires: keep it short here
        "camunda.bpm.job-execution.lock-time-in-millis=2000"})
class DatabaseConnectionDropTest {

    private static TcpProxy proxy;

    @DynamicPropertySource
    static void throughTheProxy(DynamicPropertyRegistry registry) throws Exception {
        String url = System.getenv().getOrDefault("DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        var matcher = java.util.regex.Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/(.+)").matcher(url);
        if (!matcher.matches()) {
            return;
        }
        proxy = new TcpProxy(matcher.group(1), Integer.parseInt(matcher.group(2)));
        registry.add("spring.datasource.url",
                () -> "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/" + matcher.group(3));
    }

    @AfterAll
    static void closeProxy() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
    }

    /** The job's work: while the network is "down" it loses its connection in the middle. */
    public static class FlakyWork {
        final AtomicBoolean networkDown = new AtomicBoolean(true);
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger completed = new AtomicInteger();
        JdbcClient jdbc;

        public void run(DelegateExecution execution) {
            attempts.incrementAndGet();
            jdbc.sql("select count(*) from region").query(Long.class).single();
            if (networkDown.get()) {
                proxy.dropAll();
            }
            jdbc.sql("select count(*) from dibao_case").query(Long.class).single();
            completed.incrementAndGet();
        }
    }

    @TestConfiguration
    static class Work {
        @Bean
        FlakyWork flakyWork(JdbcClient jdbc) {
            FlakyWork work = new FlakyWork();
            work.jdbc = jdbc;
            return work;
        }
    }

    @Autowired
    ProcessEngine engine;
    @Autowired
    FlakyWork work;
    @Autowired
    DataSource dataSource;

    @Test
    void aJobThatLosesTheDatabaseIsRetriedBecomesAnIncidentAndResolvesWhenTheDatabaseIsBack() throws Exception {
        assumeTrue(proxy != null, "runs on PostgreSQL (DB_URL)");
        BpmnModelInstance model = Bpmn.createExecutableProcess("fault-db-drop").name("故障测试").camundaHistoryTimeToLive(1)
                .startEvent().serviceTask("Task_Work").name("处理").camundaAsyncBefore()
                .camundaExpression("${flakyWork.run(execution)}").endEvent().done();
        engine.getRepositoryService().createDeployment().addModelInstance("fault-db-drop.bpmn", model).deploy();
        String instance = engine.getRuntimeService().startProcessInstanceByKey("fault-db-drop").getId();

        waitFor(Duration.ofSeconds(60), () -> incident(instance) != null,
                () -> "attempts " + work.attempts.get() + ", completed " + work.completed.get() + ", job " + describeJob(instance)
                        + ", instances " + engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).count());
        Incident incident = incident(instance);
        Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
        assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
        assertThat(job.getRetries()).isZero();
        assertThat(job.getExceptionMessage()).isNotBlank();
        assertThat(work.attempts.get()).as("tried once and retried").isGreaterThanOrEqualTo(3);
        assertThat(work.completed.get()).isZero();

        work.networkDown.set(false);
        engine.getManagementService().setJobRetries(job.getId(), 1);
        waitFor(Duration.ofSeconds(60), () -> engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(instance).count() == 0, () -> "attempts " + work.attempts.get());
        assertThat(incident(instance)).isNull();
        assertThat(work.completed.get()).isEqualTo(1);
        assertThat(engine.getHistoryService().createHistoricIncidentQuery().processInstanceId(instance).resolved()
                .count()).isEqualTo(1);
    }

    private String describeJob(String instance) {
        Job job = engine.getManagementService().createJobQuery().processInstanceId(instance).singleResult();
        return job == null ? "none" : "retries " + job.getRetries() + ", due " + job.getDuedate() + ", error "
                + job.getExceptionMessage();
    }

    private Incident incident(String instance) {
        return engine.getRuntimeService().createIncidentQuery().processInstanceId(instance).singleResult();
    }

    /** Polls; a poll that meets a cut connection (the test's own, too) just counts as "not yet". */
    private static void waitFor(Duration timeout, BooleanSupplier condition, java.util.function.Supplier<String> state)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!holds(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + state.get());
            }
            Thread.sleep(200);
        }
    }

    private static boolean holds(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (RuntimeException connectionCut) {
            return false;
        }
    }
}
