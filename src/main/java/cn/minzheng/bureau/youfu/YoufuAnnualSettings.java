package cn.minzheng.bureau.youfu;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * bureau.youfu.*: when the yearly 年审 and the yearly 义务兵家庭优待金 start by themselves (read by the timer start
 * events as ${youfuAnnualSettings.…} when the processes are deployed), and how long the clerks have for 年审.
 */
@Component
@ConfigurationProperties("bureau.youfu")
public class YoufuAnnualSettings {

    /** Quartz-style cron of the yearly 年审: by default 03:00 on 1 April. */
    private String annualReviewCycle = "0 0 3 1 4 ?";

    /** From the start of 年审 to its deadline. */
    private Period annualReviewDeadline = Period.ofDays(30);

    /** Quartz-style cron of the yearly 义务兵家庭优待金: by default 03:00 on 1 July, paid before 八一. */
    private String conscriptGrantCycle = "0 0 3 1 7 ?";

    public String getAnnualReviewCycle() {
        return annualReviewCycle;
    }

    public void setAnnualReviewCycle(String annualReviewCycle) {
        this.annualReviewCycle = annualReviewCycle;
    }

    public Period getAnnualReviewDeadline() {
        return annualReviewDeadline;
    }

    public void setAnnualReviewDeadline(Period annualReviewDeadline) {
        this.annualReviewDeadline = annualReviewDeadline;
    }

    public String getConscriptGrantCycle() {
        return conscriptGrantCycle;
    }

    public void setConscriptGrantCycle(String conscriptGrantCycle) {
        this.conscriptGrantCycle = conscriptGrantCycle;
    }
}
