package cn.minzheng.bureau.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestExecutionListeners;

/**
 * A process test on the real application, with BPMN coverage asserted at 100% for the class. All
 * process tests share one Spring context. Its engine has its own name, so the engine REST API of the
 * other test context keeps finding that context's engine as "default"; and it seeds no demo
 * applications, whose instances would start before the coverage collector does. Its job executor is off: a
 * test runs the jobs it means to run ({@code executeJob}), and a job of another context's process picked up from
 * the shared database would add coverage events while the collector reads them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"bureau.demo-data.applications=false", "camunda.bpm.process-engine-name=processtest",
        "camunda.bpm.job-execution.enabled=false"})
@Import(FullCoverage.class)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
public @interface ProcessTest {
}
