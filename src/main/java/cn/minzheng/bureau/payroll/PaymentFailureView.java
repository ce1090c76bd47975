package cn.minzheng.bureau.payroll;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A failed payment as reported to its township: who, which account, why, and where it stands now. */
public record PaymentFailureView(long paymentId, String benefitMonth, String townshipCode, String payeeName,
                                 String bankAccount, BigDecimal amount, String reason, LocalDateTime reportedAt,
                                 String currentStatus, String reissuedInMonth) {
}
