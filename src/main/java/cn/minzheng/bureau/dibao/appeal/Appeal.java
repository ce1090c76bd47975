package cn.minzheng.bureau.dibao.appeal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** An appeal (申诉复核) against a rejection, a cancellation or an amount. */
public record Appeal(
        long id,
        long caseId,
        String townshipCode,
        String contested,
        LocalDate noticeDate,
        LocalDate filedOn,
        String grounds,
        String handledBy,
        String status,
        String investigatedBy,
        String findings,
        BigDecimal proposedAmount,
        String outcome,
        String outcomeReason,
        String effectiveMonth,
        BigDecimal newAmount,
        String processInstanceId,
        String registeredBy,
        String decidedBy,
        LocalDateTime createdAt,
        LocalDateTime decidedAt) {

    public static String contestedLabel(String contested) {
        return switch (contested) {
            case AppealProcess.REJECTION -> "不予批准的决定";
            case AppealProcess.CANCELLATION -> "停保决定";
            default -> "核定的补助金额";
        };
    }
}
