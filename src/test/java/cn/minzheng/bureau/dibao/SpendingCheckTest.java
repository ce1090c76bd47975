package cn.minzheng.bureau.dibao;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpendingCheckTest {

    private final SpendingCheck check = new SpendingCheck(new BigDecimal("0.40"), new BigDecimal("150.00"));

    @ParameterizedTest(name = "spending {0} against declared income {1}: flagged {2}")
    @CsvSource({
            "100.00, 1000.00, false",
            "400.00, 1000.00, false",
            "400.01, 1000.00, true",
            "150.00, 0.00,    false",
            "150.01, 0.00,    true",
            "600.00, 300.00,  true",
    })
    void flagsSpendingFarAboveDeclaredIncome(BigDecimal spending, BigDecimal income, boolean flagged) {
        var flag = check.flag(spending, income);
        assertThat(flag.isPresent()).isEqualTo(flagged);
        flag.ifPresent(reason -> assertThat(reason).contains(spending.toPlainString()).contains(income.toPlainString()));
    }
}
