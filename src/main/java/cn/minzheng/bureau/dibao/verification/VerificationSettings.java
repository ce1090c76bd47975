package cn.minzheng.bureau.dibao.verification;

import java.math.BigDecimal;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the economic-status check (bureau.dibao.verification.*).
 *
 * @param timeLimit             how long the provider may take to answer; then the check fails with an incident
 * @param lockDuration          how long a fetched check stays locked to this node's worker
 * @param pollInterval          how often the worker asks the engine for checks to run
 * @param workerEnabled         whether the worker polls on its own (tests run it explicitly)
 * @param declaredGapTolerance  verified financial assets above the declared value by more than this are flagged
 */
@ConfigurationProperties("bureau.dibao.verification")
public record VerificationSettings(
        @DefaultValue("PT30S") Duration timeLimit,
        @DefaultValue("PT5M") Duration lockDuration,
        @DefaultValue("PT10S") Duration pollInterval,
        @DefaultValue("true") boolean workerEnabled,
        @DefaultValue("1000.00") BigDecimal declaredGapTolerance) {
}
