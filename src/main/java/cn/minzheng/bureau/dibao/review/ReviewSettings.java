package cn.minzheng.bureau.dibao.review;

import java.math.BigDecimal;
import java.time.Period;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.dibao.CaseCategory;

/**
 * bureau.dibao.review.*: how often each class of case is reviewed (default quarterly; national rules
 * allow yearly for stable households, half-yearly for households with members able to work), the change
 * that needs approval, when an open review counts as overdue, and the schedule of the daily check.
 */
@Component
@ConfigurationProperties(prefix = "bureau.dibao.review")
public class ReviewSettings {

    private Map<CaseCategory, Period> frequency = new EnumMap<>(CaseCategory.class);
    private Period defaultFrequency = Period.ofMonths(3);
    private BigDecimal approvalThreshold = new BigDecimal("0.20");
    private String overdueAfter = "P15D";
    private String scheduleCycle = "0 0 2 * * ?";
    private int batchSize = 5000;

    public Period frequencyOf(CaseCategory category) {
        return frequency.getOrDefault(category, defaultFrequency);
    }

    public Map<CaseCategory, Period> getFrequency() {
        return frequency;
    }

    public void setFrequency(Map<CaseCategory, Period> frequency) {
        this.frequency = frequency;
    }

    public Period getDefaultFrequency() {
        return defaultFrequency;
    }

    public void setDefaultFrequency(Period defaultFrequency) {
        this.defaultFrequency = defaultFrequency;
    }

    public BigDecimal getApprovalThreshold() {
        return approvalThreshold;
    }

    public void setApprovalThreshold(BigDecimal approvalThreshold) {
        this.approvalThreshold = approvalThreshold;
    }

    public String getOverdueAfter() {
        return overdueAfter;
    }

    public void setOverdueAfter(String overdueAfter) {
        this.overdueAfter = overdueAfter;
    }

    public String getScheduleCycle() {
        return scheduleCycle;
    }

    public void setScheduleCycle(String scheduleCycle) {
        this.scheduleCycle = scheduleCycle;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }
}
