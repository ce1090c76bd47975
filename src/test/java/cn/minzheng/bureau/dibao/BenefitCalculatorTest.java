package cn.minzheng.bureau.dibao;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BenefitCalculatorTest {

    @ParameterizedTest(name = "per capita {0}, standard {1}, addition {2}, size {3} -> {4}")
    @CsvSource({
            // (standard - per capita) x size + addition
            "200.00, 700.00, 0.00,   3, 1500.00",
            "0.00,   520.00, 0.00,   1, 520.00",
            "300.00, 730.00, 50.00,  1, 480.00",
            "333.33, 700.00, 0.00,   3, 1100.01",
            "699.99, 700.00, 100.00, 2, 100.02",
            // no benefit at all where income reaches the standard: the addition is not paid either
            "700.00, 700.00, 100.00, 2, 0.00",
            "900.00, 700.00, 150.00, 4, 0.00",
    })
    void computesTheGapTimesHouseholdSizePlusAddition(BigDecimal perCapita, BigDecimal standard, BigDecimal addition,
                                                      int size, BigDecimal expected) {
        BenefitCalculation benefit = BenefitCalculator.calculate(perCapita, standard, addition, size);
        assertThat(benefit.monthlyAmount()).isEqualTo(expected);
        assertThat(benefit.monthlyAmount().scale()).isEqualTo(2);
        assertThat(benefit.eligible()).isEqualTo(expected.signum() > 0);
    }
}
