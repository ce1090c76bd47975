package cn.minzheng.bureau.dibao.recovery;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.Arrays;

/** An overpayment of a case and how it is recovered (overpayment_recovery). */
public record Recovery(
        long id,
        long caseId,
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

    public BigDecimal outstanding() {
        return totalAmount.subtract(recoveredAmount);
    }

    public String statusLabel() {
        return Arrays.stream(RecoveryStatus.values()).filter(s -> s.name().equals(status)).findFirst()
                .orElse(RecoveryStatus.NONE).label();
    }
}
