package cn.minzheng.bureau.funeral;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import cn.minzheng.bureau.household.DisabilityLevel;
import cn.minzheng.bureau.household.EmploymentStatus;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.Relation;
import cn.minzheng.bureau.household.ResidentIdNumber;

/** Registered residents of 岳村乡 for the 死亡登记 tests, with ID numbers (address code 410313) no other test uses. */
final class FuneralPeople {

    static final String CLERK = "clerk.yuecun";
    static final String REVIEWER = "reviewer.yuecun";

    private FuneralPeople() {
    }

    /** A one-person household of 岳村乡 (岳村) whose head was born on the date; returns the head's ID number. */
    static String resident(HouseholdRepository households, String name, LocalDate born) {
        return household(households, List.of(name), List.of(born)).get(0);
    }

    /** A household of 岳村乡 with these members, the first the head; returns their ID numbers in order. */
    static List<String> household(HouseholdRepository households, List<String> names, List<LocalDate> births) {
        List<Household.Member> members = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String id = unregisteredIdNumber(households, births.get(i));
            ids.add(id);
            members.add(new Household.Member(null, names.get(i), ResidentIdNumber.parse(id),
                    i == 0 ? Relation.HEAD : Relation.CHILD, EmploymentStatus.RETIRED, DisabilityLevel.NONE, List.of()));
        }
        households.insert(new Household(null, "yuecun", "yuecun-yuecun", "岳村乡岳村8号", "中国农业银行",
                "6228480000" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)), null,
                BigDecimal.ZERO, new Household.UtilitySpending(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO), members));
        return ids;
    }

    /** A valid ID number of someone born on the date. */
    /**
     * An ID number of that birth date that no household on record has: the sequence part has only 999 values, so a
     * random one can meet a resident another test registered with the same birthday.
     */
    static String unregisteredIdNumber(HouseholdRepository households, LocalDate born) {
        while (true) {
            String id = idNumber(born);
            if (households.knownIdNumbers(List.of(id)).isEmpty()) {
                return id;
            }
        }
    }

    static String idNumber(LocalDate born) {
        String first17 = "410313" + born.toString().replace("-", "")
                + String.format("%03d", ThreadLocalRandom.current().nextInt(1, 1000));
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }
}
