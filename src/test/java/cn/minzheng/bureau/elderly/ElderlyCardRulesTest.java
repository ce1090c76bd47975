package cn.minzheng.bureau.elderly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.common.RuleViolation;

/** The age and the card number of the 老年人优待证, worked by hand. */
class ElderlyCardRulesTest {

    @ParameterizedTest(name = "born {0}, on {1}: {2} years, eligible {3}")
    @CsvSource({
            // 59 years and 364 days: refused; on the 60th birthday: accepted
            "1966-12-05, 2026-12-04, 59, false",
            "1966-12-04, 2026-12-04, 60, true",
            "1966-12-03, 2026-12-04, 60, true",
            "1966-01-01, 2026-12-31, 60, true",
            "1967-01-01, 2026-12-31, 59, false",
            "1930-06-15, 2026-12-04, 96, true",
            // born on 29 February: 60 on 29 February of a leap year, from 1 March otherwise
            "1964-02-29, 2024-02-28, 59, false",
            "1964-02-29, 2024-02-29, 60, true",
            "1965-02-28, 2025-02-27, 59, false",
            "1965-02-28, 2025-02-28, 60, true",
            "1966-02-28, 2026-02-28, 60, true",
    })
    void sixtyFromTheBirthdayOn(LocalDate born, LocalDate on, int age, boolean eligible) {
        assertThat(ElderlyCardRules.ageOn(born, on)).isEqualTo(age);
        if (eligible) {
            assertThatCode(() -> ElderlyCardRules.requireOldEnough(born, on)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> ElderlyCardRules.requireOldEnough(born, on)).isInstanceOf(RuleViolation.class)
                    .hasMessageContaining("未满60周岁").hasMessageContaining(born.plusYears(60) + "起可申领");
        }
    }

    @ParameterizedTest(name = "{0} {1} #{2} → {3}")
    @CsvSource({
            "yuecun, 2026, 1, yuecun-2026-0001",
            "yuecun, 2026, 42, yuecun-2026-0042",
            "renqiu, 2027, 9999, renqiu-2027-9999",
    })
    void cardNumbersAreTownshipYearAndFourDigits(String township, int year, int sequence, String number) {
        assertThat(ElderlyCardRules.cardNumber(township, year, sequence)).isEqualTo(number);
    }

    @ParameterizedTest
    @CsvSource({"0", "10000"})
    void aSequenceOutsideFourDigitsIsAnError(int sequence) {
        assertThatThrownBy(() -> ElderlyCardRules.cardNumber("yuecun", 2026, sequence))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
