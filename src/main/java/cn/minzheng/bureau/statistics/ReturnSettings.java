package cn.minzheng.bureau.statistics;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** bureau.statistics.*: when a change against last month is flagged in the monthly return's checks. */
@Component
@ConfigurationProperties("bureau.statistics")
public class ReturnSettings {

    /** A district figure that moves more than this many percent against last month is flagged for explanation. */
    private int changeThresholdPercent = 10;

    public int getChangeThresholdPercent() {
        return changeThresholdPercent;
    }

    public void setChangeThresholdPercent(int changeThresholdPercent) {
        this.changeThresholdPercent = changeThresholdPercent;
    }
}
