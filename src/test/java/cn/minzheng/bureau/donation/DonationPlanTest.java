package cn.minzheng.bureau.donation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.donation.DonationPlan.Share;

/** The brief's campaign: 200,000 yuan, 4,000 棉衣, 40 棉被 over the four townships' needy households. */
class DonationPlanTest {

    @ParameterizedTest(name = "{0} yuan, {1} 棉衣, {2} 棉被 by {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # cash    | coats | quilts | needy: yuecun mengke renqiu zhongyuan | cash per township               | coats per township  | quilts per township
            200000    | 4000  | 40     | 310 240 152 130 | 74519.00 57692.00 36539.00 31250.00     | 1490 1154 731 625   | 15 12 7 6
            200000    | 4013  | 43     | 310 240 152 130 | 74519.00 57692.00 36539.00 31250.00     | 1495 1158 733 627   | 16 12 8 7
            200000.75 | 4000  | 40     | 134 296 402 0   | 32211.00 71154.00 96635.75 0.00         | 644 1423 1933 0     | 7 14 19 0
            200000    | 4000  | 40     | 1 1 1 1         | 50000.00 50000.00 50000.00 50000.00     | 1000 1000 1000 1000 | 10 10 10 10
            0         | 3     | 1      | 5 5 0 2         | 0.00 0.00 0.00 0.00                     | 1 1 0 1             | 1 0 0 0
            """)
    void everyColumnAddsUpToWhatWasDonated(String cash, long coats, long quilts, String needy, String cashShares,
                                           String coatShares, String quiltShares) {
        List<String> townships = List.of("yuecun", "mengke", "renqiu", "zhongyuan");
        Map<String, Long> weights = new LinkedHashMap<>();
        String[] counts = needy.trim().split("\\s+");
        for (int i = 0; i < townships.size(); i++) {
            weights.put(townships.get(i), Long.valueOf(counts[i]));
        }

        List<Share> plan = DonationPlan.plan(new BigDecimal(cash),
                Map.of(GoodsKind.COTTON_COAT, coats, GoodsKind.QUILT, quilts), weights);

        assertThat(plan).extracting(Share::townshipCode).containsExactlyElementsOf(townships);
        assertThat(plan).extracting(s -> s.cash().toPlainString()).containsExactly(cashShares.trim().split("\\s+"));
        assertThat(plan).extracting(s -> s.goods().get(GoodsKind.COTTON_COAT)).containsExactlyElementsOf(longs(coatShares));
        assertThat(plan).extracting(s -> s.goods().get(GoodsKind.QUILT)).containsExactlyElementsOf(longs(quiltShares));
        assertThat(plan.stream().map(Share::cash).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(cash);
        assertThat(plan.stream().mapToLong(s -> s.goods().get(GoodsKind.COTTON_COAT)).sum()).isEqualTo(coats);
        assertThat(plan.stream().mapToLong(s -> s.goods().get(GoodsKind.QUILT)).sum()).isEqualTo(quilts);
    }

    @Test
    void noNeedyHouseholdAnywhereIsRefusedInChinese() {
        assertThatThrownBy(() -> DonationPlan.plan(new BigDecimal("100"), Map.of(), Map.of("yuecun", 0L)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("无法按比例分配");
    }

    private static List<Long> longs(String text) {
        return Arrays.stream(text.trim().split("\\s+")).map(Long::valueOf).toList();
    }
}
