package cn.minzheng.bureau.engine;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Calls the application's {@link EngineBuiltListener}s once the engine is built (in their order). */
@Component
public class EngineBuiltPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<EngineBuiltListener> listeners;

    public EngineBuiltPlugin(ObjectProvider<EngineBuiltListener> listeners) {
        this.listeners = listeners;
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        listeners.orderedStream().forEach(listener -> listener.engineBuilt(processEngine));
    }
}
