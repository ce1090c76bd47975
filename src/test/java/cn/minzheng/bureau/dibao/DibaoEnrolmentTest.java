package cn.minzheng.bureau.dibao;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.support.TestApplications;

/** Every change of a 低保 case reaches the household's enrolment in the same write: status, history, amount, months. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DibaoEnrolmentTest {

    @Autowired
    DibaoCaseRepository cases;
    @Autowired
    EnrolmentRepository enrolments;
    @Autowired
    HouseholdRepository households;
    @Autowired
    HouseholdValidator validator;
    @Autowired
    JdbcClient jdbc;

    @Test
    void everyCaseOfTheDemoDataHasItsMatchingEnrolment() {
        long cases = jdbc.sql("select count(*) from dibao_case").query(Long.class).single();
        assertThat(cases).isPositive();
        List<Long> mismatched = jdbc.sql("""
                select c.id from dibao_case c left join enrolment e on e.program_code = 'DIBAO' and e.program_case_id = c.id
                where e.id is null or e.household_id <> c.household_id or e.township_code <> c.township_code
                   or coalesce(e.amount, -1) <> coalesce(c.monthly_amount, -1)
                   or coalesce(e.start_month, '-') <> coalesce(c.start_month, '-')""").query(Long.class).list();
        assertThat(mismatched).isEmpty();
        for (DibaoCase c : jdbc.sql("select id from dibao_case").query(Long.class).list().stream()
                .map(id -> this.cases.find(id).orElseThrow()).toList()) {
            assertThat(enrolmentOf(c.id()).status()).as("case %s", c.caseNumber()).isEqualTo(c.status().enrolmentStatus());
        }
    }

    @Test
    void aCaseFromApplicationToCancellationAndBackIsMirroredWithItsDatedHistory() {
        Household household = validator.validate(TestApplications.yuecunHousehold(2, "100").household());
        long householdId = households.insert(household);
        DibaoCase applied = cases.insert(householdId, household, CaseCategory.ORDINARY, false, null, null, "clerk.yuecun", null);

        Enrolment enrolment = enrolmentOf(applied.id());
        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.APPLIED);
        assertThat(enrolment.householdId()).isEqualTo(householdId);
        assertThat(enrolment.personIdNumber()).isNull();
        assertThat(enrolment.amount()).isNull();

        cases.changeStatus(applied.id(), CaseStatus.UNDER_SURVEY, "clerk.yuecun", null); // still "applied"
        cases.saveCalculation(applied.id(), new BenefitCalculation(new BigDecimal("50.00"), new BigDecimal("520.00"),
                BigDecimal.ZERO, 2, new BigDecimal("940.00")), "{\"monthlyAmount\":940.00}");
        assertThat(enrolmentOf(applied.id()).amount()).isEqualByComparingTo("940.00");
        assertThat(enrolmentOf(applied.id()).calculationSnapshot()).isEqualTo("{\"monthlyAmount\":940.00}");

        String month = YearMonth.now().plusMonths(1).toString();
        cases.activate(applied.id(), month, "approver");
        assertThat(enrolmentOf(applied.id()).status()).isEqualTo(EnrolmentStatus.ACTIVE);
        assertThat(enrolmentOf(applied.id()).startMonth()).isEqualTo(month);

        cases.applyReviewedAmount(applied.id(), new BigDecimal("800.00"), new BigDecimal("120.00"), new BigDecimal("520.00"),
                "reviewer", "复核降档");
        assertThat(enrolmentOf(applied.id()).amount()).isEqualByComparingTo("800.00");

        cases.changeStatus(applied.id(), CaseStatus.CANCELLED, "approver", "收入超过标准");
        Enrolment ended = enrolmentOf(applied.id());
        assertThat(ended.status()).isEqualTo(EnrolmentStatus.ENDED);
        assertThat(ended.endMonth()).isEqualTo(YearMonth.now().toString());

        cases.reopen(applied.id());
        cases.changeStatus(applied.id(), CaseStatus.APPROVED, "approver", "申诉撤销停保");
        Enrolment resumed = enrolmentOf(applied.id());
        assertThat(resumed.status()).isEqualTo(EnrolmentStatus.ACTIVE);
        assertThat(resumed.endMonth()).isNull();

        assertThat(enrolments.history(resumed.id()))
                .extracting(EnrolmentRepository.StatusChange::status, EnrolmentRepository.StatusChange::reason)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(EnrolmentStatus.APPLIED, null),
                        org.assertj.core.groups.Tuple.tuple(EnrolmentStatus.ACTIVE, "自" + month + "起按月发放"),
                        org.assertj.core.groups.Tuple.tuple(EnrolmentStatus.ENDED, "收入超过标准"),
                        org.assertj.core.groups.Tuple.tuple(EnrolmentStatus.ACTIVE, "申诉撤销停保"));
        assertThat(enrolments.forHousehold(householdId)).extracting(Enrolment::id).containsExactly(resumed.id());
        // not paid by other tests' payrolls
        cases.changeStatus(applied.id(), CaseStatus.CANCELLED, "approver", "测试结束");
    }

    @Test
    void aStepThatLeavesTheEnrolmentAsItIsDoesNotRewriteIt() {
        Household household = validator.validate(TestApplications.yuecunHousehold(2, "100").household());
        long householdId = households.insert(household);
        DibaoCase applied = cases.insert(householdId, household, CaseCategory.ORDINARY, false, null, null, "clerk.yuecun", null);
        long enrolmentId = enrolmentOf(applied.id()).id();
        try {
            Timestamp written = updatedAt(enrolmentId);
            EngineClock.moveTo(written.toLocalDateTime().plusHours(1));
            cases.changeStatus(applied.id(), CaseStatus.UNDER_SURVEY, "clerk.yuecun", null); // still "applied"
            cases.changeStatus(applied.id(), CaseStatus.UNDER_REVIEW, "clerk.yuecun", null);
            assertThat(updatedAt(enrolmentId)).isEqualTo(written);
            assertThat(enrolments.history(enrolmentId)).hasSize(1);

            cases.saveCalculation(applied.id(), new BenefitCalculation(new BigDecimal("50.00"), new BigDecimal("520.00"),
                    BigDecimal.ZERO, 2, new BigDecimal("940.00")), "{\"monthlyAmount\":940.00}");
            assertThat(updatedAt(enrolmentId)).isAfter(written);
            assertThat(enrolmentOf(applied.id()).amount()).isEqualByComparingTo("940.00");
        } finally {
            EngineClock.reset();
            cases.changeStatus(applied.id(), CaseStatus.CANCELLED, "approver", "测试结束");
        }
    }

    private Timestamp updatedAt(long enrolmentId) {
        return jdbc.sql("select updated_at from enrolment where id = ?").param(enrolmentId).query(Timestamp.class).single();
    }

    @Test
    void importedCasesAreEnrolledActiveWithTheRosterReason() {
        Household household = validator.validate(TestApplications.yuecunHousehold(2, "100").household());
        long householdId = households.insert(household);
        long batchId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        List<Long> ids = cases.insertAll(List.of(new DibaoCaseRepository.ImportedCase(3, householdId,
                household.townshipCode(), CaseCategory.ORDINARY, new BigDecimal("50.00"), new BigDecimal("520.00"),
                BigDecimal.ZERO, new BigDecimal("940.00"), "2026-01", household.members().stream()
                .map(m -> m.idNumber().value()).toList(), "花名册导入")), batchId, "importer", Timestamp.from(Instant.now()));
        try {
            Enrolment enrolment = enrolmentOf(ids.get(0));
            assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.ACTIVE);
            assertThat(enrolment.amount()).isEqualByComparingTo("940.00");
            assertThat(enrolment.startMonth()).isEqualTo("2026-01");
            assertThat(enrolments.history(enrolment.id())).singleElement()
                    .satisfies(change -> assertThat(change.reason()).isEqualTo("花名册导入"))
                    .satisfies(change -> assertThat(change.changedBy()).isEqualTo("importer"));
        } finally {
            cases.changeStatus(ids.get(0), CaseStatus.CANCELLED, "approver", "测试结束");
        }
    }

    private Enrolment enrolmentOf(long caseId) {
        return enrolments.forProgramCase(Program.DIBAO, caseId).orElseThrow();
    }
}
