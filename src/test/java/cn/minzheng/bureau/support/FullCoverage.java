package cn.minzheng.bureau.support;

import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.SpringBootProcessEnginePlugin;
import org.camunda.community.process_test_coverage.engine.platform7.ProcessCoverageConfigurator;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The coverage library's engine plugin, and its properties asking every {@link ProcessTest} class
 * for full flow-node and sequence-flow coverage. (The library's own configuration is not imported:
 * its default properties bean would win over these.)
 */
@TestConfiguration
public class FullCoverage {

    @Bean
    SpringBootProcessEnginePlugin coverageListeners() {
        return coveragePlugin();
    }

    @Bean
    ProcessEngineCoverageProperties coverageProperties() {
        return fullCoverageExcluding();
    }

    /**
     * The priority of every job a process test's engine creates: above {@code job-executor-priority-range-max} of
     * application-test.yml, so no other cached context's job executor polling the same PostgreSQL database takes a
     * process test's job (CI saw one run a payroll job of PayrollProcessTest: an OptimisticLockingException, and the
     * coverage of the flow nodes it ran lost to the other engine). The process test runs its jobs itself.
     */
    public static final long PROCESS_TEST_JOB_PRIORITY = 1_000_000_000L;

    /**
     * The engine plugin that records which flow nodes and sequence flows ran, and keeps the engine's jobs to the
     * test (see {@link #PROCESS_TEST_JOB_PRIORITY}).
     */
    public static SpringBootProcessEnginePlugin coveragePlugin() {
        return new SpringBootProcessEnginePlugin() {
            @Override
            public void preInit(SpringProcessEngineConfiguration configuration) {
                ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
                configuration.setJobPriorityProvider((execution, declaration, jobDefinitionId) -> PROCESS_TEST_JOB_PRIORITY);
            }
        };
    }

    /**
     * Full class coverage asserted, except for processes a test class only uses to set its data up
     * (whose own test class covers them): such classes keep a context of their own.
     */
    public static ProcessEngineCoverageProperties fullCoverageExcluding(String... processKeys) {
        return new ProcessEngineCoverageProperties.Builder().assertClassCoverageAtLeast(1.0)
                .excludeProcessDefinitionKeys(processKeys).build();
    }
}
