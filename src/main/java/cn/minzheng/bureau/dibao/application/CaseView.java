package cn.minzheng.bureau.dibao.application;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

/** A 低保 case as the REST API shows it. */
public record CaseView(
        long caseId,
        String caseNumber,
        String status,
        String statusLabel,
        String category,
        String categoryLabel,
        String townshipCode,
        long householdId,
        String applicantName,
        int householdSize,
        BigDecimal perCapitaIncome,
        BigDecimal monthlyStandard,
        BigDecimal categoryAddition,
        BigDecimal monthlyAmount,
        String startMonth,
        String closingReason,
        String processInstanceId,
        List<StatusEntry> history,
        List<DecisionEntry> decisions) {

    public record StatusEntry(String status, String statusLabel, LocalDateTime at, String by, String reason) {
    }

    public record DecisionEntry(String step, String decision, String comment, String by, LocalDateTime at) {
    }
}
