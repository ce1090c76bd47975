package cn.minzheng.bureau.youfu;

import static cn.minzheng.bureau.support.RuleViolations.violation;
import static cn.minzheng.bureau.youfu.YoufuChangeProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.payroll.PayrollComputation;
import cn.minzheng.bureau.payroll.PayrollRepository;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.support.ProcessTest;
import cn.minzheng.bureau.support.UserTasks;

/**
 * Every path of youfu-change.bpmn: a grade change approved and paid from the month after the approval (the month
 * before still at the old grade), a category change, a move out of the district ending the payments with the month
 * of moving; refusals by the township and the district; bad input with nothing written; four-eyes.
 *
 * <p>YOUFU payrolls share the test database with the other 优抚 tests: this class uses the current month and the
 * months three to five ahead (YoufuBrowserTest next month, YoufuProcessTest the month after, YoufuChangeBrowserTest
 * six months ahead).
 */
@ProcessTest
class YoufuChangeProcessTest {

    private static final String CLERK = "clerk.yuecun";
    private static final String REVIEWER = "reviewer.yuecun";
    private static final String SECTION = "youfu";
    private static final YearMonth NOW = YearMonth.now();

    @Autowired
    UserTasks userTasks;
    @Autowired
    ProcessEngine engine;
    @Autowired
    YoufuRepository recipients;
    @Autowired
    YoufuChangeRepository changes;
    @Autowired
    EnrolmentRepository enrolments;
    @Autowired
    HouseholdRepository households;
    @Autowired
    HouseholdValidator validator;
    @Autowired
    PayrollRepository payrolls;
    @Autowired
    PayrollComputation computation;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    /**
     * 因战六级 → 因战四级, approved this month: this month's payroll pays the old grade, the payroll of a month from the
     * next one on the new; and a move out in the last month, recorded after this month was paid, ends the payments
     * with last month and names this month's payment as overpaid.
     */
    @Test
    void aGradeChangePaysTheNewGradeFromTheNextMonthAndAMoveOutEndsThePayments() {
        YoufuRecipient soldier = activeSoldier("钟卫东", 6, "1990-04-01", "3642.50");
        YoufuRecipient mover = activeSoldier("韩铁林", 8, "1992-05-01", "1594.17");
        long soldierEnrolment = enrolment(soldier).id();
        long moverEnrolment = enrolment(mover).id();

        ProcessInstance instance = userTasks.start(CLERK, KEY, gradeChange(soldier.personIdNumber(), 4, "WAR"));
        YoufuChange applied = changeOf(instance);
        assertThat(applied.status()).isEqualTo(YoufuChangeStatus.APPLIED);
        assertThat(applied.oldDisabilityGrade()).isEqualTo(6);
        assertThat(applied.newDisabilityGrade()).isEqualTo(4);
        assertThat(applied.newCategory()).isEqualTo(YoufuCategory.DISABLED_SOLDIER);
        assertThat(instance).isWaitingAt(TASK_REVIEW_BY_TOWNSHIP).task().hasCandidateGroup("reviewer-yuecun");
        assertThat(instance).hasBusinessKey(applied.changeNumber());
        assertThat(variable(instance, "changeSummary"))
                .isEqualTo("伤残等级调整：残疾军人因战四级（" + LocalDate.now().minusDays(3) + "评定）；残疾军人证豫军残字第031588号；理由：旧伤复发，经重新评定为四级");
        // 因战六级 (rows >= 2026): 43710 / 12 = 3642.50 now; 因战四级 68290 / 12 = 5690.83 from next month
        assertThat(variable(instance, "amountSummary")).isEqualTo("现每月3642.50元；批准后自" + NOW.plusMonths(1) + "起按"
                + NOW.plusMonths(1).getYear() + "年残疾军人因战四级标准68290.00元/年，每月5690.83元");
        // one open change at a time
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, gradeChange(soldier.personIdNumber(), 3, "WAR")))
                .satisfies(violation("钟卫东已有正在办理的变更（" + applied.changeNumber() + "，伤残等级调整），不能重复申请"));
        // four-eyes: the clerk who applied is not offered the review (and the task refuses her as initiator)
        assertThatThrownBy(() -> userTasks.complete(CLERK, instance, TASK_REVIEW_BY_TOWNSHIP, Map.of("townshipDecision", "APPROVE")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("Expected size: 1 but was: 0");
        userTasks.complete(REVIEWER, instance, TASK_REVIEW_BY_TOWNSHIP, Map.of("townshipDecision", "APPROVE"));
        assertThat(instance).isWaitingAt(TASK_APPROVE_BY_DISTRICT).task().hasCandidateGroup("youfu-section");
        assertThatThrownBy(() -> userTasks.complete(SECTION, instance, TASK_APPROVE_BY_DISTRICT, Map.of()))
                .satisfies(violation("请选择审批意见"));
        userTasks.complete(SECTION, instance, TASK_APPROVE_BY_DISTRICT, Map.of("districtDecision", "APPROVE"));

        assertThat(instance).isEnded().hasPassed(TASK_APPLY, "EndEvent_Changed");
        YoufuRecipient changed = recipients.find(soldier.id()).orElseThrow();
        assertThat(changed.disabilityGrade()).isEqualTo(4);
        assertThat(changed.assessedDate()).isEqualTo(LocalDate.now().minusDays(3));
        assertThat(changed.monthlyAmount()).isEqualByComparingTo("5690.83");
        assertThat(enrolments.find(soldierEnrolment).orElseThrow().amount()).isEqualByComparingTo("5690.83");
        YoufuChange approved = changes.find(applied.id()).orElseThrow();
        assertThat(approved.status()).isEqualTo(YoufuChangeStatus.APPROVED);
        assertThat(approved.effectiveMonth()).isEqualTo(NOW.plusMonths(1).toString());
        assertThat(approved.oldAmount()).isEqualByComparingTo("3642.50");
        assertThat(approved.newAmount()).isEqualByComparingTo("5690.83");
        assertThat(approved.decidedBy()).isEqualTo(SECTION);
        assertThat(auditActions(soldier.id())).containsSubsequence("CHANGE_TOWNSHIP_REVIEW", "CHANGE_DISTRICT_DECISION",
                "EVIDENCE_CHANGED");

        // this month is still paid at the old grade, both of them
        computation.compute(payrolls.insert(Program.YOUFU, NOW));
        assertThat(payments(soldierEnrolment)).containsExactly(NOW + " 3642.50");
        // 因战八级: 19130 / 12 = 1594.17
        assertThat(payments(moverEnrolment)).containsExactly(NOW + " 1594.17");

        // he moved last month: the registration ends, the enrolment ends with last month, this month's payment is overpaid
        ProcessInstance move = userTasks.start(CLERK, KEY, moveOut(mover.personIdNumber(), NOW.minusMonths(1).atDay(20)));
        assertThat(variable(move, "amountSummary")).isEqualTo("现每月1594.17元；批准后自" + NOW.minusMonths(1) + "月末终止发放");
        userTasks.complete(REVIEWER, move, TASK_REVIEW_BY_TOWNSHIP, Map.of("townshipDecision", "APPROVE"));
        userTasks.complete(SECTION, move, TASK_APPROVE_BY_DISTRICT, Map.of("districtDecision", "APPROVE", "districtComment", "抚恤关系已转出"));
        assertThat(move).isEnded().hasPassed(TASK_APPLY);
        YoufuRecipient ended = recipients.find(mover.id()).orElseThrow();
        assertThat(ended.status()).isEqualTo(YoufuStatus.ENDED);
        assertThat(ended.closingReason()).isEqualTo(NOW.minusMonths(1).atDay(20) + "迁出本区（迁往山东省济南市历下区），自"
                + NOW.minusMonths(1) + "月末终止发放");
        Enrolment moverEnded = enrolments.find(moverEnrolment).orElseThrow();
        assertThat(moverEnded.status()).isEqualTo(EnrolmentStatus.ENDED);
        assertThat(moverEnded.endMonth()).isEqualTo(NOW.minusMonths(1).toString());
        assertThat(changeOf(move).outcome()).endsWith("；迁出后月份已发放" + NOW + "（1594.17元），列为多发款，由乡镇（街道）责令退回");
        // the person is free again: a new registration (if he moves back) is possible, a change is not
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, gradeChange(mover.personIdNumber(), 7, "WAR")))
                .satisfies(violation("不在优抚对象名册中（或登记已终止）"));

        // a later payroll pays the new grade to one, nothing to the other
        YearMonth later = NOW.plusMonths(3);
        computation.compute(payrolls.insert(Program.YOUFU, later));
        assertThat(payments(soldierEnrolment)).containsExactly(NOW + " 3642.50", later + " 5690.83");
        assertThat(payments(moverEnrolment)).containsExactly(NOW + " 1594.17");
        // the dated history of his registration
        assertThat(changes.ofRecipient(soldier.id())).extracting(YoufuChange::kind, YoufuChange::status, YoufuChange::effectiveMonth)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(YoufuChangeKind.GRADE, YoufuChangeStatus.APPROVED,
                        NOW.plusMonths(1).toString()));
    }

    @Test
    void aCategoryChangeRefusedByTheTownshipLeavesTheRegisterAsItWas() {
        YoufuRecipient veteran = activeSoldier("唐振海", 9, "1995-03-01", "1251.67");
        Map<String, Object> form = new HashMap<>();
        form.put("idNumber", veteran.personIdNumber());
        form.put("changeKind", "CATEGORY");
        form.put("category", "ILL_DISCHARGED_VETERAN");
        form.put("certificateNumber", "豫退字第120034号");
        form.put("enlistmentDate", "1970-03-01");
        form.put("dischargeDate", "1975-03-01");
        form.put("changeReason", "伤残等级评定撤销，按带病回乡退伍军人享受");
        ProcessInstance instance = userTasks.start(CLERK, KEY, form);
        assertThat(variable(instance, "changeSummary")).startsWith("优抚对象类别变更：带病回乡退伍军人；退伍军人证豫退字第120034号");
        assertThatThrownBy(() -> userTasks.complete(REVIEWER, instance, TASK_REVIEW_BY_TOWNSHIP, Map.of("townshipDecision", "REJECT")))
                .satisfies(violation("不同意的理由不能为空"));
        userTasks.complete(REVIEWER, instance, TASK_REVIEW_BY_TOWNSHIP,
                Map.of("townshipDecision", "REJECT", "townshipComment", "无部队医院带病回乡证明"));
        assertThat(instance).isEnded().hasPassed("Gateway_Refused", TASK_REFUSE, "EndEvent_Refused")
                .hasNotPassed(TASK_APPROVE_BY_DISTRICT);
        YoufuChange refused = changeOf(instance);
        assertThat(refused.status()).isEqualTo(YoufuChangeStatus.REFUSED);
        assertThat(refused.outcome()).isEqualTo("无部队医院带病回乡证明");
        YoufuRecipient unchanged = recipients.find(veteran.id()).orElseThrow();
        assertThat(unchanged.category()).isEqualTo(YoufuCategory.DISABLED_SOLDIER);
        assertThat(unchanged.disabilityGrade()).isEqualTo(9);

        // a second application after the refusal; the district refuses it with its reason
        ProcessInstance again = userTasks.start(CLERK, KEY, form);
        userTasks.complete(REVIEWER, again, TASK_REVIEW_BY_TOWNSHIP, Map.of("townshipDecision", "APPROVE"));
        assertThatThrownBy(() -> userTasks.complete(SECTION, again, TASK_APPROVE_BY_DISTRICT, Map.of("districtDecision", "REJECT")))
                .satisfies(violation("不予批准的理由不能为空"));
        userTasks.complete(SECTION, again, TASK_APPROVE_BY_DISTRICT, Map.of("districtDecision", "REJECT", "districtComment", "证明材料不足"));
        assertThat(again).isEnded().hasPassed(TASK_REFUSE);
        assertThat(changeOf(again).outcome()).isEqualTo("证明材料不足");
        assertThat(recipients.find(veteran.id()).orElseThrow().category()).isEqualTo(YoufuCategory.DISABLED_SOLDIER);

        // approved at last: the category changes, the grade goes; 带病回乡退伍军人: 11100 / 12 = 925.00
        ProcessInstance third = userTasks.start(CLERK, KEY, form);
        userTasks.complete(REVIEWER, third, TASK_REVIEW_BY_TOWNSHIP, Map.of("townshipDecision", "APPROVE"));
        userTasks.complete(SECTION, third, TASK_APPROVE_BY_DISTRICT, Map.of("districtDecision", "APPROVE"));
        YoufuRecipient changed = recipients.find(veteran.id()).orElseThrow();
        assertThat(changed.category()).isEqualTo(YoufuCategory.ILL_DISCHARGED_VETERAN);
        assertThat(changed.disabilityGrade()).isNull();
        assertThat(changed.enlistmentDate()).hasToString("1970-03-01");
        assertThat(changes.ofRecipient(veteran.id())).extracting(YoufuChange::status)
                .containsExactly(YoufuChangeStatus.REFUSED, YoufuChangeStatus.REFUSED, YoufuChangeStatus.APPROVED);
        YearMonth later = NOW.plusMonths(4);
        computation.compute(payrolls.insert(Program.YOUFU, later));
        assertThat(payments(enrolment(veteran).id())).containsExactly(later + " 925.00");
    }

    @Test
    void badInputIsRefusedInChineseAndNothingIsWritten() {
        YoufuRecipient soldier = activeSoldier("林保国", 5, "1988-01-01", "4553.33");
        String id = soldier.personIdNumber();
        String notOnRegister = YoufuPeople.register(households, validator, "yuecun", "yuecun-yuecun", "马不在", 70);
        long changesBefore = count("youfu_change");
        long auditBefore = count("audit_event");
        Map<String, Map<String, Object>> forms = new HashMap<>();
        Map<String, String> refusals = Map.of(
                "grade", "伤残等级须为1至10级，填写的是11",
                "certificate", "残疾军人证编号“豫军残字第3158号”格式不对",
                "same", "新评定的伤残等级与现登记相同（因战五级），无需调整",
                "noReason", "变更理由不能为空",
                "future", "迁出日期" + LocalDate.now().plusDays(5) + "不能晚于今天",
                "noDestination", "迁往地（省市县）不能为空",
                "notOnRegister", "不在优抚对象名册中");
        forms.put("grade", gradeChange(id, 11, "WAR"));
        Map<String, Object> certificate = gradeChange(id, 3, "WAR");
        certificate.put("certificateNumber", "豫军残字第3158号");
        forms.put("certificate", certificate);
        forms.put("same", gradeChange(id, 5, "WAR"));
        Map<String, Object> noReason = gradeChange(id, 3, "WAR");
        noReason.remove("changeReason");
        forms.put("noReason", noReason);
        forms.put("future", moveOut(id, LocalDate.now().plusDays(5)));
        Map<String, Object> noDestination = moveOut(id, LocalDate.now());
        noDestination.remove("destination");
        forms.put("noDestination", noDestination);
        forms.put("notOnRegister", gradeChange(notOnRegister, 3, "WAR"));
        refusals.forEach((name, message) -> assertThatThrownBy(() -> userTasks.start(CLERK, KEY, forms.get(name)))
                .as(name).satisfies(violation(message)));
        assertThatThrownBy(() -> userTasks.start("clerk.renqiu", KEY, gradeChange(id, 3, "WAR")))
                .satisfies(violation("您只能办理本乡镇（街道）优抚对象的变更"));
        assertThat(count("youfu_change")).isEqualTo(changesBefore);
        assertThat(count("audit_event")).isEqualTo(auditBefore);
        assertThat(recipients.find(soldier.id()).orElseThrow().disabilityGrade()).isEqualTo(5);
    }

    /** A registration that ended while the change was decided (a death) is not changed: the change closes unapproved. */
    @Test
    void aChangeOfARegistrationEndedMeanwhileDoesNotTakeEffect() {
        YoufuRecipient soldier = activeSoldier("黄德明", 7, "1991-01-01", "2731.67");
        ProcessInstance instance = userTasks.start(CLERK, KEY, gradeChange(soldier.personIdNumber(), 5, "WAR"));
        userTasks.complete(REVIEWER, instance, TASK_REVIEW_BY_TOWNSHIP, Map.of("townshipDecision", "APPROVE"));
        recipients.close(soldier.id(), YoufuStatus.ENDED, "死亡，终止发放", "clerk.yuecun");
        userTasks.complete(SECTION, instance, TASK_APPROVE_BY_DISTRICT, Map.of("districtDecision", "APPROVE"));
        YoufuChange c = changeOf(instance);
        assertThat(c.status()).isEqualTo(YoufuChangeStatus.REFUSED);
        assertThat(c.outcome()).contains("已已终止（死亡，终止发放），变更未生效".substring(1));
        assertThat(recipients.find(soldier.id()).orElseThrow().disabilityGrade()).isEqualTo(7);
    }

    private YoufuRecipient activeSoldier(String name, int grade, String assessed, String amount) {
        String id = YoufuPeople.register(households, validator, "yuecun", "yuecun-yuecun", name, 60);
        long household = jdbc.sql("select household_id from household_member where id_number = ?").param(id)
                .query(Long.class).single();
        YoufuRecipient r = recipients.insert(new YoufuRepository.NewRecipient(household, "yuecun", id, name,
                new YoufuRules.Evidence(YoufuCategory.DISABLED_SOLDIER, "豫军残字第0" + (31000 + grade) + "号", grade,
                        DisabilityCause.WAR, LocalDate.parse(assessed), null, null, null, null)), null, CLERK);
        // on the register since November 2025 (the amount follows each payroll's year)
        return recipients.activate(r.id(), "2025-11", new BigDecimal(amount), "{}", SECTION);
    }

    static Map<String, Object> gradeChange(String idNumber, Object grade, String cause) {
        Map<String, Object> v = new HashMap<>();
        v.put("idNumber", idNumber);
        v.put("changeKind", "GRADE");
        v.put("certificateNumber", "豫军残字第031588号");
        v.put("disabilityGrade", grade);
        v.put("disabilityCause", cause);
        v.put("assessedDate", LocalDate.now().minusDays(3).toString());
        v.put("changeReason", "旧伤复发，经重新评定为四级");
        return v;
    }

    static Map<String, Object> moveOut(String idNumber, LocalDate movedOn) {
        Map<String, Object> v = new HashMap<>();
        v.put("idNumber", idNumber);
        v.put("changeKind", "MOVE_OUT");
        v.put("movedOn", movedOn.toString());
        v.put("destination", "山东省济南市历下区");
        v.put("changeReason", "随子女迁往外省，户籍已迁出");
        return v;
    }

    private String variable(ProcessInstance instance, String name) {
        return (String) engine.getRuntimeService().getVariable(instance.getId(), name);
    }

    private YoufuChange changeOf(ProcessInstance instance) {
        return changes.findByProcessInstance(instance.getId()).orElseThrow();
    }

    private Enrolment enrolment(YoufuRecipient r) {
        return enrolments.forProgramCase(Program.YOUFU, r.id()).orElseThrow();
    }

    private List<String> payments(long enrolmentId) {
        return jdbc.sql("select benefit_month, amount from payment where enrolment_id = ? order by benefit_month")
                .param(enrolmentId).query((rs, n) -> rs.getString(1) + " " + rs.getBigDecimal(2)).list();
    }

    private List<String> auditActions(long id) {
        return jdbc.sql("select action from audit_event where entity_type = 'YOUFU_RECIPIENT' and entity_id = ? order by id")
                .param(id).query(String.class).list();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
