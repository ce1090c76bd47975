package cn.minzheng.bureau.dibao.appeal;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * bureau.dibao.appeal.*: how long after the written notice of a decision the household may still contest it.
 * Default 60 days, the time the Administrative Reconsideration Law (行政复议法) gives to apply for
 * reconsideration of an administrative decision; the written notices of rejection and cancellation name it.
 */
@Component
@ConfigurationProperties("bureau.dibao.appeal")
public class AppealSettings {

    private Period period = Period.ofDays(60);

    public Period getPeriod() {
        return period;
    }

    public void setPeriod(Period period) {
        this.period = period;
    }
}
