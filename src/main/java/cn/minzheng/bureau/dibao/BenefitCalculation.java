package cn.minzheng.bureau.dibao;

import java.math.BigDecimal;

/** Standard, addition and monthly amount computed for a household; eligible when the amount is positive. */
public record BenefitCalculation(BigDecimal perCapitaIncome, BigDecimal monthlyStandard, BigDecimal categoryAddition,
                                 int householdSize, BigDecimal monthlyAmount) {

    public boolean eligible() {
        return monthlyAmount.signum() > 0;
    }
}
