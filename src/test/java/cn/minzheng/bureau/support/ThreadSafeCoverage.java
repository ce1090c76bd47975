package cn.minzheng.bureau.support;

import java.lang.reflect.Method;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.event.EventType;
import org.camunda.community.process_test_coverage.core.model.Collector;
import org.camunda.community.process_test_coverage.engine.platform7.CompensationEventCoverageHandler;
import org.camunda.community.process_test_coverage.engine.platform7.ElementCoverageParseListener;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The coverage library's test listener, made safe for a job executor that runs while the test thread reads the
 * coverage. The library's collector keeps its events in plain lists: a job finishing on an executor thread while
 * the listener computed a test's or the class's coverage failed a CI run with a ConcurrentModificationException.
 * Here the engine's coverage listeners add their events, and the library's listener reads them, under one lock.
 */
public final class ThreadSafeCoverage implements TestExecutionListener, Ordered {

    private final ProcessEngineCoverageTestExecutionListener coverage = new ProcessEngineCoverageTestExecutionListener();
    private final Object collector = collector(coverage);

    @Override
    public int getOrder() {
        return coverage.getOrder();
    }

    @Override
    public void beforeTestClass(TestContext testContext) {
        synchronized (collector) {
            coverage.beforeTestClass(testContext);
            guardEngineListeners(testContext);
        }
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        synchronized (collector) {
            coverage.beforeTestMethod(testContext);
        }
    }

    @Override
    public void afterTestMethod(TestContext testContext) {
        synchronized (collector) {
            coverage.afterTestMethod(testContext);
        }
    }

    @Override
    public void afterTestClass(TestContext testContext) {
        synchronized (collector) {
            coverage.afterTestClass(testContext);
        }
    }

    /** Points the engine's coverage listeners (set to the bare collector by the library) at the guarded one. */
    private void guardEngineListeners(TestContext testContext) {
        Collector bare = (Collector) collector;
        Collector guarded = event -> {
            synchronized (collector) {
                bare.addEvent(event);
            }
        };
        ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) testContext.getApplicationContext()
                .getBean(ProcessEngine.class).getProcessEngineConfiguration();
        configuration.getCustomPostBPMNParseListeners().stream()
                .filter(ElementCoverageParseListener.class::isInstance)
                .forEach(listener -> ((ElementCoverageParseListener) listener).setCoverageState(guarded));
        if (configuration.getEventHandler(EventType.COMPENSATE.name()) instanceof CompensationEventCoverageHandler handler) {
            handler.setCoverageState(guarded);
        }
    }

    /** The library keeps its collector to itself (a protected getter on a final class). */
    private static Object collector(ProcessEngineCoverageTestExecutionListener listener) {
        try {
            Method getter = ProcessEngineCoverageTestExecutionListener.class.getDeclaredMethod("getCoverageCollector");
            getter.setAccessible(true);
            return getter.invoke(listener);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("the coverage library's collector is out of reach", e);
        }
    }
}
