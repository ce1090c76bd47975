package cn.minzheng.bureau.dibao.recovery;

import java.math.BigDecimal;
import java.time.LocalDateTime;

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
        return switch (status) {
            case "OPEN" -> "待决定";
            case "DEDUCTING" -> "按月抵扣中";
            case "REPAID" -> "已退回";
            case "RECOVERED" -> "已抵扣完毕";
            case "WAIVED" -> "已减免";
            default -> "无多发";
        };
    }
}
