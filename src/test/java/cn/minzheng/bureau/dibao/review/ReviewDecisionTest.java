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
}
