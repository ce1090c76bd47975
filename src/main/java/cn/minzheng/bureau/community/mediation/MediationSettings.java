package cn.minzheng.bureau.community.mediation;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * bureau.community.mediation.*: how long a committee has to mediate a dispute before the street office
 * (township) is asked to step in. Calendar days: the code base has no working-day calendar yet.
 */
@Component
@ConfigurationProperties("bureau.community.mediation")
public class MediationSettings {

    /** ISO-8601 period from registration to the mediation deadline. */
    private Period deadline = Period.ofDays(30);

    public Period getDeadline() {
        return deadline;
    }

    public void setDeadline(Period deadline) {
        this.deadline = deadline;
    }
}
