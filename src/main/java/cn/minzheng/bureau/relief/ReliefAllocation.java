package cn.minzheng.bureau.relief;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import cn.minzheng.bureau.common.LargestRemainder;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;

/**
 * Allocates a relief fund to roster households, in whole yuan, by priority tier and need:
 * tiers are served in order ({@link PriorityTier}); a tier the remaining fund covers gets every
 * household's full need; the first tier it does not cover shares what is left in proportion to
 * need, by largest remainder ({@link LargestRemainder}), and later tiers get nothing. No household
 * gets more than its need, the sum never exceeds the fund, and allocated + balance = fund exactly
 * (the balance is the fund's cents plus whatever exceeds the total need). Pure.
 */
public final class ReliefAllocation {

    /** One household's claim: its roster id, tier and assessed need in whole yuan. */
    public record Claim(long householdId, PriorityTier tier, long need) {
    }

    /** Yuan per household id (in claim order), the total allocated and what is left of the fund. */
    public record Result(Map<Long, Long> amounts, long allocated, BigDecimal balance) {
    }

    private ReliefAllocation() {
    }

    public static Result allocate(BigDecimal fund, List<Claim> claims) {
        if (fund == null || fund.signum() <= 0) {
            throw new RuleViolation("INVALID_FUND", "救灾资金数额必须大于零");
        }
        for (Claim claim : claims) {
            if (claim.need() < 0) {
                throw new RuleViolation("INVALID_NEED", "救助需求金额不能为负数");
            }
        }
        long remaining = fund.setScale(0, RoundingMode.DOWN).longValueExact();
        Map<Long, Long> amounts = new LinkedHashMap<>();
        claims.forEach(c -> amounts.put(c.householdId(), 0L));
        Map<PriorityTier, List<Claim>> byTier = new TreeMap<>(Comparator.comparingInt(PriorityTier::rank));
        for (Claim claim : claims) {
            byTier.computeIfAbsent(claim.tier(), t -> new java.util.ArrayList<>()).add(claim);
        }
        long allocated = 0;
        for (List<Claim> tier : byTier.values()) {
            long need = tier.stream().mapToLong(Claim::need).sum();
            if (remaining == 0 || need == 0) {
                continue;
            }
            long share = Math.min(remaining, need);
            long[] parts = share == need ? tier.stream().mapToLong(Claim::need).toArray()
                    : LargestRemainder.allocate(share, tier.stream().map(Claim::need).toList());
            for (int i = 0; i < parts.length; i++) {
                amounts.put(tier.get(i).householdId(), parts[i]);
            }
            remaining -= share;
            allocated += share;
        }
        return new Result(amounts, allocated, Money.of(fund).subtract(BigDecimal.valueOf(allocated)));
    }
}
