package cn.minzheng.bureau.importing.kind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RosterMonthTest {

    @ParameterizedTest
    @CsvSource({"2025-01, 2025-01", "2025/01, 2025-01", "2025.01, 2025-01", "202501, 2025-01", "199912, 1999-12"})
    void theWaysRostersWriteAMonth(String cell, String month) {
        assertThat(RosterMonth.parse(cell)).isEqualTo(YearMonth.parse(month));
    }

    @ParameterizedTest
    @ValueSource(strings = {"2025-13", "202513", "2025-1", "25-01", "2025年1月", "20251", "2025001"})
    void whatIsNoMonth(String cell) {
        assertThatThrownBy(() -> RosterMonth.parse(cell)).isInstanceOf(DateTimeParseException.class);
    }
}
