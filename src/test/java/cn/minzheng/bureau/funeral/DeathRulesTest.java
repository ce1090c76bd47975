package cn.minzheng.bureau.funeral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import cn.minzheng.bureau.common.RuleViolation;

/** The date rules of a death record, the burial rule, and which payments a death made overpaid, as tables. */
class DeathRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 5);

    @ParameterizedTest(name = "born {0}, died {1}: {2}")
    @CsvSource(nullValues = "-", textBlock = """
            1940-03-01, 2026-12-05, -
            1940-03-01, 2026-12-04, -
            1940-03-01, 1940-03-01, -
            2026-12-05, 2026-12-05, -
            1940-03-01, 2026-12-06, 死亡日期2026-12-06晚于今天（2026-12-05），不能登记尚未发生的死亡
            1940-03-01, 2027-01-01, 晚于今天
            1940-03-01, 1940-02-29, 死亡日期1940-02-29早于出生日期1940-03-01（按身份证号码），请核对
            2000-01-01, 1999-12-31, 早于出生日期
            """)
    void aDeathIsNeitherInTheFutureNorBeforeBirth(LocalDate born, LocalDate died, String refusal) {
        if (refusal == null) {
            assertThatCode(() -> DeathRules.checkDeathDate(born, died, TODAY)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> DeathRules.checkDeathDate(born, died, TODAY)).isInstanceOf(RuleViolation.class)
                    .hasMessageContaining(refusal);
        }
    }

    @ParameterizedTest(name = "\"{0}\" → {1}")
    @CsvSource(nullValues = "-", textBlock = """
            2026-11-20,                2026-11-20, -
            2026-11-20T00:00:00.000Z,  2026-11-20, -
            ' 2026-02-28 ',            2026-02-28, -
            2026-02-30,                -,          格式不正确
            20261120,                  -,          格式不正确
            '',                        -,          死亡日期不能为空
            """)
    void theDeathDateIsReadAsFormsSendIt(String text, LocalDate expected, String refusal) {
        if (refusal == null) {
            assertThat(DeathRules.parseDate(text)).isEqualTo(expected);
        } else {
            assertThatThrownBy(() -> DeathRules.parseDate(text)).isInstanceOf(RuleViolation.class).hasMessageContaining(refusal);
        }
    }

    @ParameterizedTest(name = "cremated {0}, {1}: {2}")
    @CsvSource(nullValues = "-", textBlock = """
            true,  CEMETERY,    -
            true,  COLUMBARIUM, -
            true,  TREE,        -
            true,  SEA,         -
            true,  OTHER,       -
            false, INTERMENT,   -
            false, OTHER,       -
            false, FLOWER,      须在火化之后
            false, CEMETERY,    须在火化之后
            true,  INTERMENT,   已火化的不能登记为土葬
            """)
    void theBurialFitsTheCremation(boolean cremated, BurialKind kind, String refusal) {
        if (refusal == null) {
            assertThatCode(() -> DeathRules.checkBurial(cremated, kind)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> DeathRules.checkBurial(cremated, kind)).hasMessageContaining(refusal);
        }
    }

    static Stream<Arguments> overpaidMonths() {
        // a death on 2026-10-15: October is still due; November and later were overpaid if they went out
        return Stream.of(
                Arguments.of("2026-10-15", List.of(paid(1, "2026-09", "ISSUED"), paid(2, "2026-10", "ISSUED")), List.of()),
                Arguments.of("2026-10-15", List.of(paid(2, "2026-10", "ISSUED"), paid(3, "2026-11", "ISSUED")), List.of(3L)),
                Arguments.of("2026-10-31", List.of(paid(3, "2026-11", "ISSUED"), paid(4, "2026-12", "ISSUED")), List.of(3L, 4L)),
                Arguments.of("2026-11-01", List.of(paid(3, "2026-11", "ISSUED"), paid(4, "2026-12", "ISSUED")), List.of(4L)),
                // computed but not sent to the bank, or returned by it: nothing went out
                Arguments.of("2026-10-15", List.of(paid(3, "2026-11", "PENDING"), paid(4, "2026-12", "FAILED")), List.of()),
                // by month, whatever order they came in; across a year's end
                Arguments.of("2026-12-31", List.of(paid(9, "2027-02", "ISSUED"), paid(8, "2027-01", "ISSUED"),
                        paid(7, "2026-12", "ISSUED")), List.of(8L, 9L)),
                Arguments.of("2026-10-15", List.of(), List.of()));
    }

    @ParameterizedTest(name = "died {0}")
    @MethodSource
    void overpaidMonths(LocalDate died, List<DeathRules.Payment> payments, List<Long> overpaid) {
        assertThat(DeathRules.overpaid(payments, died)).extracting(DeathRules.Payment::paymentId).containsExactlyElementsOf(overpaid);
    }

    private static DeathRules.Payment paid(long id, String month, String status) {
        return new DeathRules.Payment(id, 100L, "DIBAO", month, new BigDecimal("740.00"), status);
    }
}
