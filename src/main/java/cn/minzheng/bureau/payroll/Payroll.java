package cn.minzheng.bureau.payroll;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A program's payroll of a month with its district totals and its changes against the month before;
 * {@code programCode} is the program it pays (the registry's code, 低保: DIBAO).
 */
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
        LocalDateTime reconciledAt,
        String programCode) {

    public record TownshipTotal(String townshipCode, String townshipName, int householdCount, int peopleCount,
                                BigDecimal totalAmount) {
    }
}
