package cn.minzheng.bureau.demo;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Every installation but the demo (bureau.security.refuse-demo-credentials, on by default) refuses to start
 * while demo data is switched on or any demo user still has the demo password, unless
 * bureau.security.allow-demo-credentials says this is the demo or a trial installation: the demo switch
 * (bureau.demo, set by ./mvnw spring-boot:run) allows it on H2; on PostgreSQL only BUREAU_ALLOW_DEMO_CREDENTIALS does.
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
            throw new IllegalStateException("Refusing to start: demo data is enabled (BUREAU_DEMO_DATA) outside the demo. "
                    + "Start the demo with ./mvnw spring-boot:run or BUREAU_DEMO=true (H2), or set "
                    + "BUREAU_ALLOW_DEMO_CREDENTIALS=true for a trial installation.");
        }
        for (DemoUsers.DemoUser demo : DemoUsers.all()) {
            if (identityService.checkPassword(demo.id(), DemoUsers.PASSWORD)) {
                throw new IllegalStateException("Refusing to start: demo user '" + demo.id() + "' still has the demo "
                        + "password. Change or delete it in Camunda Admin, start the demo (./mvnw spring-boot:run, BUREAU_DEMO=true), "
                        + "or set BUREAU_ALLOW_DEMO_CREDENTIALS=true.");
            }
        }
    }
}
