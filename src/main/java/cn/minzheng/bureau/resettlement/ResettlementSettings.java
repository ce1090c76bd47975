package cn.minzheng.bureau.resettlement;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** bureau.resettlement.*: the statutory window after discharge within which a soldier reports to the township. */
@Component
@ConfigurationProperties("bureau.resettlement")
public class ResettlementSettings {

    /** Calendar days from discharge: a later registration is taken but flagged 逾期报到 and needs its reason. */
    private int arrivalWindowDays = 30;

    public int getArrivalWindowDays() {
        return arrivalWindowDays;
    }

    public void setArrivalWindowDays(int arrivalWindowDays) {
        this.arrivalWindowDays = arrivalWindowDays;
    }
}
