package cn.minzheng.bureau.donation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.minzheng.bureau.common.LargestRemainder;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;

/**
 * Plans how a campaign's cash and goods go to the townships, in proportion to each township's
 * needy households: cash in whole yuan and goods in whole pieces, by largest remainder, so each
 * column adds up exactly to what was donated. Cash cents (a donation of 50.50) cannot be split in
 * whole yuan: they go to the township with the most needy households (the first listed on a tie).
 * Pure.
 */
public final class DonationPlan {

    public record Share(String townshipCode, long needyHouseholds, BigDecimal cash, Map<GoodsKind, Long> goods) {
    }

    private DonationPlan() {
    }

    /** {@code needyHouseholds}: township code → number of needy households, in a stable order. */
    public static List<Share> plan(BigDecimal cash, Map<GoodsKind, Long> goods, Map<String, Long> needyHouseholds) {
        List<String> townships = new ArrayList<>(needyHouseholds.keySet());
        List<Long> weights = townships.stream().map(needyHouseholds::get).toList();
        if (weights.stream().mapToLong(Long::longValue).sum() == 0) {
            throw new RuleViolation("NO_NEEDY_HOUSEHOLDS", "各乡镇（街道）均无困难家庭（低保户或灾情登记户），无法按比例分配捐赠款物");
        }
        BigDecimal total = Money.of(cash);
        long wholeYuan = total.setScale(0, RoundingMode.DOWN).longValueExact();
        BigDecimal cents = total.subtract(BigDecimal.valueOf(wholeYuan));
        long[] cashShares = LargestRemainder.allocate(wholeYuan, weights);
        int largest = 0;
        for (int i = 1; i < weights.size(); i++) {
            if (weights.get(i) > weights.get(largest)) {
                largest = i;
            }
        }
        Map<GoodsKind, long[]> goodsShares = new EnumMap<>(GoodsKind.class);
        goods.forEach((kind, quantity) -> goodsShares.put(kind, LargestRemainder.allocate(quantity, weights)));

        List<Share> shares = new ArrayList<>();
        for (int i = 0; i < townships.size(); i++) {
            BigDecimal townshipCash = Money.of(BigDecimal.valueOf(cashShares[i]));
            if (i == largest) {
                townshipCash = townshipCash.add(cents);
            }
            Map<GoodsKind, Long> townshipGoods = new LinkedHashMap<>();
            for (Map.Entry<GoodsKind, long[]> entry : goodsShares.entrySet()) {
                townshipGoods.put(entry.getKey(), entry.getValue()[i]);
            }
            shares.add(new Share(townships.get(i), weights.get(i), townshipCash, townshipGoods));
        }
        return shares;
    }
}
