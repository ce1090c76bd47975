package cn.minzheng.bureau.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.dibao.CaseCategory;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.Household.Member;
import cn.minzheng.bureau.household.HouseholdForm.IncomeForm;
import cn.minzheng.bureau.household.HouseholdForm.MemberForm;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.ProgramCase;
import cn.minzheng.bureau.support.TestApplications;

/**
 * The people the registry has before a roster comes in, as a test puts them there: household files of 岳村乡, their
 * enrolments in a program (mirrored as the program's approval leaves them), their 低保 applications, their deaths.
 */
final class PeopleOnRecord {

    /** A household file as stored: the household and its id. */
    record Filed(Household household, long id) {
        Member member(int index) {
            return household.members().get(index);
        }

        String idNumberOf(int member) {
            return member(member).idNumber().value();
        }
    }

    private final JdbcClient jdbc;
    private final HouseholdValidator validator;
    private final HouseholdRepository households;
    private final EnrolmentRepository enrolments;
    private final DibaoCaseRepository dibaoCases;

    PeopleOnRecord(JdbcClient jdbc, HouseholdValidator validator, HouseholdRepository households,
                   EnrolmentRepository enrolments, DibaoCaseRepository dibaoCases) {
        this.jdbc = jdbc;
        this.validator = validator;
        this.households = households;
        this.enrolments = enrolments;
        this.dibaoCases = dibaoCases;
    }

    /** A household of {@code size} in 岳村乡 (the template application's), its head earning {@code headWage}. */
    Filed household(int size, String headWage) {
        Household household = validator.validate(TestApplications.yuecunHousehold(size, headWage).household());
        return new Filed(household, households.insert(household));
    }

    /** A person alone in a household of 岳村乡, with the template head's incomes (a wage of 0, 50 exempt). */
    Filed aloneWithTheTemplateHeadsIncomes(String idNumber, String employment) {
        return alone(idNumber, employment, true);
    }

    /** A person unable to work alone in a household of 岳村乡, without income. */
    Filed aloneWithoutIncome(String idNumber) {
        return alone(idNumber, "UNABLE_TO_WORK", false);
    }

    private Filed alone(String idNumber, String employment, boolean theHeadsIncomes) {
        var form = TestApplications.yuecunHousehold(1, "0");
        var head = form.household().members().get(0);
        List<IncomeForm> incomes = theHeadsIncomes ? head.incomes() : List.of();
        MemberForm person = new MemberForm(head.name(), idNumber, head.relation(), employment, "NONE", incomes);
        Household household = validator.validate(TestApplications.withMembers(form, List.of(person)).household());
        return new Filed(household, households.insert(household));
    }

    /** The household file the person is on (the latest, if several). */
    long householdOf(String idNumber) {
        return jdbc.sql("select max(household_id) from household_member where id_number = ?").param(idNumber)
                .query(Long.class).single();
    }

    /** The only member of a household file. */
    String onlyMemberOf(long householdId) {
        return jdbc.sql("select id_number from household_member where household_id = ?").param(householdId)
                .query(String.class).single();
    }

    /** The person enrolled in {@code program} (a case of the program's own, mirrored) since {@code from}. */
    Enrolment enrolled(String program, long householdId, String idNumber, EnrolmentStatus status, String amount,
                       YearMonth from) {
        long programCaseId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        return enrolments.mirror(new ProgramCase(program, programCaseId, householdId, idNumber, "yuecun", status,
                new BigDecimal(amount), from.toString(), null), "test", null);
    }

    /** The member enrolled in {@code program} on their household file: 享受中 at 100.00 for five months now. */
    Enrolment enrolledOnTheirFile(Member member, String program) {
        String idNumber = member.idNumber().value();
        return enrolled(program, householdOf(idNumber), idNumber, EnrolmentStatus.ACTIVE, "100.00",
                YearMonth.now().minusMonths(5));
    }

    /** The enrolment of the program's case. */
    Enrolment enrolmentOfCase(String program, long programCaseId) {
        return enrolments.forProgramCase(program, programCaseId).orElseThrow();
    }

    /** The program's case of the enrolment ended. */
    Enrolment ended(Enrolment enrolment) {
        return enrolments.mirror(new ProgramCase(enrolment.programCode(), enrolment.programCaseId(),
                enrolment.householdId(), enrolment.personIdNumber(), enrolment.townshipCode(), EnrolmentStatus.ENDED,
                enrolment.amount(), enrolment.startMonth(), null), "test", "测试：终止");
    }

    /** A 低保 application (申请办理中) of the household, made by the 岳村乡 clerk. */
    DibaoCase dibaoApplication(Filed household) {
        return dibaoCases.insert(household.id(), household.household(), CaseCategory.ORDINARY, false, null, null,
                "clerk.yuecun", null);
    }

    /** The 低保 case moved to {@code status} by the 岳村乡 clerk. */
    void moveDibaoCase(DibaoCase dibaoCase, CaseStatus status) {
        dibaoCases.changeStatus(dibaoCase.id(), status, "clerk.yuecun", "测试");
    }

    /** The 低保 case's number as stored now. */
    String caseNumberOf(DibaoCase dibaoCase) {
        return dibaoCases.find(dibaoCase.id()).orElseThrow().caseNumber();
    }

    /** The person's death recorded three days ago. */
    void died(String idNumber) {
        households.recordDeath(idNumber, LocalDate.now().minusDays(3), "test", "测试");
    }
}
