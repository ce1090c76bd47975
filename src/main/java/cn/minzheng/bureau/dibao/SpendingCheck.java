package cn.minzheng.bureau.dibao;

import java.math.BigDecimal;
import java.util.Optional;

import cn.minzheng.bureau.common.Money;

/**
 * 四核水电气暖开支: water, electricity, gas and heating spending far above the declared income is a
 * red flag for the reviewer. Flagged when the verified monthly spending exceeds the given share of the
 * declared counted income, or a floor amount when nothing was declared.
 */
public record SpendingCheck(BigDecimal maxShareOfIncome, BigDecimal floorAmount) {

    public Optional<String> flag(BigDecimal utilitiesMonthly, BigDecimal declaredMonthlyIncome) {
        BigDecimal limit = declaredMonthlyIncome.multiply(maxShareOfIncome).max(floorAmount);
        if (utilitiesMonthly.compareTo(limit) > 0) {
            return Optional.of("核实的水电气暖开支每月" + Money.format(utilitiesMonthly) + "元，申报家庭收入每月"
                    + Money.format(declaredMonthlyIncome) + "元，开支超过收入的"
                    + maxShareOfIncome.movePointRight(2).stripTrailingZeros().toPlainString() + "%（下限"
                    + Money.format(floorAmount) + "元），可能存在隐性收入");
        }
        return Optional.empty();
    }
}
