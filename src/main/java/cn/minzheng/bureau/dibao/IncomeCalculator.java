package cn.minzheng.bureau.dibao;

import java.math.BigDecimal;
import java.math.RoundingMode;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.IncomeType;

/**
 * The income calculation method (城镇居民家庭收入测算办法): the household's counted monthly income
 * (every item whose {@link IncomeType#counted()} is true, hidden income found by the survey included)
 * divided by the number of members, rounded half-up to the fen. Exempt items are recorded but not counted.
 */
public final class IncomeCalculator {

    private IncomeCalculator() {
    }

    public static IncomeAssessment assess(Household household) {
        BigDecimal counted = BigDecimal.ZERO;
        BigDecimal excluded = BigDecimal.ZERO;
        for (Household.Member member : household.members()) {
            for (Household.Income income : member.incomes()) {
                if (income.type().counted()) {
                    counted = counted.add(income.monthlyAmount());
                } else {
                    excluded = excluded.add(income.monthlyAmount());
                }
            }
        }
        int size = household.size();
        if (size == 0) {
            throw new IllegalArgumentException("household without members");
        }
        BigDecimal perCapita = counted.divide(BigDecimal.valueOf(size), 2, RoundingMode.HALF_UP);
        return new IncomeAssessment(size, Money.of(counted), Money.of(excluded), perCapita);
    }
}
