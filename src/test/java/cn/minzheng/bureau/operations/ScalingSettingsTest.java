package cn.minzheng.bureau.operations;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import com.zaxxer.hikari.HikariDataSource;

/**
 * The settings docs/operations.md tells an installation to change as it grows reach the engine and
 * the pool as documented: job executor threads and acquisition, lock time, pool size, history level
 * and cleanup window.
 */
@SpringBootTest(properties = {
        "bureau.demo-data.applications=false",
        "camunda.bpm.job-execution.core-pool-size=4",
        "camunda.bpm.job-execution.max-pool-size=12",
        "camunda.bpm.job-execution.max-jobs-per-acquisition=17",
        "camunda.bpm.job-execution.lock-time-in-millis=123000",
        "spring.datasource.hikari.maximum-pool-size=7",
        "camunda.bpm.generic-properties.properties.history-cleanup-batch-window-start-time=22:30",
        "camunda.bpm.generic-properties.properties.history-cleanup-batch-window-end-time=04:15"})
class ScalingSettingsTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    DataSource dataSource;

    @Test
    void theDocumentedSettingsReachTheEngineAndThePool() throws Exception {
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        JobExecutor jobExecutor = configuration.getJobExecutor();
        assertThat(jobExecutor.getMaxJobsPerAcquisition()).isEqualTo(17);
        assertThat(jobExecutor.getLockTimeInMillis()).isEqualTo(123000);
        assertThat(jobExecutor).extracting("taskExecutor").extracting("corePoolSize", "maxPoolSize").containsExactly(4, 12);
        assertThat(dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize()).isEqualTo(7);
        assertThat(configuration.getHistoryLevel()).isEqualTo(HistoryLevel.HISTORY_LEVEL_FULL);
        assertThat(configuration.getHistoryCleanupBatchWindowStartTime()).isEqualTo("22:30");
        assertThat(configuration.getHistoryCleanupBatchWindowEndTime()).isEqualTo("04:15");
        assertThat(configuration.getHistoryTimeToLive()).isEqualTo("P180D");
        assertThat(configuration.isEnforceHistoryTimeToLive()).isTrue();
    }
}
