package cn.minzheng.bureau.relief;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.minzheng.bureau.donation.DonationPlan;
import cn.minzheng.bureau.donation.GoodsKind;
import cn.minzheng.bureau.relief.ReliefAllocation.Claim;

/**
 * Prints how fast the two allocators run (not a test; run it by hand, see docs/benchmarks.md):
 * the relief fund over a large roster, a donation plan over many townships, and the .xlsx rosters.
 */
public final class AllocationBenchmark {

    public static void main(String[] args) {
        for (int households : new int[] {832, 10_000, 100_000, 1_000_000}) {
            List<Claim> claims = new ArrayList<>(households);
            for (int i = 0; i < households; i++) {
                PriorityTier tier = PriorityTier.values()[i % 4];
                claims.add(new Claim(i, tier, 200 + (i * 37L) % 2800));
            }
            long totalNeed = claims.stream().mapToLong(Claim::need).sum();
            BigDecimal fund = BigDecimal.valueOf(totalNeed * 6 / 10).add(new BigDecimal("0.37"));
            ReliefAllocation.allocate(fund, claims); // warm-up
            int runs = households >= 1_000_000 ? 3 : 10;
            long start = System.nanoTime();
            ReliefAllocation.Result result = null;
            for (int r = 0; r < runs; r++) {
                result = ReliefAllocation.allocate(fund, claims);
            }
            double ms = (System.nanoTime() - start) / 1e6 / runs;
            System.out.printf("relief allocation: %,9d households, fund %s -> allocated %,d, balance %s: %8.1f ms%n",
                    households, fund.toPlainString(), result.allocated(), result.balance().toPlainString(), ms);
        }
        for (int townships : new int[] {4, 100, 10_000}) {
            Map<String, Long> needy = new LinkedHashMap<>();
            for (int i = 0; i < townships; i++) {
                needy.put("t" + i, 50L + (i * 13L) % 400);
            }
            Map<GoodsKind, Long> goods = Map.of(GoodsKind.COTTON_COAT, 4013L, GoodsKind.QUILT, 43L);
            DonationPlan.plan(new BigDecimal("200050.50"), goods, needy);
            long start = System.nanoTime();
            for (int r = 0; r < 100; r++) {
                DonationPlan.plan(new BigDecimal("200050.50"), goods, needy);
            }
            System.out.printf("donation plan:     %,9d townships: %8.3f ms%n", townships, (System.nanoTime() - start) / 1e6 / 100);
        }
        Disaster disaster = new Disaster(1, "ZH2026-0001", DisasterKind.WATERLOGGING, "内涝", java.time.LocalDateTime.now(),
                null, BigDecimal.ZERO, 0, 0, 0, DisasterStatus.VERIFIED, null, null, null, null);
        for (int households : new int[] {832, 10_000}) {
            List<AffectedHousehold> roster = new ArrayList<>();
            for (int i = 0; i < households; i++) {
                roster.add(new AffectedHousehold((long) i, "yuecun", "yuecun-dongyue", "户主",
                        new cn.minzheng.bureau.household.ResidentIdNumber("11010519491231002X"), "东岳村", 3,
                        HouseholdCategory.values()[i % 4], null, false, BigDecimal.ONE, HouseDamage.values()[i % 3],
                        i % 3 == 2 ? 2 : 0, i % 50 == 0 ? 1 : 0, "某", 2, true, true, true, false, BigDecimal.TEN, null,
                        false, false));
            }
            new RosterWorkbook(disaster, "全区", Map.of(), roster).toXlsx(); // warm-up
            long start = System.nanoTime();
            byte[] xlsx = new RosterWorkbook(disaster, "全区", Map.of(), roster).toXlsx();
            System.out.printf("roster .xlsx:      %,9d households: %8.1f ms, %,d bytes%n", households,
                    (System.nanoTime() - start) / 1e6, xlsx.length);
        }
    }
}
