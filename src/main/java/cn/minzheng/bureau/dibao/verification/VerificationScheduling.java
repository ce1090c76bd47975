package cn.minzheng.bureau.dibao.verification;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Lets the economic-status worker poll the engine on its own, every poll-interval
 * (bureau.dibao.verification.worker-enabled, on by default; the tests run the worker explicitly).
 */
@Configuration
@EnableScheduling
@ConditionalOnProperty(name = "bureau.dibao.verification.worker-enabled", havingValue = "true", matchIfMissing = true)
public class VerificationScheduling {

    private final EconomicStatusWorker worker;

    public VerificationScheduling(EconomicStatusWorker worker) {
        this.worker = worker;
    }

    @Scheduled(fixedDelayString = "${bureau.dibao.verification.poll-interval:PT10S}",
            initialDelayString = "${bureau.dibao.verification.poll-interval:PT10S}")
    public void poll() {
        worker.runOnce();
    }
}
