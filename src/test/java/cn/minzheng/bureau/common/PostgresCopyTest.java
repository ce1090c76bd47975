package cn.minzheng.bureau.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** COPY's text form of a value, and which inserts a bulk insert takes. */
class PostgresCopyTest {

    static Stream<Arguments> values() {
        return Stream.of(
                Arguments.of(null, "\\N"),
                Arguments.of("", ""),
                Arguments.of("王建设", "王建设"),
                Arguments.of("a\tb", "a\\tb"),
                Arguments.of("东岳村\n5号\r", "东岳村\\n5号\\r"),
                Arguments.of("C:\\名册\\N", "C:\\\\名册\\\\N"),
                Arguments.of("\\N", "\\\\N"),
                Arguments.of(new BigDecimal("650.00"), "650.00"),
                Arguments.of(new BigDecimal("1E+3"), "1000"),
                Arguments.of(42L, "42"),
                Arguments.of(7, "7"),
                Arguments.of(false, "false"),
                Arguments.of(Timestamp.valueOf("2026-01-31 23:59:58.5"), "2026-01-31 23:59:58.5"),
                Arguments.of(Date.valueOf("1949-12-31"), "1949-12-31"),
                Arguments.of(LocalDate.of(2024, 1, 1), "2024-01-01"),
                Arguments.of(LocalDateTime.of(2024, 1, 1, 8, 30), "2024-01-01T08:30"));
    }

    @ParameterizedTest(name = "[{0}] → {1}")
    @MethodSource("values")
    void aValueIsWrittenInCopysTextForm(Object value, String text) {
        StringBuilder out = new StringBuilder();
        PostgresCopy.field(out, value);
        assertThat(out).hasToString(text);
    }

    @Test
    void aValueWithoutATextFormIsRefusedNotGuessed() {
        assertThatThrownBy(() -> PostgresCopy.field(new StringBuilder(), new Object()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PostgresCopy.field(new StringBuilder(), 1.5d))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aBulkInsertIsAPlainInsertOfPlaceholders() {
        assertThat(BatchInserts.Insert.parse("""
                insert into income_item (member_id, income_type,
                    monthly_amount) values (?, ?, ?)""")).isEqualTo(
                new BatchInserts.Insert("income_item", List.of("member_id", "income_type", "monthly_amount")));
        for (String refused : List.of(
                "insert into dibao_case (id, related_to_staff) values (?, false)",
                "insert into dibao_case (id, status) values (?)",
                "insert into audit_event (id) select id from dibao_case",
                "update household set address = ?")) {
            assertThatThrownBy(() -> BatchInserts.Insert.parse(refused)).as(refused)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
