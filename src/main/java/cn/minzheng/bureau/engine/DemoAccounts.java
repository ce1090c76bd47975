package cn.minzheng.bureau.engine;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.IdentityServiceImpl;

/**
 * Saves a demo user with the demo's password past Camunda's password policy (enable-password-policy), which
 * every other password meets. Only the engine's implementation offers the exemption. The demo users exist only
 * in the demo: DemoCredentialsGuard refuses to start anywhere else while one has the demo password.
 */
public final class DemoAccounts {

    private DemoAccounts() {
    }

    public static void saveIgnoringPasswordPolicy(IdentityService identityService, User user) {
        ((IdentityServiceImpl) identityService).saveUser(user, true);
    }
}
