package cn.minzheng.bureau.dibao.review;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.Set;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.dibao.BenefitCalculation;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.IncomeType;

/**
 * 渐退 (gradual exit): a household whose income rose above the standard through employment keeps its benefit for
 * bureau.dibao.gradual-exit-months after the review is decided, then is cancelled (docs/dibao-rules.md).
 */
public final class GradualExit {

    /** The earned income: wages and business income, net of the employment-cost deduction. */
    private static final Set<IncomeType> EARNED = Set.of(IncomeType.WAGE, IncomeType.BUSINESS,
            IncomeType.EMPLOYMENT_COST_DEDUCTION);

    private GradualExit() {
    }

    /**
     * Above the standard through employment: without the members' earned income the per-capita income would be
     * below the standard. (Income from pensions, property, supporters or hidden income alone is not employment.)
     */
    public static boolean aboveThroughEmployment(Household household, BigDecimal monthlyStandard) {
        BigDecimal earned = BigDecimal.ZERO;
        BigDecimal other = BigDecimal.ZERO;
        for (Household.Member m : household.members()) {
            for (Household.Income i : m.incomes()) {
                if (!i.type().counted()) {
                    continue;
                }
                if (EARNED.contains(i.type())) {
                    earned = earned.add(i.monthlyAmount());
                } else {
                    other = other.add(i.monthlyAmount());
                }
            }
        }
        BigDecimal withoutEarned = other.divide(BigDecimal.valueOf(household.size()), 2, RoundingMode.HALF_UP);
        return earned.signum() > 0 && withoutEarned.compareTo(monthlyStandard) < 0;
    }

    /** The last month paid: the month decided plus the months of the gradual exit. */
    public static YearMonth lastMonth(YearMonth decided, int months) {
        return decided.plusMonths(months);
    }

    /** Whether a case phasing out, decided in a month, is paid for another month. */
    public static boolean pays(YearMonth decided, int months, YearMonth month) {
        return !month.isAfter(lastMonth(decided, months));
    }

    static String reason(BenefitCalculation benefit, YearMonth alreadyUntil, int months) {
        String above = "因家庭成员就业，人均收入" + Money.format(benefit.perCapitaIncome()) + "元超过低保标准"
                + Money.format(benefit.monthlyStandard()) + "元";
        return alreadyUntil != null
                ? above + "，已在渐退期内，按原标准发放至" + alreadyUntil + "，期满停保"
                : above + "，给予渐退期" + months + "个月：决定次月起按原标准继续发放" + months + "个月，期满停保";
    }
}
