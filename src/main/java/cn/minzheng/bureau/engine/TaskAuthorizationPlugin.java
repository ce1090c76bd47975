package cn.minzheng.bureau.engine;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Installs {@link TaskAuthorizationProvider} in the engine, with the application's {@link TaskGrantPolicy}
 * (without one, every group is treated as a township's: per-task READ and READ on the process instance).
 */
@Component
public class TaskAuthorizationPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<TaskGrantPolicy> policy;

    public TaskAuthorizationPlugin(ObjectProvider<TaskGrantPolicy> policy) {
        this.policy = policy;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setResourceAuthorizationProvider(new TaskAuthorizationProvider(
                groupId -> policy.getIfAvailable(() -> group -> false).readsEveryTask(groupId)));
    }
}
