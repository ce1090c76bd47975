package cn.minzheng.bureau.dibao;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** Settings of the 低保 processes (bureau.dibao.*); BPMN reads them as ${dibaoSettings.…}. */
@Component
@ConfigurationProperties("bureau.dibao")
public class DibaoSettings {

    /** ISO-8601 duration of the public notice (公示). */
    private String noticePeriod = "P7D";
    /** Utilities spending above this share of the declared income is flagged for the reviewer. */
    private BigDecimal spendingFlagShare = new BigDecimal("0.40");
    /** ... or above this many yuan a month when little or no income was declared. */
    private BigDecimal spendingFlagFloor = new BigDecimal("150.00");
    /**
     * 渐退: months the benefit continues after a review found the household above the standard through
     * employment (0: cancelled at once). docs/dibao-rules.md.
     */
    private int gradualExitMonths = 3;
    /** 计发月份: an approved case is paid from the month of the decision or from the next one. */
    private StartMonth startMonth = StartMonth.NEXT_MONTH;
    /**
     * 审核确认权限下放: the township's review confirms the case (no district approval); the district checks a
     * share of the confirmed cases ({@link #samplingShare}). Off: the district approves every case.
     */
    private boolean townshipConfirms = false;
    /** The share of township-confirmed cases the district checks (0 to 1), chosen by {@link SamplingRule}. */
    private BigDecimal samplingShare = new BigDecimal("0.20");

    public String getNoticePeriod() {
        return noticePeriod;
    }

    public void setNoticePeriod(String noticePeriod) {
        this.noticePeriod = noticePeriod;
    }

    public BigDecimal getSpendingFlagShare() {
        return spendingFlagShare;
    }

    public void setSpendingFlagShare(BigDecimal spendingFlagShare) {
        this.spendingFlagShare = spendingFlagShare;
    }

    public BigDecimal getSpendingFlagFloor() {
        return spendingFlagFloor;
    }

    public void setSpendingFlagFloor(BigDecimal spendingFlagFloor) {
        this.spendingFlagFloor = spendingFlagFloor;
    }

    public int getGradualExitMonths() {
        return gradualExitMonths;
    }

    public void setGradualExitMonths(int gradualExitMonths) {
        if (gradualExitMonths < 0 || gradualExitMonths > 12) {
            throw new IllegalArgumentException("bureau.dibao.gradual-exit-months must be 0 to 12, not " + gradualExitMonths);
        }
        this.gradualExitMonths = gradualExitMonths;
    }

    public StartMonth getStartMonth() {
        return startMonth;
    }

    public void setStartMonth(StartMonth startMonth) {
        this.startMonth = startMonth;
    }

    public boolean isTownshipConfirms() {
        return townshipConfirms;
    }

    public void setTownshipConfirms(boolean townshipConfirms) {
        this.townshipConfirms = townshipConfirms;
    }

    public BigDecimal getSamplingShare() {
        return samplingShare;
    }

    public void setSamplingShare(BigDecimal samplingShare) {
        if (samplingShare == null || samplingShare.signum() < 0 || samplingShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException("bureau.dibao.sampling-share must be 0 to 1, not " + samplingShare);
        }
        this.samplingShare = samplingShare;
    }

    public SpendingCheck spendingCheck() {
        return new SpendingCheck(spendingFlagShare, spendingFlagFloor);
    }
}
