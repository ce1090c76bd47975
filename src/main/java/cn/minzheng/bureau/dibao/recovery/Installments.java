package cn.minzheng.bureau.dibao.recovery;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;

/**
 * Recovery by deduction: each payroll keeps back one installment from the month's payment, never more than
 * what is still owed and never more than the month's payment. The payroll computation applies the same rule
 * in SQL ({@code least(installment, owed, payment)}); this class is its reference and the schedule shown to
 * the decider.
 */
public final class Installments {

    /** Months a schedule may list; a longer one is refused (the installment is too small). */
    static final int MAX_MONTHS = 120;

    private Installments() {
    }

    /** The deduction of one month. */
    public static BigDecimal next(BigDecimal installment, BigDecimal owed, BigDecimal monthAmount) {
        return Money.of(installment).min(Money.of(owed)).min(Money.of(monthAmount)).max(Money.ZERO);
    }

    /** The deductions month by month until the total is recovered, at an unchanged monthly amount. */
    public static List<BigDecimal> schedule(BigDecimal total, BigDecimal installment, BigDecimal monthAmount) {
        if (Money.of(installment).signum() <= 0) {
            throw new RuleViolation("INVALID_INSTALLMENT", "每月抵扣金额必须大于0");
        }
        if (Money.of(monthAmount).signum() <= 0) {
            throw new RuleViolation("NOTHING_TO_DEDUCT", "该案件目前没有按月发放的低保金，不能从以后发放中抵扣，请选择退回或申请减免");
        }
        List<BigDecimal> months = new ArrayList<>();
        BigDecimal owed = Money.of(total);
        while (owed.signum() > 0) {
            if (months.size() == MAX_MONTHS) {
                throw new RuleViolation("INSTALLMENT_TOO_SMALL", "按每月" + Money.format(installment) + "元抵扣需超过"
                        + MAX_MONTHS + "个月，请提高每月抵扣金额");
            }
            BigDecimal deduction = next(installment, owed, monthAmount);
            months.add(deduction);
            owed = owed.subtract(deduction);
        }
        return List.copyOf(months);
    }
}
