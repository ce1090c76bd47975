package cn.minzheng.bureau.ledger;

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
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.ProgramCase;

/** Households of 岳村乡 with enrolments in several programs and their payments, for the ledger's program tests. */
final class ProgramHouseholds {

    private ProgramHouseholds() {
    }

    /** A household of 岳村乡 with these members, the first the head; returns the household id and their ID numbers. */
    static long household(HouseholdRepository households, List<String> names, List<LocalDate> births, List<String> ids) {
        List<Household.Member> members = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            String id;
            do {
                String first17 = "410314" + births.get(i).toString().replace("-", "")
                        + String.format("%03d", ThreadLocalRandom.current().nextInt(1, 1000));
                id = first17 + ResidentIdNumber.checkCharacter(first17);
            } while (!households.knownIdNumbers(List.of(id)).isEmpty() || ids.contains(id));
            ids.add(id);
            members.add(new Household.Member(null, names.get(i), ResidentIdNumber.parse(id),
                    i == 0 ? Relation.HEAD : Relation.CHILD, EmploymentStatus.RETIRED, DisabilityLevel.NONE, List.of()));
        }
        return households.insert(new Household(null, "yuecun", "yuecun-yuecun", "岳村乡岳村21号", "中国农业银行",
                "6228480000" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000)), null,
                BigDecimal.ZERO, new Household.UtilitySpending(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO), members));
    }

    /** An enrolment (a person's when {@code idNumber} is given, else the household's) as the program's writer mirrors it. */
    static Enrolment enrol(EnrolmentRepository enrolments, String program, long household, String idNumber,
                           EnrolmentStatus status, String amount, String startMonth, String reason) {
        return enrolments.mirror(new ProgramCase(program, ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L),
                household, idNumber, "yuecun", status, new BigDecimal(amount), startMonth, null), "clerk.yuecun", reason);
    }

    /** A payment of the enrolment for the month by the payroll, as the payroll's computation and the bank return leave it. */
    static void pay(JdbcClient jdbc, long payrollId, Enrolment enrolment, String month, int people, String amount,
                    String status) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        jdbc.sql("""
                insert into payment (payroll_id, enrolment_id, case_id, benefit_month, household_id, township_code, payee_name,
                    payee_id_number, bank_name, bank_account, people_count, amount, status, issued_at, created_at)
                values (?, ?, null, ?, ?, 'yuecun', '测试收款人', ?, '中国农业银行', '6228480000000000003', ?, ?, ?, ?, ?)""")
                .params(payrollId, enrolment.id(), month, enrolment.householdId(),
                        enrolment.personIdNumber() == null ? "410322196001010011" : enrolment.personIdNumber(), people,
                        new BigDecimal(amount), status, "PENDING".equals(status) ? null : now, now)
                .update();
    }
}
