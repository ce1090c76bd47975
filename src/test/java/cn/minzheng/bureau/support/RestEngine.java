package cn.minzheng.bureau.support;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngines;

/**
 * HTTP tests run next to other cached Spring test contexts in the same JVM, each with a process
 * engine named "default". The REST authentication filter finds its engine by name in the static
 * registry, where the context started last wins; without this, a request would be authenticated
 * against another context's engine and the API would answer 401.
 */
public final class RestEngine {

    private RestEngine() {
    }

    public static void useEngineOfThisContext(ProcessEngine engine) {
        ProcessEngines.registerProcessEngine(engine);
    }
}
