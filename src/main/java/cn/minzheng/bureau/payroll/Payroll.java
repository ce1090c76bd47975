package cn.minzheng.bureau.payroll;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A month's payroll with its district totals and its changes against the month before. */
public record Payroll(
        long id,
        String payrollMonth,
        PayrollStatus status,
        int householdCount,
        int peopleCount,
        BigDecimal totalAmount,
        int reissuedCount,
        BigDecimal reissuedAmount,
        int newCount,
        int raisedCount,
        int loweredCount,
        int cancelledCount,
        String processInstanceId,
        String checkedBy,
        String approvedBy,
        String rejectionReason,
        LocalDateTime computedAt,
        LocalDateTime approvedAt,
        LocalDateTime issuedAt,
        LocalDateTime reconciledAt) {

    public record TownshipTotal(String townshipCode, String townshipName, int householdCount, int peopleCount,
                                BigDecimal totalAmount) {
    }
}
