package cn.minzheng.bureau.elderly;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import cn.minzheng.bureau.household.DisabilityLevel;
import cn.minzheng.bureau.household.EmploymentStatus;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.Relation;
import cn.minzheng.bureau.household.ResidentIdNumber;

/** Registered residents of given birth dates for the 老年人优待证 tests, with ID numbers no other test uses. */
final class ElderlyResidents {

    /** 岳村乡, 岳村. */
    static final String YUECUN = "yuecun";
    static final String YUECUN_VILLAGE = "yuecun-yuecun";

    private ElderlyResidents() {
    }

    /** A one-person household of 岳村乡 whose head was born on the date; returns the head's ID number. */
    static String register(HouseholdRepository households, String name, LocalDate born) {
        String id;
        do {
            id = idNumber(born);
        } while (!households.knownIdNumbers(List.of(id)).isEmpty());
        Household.Member member = new Household.Member(null, name, ResidentIdNumber.parse(id), Relation.HEAD,
                EmploymentStatus.RETIRED, DisabilityLevel.NONE, List.of());
        households.insert(new Household(null, YUECUN, YUECUN_VILLAGE, "岳村乡岳村12号", "中国农业银行",
                "6228480000" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)), null,
                BigDecimal.ZERO, new Household.UtilitySpending(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO), List.of(member)));
        return id;
    }

    /** A valid ID number of someone born on the date (address code 410311, which no other test uses). */
    static String idNumber(LocalDate born) {
        String first17 = "410311" + born.toString().replace("-", "")
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1, 1000));
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }
}
