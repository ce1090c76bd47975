package cn.minzheng.bureau.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Several Spring test contexts (the shared one and each process test's) each start an engine named
 * "default", and the engine registry keeps the one started last. The REST authentication filter and the
 * engine REST API look the engine up in that registry, while the project's API reads the logged-in user
 * from its own context's engine: so before every test the registry is pointed at the test's own engine.
 * A single application has a single engine; this matters to tests only.
 */
public class CurrentEngineListener implements TestExecutionListener {

    @Override
    public void beforeTestMethod(TestContext testContext) {
        if (testContext.hasApplicationContext()) {
            testContext.getApplicationContext().getBeanProvider(ProcessEngine.class)
                    .ifAvailable(ProcessEngines::registerProcessEngine);
        }
    }
}
