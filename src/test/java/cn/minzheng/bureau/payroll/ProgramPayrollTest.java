package cn.minzheng.bureau.payroll;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramCase;
import cn.minzheng.bureau.program.ProgramRegistry;
import cn.minzheng.bureau.support.FreshPeriods;

/**
 * One payment machinery for every program: a payroll per program and month pays that program's active
 * enrolments only (a person's enrolment to the person), once per month; a failed payment is re-issued by its own
 * program's next payroll; a one-off grant is paid once whatever its month (the database refuses a second).
 * The program here is a second monthly program registered the way a program's Flyway script registers it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProgramPayrollTest {

    private static final String OTHER = "TEST_ALLOWANCE";

    @Autowired
    PayrollRepository payrolls;
    @Autowired
    PayrollComputation computation;
    @Autowired
    EnrolmentRepository enrolments;
    @Autowired
    ProgramRegistry programs;
    @Autowired
    DibaoCaseRepository cases;
    @Autowired
    HouseholdRepository households;
    @Autowired
    DibaoWalker walker;
    @Autowired
    PayrollService service;
    @Autowired
    JdbcClient jdbc;

    private PayrollTestSupport support;

    @BeforeEach
    void registerSecondProgram() {
        support = new PayrollTestSupport(walker, null, null, cases, jdbc);
        if (programs.find(OTHER).isEmpty()) {
            jdbc.sql("""
                    insert into program (code, name, kind, application_process_key, decision_keys, payment_cycle)
                    values (?, '测试津贴', 'MONTHLY', 'test-allowance', 'test-allowance-amount', 'MONTHLY')""")
                    .param(OTHER).update();
        }
    }

    @Test
    void aProgramsPayrollPaysItsOwnEnrolmentsOnceAndThePersonEnrolledIsThePayee() {
        DibaoCase dibaoCase = support.activeCase(2, "300");
        Household household = households.find(dibaoCase.householdId()).orElseThrow();
        Household.Member spouse = household.members().get(1);
        Enrolment allowance = enrolPerson(dibaoCase, spouse.idNumber().value(), "100.00");
        YearMonth month = FreshPeriods.month();

        long otherPayrollId = payrolls.insert(OTHER, month);
        assertThat(payrolls.get(otherPayrollId).programCode()).isEqualTo(OTHER);
        computation.compute(otherPayrollId);

        List<PaidRow> paid = paidIn(otherPayrollId);
        assertThat(paid).filteredOn(row -> row.enrolmentId() == allowance.id()).singleElement().satisfies(row -> {
            assertThat(row.payeeName()).isEqualTo(spouse.name());
            assertThat(row.payeeIdNumber()).isEqualTo(spouse.idNumber().value());
            assertThat(row.peopleCount()).isEqualTo(1);
            assertThat(row.amount()).isEqualByComparingTo("100.00");
            assertThat(row.caseId()).isNull();
        });
        // only enrolments of that program: no 低保 case is in it
        assertThat(paid).allSatisfy(row -> assertThat(row.caseId()).isNull());
        Payroll other = payrolls.get(otherPayrollId);
        assertThat(other.totalAmount()).isEqualByComparingTo(sum(paid));

        // the 低保 payroll of the same month is a payroll of its own and pays the case, not the allowance
        long dibaoPayrollId = payrolls.insert(month);
        computation.compute(dibaoPayrollId);
        assertThat(paidIn(dibaoPayrollId)).extracting(PaidRow::enrolmentId)
                .contains(enrolments.forProgramCase(Program.DIBAO, dibaoCase.id()).orElseThrow().id())
                .doesNotContain(allowance.id());
        assertThat(payrolls.findByMonth(OTHER, month).orElseThrow().id()).isEqualTo(otherPayrollId);
        assertThat(payrolls.findByMonth(month).orElseThrow().id()).isEqualTo(dibaoPayrollId);

        // a second run of a payroll found still "computing" pays nothing twice
        jdbc.sql("update payroll set status = 'COMPUTING' where id = ?").param(otherPayrollId).update();
        computation.compute(otherPayrollId);
        assertThat(jdbc.sql("select count(*) from payment where enrolment_id = ?").param(allowance.id())
                .query(Long.class).single()).isEqualTo(1);
        // a second payroll of the program for the month is refused by the database
        assertThatThrownBy(() -> payrolls.insert(OTHER, month)).isInstanceOf(DuplicateKeyException.class);
        end(dibaoCase, allowance);
    }

    @Test
    void aPayrollComputedBeforeAnEnrolmentEndedIsNotConfirmedUntilComputedAgain() {
        DibaoCase dibaoCase = support.activeCase(2, "300");
        Household.Member spouse = households.find(dibaoCase.householdId()).orElseThrow().members().get(1);
        Enrolment allowance = enrolPerson(dibaoCase, spouse.idNumber().value(), "100.00");
        long payrollId = payrolls.insert(OTHER, FreshPeriods.month());
        computation.compute(payrollId);
        assertThat(paidIn(payrollId)).extracting(PaidRow::enrolmentId).contains(allowance.id());

        // the person dies (or the enrolment is ended otherwise) after the computation
        end(dibaoCase, allowance);

        assertThatThrownBy(() -> service.confirmCheck(payrollId, "finance"))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining("不能提交审批")
                .hasMessageContaining("计算后已停保或暂停，仍在本工资单上1户");
        assertThat(payrolls.get(payrollId).status()).isEqualTo(PayrollStatus.CHECKING);

        computation.discard(payrollId);
        computation.compute(payrollId);
        assertThat(paidIn(payrollId)).extracting(PaidRow::enrolmentId).doesNotContain(allowance.id());
        service.confirmCheck(payrollId, "finance");
        assertThat(payrolls.get(payrollId).status()).isEqualTo(PayrollStatus.AWAITING_APPROVAL);
    }

    @Test
    void aFailedPaymentIsReissuedByItsOwnProgramsNextPayrollOnly() {
        DibaoCase dibaoCase = support.activeCase(2, "300");
        Household household = households.find(dibaoCase.householdId()).orElseThrow();
        Enrolment allowance = enrolPerson(dibaoCase, household.members().get(0).idNumber().value(), "80.00");
        YearMonth month = FreshPeriods.month();
        long first = payrolls.insert(OTHER, month);
        computation.compute(first);
        long paymentId = jdbc.sql("select id from payment where enrolment_id = ? and benefit_month = ?")
                .params(allowance.id(), month.toString()).query(Long.class).single();
        jdbc.sql("update payment set status = 'FAILED', issued_at = ? where id = ?")
                .params(Timestamp.from(Instant.now()), paymentId).update();

        long dibaoNext = payrolls.insert(month.plusMonths(1));
        computation.compute(dibaoNext);
        assertThat(payrollOf(paymentId)).isEqualTo(first);

        long otherNext = payrolls.insert(OTHER, month.plusMonths(1));
        computation.compute(otherNext);
        assertThat(payrollOf(paymentId)).isEqualTo(otherNext);
        assertThat(payrolls.get(otherNext).reissuedCount()).isGreaterThanOrEqualTo(1);
        end(dibaoCase, allowance);
    }

    @Test
    void aOneOffGrantIsPaidOnceWhateverItsMonth() {
        DibaoCase dibaoCase = support.activeCase(2, "300");
        Enrolment grant = enrolPerson(dibaoCase, null, "1500.00");
        YearMonth month = FreshPeriods.month();
        long payrollId = payrolls.insert(OTHER, month);
        insertOneOff(payrollId, grant, month);
        assertThatThrownBy(() -> insertOneOff(payrollId, grant, month.plusMonths(1)))
                .isInstanceOf(DuplicateKeyException.class);
        assertThat(jdbc.sql("select count(*) from payment where enrolment_id = ?").param(grant.id())
                .query(Long.class).single()).isEqualTo(1);
        end(dibaoCase, grant);
    }

    private void insertOneOff(long payrollId, Enrolment grant, YearMonth month) {
        jdbc.sql("""
                insert into payment (payroll_id, enrolment_id, one_off_enrolment_id, benefit_month, household_id,
                    township_code, payee_name, payee_id_number, bank_name, bank_account, people_count, amount, status,
                    created_at)
                values (?, ?, ?, ?, ?, ?, '测试户主', '410322196001010011', '中国农业银行', '6228480000000000001', 1, ?,
                    'PENDING', ?)""")
                .params(payrollId, grant.id(), grant.id(), month.toString(), grant.householdId(), grant.townshipCode(),
                        grant.amount(), Timestamp.from(Instant.now()))
                .update();
    }

    private Enrolment enrolPerson(DibaoCase dibaoCase, String idNumber, String amount) {
        return enrolments.mirror(new ProgramCase(OTHER, ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE),
                dibaoCase.householdId(), idNumber, dibaoCase.townshipCode(), EnrolmentStatus.ACTIVE, new BigDecimal(amount),
                "2020-01", null), "clerk.yuecun", "测试");
    }

    /** Neither is paid by other tests' payrolls. */
    private void end(DibaoCase dibaoCase, Enrolment enrolment) {
        cases.changeStatus(dibaoCase.id(), cn.minzheng.bureau.dibao.CaseStatus.CANCELLED, "approver", "测试结束");
        enrolments.mirror(new ProgramCase(OTHER, enrolment.programCaseId(), enrolment.householdId(),
                enrolment.personIdNumber(), enrolment.townshipCode(), EnrolmentStatus.ENDED, enrolment.amount(),
                enrolment.startMonth(), null), "approver", "测试结束");
    }

    private long payrollOf(long paymentId) {
        return jdbc.sql("select payroll_id from payment where id = ?").param(paymentId).query(Long.class).single();
    }

    private record PaidRow(long enrolmentId, Long caseId, String payeeName, String payeeIdNumber, int peopleCount,
                           BigDecimal amount) {
    }

    private List<PaidRow> paidIn(long payrollId) {
        return jdbc.sql("""
                select enrolment_id, case_id, payee_name, payee_id_number, people_count, amount from payment
                where payroll_id = ?""").param(payrollId).query(PaidRow.class).list();
    }

    private static BigDecimal sum(List<PaidRow> rows) {
        return rows.stream().map(PaidRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
