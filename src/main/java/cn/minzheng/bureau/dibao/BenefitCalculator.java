package cn.minzheng.bureau.dibao;

import java.math.BigDecimal;

import cn.minzheng.bureau.common.Money;

/**
 * 差额补助: (standard − per-capita income) × household size, plus the category addition
 * (分类施保) for the household; nothing at all when the per-capita income reaches the standard.
 */
public final class BenefitCalculator {

    private BenefitCalculator() {
    }

    public static BenefitCalculation calculate(BigDecimal perCapitaIncome, BigDecimal monthlyStandard,
                                               BigDecimal categoryAddition, int householdSize) {
        if (householdSize <= 0) {
            throw new IllegalArgumentException("household size must be positive");
        }
        BigDecimal gap = monthlyStandard.subtract(perCapitaIncome);
        BigDecimal amount = gap.signum() <= 0
                ? Money.ZERO
                : Money.of(gap.multiply(BigDecimal.valueOf(householdSize)).add(categoryAddition));
        return new BenefitCalculation(Money.of(perCapitaIncome), Money.of(monthlyStandard), Money.of(categoryAddition),
                householdSize, amount);
    }
}
