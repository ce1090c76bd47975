package cn.minzheng.bureau.demo;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A production installation (the postgres profile sets bureau.security.refuse-demo-credentials)
 * refuses to start while demo data is switched on or any demo user still has the demo password,
 * unless bureau.security.allow-demo-credentials says this is a trial installation.
 */
@Component
public class DemoCredentialsGuard {

    private final IdentityService identityService;
    private final boolean refuse;
    private final boolean allow;
    private final boolean demoData;

    public DemoCredentialsGuard(IdentityService identityService,
                                @Value("${bureau.security.refuse-demo-credentials:false}") boolean refuse,
                                @Value("${bureau.security.allow-demo-credentials:false}") boolean allow,
                                @Value("${bureau.demo-data.enabled:false}") boolean demoData) {
        this.identityService = identityService;
        this.refuse = refuse;
        this.allow = allow;
        this.demoData = demoData;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void check() {
        if (!refuse || allow) {
            return;
        }
        if (demoData) {
            throw new IllegalStateException("Refusing to start: demo data is enabled (BUREAU_DEMO_DATA) on a "
                    + "production profile. Set bureau.security.allow-demo-credentials=true for a trial installation.");
        }
        for (DemoUsers.DemoUser demo : DemoUsers.all()) {
            if (identityService.checkPassword(demo.id(), DemoUsers.PASSWORD)) {
                throw new IllegalStateException("Refusing to start: demo user '" + demo.id() + "' still has the demo "
                        + "password. Change or delete it in Camunda Admin, or set bureau.security.allow-demo-credentials=true.");
            }
        }
    }
}
