package cn.minzheng.bureau.common;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Splits a whole number of units (yuan, pieces) in proportion to weights so that the shares add
 * up exactly to the total (largest-remainder method, Hamilton):
 * <ol>
 * <li>every share is first rounded down: floor(total × weight / sum of weights);</li>
 * <li>the units left over go one each to the shares with the largest remainders;</li>
 * <li>equal remainders: the larger weight first, then the earlier position in the list.</li>
 * </ol>
 * A share never exceeds total × weight / sum rounded up, so a share of a total smaller than the
 * sum of the weights never exceeds its weight. Pure: no I/O, exact integer arithmetic.
 */
public final class LargestRemainder {

    private LargestRemainder() {
    }

    public static long[] allocate(long total, List<Long> weights) {
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative: " + total);
        }
        long sum = 0;
        for (long weight : weights) {
            if (weight < 0) {
                throw new IllegalArgumentException("weights must not be negative: " + weights);
            }
            sum = Math.addExact(sum, weight);
        }
        long[] shares = new long[weights.size()];
        if (total == 0) {
            return shares;
        }
        if (sum == 0) {
            throw new IllegalArgumentException("nothing to weigh " + total + " units by");
        }
        long[] remainders = new long[weights.size()];
        long given = 0;
        for (int i = 0; i < shares.length; i++) {
            long product = Math.multiplyExact(total, weights.get(i));
            shares[i] = product / sum;
            remainders[i] = product % sum;
            given += shares[i];
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < shares.length; i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingLong(i -> remainders[i]).reversed()
                .thenComparing(Comparator.<Integer>comparingLong(weights::get).reversed())
                .thenComparingInt(i -> i));
        for (int k = 0; k < total - given; k++) {
            shares[order.get(k)]++;
        }
        return shares;
    }
}
