package cn.minzheng.bureau.engine;

import java.util.Map;

/**
 * A check of a new deployment's files, run before the engine deploys them ({@link DeploymentChecksPlugin}); it
 * refuses the deployment by throwing, and nothing of it is deployed. Versions deployed earlier are not checked again
 * when the engine reloads them.
 */
public interface DeploymentCheck {

    /** @param files the deployment's files, resource name → content */
    void check(Map<String, byte[]> files);
}
