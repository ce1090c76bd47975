package cn.minzheng.bureau.dibao.review;

import java.math.BigDecimal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * bureau.dibao.review.*: the change that needs approval, when an open review counts as overdue, and the schedule of
 * the daily check. How often a case is reviewed is a rule of its own, dibao-review-frequency.dmn ({@link ReviewFrequency}).
 */
@Component
@ConfigurationProperties(prefix = "bureau.dibao.review")
public class ReviewSettings {

    private BigDecimal approvalThreshold = new BigDecimal("0.20");
    private String overdueAfter = "P15D";
    private String scheduleCycle = "0 0 2 * * ?";
    private int batchSize = 5000;

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
