package cn.minzheng.bureau.dibao.report;

import java.math.BigDecimal;
import java.time.LocalDateTime;

/** A report (举报) that a case is improper. reporterName / reporterContact are for the investigator only. */
public record Report(
        long id,
        long caseId,
        String townshipCode,
        String channel,
        boolean anonymous,
        String reporterName,
        String reporterContact,
        String factKind,
        String allegation,
        String status,
        String investigator,
        String findings,
        String factFromMonth,
        BigDecimal proposedAmount,
        String outcome,
        String outcomeReason,
        Long recoveryId,
        String processInstanceId,
        String registeredBy,
        String decidedBy,
        LocalDateTime createdAt,
        LocalDateTime decidedAt) {

    public static String factKindLabel(String kind) {
        return switch (kind) {
            case "HIDDEN_INCOME" -> "隐瞒收入";
            case "VEHICLE" -> "拥有机动车辆";
            case "UNDECLARED_MEMBER" -> "隐瞒家庭成员";
            default -> "其他不符合条件的情形";
        };
    }

    public static String channelLabel(String channel) {
        return ReportProcess.CHANNEL_PUBLIC_NOTICE.equals(channel) ? "看到公示后举报" : "日常举报";
    }
}
