package cn.minzheng.bureau.relief;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.relief.ReliefAllocation.Claim;
import cn.minzheng.bureau.relief.ReliefAllocation.Result;

/** The domain brief's households: 134 五保户, 296 特困户, 402 重灾户. */
class ReliefAllocationTest {

    @ParameterizedTest(name = "fund {0}: 五保 {4}, 特困 {5}, 重灾 {6}, balance {7}")
    @CsvSource(delimiter = '|', textBlock = """
            # fund    | need 五保 | need 特困 | need 重灾 | total 五保 | total 特困 | total 重灾 | balance
            200000    | 300       | 250       | 400       | 40200      | 74000      | 85800      | 0.00
            100000    | 300       | 250       | 400       | 35176      | 64824      | 0          | 0.00
            114200    | 300       | 250       | 400       | 40200      | 74000      | 0          | 0.00
            114201.99 | 300       | 250       | 400       | 40200      | 74000      | 1          | 0.99
            300000.50 | 300       | 250       | 400       | 40200      | 74000      | 160800     | 25000.50
            200000    | 500       | 500       | 500       | 62360      | 137640     | 0          | 0.00
            """)
    void fundGoesByPriorityThenNeedAndAddsUpExactly(String fund, long fiveNeed, long poorNeed, long severeNeed,
                                                    long fiveTotal, long poorTotal, long severeTotal, String balance) {
        List<Claim> claims = new ArrayList<>();
        claims.addAll(claims(1, 134, PriorityTier.PROTECTED, fiveNeed));
        claims.addAll(claims(1000, 296, PriorityTier.PROTECTED, poorNeed));
        claims.addAll(claims(2000, 402, PriorityTier.SEVERELY_AFFECTED, severeNeed));

        Result result = ReliefAllocation.allocate(new BigDecimal(fund), claims);

        assertThat(sum(result.amounts(), 1, 134)).isEqualTo(fiveTotal);
        assertThat(sum(result.amounts(), 1000, 296)).isEqualTo(poorTotal);
        assertThat(sum(result.amounts(), 2000, 402)).isEqualTo(severeTotal);
        assertThat(result.balance()).isEqualByComparingTo(balance);
        assertThat(BigDecimal.valueOf(result.allocated()).add(result.balance())).isEqualByComparingTo(fund);
        assertThat(result.amounts().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(result.allocated());
        for (Claim claim : claims) {
            assertThat(result.amounts().get(claim.householdId())).isBetween(0L, claim.need());
        }
    }

    @ParameterizedTest(name = "{0} yuan -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            # fund | collapsed protected severe ordinary
            10000  | 3000 1500 600 200
            5200   | 3000 1500 600 100
            4000   | 3000 1000 0 0
            3000   | 3000 0 0 0
            2000   | 2000 0 0 0
            """)
    void collapsedHousesComeFirst(String fund, String expected) {
        List<Claim> claims = List.of(
                new Claim(1, PriorityTier.ORDINARY, 200),
                new Claim(2, PriorityTier.SEVERELY_AFFECTED, 600),
                new Claim(3, PriorityTier.PROTECTED, 1500),
                new Claim(4, PriorityTier.HOUSE_COLLAPSED, 3000));
        Result result = ReliefAllocation.allocate(new BigDecimal(fund), claims);
        String[] amounts = expected.trim().split("\\s+");
        assertThat(result.amounts()).containsEntry(4L, Long.valueOf(amounts[0])).containsEntry(3L, Long.valueOf(amounts[1]))
                .containsEntry(2L, Long.valueOf(amounts[2])).containsEntry(1L, Long.valueOf(amounts[3]));
        assertThat(BigDecimal.valueOf(result.allocated()).add(result.balance())).isEqualByComparingTo(fund);
    }

    @Test
    void priorityTiersFollowTheRules() {
        assertThat(PriorityTier.of(HouseholdCategory.ORDINARY, HouseDamage.COLLAPSED, false, false)).isEqualTo(PriorityTier.HOUSE_COLLAPSED);
        assertThat(PriorityTier.of(HouseholdCategory.ORDINARY, HouseDamage.DAMAGED, true, false)).isEqualTo(PriorityTier.PROTECTED);
        assertThat(PriorityTier.of(HouseholdCategory.SEVERELY_AFFECTED, HouseDamage.NONE, false, true)).isEqualTo(PriorityTier.PROTECTED);
        assertThat(PriorityTier.of(HouseholdCategory.FIVE_GUARANTEE, HouseDamage.NONE, false, false)).isEqualTo(PriorityTier.PROTECTED);
        assertThat(PriorityTier.of(HouseholdCategory.EXTREMELY_POOR, HouseDamage.DAMAGED, false, false)).isEqualTo(PriorityTier.PROTECTED);
        assertThat(PriorityTier.of(HouseholdCategory.SEVERELY_AFFECTED, HouseDamage.DAMAGED, false, false)).isEqualTo(PriorityTier.SEVERELY_AFFECTED);
        assertThat(PriorityTier.of(HouseholdCategory.ORDINARY, HouseDamage.NONE, false, false)).isEqualTo(PriorityTier.ORDINARY);
    }

    @Test
    void aFundOfNothingIsRefused() {
        assertThatThrownBy(() -> ReliefAllocation.allocate(BigDecimal.ZERO, List.of()))
                .isInstanceOf(RuleViolation.class).hasMessageContaining("必须大于零");
    }

    private static List<Claim> claims(long firstId, int count, PriorityTier tier, long need) {
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            claims.add(new Claim(firstId + i, tier, need));
        }
        return claims;
    }

    private static long sum(Map<Long, Long> amounts, long firstId, int count) {
        long sum = 0;
        for (long id = firstId; id < firstId + count; id++) {
            sum += amounts.get(id);
        }
        return sum;
    }
}
