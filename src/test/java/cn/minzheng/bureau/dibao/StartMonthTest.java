package cn.minzheng.bureau.dibao;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StartMonthTest {

    @ParameterizedTest(name = "{0}, decided {1}: paid from {2}")
    @CsvSource(delimiter = '|', textBlock = """
            NEXT_MONTH     | 2026-03-01 | 2026-04
            NEXT_MONTH     | 2026-03-31 | 2026-04
            NEXT_MONTH     | 2026-12-31 | 2027-01
            DECISION_MONTH | 2026-03-01 | 2026-03
            DECISION_MONTH | 2026-12-31 | 2026-12
            """)
    void theFirstMonthPaid(StartMonth rule, LocalDate decidedOn, YearMonth firstMonth) {
        assertThat(rule.after(decidedOn)).isEqualTo(firstMonth);
    }
}
