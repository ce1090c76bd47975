package cn.minzheng.bureau.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;
import org.springframework.core.Ordered;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * The engines of one test JVM (the cached Spring contexts' engines, the bare DMN test engine) share
 * Camunda's static registry, in which the engine REST API and the webapps look up the engine named
 * "default": whichever engine was built last wins. Before each test class (for its @BeforeAll set-up)
 * and each test method, the engine of that test's own application context takes the name back, so HTTP and browser tests reach the engine whose users,
 * authentication and authorizations they set up. (Registered in META-INF/spring.factories.)
 */
public class DefaultEngineListener implements TestExecutionListener, Ordered {

    @Override
    public void beforeTestClass(TestContext testContext) {
        reclaimName(testContext);
    }

    @Override
    public void beforeTestMethod(TestContext testContext) {
        reclaimName(testContext);
    }

    private static void reclaimName(TestContext testContext) {
        ProcessEngine engine = testContext.getApplicationContext().getBeanProvider(ProcessEngine.class).getIfAvailable();
        if (engine != null && ProcessEngines.getProcessEngines().get(engine.getName()) != engine) {
            ProcessEngines.registerProcessEngine(engine);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
