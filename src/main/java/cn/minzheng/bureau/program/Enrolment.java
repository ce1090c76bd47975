package cn.minzheng.bureau.program;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/**
 * A household ({@code personIdNumber} null) or a person in a program: its status, amount (monthly, or the
 * grant of a one-off), first month paid and month ended, and the calculation the amount came from, frozen.
 * {@code programCaseId} is the program's own case row, where it keeps one (低保: dibao_case).
 */
public record Enrolment(long id, String programCode, long householdId, String personIdNumber, String townshipCode,
                        EnrolmentStatus status, BigDecimal amount, String startMonth, String endMonth,
                        String calculationSnapshot, Long programCaseId, LocalDateTime createdAt) {
}
