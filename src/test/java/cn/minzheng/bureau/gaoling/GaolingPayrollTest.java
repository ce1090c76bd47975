package cn.minzheng.bureau.gaoling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.payroll.BankFileDownloads;
import cn.minzheng.bureau.payroll.Payroll;
import cn.minzheng.bureau.payroll.PayrollComputation;
import cn.minzheng.bureau.payroll.PayrollIssue;
import cn.minzheng.bureau.payroll.PayrollPayees;
import cn.minzheng.bureau.payroll.PayrollProcess;
import cn.minzheng.bureau.payroll.PayrollRepository;
import cn.minzheng.bureau.payroll.PayrollStarter;
import cn.minzheng.bureau.payroll.PayrollStatus;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.support.FreshPeriods;
import cn.minzheng.bureau.support.Http;
import cn.minzheng.bureau.support.Jobs;

/**
 * The payroll of 高龄津贴, run by the same process, check, four-eyes approval, bank file and bank return as 低保's:
 * each active 高龄 enrolment is paid once a month, to the person; its bank file is its own; the 低保 payroll of the
 * same month is unaffected; the months a suspension left unpaid are paid once after the recipient is confirmed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GaolingPayrollTest {

    private static final String FINANCE = "finance";
    private static final String APPROVER = "approver";

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    DibaoWalker walker;
    @Autowired
    HouseholdRepository households;
    @Autowired
    GaolingRepository repository;
    @Autowired
    EnrolmentRepository enrolments;
    @Autowired
    PayrollRepository payrolls;
    @Autowired
    PayrollStarter starter;
    @Autowired
    PayrollComputation computation;
    @Autowired
    BankFileDownloads bankFiles;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    GaolingService service;
    @Autowired
    GaolingAllowance allowance;
    @Autowired
    PayrollIssue issue;
    @Autowired
    PayrollPayees payees;

    private GaolingTestSupport support;
    private Http http;

    @BeforeEach
    void init() {
        support = new GaolingTestSupport(households, engine, walker);
        http = new Http(port);
    }

    record PaidRow(long enrolmentId, Long caseId, String benefitMonth, String payeeName, String payeeIdNumber,
                   int peopleCount, BigDecimal amount, String status) {
    }

    @Test
    void theGaolingPayrollPaysEachActiveEnrolmentOnceToThePersonWithItsOwnBankFile() {
        String eighty = support.resident("严八十", YearMonth.now().atDay(1).minusYears(80));
        String ninety = support.resident("韩九十", YearMonth.now().atDay(1).minusYears(91));
        enrol(Map.of(eighty, new String[] {"CONFIRM"}, ninety, new String[] {"CONFIRM"}));
        Enrolment e80 = enrolmentOf(eighty);
        Enrolment e90 = enrolmentOf(ninety);
        YearMonth month = FreshPeriods.monthBetween(1, 7);

        // finance starts it over the API with the program; a second start returns the same payroll
        Http.Response started = http.post(FINANCE, "/api/payrolls", Map.of("month", month.toString(), "programCode", "GAOLING"));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        long payrollId = started.json().at("/payroll/id").asLong();
        assertThat(http.post(FINANCE, "/api/payrolls", Map.of("month", month.toString(), "programCode", "GAOLING")).json()
                .at("/payroll/id").asLong()).isEqualTo(payrollId);
        Payroll payroll = payrolls.get(payrollId);
        assertThat(payroll.programCode()).isEqualTo(Program.GAOLING);
        String instance = payroll.processInstanceId();
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(instance).singleResult()
                .getBusinessKey()).isEqualTo("payroll-GAOLING-" + month);
        Jobs.awaitExecuted(engine.getManagementService(), instance);

        List<PaidRow> paid = paidIn(payrollId);
        assertThat(paid).filteredOn(r -> r.enrolmentId() == e80.id()).singleElement().satisfies(r -> {
            assertThat(r.payeeIdNumber()).isEqualTo(eighty);
            assertThat(r.payeeName()).isEqualTo("严八十");
            assertThat(r.peopleCount()).isEqualTo(1);
            assertThat(r.amount()).isEqualByComparingTo("100.00");
            assertThat(r.caseId()).isNull();
        });
        assertThat(paid).filteredOn(r -> r.enrolmentId() == e90.id()).singleElement()
                .satisfies(r -> assertThat(r.amount()).isEqualByComparingTo("200.00"));
        assertThat(paid).allSatisfy(r -> assertThat(r.caseId()).isNull());
        assertThat(http.get(APPROVER, "/api/payrolls/programs/GAOLING/" + month).json().at("/payroll/id").asLong())
                .isEqualTo(payrollId);

        // the forms name the program; four eyes: finance checks, the approver approves
        Task check = task(instance);
        assertThat(engine.getTaskService().getVariable(check.getId(), "programName")).isEqualTo("高龄津贴");
        complete(FINANCE, instance, Map.of(PayrollProcess.VAR_CHECK_DECISION, PayrollProcess.CONFIRM));
        complete(APPROVER, instance, Map.of(PayrollProcess.VAR_APPROVAL_DECISION, PayrollProcess.APPROVE));
        Jobs.awaitExecuted(engine.getManagementService(), instance);

        Http.Response csv = http.get(FINANCE, "/api/payrolls/" + payrollId + "/bank-file.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(bankFiles.csv(payrollId).getHeaders().getContentDisposition().getFilename())
                .isEqualTo("高龄津贴代发-" + month + ".csv");
        assertThat(csv.body()).contains("严八十", "韩九十", "100.00", "200.00");
        complete(FINANCE, instance, Map.of(PayrollProcess.VAR_RECONCILE_CONFIRMED, true));
        assertThat(payrolls.get(payrollId).status().name()).isEqualTo("RECONCILED");

        // the 低保 payroll of the same month is a payroll of its own and pays no 高龄 enrolment
        long dibaoPayrollId = payrolls.insert(month);
        computation.compute(dibaoPayrollId);
        assertThat(paidIn(dibaoPayrollId)).extracting(PaidRow::enrolmentId).doesNotContain(e80.id(), e90.id());
        assertThat(paidIn(payrollId)).hasSameSizeAs(paid);
        // paid once: the database refuses a second payment of the month
        assertThat(jdbc.sql("select count(*) from payment where enrolment_id = ? and benefit_month = ?")
                .params(e80.id(), month.toString()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void anUnknownProgramHasNoPayroll() {
        assertThatThrownBy(() -> starter.start("NO_SUCH", FreshPeriods.monthBetween(1, 7))).isInstanceOfSatisfying(RuleViolation.class,
                v -> assertThat(v.getMessage()).contains("救助项目“NO_SUCH”不存在"));
        Http.Response refused = http.post(FINANCE, "/api/payrolls", Map.of("month", "2030-01", "programCode", "NO_SUCH"));
        assertThat(refused.status()).isEqualTo(404);
        assertThat(refused.json().at("/detail").asText()).contains("不存在");
    }

    @Test
    void monthsASuspensionLeftUnpaidArePaidOnceAfterTheRecipientIsConfirmedAgain() {
        String person = support.resident("曹暂停", YearMonth.now().atDay(1).minusYears(82));
        enrol(Map.of(person, new String[] {"CONFIRM"}));
        GaolingRepository.Recipient recipient = repository.recipientOf(person).orElseThrow();
        Enrolment enrolment = enrolmentOf(person);
        YearMonth m1 = FreshPeriods.monthBetween(1, 7);

        long first = payrolls.insert(Program.GAOLING, m1);
        computation.compute(first);
        assertThat(paidMonths(enrolment)).containsExactly(m1.toString());

        repository.suspend(recipient, m1.plusMonths(1).toString(), "clerk.renqiu", "生存认证未确认");
        long second = payrolls.insert(Program.GAOLING, m1.plusMonths(1));
        computation.compute(second);
        long third = payrolls.insert(Program.GAOLING, m1.plusMonths(2));
        computation.compute(third);
        assertThat(paidMonths(enrolment)).as("nothing while suspended").containsExactly(m1.toString());

        repository.resume(repository.recipient(recipient.id()).orElseThrow(), m1.plusMonths(3), "clerk.renqiu", "补充生存认证");
        long fourth = payrolls.insert(Program.GAOLING, m1.plusMonths(3));
        computation.compute(fourth);
        assertThat(paidMonths(enrolment)).containsExactly(m1.toString(), m1.plusMonths(1).toString(),
                m1.plusMonths(2).toString(), m1.plusMonths(3).toString());
        assertThat(repository.backPay(recipient.id())).extracting(GaolingRepository.BackPay::payrollId)
                .containsOnly(fourth);

        // confirmed again (a repeated answer), and the next payroll: the back pay is not paid twice
        repository.resume(repository.recipient(recipient.id()).orElseThrow(), m1.plusMonths(3), "clerk.renqiu", "重复确认");
        long fifth = payrolls.insert(Program.GAOLING, m1.plusMonths(4));
        computation.compute(fifth);
        assertThat(paidMonths(enrolment)).hasSize(5).doesNotHaveDuplicates();
        assertThat(enrolments.history(enrolment.id())).extracting(h -> h.status().name())
                .containsExactly("ACTIVE", "SUSPENDED", "ACTIVE");
    }

    /**
     * 升档补差, worked by hand: a recipient enrolled at the lower tier turns 90 (or 100) in September; September and
     * October are paid at the lower amount and sent to the bank before the clerk confirms the move up in October; the
     * November payroll pays November at the new amount and, once each, the difference for September and October;
     * December (and the November payroll computed again) pays no difference twice. Confirmed in time, nothing is owed.
     */
    @ParameterizedTest(name = "turns {0}: {1} → {2} a month, {3} months paid low, difference {4}")
    @CsvSource({
            "90, 100.00, 200.00, 2, 200.00",
            "100, 200.00, 500.00, 2, 600.00",
            "90, 100.00, 200.00, 0, 0.00"})
    void aMoveUpConfirmedLateIsOwedTheDifferenceOnce(int age, String lowAmount, String highAmount, int monthsLate,
                                                      String difference) {
        int year = yearWithoutGaolingPayrollsFrom(age == 100 ? 2000 : 1990, monthsLate + 2);
        YearMonth birthday = YearMonth.of(year, 9);
        String person = support.resident("升档" + age, LocalDate.of(year - age, 9, 15));
        enrolDirectly(person, YearMonth.of(year - 1, 1));
        GaolingRepository.Recipient recipient = repository.recipientOf(person).orElseThrow();
        assertThat(recipient.amount()).isEqualByComparingTo(lowAmount);
        Enrolment enrolment = enrolmentOf(person);

        for (int i = 0; i < monthsLate; i++) {
            payAndIssue(birthday.plusMonths(i));
        }
        // the clerk confirms the move up (the proposal of the birthday month) after those months were paid
        String instance = "test-" + java.util.UUID.randomUUID();
        repository.insertProposal(birthday.toString(), new GaolingRepository.Resident(person, recipient.personName(),
                LocalDate.of(year - age, 9, 15), recipient.householdId(), recipient.townshipCode()),
                allowance.require(person, birthday), instance);
        long proposalId = repository.proposals(instance, recipient.townshipCode()).get(0).id();
        service.confirm(instance, recipient.townshipCode(), List.of(Map.of("proposalId", proposalId, "decision", "CONFIRM")),
                "clerk.renqiu");
        assertThat(enrolments.find(enrolment.id()).orElseThrow().amount()).isEqualByComparingTo(highAmount);

        YearMonth next = birthday.plusMonths(monthsLate);
        long nextPayroll = payrolls.insert(Program.GAOLING, next);
        computation.compute(nextPayroll);
        List<PaidRow> paid = paidIn(nextPayroll).stream().filter(r -> r.enrolmentId() == enrolment.id()).toList();
        assertThat(paid).filteredOn(r -> r.benefitMonth().equals(next.toString())).singleElement()
                .satisfies(r -> assertThat(r.amount()).isEqualByComparingTo(highAmount));
        assertThat(differences(enrolment)).as("paid with the payroll of " + next).hasSize(monthsLate)
                .allSatisfy(d -> assertThat(d.amount()).isEqualByComparingTo(new BigDecimal(highAmount).subtract(new BigDecimal(lowAmount))));
        assertThat(differences(enrolment).stream().map(PaidRow::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(difference);
        assertThat(differences(enrolment)).extracting(PaidRow::benefitMonth)
                .containsExactlyElementsOf(java.util.stream.IntStream.range(0, monthsLate)
                        .mapToObj(i -> birthday.plusMonths(i).toString()).toList());
        assertThat(payees.page(payrolls.get(nextPayroll), 0, 10_000)).filteredOn(PayrollPayees.Payee::tierDifference)
                .hasSize(monthsLate);

        // the payroll's changes compare each enrolment's own monthly payments: a difference paid for last month is
        // not last month's amount, and the recipient counts once as raised
        long raised = jdbc.sql("""
                select count(*) from payment cur
                join payment prev on prev.enrolment_id = cur.enrolment_id and prev.benefit_month = ?
                    and prev.payment_kind = 'REGULAR'
                where cur.payroll_id = ? and cur.benefit_month = ? and cur.payment_kind = 'REGULAR'
                    and cur.amount > prev.amount""")
                .params(next.minusMonths(1).toString(), nextPayroll, next.toString()).query(Long.class).single();
        assertThat(payrolls.get(nextPayroll).raisedCount()).isEqualTo(raised);

        // computed again, and the next month: never twice
        computation.discard(nextPayroll);
        computation.compute(nextPayroll);
        long later = payrolls.insert(Program.GAOLING, next.plusMonths(1));
        computation.compute(later);
        assertThat(differences(enrolment)).hasSize(monthsLate).extracting(PaidRow::benefitMonth).doesNotHaveDuplicates();
        assertThatThrownBy(() -> jdbc.sql("""
                insert into payment (payroll_id, enrolment_id, benefit_month, household_id, township_code, payee_name,
                    payee_id_number, bank_name, bank_account, people_count, amount, status, created_at, payment_kind)
                select payroll_id, enrolment_id, benefit_month, household_id, township_code, payee_name, payee_id_number,
                    bank_name, bank_account, people_count, amount, status, created_at, payment_kind
                from payment where enrolment_id = ? and payment_kind = 'REGULAR' and benefit_month = ?""")
                .params(enrolment.id(), next.toString()).update())
                .as("the database refuses a second payment of a month").isInstanceOf(DataIntegrityViolationException.class);
    }

    /**
     * A year whose September and the months after it have no 高龄 payroll yet: each case pays its own months, and a
     * month's payroll exists once (other tests, and the other rows here, take their own years).
     */
    private int yearWithoutGaolingPayrollsFrom(int firstYear, int months) {
        List<Integer> years = new java.util.ArrayList<>(java.util.stream.IntStream.range(firstYear, firstYear + 26).boxed().toList());
        java.util.Collections.shuffle(years);
        for (int year : years) {
            YearMonth from = YearMonth.of(year, 9);
            List<String> span = java.util.stream.IntStream.range(0, months).mapToObj(i -> from.plusMonths(i).toString()).toList();
            long taken = jdbc.sql("select count(*) from payroll where program_code = 'GAOLING' and payroll_month in (:months)")
                    .param("months", span).query(Long.class).single();
            if (taken == 0) {
                return year;
            }
        }
        throw new IllegalStateException("no year from " + firstYear + " without 高龄 payrolls");
    }

    private void payAndIssue(YearMonth month) {
        long payrollId = payrolls.insert(Program.GAOLING, month);
        computation.compute(payrollId);
        payrolls.transition(payrollId, PayrollStatus.CHECKING, PayrollStatus.AWAITING_APPROVAL);
        payrolls.transition(payrollId, PayrollStatus.AWAITING_APPROVAL, PayrollStatus.APPROVED);
        issue.issue(payrollId);
    }

    private List<PaidRow> differences(Enrolment enrolment) {
        return jdbc.sql("""
                select enrolment_id, case_id, benefit_month, payee_name, payee_id_number, people_count, amount, status
                from payment where enrolment_id = ? and payment_kind = 'TIER_DIFFERENCE' order by benefit_month""")
                .param(enrolment.id()).query(RecordRows.of(PaidRow.class)).list();
    }

    /** Enrols the person at the tier of the month, as a clerk's confirmation does, without a proposal process. */
    private void enrolDirectly(String idNumber, YearMonth month) {
        HouseholdRepository.Resident r = households.resident(idNumber).orElseThrow();
        String instance = "test-" + java.util.UUID.randomUUID();
        repository.insertProposal(month.toString(), new GaolingRepository.Resident(idNumber, r.name(), r.birthDate(),
                r.householdId(), r.townshipCode()), allowance.require(idNumber, month), instance);
        GaolingRepository.Proposal p = repository.proposals(instance, r.townshipCode()).get(0);
        repository.decideProposal(p.id(), GaolingRepository.ProposalStatus.CONFIRMED, null, "clerk.renqiu");
        repository.enrol(p, "clerk.renqiu");
    }

    private void enrol(Map<String, String[]> answers) {
        ProcessInstance proposal = engine.getRuntimeService().startProcessInstanceByMessage(
                GaolingProposalProcess.MESSAGE_START, Map.of(GaolingProposalProcess.VAR_PROPOSAL_MONTH, YearMonth.now().toString()));
        support.answerAll(proposal.getId(), answers);
    }

    private Enrolment enrolmentOf(String idNumber) {
        return enrolments.forProgramCase(Program.GAOLING, repository.recipientOf(idNumber).orElseThrow().id()).orElseThrow();
    }

    private List<PaidRow> paidIn(long payrollId) {
        return jdbc.sql("""
                select enrolment_id, case_id, benefit_month, payee_name, payee_id_number, people_count, amount, status
                from payment where payroll_id = ? order by id""").param(payrollId).query(RecordRows.of(PaidRow.class)).list();
    }

    private List<String> paidMonths(Enrolment enrolment) {
        return jdbc.sql("select benefit_month from payment where enrolment_id = ? order by benefit_month")
                .param(enrolment.id()).query(String.class).list();
    }

    private Task task(String instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    }

    private void complete(String user, String instance, Map<String, Object> variables) {
        walker.as(user, () -> {
            Task task = task(instance);
            engine.getTaskService().claim(task.getId(), user);
            engine.getTaskService().complete(task.getId(), variables);
            return null;
        });
    }
}
