package cn.minzheng.bureau.support;

import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.configuration.impl.AbstractCamundaConfiguration;
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
    AbstractCamundaConfiguration coverageListeners() {
        return new AbstractCamundaConfiguration() {
            @Override
            public void preInit(SpringProcessEngineConfiguration configuration) {
                ProcessCoverageConfigurator.initializeProcessCoverageExtensions(configuration);
            }
        };
    }

    @Bean
    ProcessEngineCoverageProperties coverageProperties() {
        return new ProcessEngineCoverageProperties.Builder().assertClassCoverageAtLeast(1.0).build();
    }
}
