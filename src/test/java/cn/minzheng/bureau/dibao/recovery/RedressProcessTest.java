package cn.minzheng.bureau.dibao.recovery;

import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.APPROVE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static cn.minzheng.bureau.support.RuleViolations.violation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
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
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.appeal.Appeal;
import cn.minzheng.bureau.dibao.appeal.AppealProcess;
import cn.minzheng.bureau.dibao.appeal.AppealRepository;
import cn.minzheng.bureau.dibao.appeal.AppealService;
import cn.minzheng.bureau.dibao.application.DibaoApplicationProcess;
import cn.minzheng.bureau.dibao.report.Report;
import cn.minzheng.bureau.dibao.report.ReportProcess;
import cn.minzheng.bureau.dibao.report.ReportRepository;
import cn.minzheng.bureau.dibao.report.ReportService;
import cn.minzheng.bureau.payroll.PayrollComputation;
import cn.minzheng.bureau.payroll.PayrollProcess;
import cn.minzheng.bureau.payroll.PayrollRepository;
import cn.minzheng.bureau.support.FreshPeriods;
import cn.minzheng.bureau.support.TestApplications;

/**
 * Every path of dibao-report.bpmn, dibao-appeal.bpmn and dibao-recovery.bpmn on the real application, each step as
 * the demo user of that role, with real payrolls computed around them. Full coverage of the three is asserted.
 */
// the job executor is off: the test runs the jobs (support.Jobs), the coverage collector is not thread-safe
@SpringBootTest(properties = {"bureau.demo-data.applications=false", "camunda.bpm.job-execution.enabled=false"})
@Import(RedressProcessTest.FullCoverage.class)
@TestExecutionListeners(listeners = ProcessEngineCoverageTestExecutionListener.class,
        mergeMode = TestExecutionListeners.MergeMode.MERGE_WITH_DEFAULTS)
class RedressProcessTest {

    private static final String CLERK = "clerk.yuecun";
    private static final String CLERK2 = "clerk2.yuecun";
    private static final String REVIEWER = "reviewer.yuecun";
    private static final String APPROVER = "approver";

    @TestConfiguration
    static class FullCoverage {
        @Bean
        SpringBootProcessEnginePlugin coverageListeners() {
            return cn.minzheng.bureau.support.FullCoverage.coveragePlugin();
        }

        @Bean
        ProcessEngineCoverageProperties coverageProperties() {
            // active and rejected cases are made by dibao-application, covered by its own test
            return cn.minzheng.bureau.support.FullCoverage.fullCoverageExcluding(DibaoApplicationProcess.KEY, PayrollProcess.KEY);
        }
    }

    @Autowired
    ProcessEngine engine;
    @Autowired
    DibaoWalker walker;
    @Autowired
    DibaoCaseRepository cases;
    @Autowired
    ReportService reports;
    @Autowired
    ReportRepository reportRepository;
    @Autowired
    AppealService appeals;
    @Autowired
    AppealRepository appealRepository;
    @Autowired
    RecoveryService recoveries;
    @Autowired
    RecoveryRepository recoveryRepository;
    @Autowired
    PayrollRepository payrolls;
    @Autowired
    PayrollComputation computation;
    @Autowired
    cn.minzheng.bureau.payroll.BankFileExporter bankFiles;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
        clerkOfYuecun(engine.getIdentityService(), CLERK2);
    }

    /** Another clerk of 岳村乡, who did not handle the cases clerk.yuecun registered. */
    static void clerkOfYuecun(org.camunda.bpm.engine.IdentityService identity, String userId) {
        if (identity.createUserQuery().userId(userId).count() == 0) {
            org.camunda.bpm.engine.identity.User user = identity.newUser(userId);
            user.setLastName("马");
            user.setFirstName("晓燕（岳村乡经办人）");
            user.setPassword("demo");
            cn.minzheng.bureau.engine.DemoAccounts.saveIgnoringPasswordPolicy(identity, user);
            identity.createMembership(userId, "clerk-yuecun");
        }
    }

    @Test
    void anAnonymousReportCancelsACaseAndTheOverpaidMonthsAreRepaid() {
        DibaoCase dibaoCase = activeCase(2, "300"); // (520 - 150) x 2 = 740
        YearMonth first = FreshPeriods.month(1);
        payroll(first);
        payroll(first.plusMonths(1));
        payroll(first.plusMonths(2));

        Report report = register(dibaoCase, true, "VEHICLE", "该户有一辆小轿车，常停在村口");
        ProcessInstance instance = instance(report.processInstanceId());
        assertThat(instance).isWaitingAt(ReportProcess.TASK_ASSIGN);
        assertThat(task(instance)).hasCandidateGroup("reviewer-yuecun");
        assertThat(instance).variables().containsEntry("reporterLabel", "匿名举报").doesNotContainKey("reporterName");

        assertThatThrownBy(() -> complete(REVIEWER, instance, ReportProcess.TASK_ASSIGN, Map.of("investigator", "clerk.mengke")))
                .satisfies(violation("不是本乡镇（街道）的经办人或审核人"));
        complete(REVIEWER, instance, ReportProcess.TASK_ASSIGN, Map.of("investigator", CLERK2));
        assertThat(task(instance)).isAssignedTo(CLERK2);

        investigate(CLERK2, instance, true, first.plusMonths(1).toString(), 0, "核实：户主名下有小轿车一辆，" + first.plusMonths(1) + "购入");
        assertThat(instance).isWaitingAt(ReportProcess.TASK_DECIDE);
        assertThatThrownBy(() -> decideReport(APPROVER, instance, "LOWER", "降标"))
                .satisfies(violation("不能作为降低后的金额"));
        decideReport(APPROVER, instance, "CANCEL", "拥有机动车辆，不符合低保条件");

        assertThat(instance).isEnded().hasPassed(ReportProcess.TASK_APPLY_FINDING, ReportProcess.END_FOUNDED);
        DibaoCase cancelled = cases.find(dibaoCase.id()).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(CaseStatus.CANCELLED);
        assertThat(cancelled.closingReason()).startsWith("举报查实停保");
        Report decided = reportRepository.get(report.id());
        assertThat(decided.status()).isEqualTo("FOUNDED");

        // the recovery: two months paid that should not have been
        Recovery recovery = recoveryRepository.get(decided.recoveryId());
        assertThat(recovery.totalAmount()).isEqualByComparingTo("1480.00");
        assertThat(recoveryRepository.months(recovery.id())).extracting(Overpayments.OverpaidMonth::benefitMonth)
                .containsExactly(first.plusMonths(1).toString(), first.plusMonths(2).toString());
        ProcessInstance recoveryInstance = instance(recovery.processInstanceId());
        assertThat(recoveryInstance).isWaitingAt(RecoveryProcess.TASK_DECIDE);
        assertThat(task(recoveryInstance)).hasCandidateGroup("reviewer-yuecun");
        assertThatThrownBy(() -> decideRecovery(recoveryInstance, RecoveryProcess.DEDUCTION, 100))
                .satisfies(violation("以后没有发放可以抵扣"));
        decideRecovery(recoveryInstance, RecoveryProcess.REPAYMENT, null);
        assertThat(task(recoveryInstance)).hasCandidateGroup("clerk-yuecun");
        assertThatThrownBy(() -> repay(recoveryInstance, "1000.00")).satisfies(violation("与应退金额1480.00元不一致"));
        repay(recoveryInstance, "1480.00");

        assertThat(recoveryInstance).isEnded().hasPassed(RecoveryProcess.END_REPAID);
        Recovery repaid = recoveryRepository.get(recovery.id());
        assertThat(repaid.status()).isEqualTo("REPAID");
        assertThat(repaid.outstanding()).isEqualByComparingTo("0.00");
        assertThat(recoveryRepository.receipts(recovery.id())).singleElement()
                .satisfies(r -> assertThat(r.receiptNumber()).isEqualTo("SJ-2026-0001"));
        // the cancelled case is no longer paid
        long next = payroll(first.plusMonths(3));
        assertThat(jdbc.sql("select count(*) from payment where case_id = ? and payroll_id = ?").params(dibaoCase.id(), next)
                .query(Long.class).single()).isZero();
    }

    @Test
    void aRecoveryByDeductionAddsUpToTheOverpaidTotal() {
        DibaoCase dibaoCase = activeCase(2, "300"); // 740
        YearMonth first = FreshPeriods.month(1);
        for (int m = 0; m < 3; m++) {
            payroll(first.plusMonths(m));
        }
        Report report = register(dibaoCase, false, "HIDDEN_INCOME", "户主在镇上打零工，每月有收入");
        ProcessInstance instance = instance(report.processInstanceId());
        complete(REVIEWER, instance, ReportProcess.TASK_ASSIGN, Map.of("investigator", CLERK));
        // 400 hidden: per capita (300 + 400) / 2 = 350, (520 - 350) x 2 = 340
        investigate(CLERK, instance, true, first.plusMonths(1).toString(), 400, "查实：户主每月打零工收入约400元");
        assertThat(instance).variables().containsEntry("proposedAmount", "340.00");
        decideReport(APPROVER, instance, "LOWER", "隐瞒打零工收入，按重新核算金额发放");
        assertThat(instance).isEnded().hasPassed(ReportProcess.END_FOUNDED);
        assertThat(cases.find(dibaoCase.id()).orElseThrow().monthlyAmount()).isEqualByComparingTo("340.00");

        // (740 - 340) x 2 months
        Recovery recovery = recoveryRepository.get(reportRepository.get(report.id()).recoveryId());
        assertThat(recovery.totalAmount()).isEqualByComparingTo("800.00");
        ProcessInstance recoveryInstance = instance(recovery.processInstanceId());
        assertThatThrownBy(() -> decideRecovery(recoveryInstance, RecoveryProcess.DEDUCTION, 400))
                .satisfies(violation("不能超过该户每月低保金340.00元"));
        decideRecovery(recoveryInstance, RecoveryProcess.DEDUCTION, 150);
        assertThat(recoveryInstance).isEnded().hasPassed(RecoveryProcess.TASK_SCHEDULE_DEDUCTION, RecoveryProcess.END_DEDUCTING)
                .variables().containsEntry("deductionMonths", 6);
        assertThat(recoveryRepository.get(recovery.id()).status()).isEqualTo("DEDUCTING");

        List<BigDecimal> deducted = new ArrayList<>();
        for (int m = 3; m < 10; m++) {
            long payrollId = payroll(first.plusMonths(m));
            assertThat(computation.compute(payrollId)).isZero(); // computed once: a second run changes nothing
            Map<String, Object> payment = jdbc.sql("""
                    select amount, deducted_amount from payment where case_id = ? and payroll_id = ?""")
                    .params(dibaoCase.id(), payrollId).query().singleRow();
            assertThat((BigDecimal) payment.get("amount")).isEqualByComparingTo("340.00");
            deducted.add((BigDecimal) payment.get("deducted_amount"));
            // the payroll's total is what the bank pays: net of deductions
            assertThat(jdbc.sql("select total_amount from payroll where id = ?").param(payrollId).query(BigDecimal.class).single())
                    .isEqualByComparingTo(jdbc.sql("select sum(amount - deducted_amount) from payment where payroll_id = ?")
                            .param(payrollId).query(BigDecimal.class).single());
        }
        assertThat(deducted).extracting(BigDecimal::toPlainString)
                .containsExactly("150.00", "150.00", "150.00", "150.00", "150.00", "50.00", "0.00");
        assertThat(deducted.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(recovery.totalAmount());
        Recovery recovered = recoveryRepository.get(recovery.id());
        assertThat(recovered.status()).isEqualTo("RECOVERED");
        assertThat(recovered.recoveredAmount()).isEqualByComparingTo("800.00");
        assertThat(recoveryRepository.installments(recovery.id())).extracting(RecoveryRepository.Installment::amount)
                .map(BigDecimal::toPlainString).containsExactly("150.00", "150.00", "150.00", "150.00", "150.00", "50.00");
    }

    @Test
    void aDeductionIsUndoneWithAComputationFinanceSendsBackAndTheBankFilePaysTheNetAmount() throws Exception {
        DibaoCase dibaoCase = activeCase(2, "300"); // 740
        YearMonth first = FreshPeriods.month(1);
        payroll(first);
        payroll(first.plusMonths(1));
        // an amount lowered backdated to the first month: 400 overpaid twice
        cases.applyReviewedAmount(dibaoCase.id(), new BigDecimal("340.00"), new BigDecimal("350.00"), new BigDecimal("520.00"),
                APPROVER, "复核降标");
        Recovery recovery = walker.as(REVIEWER, () -> recoveries.start(dibaoCase.id(), first.toString(),
                new BigDecimal("340"), "MANUAL", null, "降标追溯至" + first));
        assertThat(recovery.totalAmount()).isEqualByComparingTo("800.00");
        decideRecovery(instance(recovery.processInstanceId()), RecoveryProcess.DEDUCTION, 300);

        long payrollId = payroll(first.plusMonths(2));
        assertThat(deducted(dibaoCase, payrollId)).isEqualByComparingTo("300.00");
        assertThat(recoveryRepository.get(recovery.id()).recoveredAmount()).isEqualByComparingTo("300.00");
        computation.discard(payrollId); // finance sends it back: the deduction goes with it
        assertThat(recoveryRepository.get(recovery.id()).recoveredAmount()).isEqualByComparingTo("0.00");
        assertThat(recoveryRepository.installments(recovery.id())).isEmpty();
        computation.compute(payrollId);
        assertThat(deducted(dibaoCase, payrollId)).isEqualByComparingTo("300.00");
        assertThat(recoveryRepository.installments(recovery.id())).hasSize(1);

        payrolls.transition(payrollId, cn.minzheng.bureau.payroll.PayrollStatus.CHECKING,
                cn.minzheng.bureau.payroll.PayrollStatus.AWAITING_APPROVAL);
        payrolls.transition(payrollId, cn.minzheng.bureau.payroll.PayrollStatus.AWAITING_APPROVAL,
                cn.minzheng.bureau.payroll.PayrollStatus.APPROVED);
        java.io.ByteArrayOutputStream csv = new java.io.ByteArrayOutputStream();
        bankFiles.writeCsv(payrollId, csv);
        long paymentId = jdbc.sql("select id from payment where case_id = ? and payroll_id = ?").params(dibaoCase.id(), payrollId)
                .query(Long.class).single();
        assertThat(csv.toString(java.nio.charset.StandardCharsets.UTF_8).lines().filter(l -> l.startsWith(paymentId + ","))
                .toList()).singleElement().satisfies(line -> assertThat(line).endsWith(",40.00"));

        payroll(first.plusMonths(3));
        long last = payroll(first.plusMonths(4));
        assertThat(deducted(dibaoCase, last)).isEqualByComparingTo("200.00");
        assertThat(recoveryRepository.get(recovery.id()).status()).isEqualTo("RECOVERED");
    }

    private BigDecimal deducted(DibaoCase dibaoCase, long payrollId) {
        return jdbc.sql("select deducted_amount from payment where case_id = ? and payroll_id = ?")
                .params(dibaoCase.id(), payrollId).query(BigDecimal.class).single();
    }

    @Test
    void anUnfoundedReportKeepsTheBenefit() {
        DibaoCase dibaoCase = activeCase(1, "100"); // 420
        Report report = register(dibaoCase, true, "UNDECLARED_MEMBER", "其儿子在外地工作未申报");
        ProcessInstance instance = instance(report.processInstanceId());
        complete(REVIEWER, instance, ReportProcess.TASK_ASSIGN, Map.of("investigator", CLERK));
        investigate(CLERK, instance, false, null, 0, "其子已分户另居，户籍不在本户，举报不实");
        assertThatThrownBy(() -> decideReport(APPROVER, instance, "CANCEL", "停保")).satisfies(violation("未认定举报属实"));
        decideReport(APPROVER, instance, "UNFOUNDED", "经核实举报不实");
        assertThat(instance).isEnded().hasPassed(ReportProcess.TASK_CLOSE_UNFOUNDED, ReportProcess.END_UNFOUNDED);
        assertThat(reportRepository.get(report.id()).status()).isEqualTo("UNFOUNDED");
        DibaoCase kept = cases.find(dibaoCase.id()).orElseThrow();
        assertThat(kept.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(kept.monthlyAmount()).isEqualByComparingTo("420.00");
        assertThat(recoveryRepository.ofCase(dibaoCase.id())).isEmpty();
    }

    @Test
    void aWaiverNeedsTheDistrictsApprovalAndARefusalGoesBackToTheDecision() {
        DibaoCase dibaoCase = activeCase(1, "100"); // 420
        YearMonth first = FreshPeriods.month(1);
        payroll(first);
        payroll(first.plusMonths(1));
        // cancelled by a review after the next payroll had been computed: that month was paid wrongly
        cases.changeStatus(dibaoCase.id(), CaseStatus.CANCELLED, APPROVER, "户主死亡");
        Recovery recovery = walker.as(REVIEWER, () -> recoveries.start(dibaoCase.id(), first.plusMonths(1).toString(),
                BigDecimal.ZERO, "MANUAL", null, "已停保案件仍发放一个月"));
        assertThat(recovery.totalAmount()).isEqualByComparingTo("420.00");
        ProcessInstance instance = instance(recovery.processInstanceId());

        decideRecovery(instance, RecoveryProcess.WAIVER, null);
        assertThat(instance).isWaitingAt(RecoveryProcess.TASK_APPROVE_WAIVER);
        assertThat(task(instance)).hasCandidateGroup("district-approver");
        assertThatThrownBy(() -> complete(APPROVER, instance, RecoveryProcess.TASK_APPROVE_WAIVER,
                Map.of(RecoveryProcess.VAR_WAIVER_DECISION, RecoveryProcess.REJECT))).satisfies(violation("不同意减免的理由"));
        complete(APPROVER, instance, RecoveryProcess.TASK_APPROVE_WAIVER, Map.of(RecoveryProcess.VAR_WAIVER_DECISION,
                RecoveryProcess.REJECT, RecoveryProcess.VAR_WAIVER_COMMENT, "家属有偿还能力，请责令退回或说明理由"));
        assertThat(instance).isWaitingAt(RecoveryProcess.TASK_DECIDE);

        decideRecovery(instance, RecoveryProcess.WAIVER, null);
        complete(APPROVER, instance, RecoveryProcess.TASK_APPROVE_WAIVER, Map.of(RecoveryProcess.VAR_WAIVER_DECISION,
                RecoveryProcess.APPROVE, RecoveryProcess.VAR_WAIVER_COMMENT, "户主已故，家中无其他收入"));
        assertThat(instance).isEnded().hasPassed(RecoveryProcess.TASK_WAIVE, RecoveryProcess.END_WAIVED);
        Recovery waived = recoveryRepository.get(recovery.id());
        assertThat(waived.status()).isEqualTo("WAIVED");
        assertThat(waived.waiverApprovedBy()).isEqualTo(APPROVER);
        assertThat(waived.recoveredAmount()).isEqualByComparingTo("0.00"); // written off, not received
    }

    @Test
    void nothingOverpaidEndsTheRecoveryAtOnce() {
        DibaoCase dibaoCase = activeCase(1, "100");
        YearMonth first = FreshPeriods.month(1);
        payroll(first);
        Recovery recovery = walker.as(REVIEWER, () -> recoveries.start(dibaoCase.id(), first.plusMonths(1).toString(),
                BigDecimal.ZERO, "MANUAL", null, "核查"));
        assertThat(recovery.status()).isEqualTo("NONE");
        assertThat(recovery.totalAmount()).isEqualByComparingTo("0.00");
        assertThat(instance(recovery.processInstanceId())).isEnded().hasPassed(RecoveryProcess.END_NOTHING);
        assertThatThrownBy(() -> recoveries.start(dibaoCase.id(), "2026-13", BigDecimal.ZERO, "MANUAL", null, "核查"))
                .satisfies(violation("发放月份不存在"));
    }

    @Test
    void anAppealReversesARejectionFromTheRightMonthWithBackPayOnce() {
        DibaoCase dibaoCase = walker.submit(CLERK, TestApplications.yuecunHousehold(2, "300"));
        walker.accept(CLERK, dibaoCase);
        walker.survey(CLERK, dibaoCase, Map.of());
        walker.reviewByTownship(REVIEWER, dibaoCase, APPROVE, "同意");
        walker.endNotice(dibaoCase);
        walker.approveByDistrict(APPROVER, dibaoCase, "REJECT", "家庭财产超过规定");
        assertThat(cases.find(dibaoCase.id()).orElseThrow().status()).isEqualTo(CaseStatus.REJECTED);
        // the rejection was written 40 days ago; the appeal comes within the 60 days
        LocalDateTime rejectedAt = LocalDateTime.now().minusDays(40);
        jdbc.sql("update dibao_case_status_history set changed_at = ? where case_id = ? and status = 'REJECTED'")
                .params(Timestamp.valueOf(rejectedAt), dibaoCase.id()).update();

        Appeal appeal = walker.as(CLERK, () -> appeals.register(new AppealService.Registration(dibaoCase.id(),
                AppealProcess.REJECTION, null, "家庭财产为自住房屋，不应计入"), CLERK));
        assertThat(appeal.noticeDate()).isEqualTo(rejectedAt.toLocalDate());
        assertThat(appeal.handledBy()).contains(CLERK, REVIEWER, APPROVER);
        ProcessInstance instance = instance(appeal.processInstanceId());
        assertThat(instance).isWaitingAt(AppealProcess.TASK_REINVESTIGATE);
        assertThat(task(instance)).hasCandidateGroup("clerk-yuecun");

        // the clerk who handled the case may not re-investigate it
        assertThatThrownBy(() -> reinvestigate(CLERK, instance)).satisfies(violation("回避"));
        reinvestigate(CLERK2, instance);
        assertThat(instance).isWaitingAt(AppealProcess.TASK_DECIDE);
        assertThat(instance).variables().containsEntry("proposedAmount", "740.00");
        complete(APPROVER, instance, AppealProcess.TASK_DECIDE, Map.of(AppealProcess.VAR_OUTCOME, AppealProcess.REVERSED,
                AppealProcess.VAR_OUTCOME_REASON, "自住房屋不计入家庭财产，原决定依据不当，予以撤销"));

        assertThat(instance).isEnded().hasPassed(AppealProcess.TASK_CORRECT, AppealProcess.END_CORRECTED);
        YearMonth right = YearMonth.from(rejectedAt).plusMonths(1);
        DibaoCase reopened = cases.find(dibaoCase.id()).orElseThrow();
        assertThat(reopened.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(reopened.startMonth()).isEqualTo(right.toString());
        assertThat(reopened.monthlyAmount()).isEqualByComparingTo("740.00");
        assertThat(appealRepository.get(appeal.id()).status()).isEqualTo("REVERSED");
        List<String> owed = new ArrayList<>();
        for (YearMonth m = right; !m.isAfter(appealRepository.lastDueMonth()); m = m.plusMonths(1)) {
            owed.add(m.toString());
        }
        assertThat(appealRepository.backPay(dibaoCase.id())).extracting(AppealRepository.BackPay::benefitMonth)
                .containsExactlyElementsOf(owed);

        // the next payroll pays the month and the back pay; the one after pays the month only
        YearMonth month = FreshPeriods.month(1);
        long payrollId = payroll(month);
        List<Map<String, Object>> paid = jdbc.sql("select benefit_month, amount from payment where case_id = ? and payroll_id = ? order by benefit_month")
                .params(dibaoCase.id(), payrollId).query().listOfRows();
        List<String> expected = new ArrayList<>(owed);
        expected.add(month.toString());
        assertThat(paid).extracting(r -> (String) r.get("benefit_month")).containsExactlyElementsOf(expected);
        assertThat(paid).allSatisfy(r -> assertThat((BigDecimal) r.get("amount")).isEqualByComparingTo("740.00"));
        long later = payroll(month.plusMonths(1));
        assertThat(jdbc.sql("select count(*) from payment where case_id = ? and payroll_id = ?").params(dibaoCase.id(), later)
                .query(Long.class).single()).isOne();
        assertThat(appealRepository.backPay(dibaoCase.id())).allSatisfy(b -> assertThat(b.payrollId()).isEqualTo(payrollId));
    }

    @Test
    void anAppealAgainstACancellationIsUpheldAndLateAppealsAreRefused() {
        DibaoCase dibaoCase = activeCase(1, "100");
        cases.changeStatus(dibaoCase.id(), CaseStatus.CANCELLED, APPROVER, "复核停保：户主已就业");
        assertThatThrownBy(() -> walker.as(CLERK, () -> appeals.register(new AppealService.Registration(dibaoCase.id(),
                AppealProcess.REJECTION, null, "不服"), CLERK))).satisfies(violation("没有可申诉的"));
        assertThatThrownBy(() -> walker.as(CLERK, () -> appeals.register(new AppealService.Registration(dibaoCase.id(),
                AppealProcess.CANCELLATION, java.time.LocalDate.now().plusDays(1).toString(), "不服"), CLERK)))
                .satisfies(violation("书面通知日期应在决定日期"));
        Appeal appeal = walker.as(CLERK, () -> appeals.register(new AppealService.Registration(dibaoCase.id(),
                AppealProcess.CANCELLATION, null, "户主只是临时工，收入不稳定"), CLERK));
        assertThatThrownBy(() -> walker.as(CLERK, () -> appeals.register(new AppealService.Registration(dibaoCase.id(),
                AppealProcess.CANCELLATION, null, "再次申诉"), CLERK))).satisfies(violation("已有正在办理的申诉"));
        ProcessInstance instance = instance(appeal.processInstanceId());
        reinvestigate(CLERK2, instance);
        // the re-investigating clerk cannot decide
        assertThatThrownBy(() -> complete(CLERK2, instance, AppealProcess.TASK_DECIDE, Map.of())).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> complete(APPROVER, instance, AppealProcess.TASK_DECIDE,
                Map.of(AppealProcess.VAR_OUTCOME, AppealProcess.UPHELD))).satisfies(violation("书面理由"));
        complete(APPROVER, instance, AppealProcess.TASK_DECIDE, Map.of(AppealProcess.VAR_OUTCOME, AppealProcess.UPHELD,
                AppealProcess.VAR_OUTCOME_REASON, "户主已稳定就业，月收入超过标准，维持停保"));
        assertThat(instance).isEnded().hasPassed(AppealProcess.TASK_CLOSE_UPHELD, AppealProcess.END_UPHELD);
        assertThat(appealRepository.get(appeal.id()).status()).isEqualTo("UPHELD");
        assertThat(cases.find(dibaoCase.id()).orElseThrow().status()).isEqualTo(CaseStatus.CANCELLED);

        // sixty-one days after the notice it is too late
        jdbc.sql("update dibao_case_status_history set changed_at = ? where case_id = ? and status = 'CANCELLED'")
                .params(Timestamp.valueOf(LocalDateTime.now().minusDays(61)), dibaoCase.id()).update();
        assertThatThrownBy(() -> walker.as(CLERK, () -> appeals.register(new AppealService.Registration(dibaoCase.id(),
                AppealProcess.CANCELLATION, null, "再次申诉"), CLERK))).satisfies(violation("已超过申诉期限"));
    }

    @Test
    void anAppealReinstatesACancelledCaseAndAnotherChangesItsAmount() {
        DibaoCase dibaoCase = activeCase(2, "300"); // 740
        YearMonth month = FreshPeriods.month(1);
        payroll(month);
        cases.changeStatus(dibaoCase.id(), CaseStatus.CANCELLED, APPROVER, "复核停保：家庭成员已就业");
        Appeal reinstate = walker.as(CLERK, () -> appeals.register(new AppealService.Registration(dibaoCase.id(),
                AppealProcess.CANCELLATION, null, "就业的成员已于上月失业"), CLERK));
        ProcessInstance first = instance(reinstate.processInstanceId());
        reinvestigate(CLERK2, first);
        complete(APPROVER, first, AppealProcess.TASK_DECIDE, Map.of(AppealProcess.VAR_OUTCOME, AppealProcess.REVERSED,
                AppealProcess.VAR_OUTCOME_REASON, "成员已失业，停保理由不复存在"));
        assertThat(first).isEnded().hasPassed(AppealProcess.END_CORRECTED);
        DibaoCase reinstated = cases.find(dibaoCase.id()).orElseThrow();
        assertThat(reinstated.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(reinstated.monthlyAmount()).isEqualByComparingTo("740.00");
        // paid again from the first month it was not paid, and its members are held by the case again
        assertThat(appealRepository.get(reinstate.id()).effectiveMonth()).isEqualTo(month.plusMonths(1).toString());
        assertThat(jdbc.sql("select count(*) from dibao_case_person where case_id = ? and open_id_number is not null")
                .param(dibaoCase.id()).query(Long.class).single()).isEqualTo(2L);
        assertThat(jdbc.sql("select count(*) from payment where case_id = ? and payroll_id = ?")
                .params(dibaoCase.id(), payroll(month.plusMonths(1))).query(Long.class).single()).isOne();

        Appeal amount = walker.as(CLERK, () -> appeals.register(new AppealService.Registration(dibaoCase.id(),
                AppealProcess.AMOUNT, null, "户主患慢性病，医疗支出大"), CLERK));
        ProcessInstance second = instance(amount.processInstanceId());
        // clerk2 re-investigated the first appeal: now one who handled the case
        assertThatThrownBy(() -> reinvestigate(CLERK2, second)).satisfies(violation("回避"));
        clerkOfYuecun(engine.getIdentityService(), "clerk3.yuecun");
        reinvestigate("clerk3.yuecun", second);
        assertThatThrownBy(() -> complete(APPROVER, second, AppealProcess.TASK_DECIDE, Map.of(AppealProcess.VAR_OUTCOME,
                AppealProcess.CHANGED, AppealProcess.VAR_OUTCOME_REASON, "酌情提高"))).satisfies(violation("变更后的月补助金额"));
        complete(APPROVER, second, AppealProcess.TASK_DECIDE, Map.of(AppealProcess.VAR_OUTCOME, AppealProcess.CHANGED,
                AppealProcess.VAR_CORRECTED_AMOUNT, "800.50", AppealProcess.VAR_OUTCOME_REASON, "按重病家庭酌情提高"));
        assertThat(second).isEnded().hasPassed(AppealProcess.END_CORRECTED);
        assertThat(cases.find(dibaoCase.id()).orElseThrow().monthlyAmount()).isEqualByComparingTo("800.50");
        assertThat(appealRepository.get(amount.id()).status()).isEqualTo("CHANGED");
        assertThat(appealRepository.get(amount.id()).effectiveMonth()).isEqualTo(YearMonth.now().plusMonths(1).toString());
    }

    // --- helpers ---

    private DibaoCase activeCase(int size, String headWage) {
        return walker.approved(CLERK, REVIEWER, APPROVER, TestApplications.yuecunHousehold(size, headWage));
    }

    private long payroll(YearMonth month) {
        long id = payrolls.insert(month);
        computation.compute(id);
        return id;
    }

    private Report register(DibaoCase dibaoCase, boolean anonymous, String kind, String allegation) {
        return walker.as(CLERK, () -> reports.register(new ReportService.Registration(dibaoCase.id(),
                ReportProcess.CHANNEL_ANY_TIME, anonymous, anonymous ? null : "张三", anonymous ? null : "13800000000",
                kind, allegation), CLERK));
    }

    private void investigate(String user, ProcessInstance instance, boolean founded, String fromMonth, int hidden, String findings) {
        Map<String, Object> variables = survey(hidden);
        variables.put(ReportProcess.VAR_FOUNDED, founded);
        if (fromMonth != null) {
            variables.put(ReportProcess.VAR_FACT_FROM_MONTH, fromMonth);
        }
        variables.put(ReportProcess.VAR_FINDINGS, findings);
        complete(user, instance, ReportProcess.TASK_INVESTIGATE, variables);
    }

    private void reinvestigate(String user, ProcessInstance instance) {
        Map<String, Object> variables = survey(0);
        variables.put(AppealProcess.VAR_FINDINGS, "逐项核实申诉理由");
        complete(user, instance, AppealProcess.TASK_REINVESTIGATE, variables);
    }

    private static Map<String, Object> survey(int hidden) {
        return new HashMap<>(Map.of("assetsFinding", "见说明", "incomeFinding", "见说明", "employmentFinding", "见说明",
                "utilitiesMonthlyVerified", 100, "hiddenIncomeMonthly", hidden, "homeVisitDone", true,
                "surveyConclusion", "调查完毕"));
    }

    private void decideReport(String user, ProcessInstance instance, String outcome, String reason) {
        complete(user, instance, ReportProcess.TASK_DECIDE, Map.of(ReportProcess.VAR_OUTCOME, outcome,
                ReportProcess.VAR_OUTCOME_REASON, reason));
    }

    private void decideRecovery(ProcessInstance instance, String method, Integer installment) {
        Map<String, Object> variables = new HashMap<>(Map.of(RecoveryProcess.VAR_METHOD, method,
                RecoveryProcess.VAR_DECISION_REASON, "按规定处理"));
        if (installment != null) {
            variables.put(RecoveryProcess.VAR_INSTALLMENT, installment);
        }
        complete(REVIEWER, instance, RecoveryProcess.TASK_DECIDE, variables);
    }

    private void repay(ProcessInstance instance, String amount) {
        complete(CLERK, instance, RecoveryProcess.TASK_RECORD_REPAYMENT, Map.of(RecoveryProcess.VAR_REPAID_AMOUNT, amount,
                RecoveryProcess.VAR_RECEIPT_NUMBER, "SJ-2026-0001", RecoveryProcess.VAR_RECEIVED_ON,
                java.time.LocalDate.now().toString()));
    }

    private ProcessInstance instance(String id) {
        ProcessInstance running = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(id).singleResult();
        if (running != null) {
            return running;
        }
        // ended already: the assertions read its history through the id
        org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity ended = new org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity();
        ended.setId(id);
        ended.setProcessInstanceId(id);
        return ended;
    }

    private void complete(String user, ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        walker.as(user, () -> {
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(taskKey).singleResult();
            if (task == null) {
                throw new IllegalStateException(user + " sees no task " + taskKey);
            }
            if (task.getAssignee() == null) {
                engine.getTaskService().claim(task.getId(), user);
            }
            engine.getTaskService().complete(task.getId(), variables);
            return null;
        });
    }
}
