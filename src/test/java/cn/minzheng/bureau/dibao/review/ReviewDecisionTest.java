package cn.minzheng.bureau.dibao.review;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReviewDecisionTest {

    @ParameterizedTest(name = "{0} -> {1}, eligible {2}, cancel proposed {3}: {4} {5}, approval {6}")
    @CsvSource({
            // current, recomputed, eligible, cancelProposed, outcome, new amount, needs approval (threshold 20 %)
            "960.00, 960.00, true,  false, KEEP,   960.00, false",
            "960.00, 1020.00, true, false, RAISE, 1020.00, false",
            "960.00, 1152.00, true, false, RAISE, 1152.00, false", // exactly 20 %: not beyond
            "960.00, 1153.00, true, false, RAISE, 1153.00, true",
            "740.00, 340.00, true,  false, LOWER,  340.00, true",
            "740.00, 700.00, true,  false, LOWER,  700.00, false",
            "740.00, 0.00,   false, false, CANCEL,   0.00, true",
            "740.00, 740.00, true,  true,  CANCEL,   0.00, true",
            "0.00,   100.00, true,  false, RAISE,  100.00, true"})
    void outcomeAndApproval(String current, String recomputed, boolean eligible, boolean cancelProposed,
                            ReviewOutcome outcome, String newAmount, boolean needsApproval) {
        ReviewDecision decision = ReviewDecision.of(new BigDecimal(current), new BigDecimal(recomputed), eligible,
                cancelProposed, new BigDecimal("0.20"));
        assertThat(decision.outcome()).isEqualTo(outcome);
        assertThat(decision.newAmount()).isEqualByComparingTo(newAmount);
        assertThat(decision.needsApproval()).isEqualTo(needsApproval);
    }

    @ParameterizedTest(name = "{0} -> {1}, eligible {2}, cancel proposed {3}, through employment {4}, {5} months: {6}")
    @CsvSource({
            // current, recomputed, eligible, cancelProposed, through employment, gradual-exit months → outcome, amount
            "740.00, 0.00,   false, false, true,  3, PHASE_OUT, 740.00",
            "740.00, 0.00,   false, false, false, 3, CANCEL,      0.00", // above the standard, not through work
            "740.00, 0.00,   false, false, true,  0, CANCEL,      0.00", // the locality gives no gradual exit
            "740.00, 0.00,   false, true,  true,  3, CANCEL,      0.00", // the clerk proposes cancelling (death …)
            "740.00, 340.00, true,  false, true,  3, LOWER,     340.00"}) // still below the standard: no exit
    void aHouseholdAboveTheStandardThroughWorkIsPhasedOut(String current, String recomputed, boolean eligible,
                                                          boolean cancelProposed, boolean throughEmployment, int months,
                                                          ReviewOutcome outcome, String newAmount) {
        ReviewDecision decision = ReviewDecision.of(new BigDecimal(current), new BigDecimal(recomputed), eligible,
                cancelProposed, new BigDecimal("0.20"), throughEmployment, months);
        assertThat(decision.outcome()).isEqualTo(outcome);
        assertThat(decision.newAmount()).isEqualByComparingTo(newAmount);
        assertThat(decision.needsApproval()).isTrue();
    }

    @ParameterizedTest(name = "decided {0}, {1} months: {2} paid {3}")
    @CsvSource({
            // decided in March with 3 months: April, May and June are paid as before, July is not
            "2026-03, 3, 2026-03, true",
            "2026-03, 3, 2026-04, true",
            "2026-03, 3, 2026-05, true",
            "2026-03, 3, 2026-06, true",
            "2026-03, 3, 2026-07, false",
            // across the year's end
            "2026-11, 3, 2027-02, true",
            "2026-11, 3, 2027-03, false",
            // 6 months
            "2026-01, 6, 2026-07, true",
            "2026-01, 6, 2026-08, false"})
    void aPhasingOutHouseholdIsPaidMonthByMonthUntilTheEnd(String decided, int months, String month, boolean paid) {
        assertThat(GradualExit.pays(java.time.YearMonth.parse(decided), months, java.time.YearMonth.parse(month)))
                .isEqualTo(paid);
    }
}
