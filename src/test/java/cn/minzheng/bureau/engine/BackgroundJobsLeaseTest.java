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

/**
 * A background job holds its lock by a lease while its work runs: the lock ends a lease from now (not the job
 * executor's lock time), is renewed while the work goes on, and names the node (its engine host name).
 */
@SpringBootTest(properties = "bureau.background-jobs.lease-seconds=3")
class BackgroundJobsLeaseTest {

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
            jobs.submit("lease-check", "1");
            configuration.getJobExecutor().jobWasAdded();
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
