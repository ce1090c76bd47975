package cn.minzheng.bureau.gaoling;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * bureau.gaoling.*: when the monthly proposal and the yearly 生存认证 start by themselves (read by the timer start
 * events as ${gaolingSettings.…} when the processes are deployed), and how long the clerks have for 生存认证.
 */
@Component
@ConfigurationProperties("bureau.gaoling")
public class GaolingSettings {

    /** Quartz-style cron of the monthly proposal: by default 02:00 on the 1st of every month. */
    private String proposalCycle = "0 0 2 1 * ?";

    /** Quartz-style cron of the yearly 生存认证: by default 03:00 on 1 March. */
    private String survivalCycle = "0 0 3 1 3 ?";

    /** From the start of 生存认证 to its deadline. */
    private Period survivalDeadline = Period.ofDays(30);

    public String getProposalCycle() {
        return proposalCycle;
    }

    public void setProposalCycle(String proposalCycle) {
        this.proposalCycle = proposalCycle;
    }

    public String getSurvivalCycle() {
        return survivalCycle;
    }

    public void setSurvivalCycle(String survivalCycle) {
        this.survivalCycle = survivalCycle;
    }

    public Period getSurvivalDeadline() {
        return survivalDeadline;
    }

    public void setSurvivalDeadline(Period survivalDeadline) {
        this.survivalDeadline = survivalDeadline;
    }
}
