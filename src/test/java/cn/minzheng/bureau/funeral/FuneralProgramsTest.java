package cn.minzheng.bureau.funeral;

import static cn.minzheng.bureau.funeral.FuneralPeople.CLERK;
import static cn.minzheng.bureau.funeral.FuneralPeople.REVIEWER;
import static cn.minzheng.bureau.support.RuleViolations.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.recovery.Recovery;
import cn.minzheng.bureau.dibao.recovery.RecoveryRepository;
import cn.minzheng.bureau.dibao.review.ReviewProcess;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.gaoling.GaolingAllowance;
import cn.minzheng.bureau.gaoling.GaolingRepository;
import cn.minzheng.bureau.household.HouseholdForm.IncomeForm;
import cn.minzheng.bureau.household.HouseholdForm.MemberForm;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.payroll.PayrollComputation;
import cn.minzheng.bureau.payroll.PayrollIssue;
import cn.minzheng.bureau.payroll.PayrollRepository;
import cn.minzheng.bureau.payroll.PayrollStatus;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.support.FreshPeriods;
import cn.minzheng.bureau.support.TestApplications;
import cn.minzheng.bureau.tekun.CareMode;
import cn.minzheng.bureau.tekun.FuneralAllowance;
import cn.minzheng.bureau.tekun.FuneralAllowanceProcess;
import cn.minzheng.bureau.tekun.FuneralAllowanceRepository;
import cn.minzheng.bureau.tekun.QualifyingCondition;
import cn.minzheng.bureau.tekun.SupporterSituation;
import cn.minzheng.bureau.tekun.TekunCase;
import cn.minzheng.bureau.tekun.TekunCaseRepository;
import cn.minzheng.bureau.tekun.TekunEligibility;
import cn.minzheng.bureau.tekun.TekunStatus;
import cn.minzheng.bureau.youfu.DisabilityCause;
import cn.minzheng.bureau.youfu.YoufuCategory;
import cn.minzheng.bureau.youfu.YoufuRecipient;
import cn.minzheng.bureau.youfu.YoufuRepository;
import cn.minzheng.bureau.youfu.YoufuRules;
import cn.minzheng.bureau.youfu.YoufuStatus;

/**
 * A confirmed death, heard by every program on the real data: the person's 高龄津贴 and 特困供养 end at the end of the
 * month of death (dated history), the 低保 household the person belonged to gets a review for the smaller household,
 * a one-person 低保 household is cancelled; payments already sent to the bank for later months become overpayments —
 * a 低保 one opens dibao-recovery, each payment at most once — and the household file is marked.
 */
@SpringBootTest
class FuneralProgramsTest {

    @Autowired
    ProcessEngine engine;
    @Autowired
    DibaoWalker walker;
    @Autowired
    HouseholdRepository households;
    @Autowired
    DibaoCaseRepository cases;
    @Autowired
    EnrolmentRepository enrolments;
    @Autowired
    GaolingRepository gaoling;
    @Autowired
    GaolingAllowance allowance;
    @Autowired
    TekunCaseRepository tekunCases;
    @Autowired
    YoufuRepository youfu;
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
    JdbcClient jdbc;
    @Autowired
    FuneralAllowanceRepository funeralAllowances;

    @Test
    void aDeathEndsTheGaolingAllowanceAndStartsAReviewOfTheDibaoHouseholdAndRecoversWhatWasPaidAfterIt() {
        // a 低保 household of three: the grandmother (84) also receives the 高龄津贴
        String grandmother = FuneralPeople.unregisteredIdNumber(households, LocalDate.of(1942, 2, 3));
        var form = TestApplications.yuecunHousehold(3, "300");
        List<MemberForm> members = new ArrayList<>(form.household().members());
        members.set(2, new MemberForm("岳奶奶", grandmother, "GRANDPARENT", "RETIRED", "NONE",
                List.of(new IncomeForm("PENSION", "100"))));
        DibaoCase dibaoCase = walker.approved(CLERK, REVIEWER, "approver", TestApplications.withMembers(form, members));
        Enrolment dibao = enrolments.forProgramCase(Program.DIBAO, dibaoCase.id()).orElseThrow();
        Enrolment allowanceEnrolment = enrolInGaoling(grandmother);

        // both paid, and sent to the bank, for a month after the death
        YearMonth later = FreshPeriods.month();
        long dibaoPayment = paidAndIssued(Program.DIBAO, later, dibao.id());
        long gaolingPayment = paidAndIssued(Program.GAOLING, later, allowanceEnrolment.id());

        LocalDate died = EngineClock.today().minusDays(1);
        DeathRecord death = confirmDeath(grandmother, died);

        String lastDue = YearMonth.from(died).toString();
        Enrolment endedAllowance = enrolments.find(allowanceEnrolment.id()).orElseThrow();
        assertThat(endedAllowance.status()).isEqualTo(EnrolmentStatus.ENDED);
        assertThat(endedAllowance.endMonth()).isEqualTo(lastDue);
        assertThat(enrolments.history(allowanceEnrolment.id())).last().satisfies(h -> {
            assertThat(h.status()).isEqualTo(EnrolmentStatus.ENDED);
            assertThat(h.reason()).contains("死亡（" + died + "，死亡登记" + death.recordNumber() + "）");
            assertThat(h.changedBy()).isEqualTo(REVIEWER);
        });
        assertThat(gaoling.recipientOf(grandmother).orElseThrow().status()).isEqualTo(GaolingRepository.RecipientStatus.ENDED);

        // the 低保 case stays active and is reviewed for two people
        assertThat(cases.find(dibaoCase.id()).orElseThrow().status()).isEqualTo(CaseStatus.APPROVED);
        ProcessInstance review = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(ReviewProcess.KEY).processInstanceBusinessKey(dibaoCase.caseNumber()).singleResult();
        assertThat(review).as("a review of the case was started: " + death.effects()).isNotNull();
        assertThat((String) engine.getRuntimeService().getVariable(review.getId(), ReviewProcess.CHANGE.name()))
                .contains("家庭成员岳奶奶于" + died + "死亡", "家庭人口减为2人");

        // what was paid after the death: the 低保 payment opens a recovery, the 高龄 one is recorded for the township
        List<Recovery> opened = recoveries.ofCase(dibaoCase.id());
        assertThat(opened).singleElement().satisfies(r -> {
            assertThat(r.sourceType()).isEqualTo("DEATH");
            assertThat(r.sourceId()).isEqualTo(death.id());
            assertThat(r.fromMonth()).isEqualTo(later.toString());
            assertThat(r.totalAmount()).isPositive();
            assertThat(r.entitledAmount()).isLessThan(dibaoCase.monthlyAmount());
        });
        assertThat(recoveries.months(opened.get(0).id())).extracting(m -> m.paymentId()).contains(dibaoPayment);
        assertThat(deaths.overpayments(death.id())).extracting(DeathRegistrationRepository.Overpayment::paymentId)
                .containsExactlyInAnyOrder(dibaoPayment, gaolingPayment);
        // the 高龄津贴 payment opens a recovery of the enrolment: the whole payment, nothing of it was due
        Recovery gaolingRecovery = recoveries.ofEnrolment(allowanceEnrolment.id()).get(0);
        assertThat(recoveries.ofEnrolment(allowanceEnrolment.id())).hasSize(1);
        assertThat(gaolingRecovery.caseId()).isNull();
        assertThat(gaolingRecovery.sourceType()).isEqualTo("DEATH");
        assertThat(gaolingRecovery.status()).isEqualTo("OPEN");
        BigDecimal gaolingPaid = jdbc.sql("select amount from payment where id = ?").param(gaolingPayment)
                .query(BigDecimal.class).single();
        assertThat(gaolingRecovery.totalAmount()).isEqualByComparingTo(gaolingPaid);
        assertThat(recoveries.months(gaolingRecovery.id())).extracting(m -> m.paymentId()).containsExactly(gaolingPayment);
        assertThat(deaths.overpayments(death.id())).filteredOn(o -> o.paymentId() == gaolingPayment).singleElement()
                .satisfies(o -> assertThat(o.recoveryId()).isEqualTo(gaolingRecovery.id()));
        assertThat(opened.get(0).enrolmentId()).isEqualTo(dibao.id());
        // the township reviewer decides it as any recovery, but nothing later is paid to deduct from; repaid on a receipt
        String gaolingInstance = gaolingRecovery.processInstanceId();
        assertThat(engine.getRuntimeService().getVariable(gaolingInstance, "caseNumber")).isEqualTo("高龄津贴（享受记录" + allowanceEnrolment.id() + "）");
        assertThat(engine.getRuntimeService().getVariable(gaolingInstance, "applicantName")).isEqualTo("岳奶奶");
        Task decide = engine.getTaskService().createTaskQuery().processInstanceId(gaolingInstance).singleResult();
        assertThat(engine.getTaskService().getIdentityLinksForTask(decide.getId())).extracting(l -> l.getGroupId()).contains("reviewer-yuecun");
        assertThatThrownBy(() -> walker.as(REVIEWER, () -> {
            engine.getTaskService().complete(decide.getId(), Map.of("recoveryMethod", "DEDUCTION", "installmentAmount", "10",
                    "recoveryReason", "抵扣"));
            return null;
        })).satisfies(violation("以后没有发放可以抵扣"));
        walker.as(REVIEWER, () -> {
            engine.getTaskService().complete(decide.getId(), Map.of("recoveryMethod", "REPAYMENT", "recoveryReason", "家属退回"));
            return null;
        });
        walker.as(CLERK, () -> {
            Task repay = engine.getTaskService().createTaskQuery().processInstanceId(gaolingInstance).singleResult();
            engine.getTaskService().complete(repay.getId(), Map.of("receiptNumber", "YC-2026-88", "repaidAmount",
                    gaolingPaid.toPlainString(), "receivedOn", EngineClock.today().toString()));
            return null;
        });
        assertThat(recoveries.get(gaolingRecovery.id()).status()).isEqualTo("REPAID");
        assertThat(jdbc.sql("select count(*) from overpayment_recovery where id = ? and open_enrolment_id is not null")
                .param(gaolingRecovery.id()).query(Long.class).single()).as("closed, no longer open").isZero();
        assertThat(death.effects()).contains("高龄津贴：自" + lastDue + "月末终止", "已发起复核，按减少后的2人重新核算",
                "已发起多发追回", "高龄津贴：死亡后月份已发放" + later + "（" + gaolingPaid.setScale(2) + "元），已发起多发追回");
        // the household file: the member is marked, the case no longer counts her
        assertThat(jdbc.sql("select died_on from household_member where id_number = ?").param(grandmother)
                .query(LocalDate.class).list()).containsOnly(died);
        assertThat(households.findForCase(dibaoCase.id()).orElseThrow().members()).hasSize(2);

        // a second member dies: the payment already in a recovery is not recovered again
        String child = households.findForCase(dibaoCase.id()).orElseThrow().members().get(1).idNumber().value();
        DeathRecord second = confirmDeath(child, died);
        assertThat(recoveries.ofCase(dibaoCase.id())).hasSize(1);
        assertThat(deaths.overpayments(second.id())).isEmpty();
        assertThat(jdbc.sql("select count(*) from death_overpayment where payment_id = ?").param(dibaoPayment)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(second.effects()).contains("已有正在办理的复核");
    }

    @Test
    void aDeathEndsTheYoufuAllowanceOfADisabledSoldier() {
        String soldier = FuneralPeople.resident(households, "岳退伍", LocalDate.of(1950, 8, 1));
        long householdId = jdbc.sql("select household_id from household_member where id_number = ?").param(soldier)
                .query(Long.class).single();
        YoufuRecipient recipient = youfu.insert(new YoufuRepository.NewRecipient(householdId, "yuecun", soldier, "岳退伍",
                new YoufuRules.Evidence(YoufuCategory.DISABLED_SOLDIER, "冀军残字第765432号", 6, DisabilityCause.DUTY,
                        LocalDate.of(1980, 5, 1), null, null, null, null)), null, CLERK);
        youfu.activate(recipient.id(), YearMonth.now().toString(), new BigDecimal("2100.00"), "{}", "youfu");
        long enrolment = enrolments.forProgramCase(Program.YOUFU, recipient.id()).orElseThrow().id();

        LocalDate died = EngineClock.today().withDayOfMonth(1);
        DeathRecord death = confirmDeath(soldier, died);

        assertThat(youfu.find(recipient.id()).orElseThrow().status()).isEqualTo(YoufuStatus.ENDED);
        Enrolment ended = enrolments.find(enrolment).orElseThrow();
        assertThat(ended.status()).isEqualTo(EnrolmentStatus.ENDED);
        assertThat(ended.endMonth()).isEqualTo(YearMonth.from(died).toString());
        assertThat(death.effects()).contains("优抚对象定期抚恤补助：自" + YearMonth.from(died) + "月末终止发放（一次性抚恤金另行办理）");
        assertThat(youfu.payable(YearMonth.from(died).plusMonths(1).toString()))
                .extracting(YoufuRecipient::id).doesNotContain(recipient.id());
    }

    @Test
    void aDeathEndsTekunSupportAndAOnePersonDibaoHouseholdIsCancelledWithItsOverpaymentRecovered() {
        // 特困供养: an old man living alone
        String old = FuneralPeople.resident(households, "岳五保", LocalDate.of(1944, 4, 4));
        long householdId = jdbc.sql("select household_id from household_member where id_number = ?").param(old)
                .query(Long.class).single();
        TekunCase tekun = tekunCases.insert(new TekunCaseRepository.NewCase(householdId, "yuecun", old, "岳五保",
                QualifyingCondition.ELDERLY, SupporterSituation.NONE, null, true,
                new TekunEligibility.CareArrangement(CareMode.CENTRALISED, "岳村乡敬老院", null, null)), null, "clerk.yuecun");
        tekunCases.activate(tekun.id(), YearMonth.now().toString(), "approver");
        long tekunEnrolment = enrolments.forProgramCase(Program.TEKUN, tekun.id()).orElseThrow().id();

        // 低保: a one-person household, paid for a month after the death
        DibaoCase alone = walker.approved(CLERK, REVIEWER, "approver", TestApplications.yuecunHousehold(1, "300"));
        Enrolment dibao = enrolments.forProgramCase(Program.DIBAO, alone.id()).orElseThrow();
        String head = households.findForCase(alone.id()).orElseThrow().head().idNumber().value();
        YearMonth later = FreshPeriods.month();
        long payment = paidAndIssued(Program.DIBAO, later, dibao.id());

        LocalDate died = EngineClock.today().withDayOfMonth(1);
        DeathRecord tekunDeath = confirmDeath(old, died);
        assertThat(tekunCases.find(tekun.id()).orElseThrow().status()).isEqualTo(TekunStatus.ENDED);
        Enrolment endedTekun = enrolments.find(tekunEnrolment).orElseThrow();
        assertThat(endedTekun.status()).isEqualTo(EnrolmentStatus.ENDED);
        assertThat(endedTekun.endMonth()).isEqualTo(YearMonth.from(died).toString());
        assertThat(tekunDeath.effects()).contains("特困人员救助供养：自" + YearMonth.from(died) + "月末终止供养；已核算丧葬补助");

        // 丧葬补助: the clerk confirms the nephew who arranged the funeral; the next payroll pays him once
        String nephew = FuneralPeople.resident(households, "岳侄儿", LocalDate.of(1970, 7, 7));
        FuneralAllowance allowance = funeralAllowances.ofCase(tekun.id()).orElseThrow();
        // never assessed: the table's 基本生活标准 of 岳村乡 (rural) 680 × 6 months (died in 2026 or later)
        assertThat(allowance.amount()).isEqualByComparingTo(Money.of(new BigDecimal("680").multiply(
                BigDecimal.valueOf(died.getYear() >= 2026 ? 6 : 5))));
        walker.as(CLERK, () -> {
            Task confirm = engine.getTaskService().createTaskQuery().processDefinitionKey(FuneralAllowanceProcess.KEY)
                    .processInstanceBusinessKey(tekun.caseNumber()).singleResult();
            engine.getTaskService().complete(confirm.getId(), Map.of("payeeIdNumber", nephew, "payeeRelation", "RELATIVE",
                    "payeeNote", "侄子操办丧事"));
            return null;
        });
        long grant = funeralAllowances.get(allowance.id()).enrolmentId();
        YearMonth paidIn = FreshPeriods.month();
        long funeralPayroll = payrolls.insert(Program.TEKUN_FUNERAL, paidIn);
        computation.compute(funeralPayroll);
        assertThat(jdbc.sql("select payee_name, amount from payment where one_off_enrolment_id = ?").param(grant)
                .query((rs, n) -> rs.getString(1) + " " + rs.getBigDecimal(2).toPlainString()).list())
                .containsExactly("岳侄儿 " + allowance.amount().toPlainString());
        long nextFuneralPayroll = payrolls.insert(Program.TEKUN_FUNERAL, paidIn.plusMonths(1));
        computation.compute(nextFuneralPayroll);
        assertThat(jdbc.sql("select count(*) from payment where enrolment_id = ?").param(grant).query(Long.class).single())
                .as("paid once, never again").isEqualTo(1);

        DeathRecord dibaoDeath = confirmDeath(head, died);
        assertThat(cases.find(alone.id()).orElseThrow().status()).isEqualTo(CaseStatus.CANCELLED);
        Enrolment ended = enrolments.find(dibao.id()).orElseThrow();
        assertThat(ended.status()).isEqualTo(EnrolmentStatus.ENDED);
        assertThat(ended.endMonth()).isEqualTo(YearMonth.from(died).toString());
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(ReviewProcess.KEY)
                .processInstanceBusinessKey(alone.caseNumber()).count()).as("no review of a cancelled case").isZero();
        assertThat(recoveries.ofCase(alone.id())).singleElement().satisfies(r -> {
            assertThat(r.entitledAmount()).isEqualByComparingTo("0");
            assertThat(r.totalAmount()).isEqualByComparingTo(alone.monthlyAmount());
        });
        assertThat(deaths.overpayments(dibaoDeath.id())).extracting(DeathRegistrationRepository.Overpayment::paymentId)
                .containsExactly(payment);
        assertThat(dibaoDeath.effects()).contains("家庭无其他成员，自" + YearMonth.from(died) + "月末停保", "已发起多发追回");

        // the next payroll pays neither of them
        YearMonth next = later.plusMonths(1);
        long dibaoPayroll = payrolls.insert(Program.DIBAO, next);
        computation.compute(dibaoPayroll);
        assertThat(jdbc.sql("select count(*) from payment where enrolment_id in (?, ?)").params(dibao.id(), tekunEnrolment)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void whenTheHeadOfADibaoHouseholdDiesTheReviewMakesALivingMemberTheHeadAndPayee() {
        DibaoCase dibaoCase = walker.approved(CLERK, REVIEWER, "approver", TestApplications.yuecunHousehold(2, "300"));
        Enrolment dibao = enrolments.forProgramCase(Program.DIBAO, dibaoCase.id()).orElseThrow();
        var members = households.findForCase(dibaoCase.id()).orElseThrow().members();
        String head = households.findForCase(dibaoCase.id()).orElseThrow().head().idNumber().value();
        var survivor = members.stream().filter(m -> !m.idNumber().value().equals(head)).findFirst().orElseThrow();

        confirmDeath(head, EngineClock.today().withDayOfMonth(1));

        Task survey = engine.getTaskService().createTaskQuery().processDefinitionKey(ReviewProcess.KEY)
                .processInstanceBusinessKey(dibaoCase.caseNumber()).singleResult();
        assertThat(survey.getTaskDefinitionKey()).isEqualTo("Task_ResurveyHousehold");
        assertThat(engine.getTaskService().getVariableLocal(survey.getId(), "headDeceased")).isEqualTo(true);
        assertThat(engine.getTaskService().getVariableLocal(survey.getId(), "newHeadOptions").toString())
                .contains(survivor.idNumber().value()).doesNotContain(head);
        Map<String, Object> form = new java.util.HashMap<>(Map.of("assetsFinding", "无新增财产", "incomeFinding", "见说明",
                "employmentFinding", "见说明", "utilitiesMonthlyVerified", 100, "hiddenIncomeMonthly", 0,
                "homeVisitDone", true, "surveyConclusion", "户主已故，其余成员情况未变"));
        assertThatThrownBy(() -> resurvey(survey, form)).satisfies(violation("已故，请选择新户主"));
        form.put("newHeadIdNumber", head);
        assertThatThrownBy(() -> resurvey(survey, form)).satisfies(violation("新户主须为该户在世的家庭成员"));
        assertThat(jdbc.sql("select count(*) from household_member where household_id = ? and relation = 'HEAD' and id_number = ?")
                .params(dibaoCase.householdId(), head).query(Long.class).single()).as("nothing written").isEqualTo(1);

        form.put("newHeadIdNumber", survivor.idNumber().value());
        resurvey(survey, form);
        assertThat(jdbc.sql("select id_number from household_member where household_id = ? and relation = 'HEAD'")
                .param(dibaoCase.householdId()).query(String.class).list()).containsExactly(survivor.idNumber().value());

        // the next payroll pays the household once, to the new head
        YearMonth month = FreshPeriods.month();
        long payment = paidAndIssued(Program.DIBAO, month, dibao.id());
        assertThat(jdbc.sql("select payee_name from payment where id = ?").param(payment).query(String.class).single())
                .isEqualTo(survivor.name());
    }

    private void resurvey(Task survey, Map<String, Object> form) {
        walker.as(CLERK, () -> {
            engine.getTaskService().complete(survey.getId(), form);
            return null;
        });
    }

    private DeathRecord confirmDeath(String idNumber, LocalDate died) {
        Map<String, Object> form = DeathRegistrationProcessTest.form(idNumber, died);
        String definition = engine.getRepositoryService().createProcessDefinitionQuery()
                .processDefinitionKey(DeathRegistrationProcess.KEY).latestVersion().singleResult().getId();
        ProcessInstance instance = walker.as(CLERK, () -> engine.getFormService().submitStartForm(definition, form));
        walker.as(REVIEWER, () -> {
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
            engine.getTaskService().complete(task.getId(), Map.of("reviewDecision", DeathRegistrationProcess.CONFIRM));
            return null;
        });
        return deaths.recordedFor(idNumber).orElseThrow();
    }

    private Enrolment enrolInGaoling(String idNumber) {
        String month = YearMonth.now().toString();
        var resident = gaoling.residentsBornBy(LocalDate.of(1942, 2, 3)).stream().filter(r -> r.idNumber().equals(idNumber))
                .findFirst().orElseThrow();
        String instance = "funeral-test-" + idNumber;
        gaoling.insertProposal(month, resident, allowance.require(idNumber, YearMonth.now()), instance);
        return gaoling.enrol(gaoling.proposals(instance, "yuecun").get(0), CLERK);
    }

    /** The program's payroll of the month computed, approved and sent to the bank; returns the enrolment's payment. */
    private long paidAndIssued(String program, YearMonth month, long enrolmentId) {
        long payrollId = payrolls.findByMonth(program, month).map(p -> p.id()).orElseGet(() -> {
            long id = payrolls.insert(program, month);
            computation.compute(id);
            payrolls.transition(id, PayrollStatus.CHECKING, PayrollStatus.AWAITING_APPROVAL);
            payrolls.transition(id, PayrollStatus.AWAITING_APPROVAL, PayrollStatus.APPROVED);
            issue.issue(id);
            return id;
        });
        return jdbc.sql("select id from payment where payroll_id = ? and enrolment_id = ? and status = 'ISSUED'")
                .params(payrollId, enrolmentId).query(Long.class).single();
    }
}
