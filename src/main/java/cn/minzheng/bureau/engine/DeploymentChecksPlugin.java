package cn.minzheng.bureau.engine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Runs the {@link DeploymentCheck}s on every new deployment, whichever way it comes (Camunda Modeler, the REST API,
 * the application's own deployment at start), before the engine's own deployers. The engine runs its deployers again
 * when it reloads an older version into its cache (after a restart, on another node): such a deployment is not new
 * and is not checked, so a version deployed before a check still loads.
 */
@Component
public class DeploymentChecksPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<DeploymentCheck> checks;

    public DeploymentChecksPlugin(ObjectProvider<DeploymentCheck> checks) {
        this.checks = checks;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (configuration.getCustomPreDeployers() == null) {
            configuration.setCustomPreDeployers(new ArrayList<>());
        }
        configuration.getCustomPreDeployers().add(deployer());
    }

    Deployer deployer() {
        return deployment -> {
            if (isNew(deployment)) {
                Map<String, byte[]> files = new LinkedHashMap<>();
                deployment.getResources().forEach((name, resource) -> files.put(name, resource.getBytes()));
                checks.orderedStream().forEach(check -> check.check(files));
            }
        };
    }

    private static boolean isNew(DeploymentEntity deployment) {
        return deployment.isNew() && deployment.getResources() != null;
    }
}
