package cn.minzheng.bureau.payroll;

import static cn.minzheng.bureau.payroll.PayrollProcess.*;
import static cn.minzheng.bureau.payroll.PayrollTestSupport.APPROVER;
import static cn.minzheng.bureau.payroll.PayrollTestSupport.FINANCE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static cn.minzheng.bureau.support.RuleViolations.violation;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.spring.boot.starter.util.SpringBootProcessEnginePlugin;
import org.camunda.community.process_test_coverage.spring_test.common.ProcessEngineCoverageProperties;
import org.camunda.community.process_test_coverage.spring_test.platform7.ProcessEngineCoverageTestExecutionListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestExecutionListeners;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.payroll.PayrollTestSupport.Payment;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.support.FreshPeriods;

/**
 * Every path of dibao-payroll.bpmn on the real application (real SQL, listeners, authorizations), each
 * step as the demo user of that role. Coverage of every flow node and sequence flow is asserted for the class.
 */
// the job executor is off: the test runs the jobs (support.Jobs), the coverage collector is not thread-safe
@SpringBootTest(properties = {"bureau.demo-data.applications=false", "camunda.bpm.job-execution.enabled=false"}) // coverage counts this class's instances only
@Import(PayrollProcessTest.FullCoverage.class)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class PayrollProcessTest {

    /** The coverage library's engine plugin, and its properties asking for full class coverage of dibao-payroll. */
    @TestConfiguration
    static class FullCoverage {
        @Bean
        SpringBootProcessEnginePlugin coverageListeners() {
            return cn.minzheng.bureau.support.FullCoverage.coveragePlugin();
        }

        @Bean
        ProcessEngineCoverageProperties coverageProperties() {
            // the active cases are made by dibao-application, whose paths DibaoApplicationProcessTest covers
            return cn.minzheng.bureau.support.FullCoverage.fullCoverageExcluding(cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.KEY);
        }
    }

    @Autowired
    ProcessEngine engine;
    @Autowired
    DibaoWalker walker;
    @Autowired
    DibaoCaseRepository cases;
    @Autowired
    PayrollStarter starter;
    @Autowired
    PayrollRepository payrolls;
    @Autowired
    PayrollIssue issue;
    @Autowired
    BankFileExporter bankFiles;
    @Autowired
    JdbcClient jdbc;

    PayrollTestSupport support;
    private final Map<Long, ProcessInstance> instances = new java.util.HashMap<>();

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
        support = new PayrollTestSupport(walker, engine.getTaskService(), engine.getManagementService(), cases, jdbc);
    }

    @Test
    void aMonthIsComputedCheckedApprovedIssuedAndAFailedPaymentIsReissuedNextMonth() {
        DibaoCase threePeople = support.activeCase(3, "600"); // (520 - 200) x 3 = 960
        DibaoCase twoPeople = support.activeCase(2, "300");   // (520 - 150) x 2 = 740
        YearMonth month = FreshPeriods.month();

        Payroll payroll = start(month);
        ProcessInstance instance = instance(payroll);
        assertThat(instance).isWaitingAt(TASK_COMPUTE);
        support.runJobs(instance.getId());
        assertThat(instance).hasPassed(TASK_OPEN, TASK_COMPUTE).isWaitingAt(TASK_CHECK_BY_FINANCE);
        assertThat(task(instance)).hasCandidateGroup("finance");
        assertThat(instance).variables().containsOnlyKeys(VAR_PAYROLL_ID, VAR_PROGRAM_CODE, VAR_MONTH, VAR_DUPLICATE, "initiator");

        Payment first = support.payment(threePeople.id(), month);
        assertThat(first.amount()).isEqualByComparingTo("960.00");
        assertThat(first.peopleCount()).isEqualTo(3);
        assertThat(first.payeeName()).isEqualTo("测试户主");
        assertThat(first.status()).isEqualTo("PENDING");
        assertThat(support.payment(twoPeople.id(), month).amount()).isEqualByComparingTo("740.00");

        payroll = payrolls.get(payroll.id());
        assertThat(payroll.status()).isEqualTo(PayrollStatus.CHECKING);
        assertThat(payroll.householdCount()).isEqualTo(count("select count(*) from payment where benefit_month = ?", month));
        assertThat(payroll.totalAmount()).isEqualByComparingTo(
                jdbc.sql("select sum(amount) from payment where payroll_id = ?").param(payroll.id()).query(BigDecimal.class).single());
        assertThat(payroll.newCount()).isEqualTo(payroll.householdCount()); // nothing was paid the month before
        assertThat(payrolls.townshipTotals(payroll.id())).extracting(Payroll.TownshipTotal::townshipName).contains("岳村乡");
        assertThat(engine.getTaskService().getVariableLocal(task(instance).getId(), "townshipSummary").toString()).contains("岳村乡");

        support.complete(FINANCE, instance.getId(), TASK_CHECK_BY_FINANCE, Map.of(VAR_CHECK_DECISION, CONFIRM));
        assertThat(instance).isWaitingAt(TASK_APPROVE_BY_DISTRICT);
        assertThat(task(instance)).hasCandidateGroup("district-approver");
        assertThat(payrolls.get(payroll.id()).status()).isEqualTo(PayrollStatus.AWAITING_APPROVAL);

        support.complete(APPROVER, instance.getId(), TASK_APPROVE_BY_DISTRICT, Map.of(VAR_APPROVAL_DECISION, APPROVE));
        support.runJobs(instance.getId());
        assertThat(instance).hasPassed(TASK_ISSUE).isWaitingAt(TASK_RECONCILE);
        assertThat(payrolls.get(payroll.id()).status()).isEqualTo(PayrollStatus.ISSUED);
        assertThat(payrolls.get(payroll.id()).approvedBy()).isEqualTo(APPROVER);
        Payment failing = support.payment(twoPeople.id(), month);
        assertThat(failing.status()).isEqualTo("ISSUED");

        assertThatThrownBy(() -> support.complete(FINANCE, instance.getId(), TASK_RECONCILE, Map.of()))
                .satisfies(violation("已核对银行回盘"));
        support.complete(FINANCE, instance.getId(), TASK_RECONCILE, Map.of(VAR_RECONCILE_CONFIRMED, true,
                VAR_BANK_RETURN, "付款流水号,银行账号,金额,失败原因\n" + failing.id() + "," + failing.bankAccount() + ",740.00,账户已销户"));
        assertThat(instance).isEnded().hasPassed(END_RECONCILED);
        assertThat(payrolls.get(payroll.id()).status()).isEqualTo(PayrollStatus.RECONCILED);
        assertThat(support.payment(twoPeople.id(), month).status()).isEqualTo("FAILED");

        // the township corrects the account; next month's payroll re-issues the failed payment, once
        jdbc.sql("update household set bank_account = '6228480000000009999' where id = ?").param(twoPeople.householdId()).update();
        // and one household is paid more from next month (as a review would raise it)
        jdbc.sql("update enrolment set amount = amount + 10.00 where program_code = 'DIBAO' and program_case_id = ?")
                .param(threePeople.id()).update();
        Payroll next = start(month.plusMonths(1));
        support.runJobs(instance(next).getId());
        Payment reissued = support.payment(twoPeople.id(), month);
        assertThat(reissued.id()).isEqualTo(failing.id());
        assertThat(reissued.payrollId()).isEqualTo(next.id());
        assertThat(reissued.status()).isEqualTo("PENDING");
        assertThat(reissued.reissueCount()).isEqualTo(1);
        assertThat(reissued.bankAccount()).isEqualTo("6228480000000009999");
        assertThat(support.payment(twoPeople.id(), month.plusMonths(1)).amount()).isEqualByComparingTo("740.00");
        assertThat(support.payments(twoPeople.id())).isEqualTo(2);
        assertThat(support.payments(threePeople.id())).isEqualTo(2);
        Payroll nextComputed = payrolls.get(next.id());
        assertThat(nextComputed.reissuedCount()).isGreaterThanOrEqualTo(1);
        assertThat(nextComputed.raisedCount()).isEqualTo(1);
        assertThat(nextComputed.loweredCount()).isZero();
        // the one-pass totals and the one-statement changes, against their definitions
        assertThat(nextComputed.reissuedAmount()).isEqualByComparingTo(jdbc.sql(
                "select coalesce(sum(amount - deducted_amount), 0) from payment where payroll_id = ? and benefit_month <> ?")
                .params(next.id(), month.plusMonths(1).toString()).query(BigDecimal.class).single());
        assertThat(nextComputed.reissuedCount()).isEqualTo(count(
                "select count(*) from payment where payroll_id = " + next.id() + " and benefit_month <> ?", month.plusMonths(1)));
        assertThat(nextComputed.householdCount()).isEqualTo(count(
                "select count(*) from payment where payroll_id = " + next.id() + " and benefit_month = ?", month.plusMonths(1)));
        // the re-issued payment of last month lies in this month's payroll: its household is not new
        assertThat(nextComputed.newCount()).isEqualTo(count("""
                select count(*) from payment cur join enrolment e on e.id = cur.enrolment_id
                where e.program_code = 'DIBAO' and cur.benefit_month = ? and not exists (select 1 from payment prev
                    where prev.enrolment_id = cur.enrolment_id and prev.benefit_month = '""" + month + "')", month.plusMonths(1)));
        assertThat(nextComputed.cancelledCount()).isEqualTo(count("""
                select count(*) from payment prev join enrolment e on e.id = prev.enrolment_id
                where e.program_code = 'DIBAO' and prev.benefit_month = ? and not exists (select 1 from payment cur
                    where cur.enrolment_id = prev.enrolment_id and cur.benefit_month = '""" + month.plusMonths(1) + "')", month));
    }

    @Test
    void financeSendsAComputationBackAndItIsComputedAgainFromTheCurrentCases() {
        DibaoCase dibaoCase = support.activeCase(2, "400"); // (520 - 200) x 2 = 640
        YearMonth month = FreshPeriods.month();
        Payroll payroll = start(month);
        ProcessInstance instance = instance(payroll);
        support.runJobs(instance.getId());
        assertThat(support.payment(dibaoCase.id(), month).amount()).isEqualByComparingTo("640.00");

        assertThatThrownBy(() -> support.complete(FINANCE, instance.getId(), TASK_CHECK_BY_FINANCE,
                Map.of(VAR_CHECK_DECISION, RECOMPUTE))).satisfies(violation("重新计算的原因"));
        assertThatThrownBy(() -> support.complete(FINANCE, instance.getId(), TASK_CHECK_BY_FINANCE, Map.of()))
                .satisfies(violation("请选择核对结论"));

        // a review lowered the case after the computation
        cases.applyReviewedAmount(dibaoCase.id(), new java.math.BigDecimal("500.00"), dibaoCase.perCapitaIncome(),
                dibaoCase.monthlyStandard(), "reviewer", "复核降标");
        support.complete(FINANCE, instance.getId(), TASK_CHECK_BY_FINANCE,
                Map.of(VAR_CHECK_DECISION, RECOMPUTE, VAR_CHECK_COMMENT, "有案件本月复核降标"));
        support.runJobs(instance.getId());
        assertThat(instance).hasPassed(TASK_DISCARD).isWaitingAt(TASK_CHECK_BY_FINANCE);
        assertThat(support.payment(dibaoCase.id(), month).amount()).isEqualByComparingTo("500.00");
        assertThat(support.payments(dibaoCase.id())).isEqualTo(1);
        assertThat(payrolls.get(payroll.id()).status()).isEqualTo(PayrollStatus.CHECKING);
    }

    @Test
    void theApproverRejectsBackToFinanceWithAReason() {
        support.activeCase(1, "100");
        Payroll payroll = start(FreshPeriods.month());
        ProcessInstance instance = instance(payroll);
        support.runJobs(instance.getId());
        support.complete(FINANCE, instance.getId(), TASK_CHECK_BY_FINANCE, Map.of(VAR_CHECK_DECISION, CONFIRM));

        assertThatThrownBy(() -> support.complete(APPROVER, instance.getId(), TASK_APPROVE_BY_DISTRICT,
                Map.of(VAR_APPROVAL_DECISION, REJECT, VAR_APPROVAL_COMMENT, " "))).satisfies(violation("退回理由"));
        support.complete(APPROVER, instance.getId(), TASK_APPROVE_BY_DISTRICT,
                Map.of(VAR_APPROVAL_DECISION, REJECT, VAR_APPROVAL_COMMENT, "孟轲乡人数与花名册不符，请核实"));

        assertThat(instance).hasPassed(TASK_APPROVE_BY_DISTRICT).isWaitingAt(TASK_CHECK_BY_FINANCE);
        Payroll rejected = payrolls.get(payroll.id());
        assertThat(rejected.status()).isEqualTo(PayrollStatus.CHECKING);
        assertThat(rejected.rejectionReason()).isEqualTo("孟轲乡人数与花名册不符，请核实");
        assertThat(engine.getTaskService().getVariable(task(instance).getId(), "rejectionReason")).isEqualTo("孟轲乡人数与花名册不符，请核实");
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), VAR_APPROVAL_DECISION)).isNull();

        support.complete(FINANCE, instance.getId(), TASK_CHECK_BY_FINANCE, Map.of(VAR_CHECK_DECISION, CONFIRM, VAR_CHECK_COMMENT, "已核实"));
        support.complete(APPROVER, instance.getId(), TASK_APPROVE_BY_DISTRICT, Map.of(VAR_APPROVAL_DECISION, APPROVE));
        support.runJobs(instance.getId());
        assertThat(instance).isWaitingAt(TASK_RECONCILE);
        assertThat(payrolls.get(payroll.id()).rejectionReason()).isNull();
    }

    @Test
    void fourEyesTheFinanceCheckerCannotApprove() {
        support.activeCase(1, "100");
        Payroll payroll = start(FreshPeriods.month());
        ProcessInstance instance = instance(payroll);
        support.runJobs(instance.getId());
        support.complete(FINANCE, instance.getId(), TASK_CHECK_BY_FINANCE, Map.of(VAR_CHECK_DECISION, CONFIRM));
        engine.getIdentityService().createMembership(FINANCE, "district-approver");
        try {
            assertThatThrownBy(() -> support.complete(FINANCE, instance.getId(), TASK_APPROVE_BY_DISTRICT,
                    Map.of(VAR_APPROVAL_DECISION, APPROVE))).satisfies(violation("四眼原则"));
            String taskId = task(instance).getId();
            assertThatThrownBy(() -> walker.as(FINANCE, () -> {
                engine.getTaskService().complete(taskId, Map.of(VAR_APPROVAL_DECISION, APPROVE));
                return null;
            })).satisfies(violation("四眼原则"));
        } finally {
            engine.getIdentityService().deleteMembership(FINANCE, "district-approver");
        }
        assertThat(instance).isWaitingAt(TASK_APPROVE_BY_DISTRICT);
        assertThat(payrolls.get(payroll.id()).status()).isEqualTo(PayrollStatus.AWAITING_APPROVAL);
    }

    @Test
    void nothingIsIssuedAndNoBankFileIsMadeBeforeApproval() {
        DibaoCase dibaoCase = support.activeCase(1, "100");
        YearMonth month = FreshPeriods.month();
        Payroll payroll = start(month);
        support.runJobs(instance(payroll).getId());

        assertThatThrownBy(() -> issue.issue(payroll.id())).satisfies(violation("尚未经区民政局审批通过"));
        assertThatThrownBy(() -> bankFiles.writeCsv(payroll.id(), java.io.OutputStream.nullOutputStream()))
                .satisfies(violation("尚未经区民政局审批通过"));
        assertThat(support.payment(dibaoCase.id(), month).status()).isEqualTo("PENDING");
        assertThat(payrolls.get(payroll.id()).status()).isEqualTo(PayrollStatus.CHECKING);
    }

    @Test
    void aSecondStartOfTheSameMonthReturnsTheExistingPayrollAndASecondInstanceEndsAtOnce() {
        support.activeCase(1, "100");
        YearMonth month = FreshPeriods.month();
        Payroll payroll = start(month);
        assertThat(walker.as(FINANCE, () -> starter.start(month))).satisfies(again -> {
            assertThat(again.created()).isFalse();
            assertThat(again.payroll().id()).isEqualTo(payroll.id());
        });
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("payroll-" + month).count())
                .isEqualTo(1);

        // an instance started around the starter (Tasklist, the engine API) for the same payroll does nothing
        ProcessInstance second = walker.as(FINANCE, () -> engine.getRuntimeService()
                .startProcessInstanceByMessage(MESSAGE_START, Map.of(VAR_PAYROLL_ID, payroll.id(), VAR_MONTH, month.toString())));
        assertThat(second).isEnded().hasPassed(END_ALREADY_OPENED).hasNotPassed(TASK_COMPUTE);
        assertThat(payrolls.get(payroll.id()).processInstanceId()).isEqualTo(instance(payroll).getId());
    }

    @Test
    void theMonthlyTimerStartsTheCurrentMonthOnlyOnce() {
        Job timer = timerJob();
        assertThat(timer.getDuedate().toInstant().atZone(ZoneId.systemDefault()).getDayOfMonth()).isEqualTo(5);
        List<String> others = List.of(Program.GAOLING, Program.TEKUN, Program.LINSHI, Program.YOUFU,
                cn.minzheng.bureau.youfu.YoufuConscriptProcess.PROGRAM);
        // a test sharing the database may have computed one of this month's payrolls already (the 优抚 change's
        // test computes this month's YOUFU payroll): the timer must leave that one as it is
        Map<String, Payroll> before = new java.util.HashMap<>();
        others.forEach(program -> payrolls.findByMonth(program, YearMonth.now()).ifPresent(p -> before.put(program, p)));
        engine.getManagementService().executeJob(timer.getId());
        Payroll current = payrolls.findByMonth(YearMonth.now()).orElseThrow();
        assertThat(current.processInstanceId()).isNotNull();
        // beside 低保, the month's payroll of every other program paid monthly, each in its own instance
        for (String program : others) {
            Payroll other = payrolls.findByMonth(program, YearMonth.now()).orElseThrow();
            if (before.containsKey(program)) {
                assertThat(other.id()).as(program).isEqualTo(before.get(program).id());
                assertThat(other.processInstanceId()).as(program).isEqualTo(before.get(program).processInstanceId());
                continue;
            }
            assertThat(other.processInstanceId()).as(program).isNotNull().isNotEqualTo(current.processInstanceId());
            assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                    .processInstanceBusinessKey("payroll-" + program + "-" + YearMonth.now()).count()).as(program).isEqualTo(1);
        }

        // the timer again (a retried job, a second node): the month is already being paid
        String started = current.processInstanceId();
        engine.getManagementService().executeJob(timerJob().getId());
        assertThat(payrolls.findByMonth(YearMonth.now()).orElseThrow().processInstanceId()).isEqualTo(started);
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId(END_ALREADY_OPENED)
                .count()).isPositive();
        assertThat(engine.getHistoryService().createHistoricActivityInstanceQuery().activityId(START_MONTHLY)
                .count()).isGreaterThanOrEqualTo(2);
        assertThat(engine.getHistoryService().createHistoricProcessInstanceQuery()
                .processInstanceBusinessKey("payroll-" + Program.GAOLING + "-" + YearMonth.now()).count())
                .as("the other programs' payrolls are not started twice").isEqualTo(1);
    }

    private Job timerJob() {
        return engine.getManagementService().createJobQuery().processDefinitionKey(KEY).timers().singleResult();
    }

    private Payroll start(YearMonth month) {
        PayrollStarter.Started started = walker.as(FINANCE, () -> starter.start(month));
        assertThat(started.created()).isTrue();
        return started.payroll();
    }

    /** The payroll's process instance; assertions look it up by id, so it serves after the instance ended too. */
    private ProcessInstance instance(Payroll payroll) {
        return instances.computeIfAbsent(payroll.id(), id -> engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(payrolls.get(id).processInstanceId()).singleResult());
    }

    private long count(String sql, YearMonth month) {
        return jdbc.sql(sql).param(month.toString()).query(Long.class).single();
    }
}
