package cn.minzheng.bureau.engine;

import org.camunda.bpm.engine.ProcessEngine;

/**
 * Work to do once the engine is built, before the application serves requests (deploying the processes), as a
 * bean: {@link EngineBuiltPlugin} calls each in order.
 */
public interface EngineBuiltListener {

    void engineBuilt(ProcessEngine processEngine);
}
