package cn.minzheng.bureau.dibao;

import java.math.BigDecimal;

/** The result of the income calculation method for one household. */
public record IncomeAssessment(int householdSize, BigDecimal countedMonthlyIncome, BigDecimal excludedMonthlyIncome,
                               BigDecimal perCapitaIncome) {
}
