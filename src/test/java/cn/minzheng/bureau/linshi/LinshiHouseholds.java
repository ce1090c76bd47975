package cn.minzheng.bureau.linshi;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import cn.minzheng.bureau.household.DisabilityLevel;
import cn.minzheng.bureau.household.EmploymentStatus;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.Relation;
import cn.minzheng.bureau.household.ResidentIdNumber;

/** Registered households for the 临时救助 tests, each with resident ID numbers no other test uses. */
final class LinshiHouseholds {

    /** 岳村乡, 岳村 (a village: rural standard 520). */
    static final String YUECUN = "yuecun";
    static final String YUECUN_VILLAGE = "yuecun-yuecun";
    /** 任丘办事处, 清华苑社区 (urban standard 700). */
    static final String RENQIU = "renqiu";
    static final String QINGHUAYUAN = "renqiu-qinghuayuan";

    private LinshiHouseholds() {
    }

    /** Inserts a household of the size given; returns it with its id (the head first). */
    static Household register(HouseholdRepository households, String township, String community, int size) {
        List<Household.Member> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            members.add(new Household.Member(null, i == 0 ? "临户主" + ThreadLocalRandom.current().nextInt(1000) : "成员" + i,
                    freshIdNumber(), i == 0 ? Relation.HEAD : Relation.CHILD, EmploymentStatus.UNEMPLOYED,
                    DisabilityLevel.NONE, List.of()));
        }
        Household household = new Household(null, township, community, "临时救助测试住址", "中国农业银行",
                "62284800" + (10_000_000_000L + ThreadLocalRandom.current().nextLong(89_999_999_999L)), null,
                BigDecimal.ZERO, new Household.UtilitySpending(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO), members);
        long id = households.insert(household);
        return households.find(id).orElseThrow();
    }

    /** A valid resident ID number of someone born 1950–1999, random enough not to meet another test's. */
    static ResidentIdNumber freshIdNumber() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        String first17 = "410399" + (1950 + random.nextInt(50)) + String.format("%02d%02d%03d", 1 + random.nextInt(12),
                1 + random.nextInt(28), random.nextInt(1000));
        return ResidentIdNumber.parse(first17 + ResidentIdNumber.checkCharacter(first17));
    }
}
