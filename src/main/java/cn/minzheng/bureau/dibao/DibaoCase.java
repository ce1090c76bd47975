package cn.minzheng.bureau.dibao;

import java.math.BigDecimal;
import java.time.LocalDateTime;

public record DibaoCase(
        long id,
        String caseNumber,
        long householdId,
        String townshipCode,
        CaseCategory category,
        CaseStatus status,
        boolean relatedToStaff,
        String relatedStaffName,
        String relatedStaffUser,
        BigDecimal perCapitaIncome,
        BigDecimal monthlyStandard,
        BigDecimal categoryAddition,
        BigDecimal monthlyAmount,
        String startMonth,
        String closingReason,
        String processInstanceId,
        String calculationSnapshot,
        LocalDateTime createdAt) {
}
