package cn.minzheng.bureau.dibao.review;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The outcome of a review from the amount paid now and the amount recomputed with the current
 * standards: a household no longer eligible (or one the clerk found gone) is cancelled; otherwise the
 * amount goes up, down or stays. Every cancellation, and a change of more than the threshold share of
 * the current amount, needs township review and district approval.
 */
public record ReviewDecision(ReviewOutcome outcome, BigDecimal newAmount, boolean needsApproval) {

    public static ReviewDecision of(BigDecimal currentAmount, BigDecimal recomputedAmount, boolean eligible,
                                    boolean cancelProposed, BigDecimal threshold) {
        return of(currentAmount, recomputedAmount, eligible, cancelProposed, threshold, false, 0);
    }

    /**
     * As above; a household above the standard through employment ({@code aboveThroughEmployment}) is not
     * cancelled at once but phased out (渐退) with its current amount when the locality gives a gradual exit of
     * at least a month. A cancellation the clerk proposes (death, moving away) is not phased out.
     */
    public static ReviewDecision of(BigDecimal currentAmount, BigDecimal recomputedAmount, boolean eligible,
                                    boolean cancelProposed, BigDecimal threshold, boolean aboveThroughEmployment,
                                    int gradualExitMonths) {
        if (!cancelProposed && (!eligible || recomputedAmount.signum() == 0) && aboveThroughEmployment
                && gradualExitMonths > 0 && currentAmount.signum() > 0) {
            return new ReviewDecision(ReviewOutcome.PHASE_OUT, currentAmount, true);
        }
        if (cancelProposed || !eligible || recomputedAmount.signum() == 0) {
            return new ReviewDecision(ReviewOutcome.CANCEL, BigDecimal.ZERO.setScale(2), true);
        }
        int direction = recomputedAmount.compareTo(currentAmount);
        ReviewOutcome outcome = direction > 0 ? ReviewOutcome.RAISE : direction < 0 ? ReviewOutcome.LOWER : ReviewOutcome.KEEP;
        BigDecimal change = recomputedAmount.subtract(currentAmount).abs();
        boolean beyond = currentAmount.signum() == 0
                || change.divide(currentAmount, 4, RoundingMode.HALF_UP).compareTo(threshold) > 0;
        return new ReviewDecision(outcome, recomputedAmount, outcome != ReviewOutcome.KEEP && beyond);
    }
}
