package cn.minzheng.bureau.dibao.recovery;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;

/**
 * An overpayment and how it is recovered (overpayment_recovery): of a 低保 case ({@code caseId}, with its enrolment), or of
 * another program's enrolment without a 低保 case ({@code caseId} null).
 */
public record Recovery(
        long id,
        Long caseId,
        Long enrolmentId,
        String townshipCode,
        String sourceType,
        Long sourceId,
        String reason,
        String fromMonth,
        BigDecimal entitledAmount,
        BigDecimal totalAmount,
        String method,
        BigDecimal installmentAmount,
        BigDecimal recoveredAmount,
        String status,
        String decisionReason,
        String decidedBy,
        String waiverApprovedBy,
        String processInstanceId,
        LocalDateTime createdAt,
        LocalDateTime closedAt) {

    /** A recovery of an enrolment of another program than 低保: nothing later to deduct from, no 低保 case. */
    public boolean ofEnrolmentOnly() {
        return caseId == null;
    }

    public BigDecimal outstanding() {
        return totalAmount.subtract(recoveredAmount);
    }

    public String statusLabel() {
        return Arrays.stream(RecoveryStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElse(RecoveryStatus.NONE).label();
    }
}
