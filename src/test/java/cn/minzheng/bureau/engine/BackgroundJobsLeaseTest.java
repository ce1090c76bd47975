package cn.minzheng.bureau.engine;

import static cn.minzheng.bureau.support.Eventually.waitFor;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A background job holds its lock by a lease while its work runs: the lock ends a lease from now (not the job
 * executor's lock time), is renewed while the work goes on, and names the node (its engine host name).
 * <p>
 * The job is this context's alone: the suite's other cached contexts poll the same database with job executors
 * that know no work named lease-check (CI saw one take the job and fail it, and this test then waited in vain). The
 * job is raised to a priority only this context's job executor acquires, in the transaction that creates it.
 */
@SpringBootTest(properties = {"bureau.background-jobs.lease-seconds=3",
        "camunda.bpm.generic-properties.properties.job-executor-priority-range-min=" + BackgroundJobsLeaseTest.PRIORITY,
        "camunda.bpm.generic-properties.properties.job-executor-priority-range-max=" + BackgroundJobsLeaseTest.PRIORITY})
class BackgroundJobsLeaseTest {

    /** Above the range of application-test.yml's job executors and of the process tests' jobs. */
    static final long PRIORITY = 2_000_000_000L;

    static final CountDownLatch started = new CountDownLatch(1);
    static final CountDownLatch release = new CountDownLatch(1);

    @TestConfiguration
    static class SlowWork {
        @Bean
        BackgroundJobs.Work leaseCheckWork() {
            return new BackgroundJobs.Work() {
                @Override
                public String name() {
                    return "lease-check";
                }

                @Override
                public void run(String argument) {
                    started.countDown();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            };
        }
    }

    @Autowired
    BackgroundJobs jobs;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProcessEngine engine;
    @Autowired
    TransactionTemplate transaction;

    private Map<String, Object> job() {
        return jdbc.sql("select LOCK_OWNER_, LOCK_EXP_TIME_ from ACT_RU_JOB where HANDLER_TYPE_ = ? and HANDLER_CFG_ = ?")
                .params(BackgroundJobs.HANDLER_TYPE, "lease-check:1").query().singleRow();
    }

    private static long millisAhead(Map<String, Object> job) {
        return ((Timestamp) job.get("LOCK_EXP_TIME_")).getTime() - ClockUtil.getCurrentTime().getTime();
    }

    @Test
    void aRunningJobsLockIsALeaseRenewedWhileItsWorkRunsAndNamesTheNode() throws Exception {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        try {
            transaction.executeWithoutResult(status -> {
                jobs.submit("lease-check", "1");
                assertThat(jdbc.sql("update ACT_RU_JOB set PRIORITY_ = ? where HANDLER_CFG_ = 'lease-check:1'")
                        .param(PRIORITY).update()).isEqualTo(1);
            });
            assertThat(started.await(60, TimeUnit.SECONDS)).as("the job executor ran the work").isTrue();
            Map<String, Object> first = job();
            assertThat((String) first.get("LOCK_OWNER_")).startsWith(configuration.getHostname() + "/");
            // the job executor's lock time is 5 minutes; the lease is 3 s
            assertThat(millisAhead(first)).isBetween(0L, 3_500L);

            // after the lease's length, still held: renewed every second
            Thread.sleep(4_000);
            Map<String, Object> later = job();
            assertThat(later.get("LOCK_OWNER_")).isEqualTo(first.get("LOCK_OWNER_"));
            assertThat(millisAhead(later)).as("renewed").isGreaterThan(0L);
            assertThat((Timestamp) later.get("LOCK_EXP_TIME_")).isAfter((Timestamp) first.get("LOCK_EXP_TIME_"));
        } finally {
            release.countDown();
        }
        waitFor(Duration.ofSeconds(30), () -> jdbc.sql("select count(*) from ACT_RU_JOB where HANDLER_CFG_ = 'lease-check:1'")
                .query(Long.class).single() == 0);
    }
}
