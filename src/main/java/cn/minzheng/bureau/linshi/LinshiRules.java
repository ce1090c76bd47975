package cn.minzheng.bureau.linshi;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;

/**
 * The rules of 临时救助 that are arithmetic or plain checks, apart from the DMN tables that give their numbers
 * (linshi-amount.dmn): the standard amount, the 先行救助 limit, the spending a 支出型 application must show, the
 * repeat interval, 一事一议 above the ordinary cap, and what the payroll still pays after the advance.
 */
public final class LinshiRules {

    private LinshiRules() {
    }

    /**
     * 标准救助金额: the monthly 低保 standard × the table's multiple; for 支出型 at most the spending the household
     * bears. Two places.
     */
    public static BigDecimal standardAmount(AssistanceKind kind, BigDecimal monthlyStandard, int standardMonths,
                                            BigDecimal spendingAmount) {
        BigDecimal amount = monthlyStandard.multiply(BigDecimal.valueOf(standardMonths));
        if (kind == AssistanceKind.EXPENDITURE && spendingAmount != null && spendingAmount.compareTo(amount) < 0) {
            amount = spendingAmount;
        }
        return Money.of(amount);
    }

    /** 支出型 needs the kind of spending, its amount and its evidence; 急难型 carries none. */
    public static void checkSpending(AssistanceKind kind, SpendingType type, BigDecimal amount, String evidence) {
        if (kind != AssistanceKind.EXPENDITURE) {
            if (type != null || (amount != null && amount.signum() > 0)) {
                throw new RuleViolation("SPENDING_NOT_EXPECTED", "急难型临时救助不填写必需支出，请选择支出型");
            }
            return;
        }
        if (type == null) {
            throw new RuleViolation("SPENDING_MISSING", "支出型临时救助须选择支出类别（医疗、教育或其他必需支出）");
        }
        if (amount == null || amount.signum() <= 0) {
            throw new RuleViolation("SPENDING_MISSING", "支出型临时救助须填写家庭自负的必需支出金额");
        }
        if (evidence == null || evidence.isBlank()) {
            throw new RuleViolation("SPENDING_EVIDENCE_MISSING", "支出型临时救助须写明支出凭证（如住院费用清单、缴费票据）");
        }
    }

    /** 先行救助: 急难型 only, at most the table's limit. */
    public static void checkAdvance(AssistanceKind kind, BigDecimal advance, BigDecimal limit) {
        if (advance == null || advance.signum() == 0) {
            return;
        }
        if (kind != AssistanceKind.EMERGENCY) {
            throw new RuleViolation("ADVANCE_NOT_ALLOWED", "只有急难型临时救助可以先行救助");
        }
        if (advance.compareTo(limit) > 0) {
            throw new RuleViolation("ADVANCE_ABOVE_LIMIT", "先行救助金额" + Money.format(advance) + "元超过上限"
                    + Money.format(limit) + "元");
        }
    }

    /**
     * Whether a household granted on {@code lastGrant} must wait before receiving again on {@code today}:
     * within {@code intervalMonths} months of the last grant.
     */
    public static boolean withinRepeatInterval(LocalDate lastGrant, LocalDate today, int intervalMonths) {
        return lastGrant != null && today.isBefore(lastGrant.plusMonths(intervalMonths));
    }

    /** Above the ordinary cap only as 一事一议, with its reason. */
    public static void checkCaseByCase(ApprovalLevel level, BigDecimal amount, BigDecimal cap, String reason) {
        if (level == ApprovalLevel.CASE_BY_CASE && (reason == null || reason.isBlank())) {
            throw new RuleViolation("ABOVE_CAP", "拟救助金额" + Money.format(amount) + "元超过一般程序上限"
                    + Money.format(cap) + "元，须按“一事一议”写明理由报区民政局审批");
        }
    }

    /** What the payroll pays: the grant less the 先行救助 already paid in cash, never below zero. */
    public static BigDecimal paidAmount(BigDecimal granted, BigDecimal advance) {
        BigDecimal rest = granted.subtract(advance == null ? BigDecimal.ZERO : advance);
        return Money.of(rest.signum() < 0 ? BigDecimal.ZERO : rest);
    }
}
