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

    /** The engine plugin that records which flow nodes and sequence flows ran. */
    public static SpringBootProcessEnginePlugin coveragePlugin() {
        return new SpringBootProcessEnginePlugin() {
            @Override
            public void preInit(SpringProcessEngineConfiguration configuration) {
                ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
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
