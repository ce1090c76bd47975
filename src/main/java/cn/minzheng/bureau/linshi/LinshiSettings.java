package cn.minzheng.bureau.linshi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** bureau.linshi.*: how long a household granted 临时救助 waits before it may be granted again. */
@Component
@ConfigurationProperties("bureau.linshi")
public class LinshiSettings {

    /** Months from a grant before the household may be granted again without the district's exception. */
    private int repeatIntervalMonths = 12;

    public int getRepeatIntervalMonths() {
        return repeatIntervalMonths;
    }

    public void setRepeatIntervalMonths(int repeatIntervalMonths) {
        this.repeatIntervalMonths = repeatIntervalMonths;
    }
}
