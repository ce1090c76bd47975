package cn.minzheng.bureau.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.common.RuleViolation;

/** The one rule for leaving the district, worked by hand. */
class LeavingAreaTest {

    @ParameterizedTest(name = "moved on {0}: last month due {1}, first month not due {2}")
    @CsvSource({
            "2026-05-20, 2026-05, 2026-06",
            "2026-05-01, 2026-05, 2026-06",
            "2026-12-31, 2026-12, 2027-01",
            "2028-02-29, 2028-02, 2028-03"})
    void theBenefitIsDueToTheEndOfTheMonthOfTheMove(LocalDate movedOn, String lastDue, String firstNotDue) {
        assertThat(LeavingArea.lastMonthDue(movedOn)).hasToString(lastDue);
        assertThat(LeavingArea.firstMonthNotDue(movedOn)).hasToString(firstNotDue);
    }

    @ParameterizedTest(name = "{0} paid {1} after a move on {2}: overpaid {3}")
    @CsvSource({
            "2026-05, ISSUED, 2026-05-20, false",
            "2026-06, ISSUED, 2026-05-20, true",
            "2027-01, ISSUED, 2026-12-01, true",
            "2026-06, PENDING, 2026-05-20, false",
            "2026-06, FAILED, 2026-05-20, false",
            "2026-04, ISSUED, 2026-05-20, false"})
    void aPaymentSentForAMonthAfterTheMoveIsOverpaid(String month, String status, LocalDate movedOn, boolean overpaid) {
        assertThat(LeavingArea.overpaid(month, status, movedOn)).isEqualTo(overpaid);
    }

    @ParameterizedTest(name = "born {0}, moved {1}, today {2}: {3}")
    @CsvSource({
            "1950-03-04, 2026-12-06, 2026-12-05, 晚于今天",
            "1950-03-04, 1950-03-03, 2026-12-05, 早于出生日期1950-03-04",
            "1950-03-04, 2026-12-05, 2026-12-05, ",
            "1950-03-04, 1950-03-04, 2026-12-05, "})
    void theMoveIsNeitherInTheFutureNorBeforeBirth(LocalDate born, LocalDate movedOn, LocalDate today, String refusal) {
        if (refusal == null) {
            LeavingArea.checkMoveDate(born, movedOn, today);
        } else {
            assertThatThrownBy(() -> LeavingArea.checkMoveDate(born, movedOn, today)).isInstanceOf(RuleViolation.class)
                    .hasMessageContaining(refusal);
        }
    }
}
