package cn.minzheng.bureau.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.common.RuleViolation;

class PayrollMonthTest {

    @ParameterizedTest
    @CsvSource({"2026-05, 2026-05", "' 2027-12 ', 2027-12", "2000-01, 2000-01"})
    void readsAMonth(String given, String expected) {
        assertThat(PayrollMonth.parse(given)).isEqualTo(YearMonth.parse(expected));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "''         | MISSING_MONTH | 请填写发放月份",
            "2026-13    | INVALID_MONTH | 发放月份不存在",
            "2026-5     | INVALID_MONTH | 格式不正确",
            "五月        | INVALID_MONTH | 格式不正确",
            "1999-12    | INVALID_MONTH | 不能早于2000年"})
    void refusesWhatIsNotAMonth(String given, String code, String message) {
        assertThatThrownBy(() -> PayrollMonth.parse(given)).isInstanceOfSatisfying(RuleViolation.class, v -> {
            assertThat(v.getErrorCode()).isEqualTo(code);
            assertThat(v.getMessage()).contains(message);
        });
    }
}
