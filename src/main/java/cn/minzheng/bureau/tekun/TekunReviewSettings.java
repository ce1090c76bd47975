package cn.minzheng.bureau.tekun;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * bureau.tekun.*: when the yearly 特困人员年度复核 starts by itself (read by the timer start event as
 * ${tekunReviewSettings.annualReviewCycle} when the process is deployed), and how long the townships have for it.
 */
@Component
@ConfigurationProperties("bureau.tekun")
public class TekunReviewSettings {

    /** Quartz-style cron of the yearly re-assessment: by default 03:00 on 1 September. */
    private String annualReviewCycle = "0 0 3 1 9 ?";

    /** From the start of the campaign to the due date of the townships' re-assessments. */
    private Period annualReviewDeadline = Period.ofDays(60);

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
}
