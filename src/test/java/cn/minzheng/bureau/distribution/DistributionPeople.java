package cn.minzheng.bureau.distribution;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.household.DisabilityLevel;
import cn.minzheng.bureau.household.EmploymentStatus;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.Relation;
import cn.minzheng.bureau.household.ResidentIdNumber;

/** Households and enrolments for the distribution tests, with ID numbers (address code 410315) no other test uses. */
final class DistributionPeople {

    private DistributionPeople() {
    }

    /** A household of the township's community with these members, the first the head; their ID numbers. */
    static List<String> household(HouseholdRepository households, String township, String community, String... names) {
        List<Household.Member> members = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            String id = unregisteredIdNumber(households);
            ids.add(id);
            members.add(new Household.Member(null, names[i], ResidentIdNumber.parse(id),
                    i == 0 ? Relation.HEAD : Relation.CHILD, EmploymentStatus.RETIRED, DisabilityLevel.NONE, List.of()));
        }
        households.insert(new Household(null, township, community, "慰问测试路1号", "中国农业银行",
                "6228480000" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)), null,
                BigDecimal.ZERO, new Household.UtilitySpending(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO), members));
        return ids;
    }

    /** An enrolment of the person's household: of the person ({@code person} true) or of the household (低保). */
    static void enrol(JdbcClient jdbc, String program, String idNumber, boolean person, String status) {
        long household = jdbc.sql("select max(household_id) from household_member where id_number = ?").param(idNumber)
                .query(Long.class).single();
        String township = jdbc.sql("select township_code from household where id = ?").param(household)
                .query(String.class).single();
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        jdbc.sql("""
                insert into enrolment (program_code, household_id, person_id_number, township_code, status, amount,
                    start_month, created_at, updated_at) values (?, ?, ?, ?, ?, 100.00, '2026-01', ?, ?)""")
                .params(program, household, person ? idNumber : null, township, status, now, now).update();
    }

    static String unregisteredIdNumber(HouseholdRepository households) {
        while (true) {
            LocalDate born = LocalDate.of(1940, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(15_000));
            String first17 = "410315" + born.toString().replace("-", "")
                    + String.format("%03d", ThreadLocalRandom.current().nextInt(1, 1000));
            String id = first17 + ResidentIdNumber.checkCharacter(first17);
            if (households.knownIdNumbers(List.of(id)).isEmpty()) {
                return id;
            }
        }
    }
}
