package cn.minzheng.bureau.funeral;

import static cn.minzheng.bureau.funeral.FuneralPeople.CLERK;
import static cn.minzheng.bureau.funeral.FuneralPeople.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.recovery.RecoveryProcess;
import cn.minzheng.bureau.dibao.recovery.RecoveryRepository;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.payroll.PayrollComputation;
import cn.minzheng.bureau.payroll.PayrollIssue;
import cn.minzheng.bureau.payroll.PayrollRepository;
import cn.minzheng.bureau.payroll.PayrollStatus;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.FreshPeriods;
import cn.minzheng.bureau.support.Tasklist;
import cn.minzheng.bureau.support.TestApplications;

/**
 * 死亡登记 in a real Tasklist, each form as its real user: the 岳村乡 clerk records the death of a one-person 低保
 * household's member from the funeral home's cremation record, the 岳村乡 reviewer confirms it; the 低保 benefit ends at
 * the end of the month of death and, because the payroll already sent a later month's money to the bank, a recovery is
 * opened for the reviewer to decide; the household file shows the death.
 */
@BrowserTest
class DeathRegistrationBrowserTest {

    @Autowired
    DibaoWalker walker;
    @Autowired
    DibaoCaseRepository cases;
    @Autowired
    EnrolmentRepository enrolments;
    @Autowired
    HouseholdRepository households;
    @Autowired
    RecoveryRepository recoveries;
    @Autowired
    DeathRegistrationRepository deaths;
    @Autowired
    PayrollRepository payrolls;
    @Autowired
    PayrollComputation computation;
    @Autowired
    PayrollIssue issue;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theClerkRecordsADeathTheReviewerConfirmsItTheBenefitEndsAndTheOverpaymentIsRecovered(Tasklist tasklist) {
        DibaoCase dibaoCase = walker.approved(CLERK, REVIEWER, "approver", TestApplications.yuecunHousehold(1, "300"));
        Enrolment enrolment = enrolments.forProgramCase(Program.DIBAO, dibaoCase.id()).orElseThrow();
        var household = households.findForCase(dibaoCase.id()).orElseThrow();
        String idNumber = household.head().idNumber().value();
        String name = household.head().name();
        // the payroll of a later month was approved and sent to the bank before the death was known
        YearMonth later = FreshPeriods.month(3);
        long payrollId = payrolls.insert(Program.DIBAO, later);
        computation.compute(payrollId);
        payrolls.transition(payrollId, PayrollStatus.CHECKING, PayrollStatus.AWAITING_APPROVAL);
        payrolls.transition(payrollId, PayrollStatus.AWAITING_APPROVAL, PayrollStatus.APPROVED);
        issue.issue(payrollId);
        long payment = jdbc.sql("select id from payment where payroll_id = ? and enrolment_id = ? and status = 'ISSUED'")
                .params(payrollId, enrolment.id()).query(Long.class).single();
        LocalDate died = EngineClock.today().minusDays(2);

        tasklist.loginAs(CLERK);
        CamundaForm start = tasklist.startProcess("死亡登记");
        start.type("死者身份证号码", idNumber)
                .date("死亡日期", died)
                .type("死亡地点", "中原区人民医院")
                .choose("信息来源", "殡仪馆火化记录")
                .type("证明编号（火化证明、死亡医学证明等）", "中殡火字第2026-1203号")
                .choose("是否火化", "已火化")
                .select("安葬方式", "生态安葬（树葬）");
        tasklist.submit(start, "funeral-death-registration-start", () -> recordOf(idNumber).isPresent());
        DeathRecord registered = recordOf(idNumber).orElseThrow();
        assertThat(registered.deathDate()).isEqualTo(died);
        assertThat(registered.burialKind()).isEqualTo(BurialKind.TREE);
        assertThat(registered.registeredBy()).isEqualTo(CLERK);
        assertThat(cases.find(dibaoCase.id()).orElseThrow().status()).as("nothing ends before the township confirms")
                .isEqualTo(CaseStatus.APPROVED);

        tasklist.loginAs(REVIEWER);
        Task task = taskService.createTaskQuery().processInstanceId(registered.processInstanceId())
                .taskDefinitionKey(DeathRegistrationProcess.TASK_REVIEW).singleResult();
        CamundaForm review = tasklist.openTask(task.getId());
        tasklist.waiting().until(d -> review.values().contains(name));
        assertThat(review.values()).contains(registered.recordNumber(), "岳村乡");
        assertThat(review.values()).anySatisfy(v -> assertThat(v).contains("死亡日期：" + died, "殡仪馆火化记录（中殡火字第2026-1203号）",
                "生态安葬（树葬）"));
        review.choose("审核结果", "确认死亡").type("审核意见（不予确认的写明理由）", "与殡仪馆火化记录核对一致");
        tasklist.submit(review, "funeral-death-registration-review",
                () -> recordOf(idNumber).map(r -> r.effects() != null).orElse(false));

        // the benefit ended at the end of the month of death
        assertThat(cases.find(dibaoCase.id()).orElseThrow().status()).isEqualTo(CaseStatus.CANCELLED);
        Enrolment ended = enrolments.find(enrolment.id()).orElseThrow();
        assertThat(ended.status()).isEqualTo(EnrolmentStatus.ENDED);
        assertThat(ended.endMonth()).isEqualTo(YearMonth.from(died).toString());
        // the later month's payment opened a recovery, waiting for the township reviewer's decision
        var recovery = recoveries.ofCase(dibaoCase.id()).get(0);
        assertThat(recovery.sourceType()).isEqualTo("DEATH");
        assertThat(recovery.totalAmount()).isEqualByComparingTo(dibaoCase.monthlyAmount());
        assertThat(recoveries.months(recovery.id())).extracting(m -> m.paymentId()).containsExactly(payment);
        assertThat(taskService.createTaskQuery().processInstanceId(recovery.processInstanceId())
                .taskDefinitionKey(RecoveryProcess.TASK_DECIDE).count()).isEqualTo(1);

        // the household file shows the death and what each program did
        tasklist.open("/ledger/households/" + household.id());
        tasklist.waiting().until(d -> tasklist.bodyText().contains("死亡登记"));
        assertThat(tasklist.bodyText()).contains(name + "（已故，" + died + "）", registered.recordNumber(), "已确认",
                "已火化，生态安葬（树葬）", "自" + YearMonth.from(died) + "月末停保", "已发起多发追回",
                // approved for next month, ended in this one (or the last): no month was due
                YearMonth.from(died) + "（起始月份前终止，无应发月份）");
        tasklist.screenshot("funeral-death-household-file");
    }

    private Optional<DeathRecord> recordOf(String idNumber) {
        List<Long> ids = jdbc.sql("select id from death_record where id_number = ?").param(idNumber).query(Long.class).list();
        return ids.stream().findFirst().flatMap(deaths::find);
    }
}
