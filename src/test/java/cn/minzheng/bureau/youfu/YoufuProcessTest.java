package cn.minzheng.bureau.youfu;

import static cn.minzheng.bureau.support.RuleViolations.violation;
import static cn.minzheng.bureau.youfu.YoufuProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
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

import cn.minzheng.bureau.common.RuleViolation;
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
 * Every path of youfu-recognition.bpmn: recognised and paid by the next payroll, refused by the township, refused
 * by the district; the bad input of every step with nothing written; a person already on the register; and the
 * payroll paying each year's standard.
 */
@ProcessTest
class YoufuProcessTest {

    private static final String CLERK = "clerk.yuecun";
    private static final String REVIEWER = "reviewer.yuecun";
    private static final String SECTION = "youfu";

    @Autowired
    UserTasks userTasks;
    @Autowired
    ProcessEngine engine;
    @Autowired
    YoufuRepository recipients;
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

    @Test
    void aDisabledSoldierIsRecognisedAndTheNextPayrollPaysHisGradesAmount() {
        String id = person("李卫国", 62);
        ProcessInstance instance = userTasks.start(CLERK, KEY, YoufuPeople.disabledSoldier(id, 5L, "WAR"));
        YoufuRecipient registered = recipientOf(instance);
        assertThat(registered.category()).isEqualTo(YoufuCategory.DISABLED_SOLDIER);
        assertThat(registered.disabilityGrade()).isEqualTo(5);
        assertThat(registered.disabilityCause()).isEqualTo(DisabilityCause.WAR);
        assertThat(registered.certificateNumber()).isEqualTo("豫军残字第031588号");
        assertThat(registered.status()).isEqualTo(YoufuStatus.APPLIED);
        assertThat(enrolment(registered).status()).isEqualTo(EnrolmentStatus.APPLIED);
        assertThat(instance).isWaitingAt(TASK_REVIEW_BY_TOWNSHIP).task().hasCandidateGroup("reviewer-yuecun");
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "caseSummary"))
                .isEqualTo("李卫国，残疾军人（因战五级，1985-06-20评定）；残疾军人证豫军残字第031588号");
        // next month's year is 2027 (after 2026): the newest rows (>= 2026) give 54640 a year, 54640 / 12 = 4553.33
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "amountSummary"))
                .isEqualTo(YearMonth.now().plusMonths(1).getYear() + "年标准54640.00元/年，每月4553.33元");

        assertThatThrownBy(() -> userTasks.complete(REVIEWER, instance, TASK_REVIEW_BY_TOWNSHIP, Map.of("townshipDecision", "MAYBE")))
                .satisfies(violation("请选择审核意见"));
        userTasks.complete(REVIEWER, instance, TASK_REVIEW_BY_TOWNSHIP, Map.of("townshipDecision", APPROVE));
        assertThat(instance).isWaitingAt(TASK_APPROVE_BY_DISTRICT).task().hasCandidateGroup("youfu-section");
        assertThatThrownBy(() -> userTasks.complete(SECTION, instance, TASK_APPROVE_BY_DISTRICT, Map.of()))
                .satisfies(violation("请选择审批意见"));
        userTasks.complete(SECTION, instance, TASK_APPROVE_BY_DISTRICT, Map.of("districtDecision", APPROVE, "districtComment", "证件齐全"));

        assertThat(instance).isEnded().hasPassed(TASK_ENROL, "EndEvent_Enrolled");
        YoufuRecipient active = recipients.find(registered.id()).orElseThrow();
        YearMonth start = YearMonth.now().plusMonths(1);
        assertThat(active.status()).isEqualTo(YoufuStatus.ACTIVE);
        assertThat(active.startMonth()).isEqualTo(start.toString());
        assertThat(active.monthlyAmount()).isEqualByComparingTo("4553.33");
        Enrolment enrolment = enrolment(active);
        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.ACTIVE);
        assertThat(enrolment.personIdNumber()).isEqualTo(id);
        assertThat(enrolment.amount()).isEqualByComparingTo("4553.33");
        assertThat(enrolment.startMonth()).isEqualTo(start.toString());
        assertThat(enrolment.calculationSnapshot()).contains("\"annualStandard\":54640").contains("\"disabilityGrade\":5");
        assertThat(auditActions(active.id())).containsExactly("CREATED", "TOWNSHIP_REVIEW", "DISTRICT_DECISION", "ACTIVATED");

        // a YOUFU payroll pays the grade's amount to him, once (the browser test runs the payroll of the start month;
        // this one runs the month after, as the two share the test database)
        long payroll = payrolls.insert(Program.YOUFU, start.plusMonths(1));
        computation.compute(payroll);
        computation.compute(payroll);
        assertThat(payments(enrolment.id())).containsExactly(start.plusMonths(1) + " 4553.33 李卫国");
    }

    @Test
    void theTownshipRefusesWithAReasonAndThePersonMayBeRegisteredAgain() {
        String id = person("赵秀兰", 70);
        ProcessInstance instance = userTasks.start(CLERK, KEY, YoufuPeople.martyrSurvivor(id));
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "caseSummary"))
                .isEqualTo("赵秀兰，烈士遗属；烈士证明书豫烈字第000417号；王建军，1979-02-17牺牲（病故）");
        assertThatThrownBy(() -> userTasks.complete(REVIEWER, instance, TASK_REVIEW_BY_TOWNSHIP, Map.of("townshipDecision", REJECT)))
                .satisfies(violation("不同意的理由不能为空"));
        userTasks.complete(REVIEWER, instance, TASK_REVIEW_BY_TOWNSHIP,
                Map.of("townshipDecision", REJECT, "townshipComment", "烈士证明书与烈士英名录不符"));
        assertThat(instance).isEnded().hasPassed("Gateway_Refused", TASK_REFUSE, "EndEvent_Refused")
                .hasNotPassed(TASK_APPROVE_BY_DISTRICT);
        YoufuRecipient refused = recipientOf(instance);
        assertThat(refused.status()).isEqualTo(YoufuStatus.REFUSED);
        assertThat(refused.closingReason()).isEqualTo("烈士证明书与烈士英名录不符");
        assertThat(enrolment(refused).status()).isEqualTo(EnrolmentStatus.REFUSED);
        // the refusal frees the person: a corrected registration may follow
        ProcessInstance again = userTasks.start(CLERK, KEY, YoufuPeople.martyrSurvivor(id));
        assertThat(again).isWaitingAt(TASK_REVIEW_BY_TOWNSHIP);
    }

    @Test
    void theDistrictRefusesWithItsReason() {
        String id = person("孙德胜", 80);
        Map<String, Object> veteran = new HashMap<>();
        veteran.put("idNumber", id);
        veteran.put("category", "ILL_DISCHARGED_VETERAN");
        veteran.put("certificateNumber", "豫退字第120033号");
        veteran.put("enlistmentDate", "1965-03-01");
        veteran.put("dischargeDate", "1969-03-01");
        ProcessInstance instance = userTasks.start(CLERK, KEY, veteran);
        userTasks.complete(REVIEWER, instance, TASK_REVIEW_BY_TOWNSHIP, Map.of("townshipDecision", APPROVE, "townshipComment", "属实"));
        assertThatThrownBy(() -> userTasks.complete(SECTION, instance, TASK_APPROVE_BY_DISTRICT, Map.of("districtDecision", REJECT)))
                .satisfies(violation("不予认定的理由不能为空"));
        userTasks.complete(SECTION, instance, TASK_APPROVE_BY_DISTRICT,
                Map.of("districtDecision", REJECT, "districtComment", "无部队医院带病回乡证明"));
        assertThat(instance).isEnded().hasPassed(TASK_REFUSE, "EndEvent_Refused");
        YoufuRecipient refused = recipientOf(instance);
        assertThat(refused.status()).isEqualTo(YoufuStatus.REFUSED);
        assertThat(refused.closingReason()).isEqualTo("无部队医院带病回乡证明");
        assertThat(refused.enlistmentDate()).hasToString("1965-03-01");
    }

    @Test
    void badInputIsRefusedInChineseAndNothingIsWritten() {
        String id = person("钱振华", 58);
        long recipientsBefore = count("youfu_recipient");
        long enrolmentsBefore = count("enrolment");
        long instancesBefore = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count();
        Map<String, String> refusals = Map.of(
                "certificate", "残疾军人证编号“豫军残031588”格式不对",
                "grade", "伤残等级须为1至10级，填写的是12",
                "gradeOnSurvivor", "烈士遗属没有伤残等级",
                "missingDate", "请填写评定伤残等级日期",
                "unknownPerson", "不在户籍家庭信息中");
        Map<String, Map<String, Object>> forms = new HashMap<>();
        Map<String, Object> certificate = YoufuPeople.disabledSoldier(id, 5L, "WAR");
        certificate.put("certificateNumber", "豫军残031588");
        forms.put("certificate", certificate);
        forms.put("grade", YoufuPeople.disabledSoldier(id, 12L, "WAR"));
        Map<String, Object> gradeOnSurvivor = YoufuPeople.martyrSurvivor(id);
        gradeOnSurvivor.put("disabilityGrade", 3L);
        forms.put("gradeOnSurvivor", gradeOnSurvivor);
        Map<String, Object> missingDate = YoufuPeople.disabledSoldier(id, 5L, "WAR");
        missingDate.remove("assessedDate");
        forms.put("missingDate", missingDate);
        forms.put("unknownPerson", YoufuPeople.disabledSoldier(YoufuPeople.idNumber(java.time.LocalDate.of(1961, 1, 1)), 5L, "WAR"));
        refusals.forEach((name, message) -> assertThatThrownBy(() -> userTasks.start(CLERK, KEY, forms.get(name)))
                .as(name).satisfies(violation(message)));
        assertThat(count("youfu_recipient")).isEqualTo(recipientsBefore);
        assertThat(count("enrolment")).isEqualTo(enrolmentsBefore);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count())
                .isEqualTo(instancesBefore);
        // a clerk of another township cannot register a person of 岳村乡
        assertThatThrownBy(() -> userTasks.start("clerk.renqiu", KEY, YoufuPeople.disabledSoldier(id, 5L, "WAR")))
                .satisfies(violation("您只能登记本乡镇（街道）的优抚对象"));
    }

    @Test
    void aPersonAlreadyOnTheRegisterIsNotRegisteredTwice() {
        String id = person("周建设", 66);
        ProcessInstance first = userTasks.start(CLERK, KEY, YoufuPeople.disabledSoldier(id, 8L, "DUTY"));
        long before = count("youfu_recipient");
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, YoufuPeople.martyrSurvivor(id)))
                .satisfies(violation("周建设（身份证号" + id + "）已在优抚对象名册中：残疾军人，认定办理中"))
                .satisfies(e -> assertThat(RuleViolation.in(e).orElseThrow().getHttpStatus()).isEqualTo(409));
        assertThat(count("youfu_recipient")).isEqualTo(before);
        userTasks.complete(REVIEWER, first, TASK_REVIEW_BY_TOWNSHIP, Map.of("townshipDecision", APPROVE));
        userTasks.complete(SECTION, first, TASK_APPROVE_BY_DISTRICT, Map.of("districtDecision", APPROVE));
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, YoufuPeople.disabledSoldier(id, 8L, "DUTY")))
                .satisfies(violation("已在优抚对象名册中：残疾军人，享受中"));
    }

    /** The payroll of a month pays that year's standard: December 2025 the 2025 table, January 2026 the 2026 one. */
    @Test
    void eachPayrollPaysTheStandardOfItsYear() {
        String id = person("吴长江", 64);
        YoufuRecipient r = recipients.insert(new YoufuRepository.NewRecipient(
                jdbc.sql("select household_id from household_member where id_number = ?").param(id).query(Long.class).single(),
                "yuecun", id, "吴长江", new YoufuRules.Evidence(YoufuCategory.DISABLED_SOLDIER, "豫军残字第000815号", 5,
                        DisabilityCause.WAR, java.time.LocalDate.of(1986, 1, 10), null, null, null, null)), null, CLERK);
        // registered before this release: on the register since November 2025 at the 2025 standard
        recipients.activate(r.id(), "2025-11", new BigDecimal("4378.33"), "{}", SECTION);
        long enrolmentId = enrolment(r).id();

        computation.compute(payrolls.insert(Program.YOUFU, YearMonth.of(2025, 12)));
        // 2025: 52540 / 12 = 4378.33
        assertThat(payments(enrolmentId)).containsExactly("2025-12 4378.33 吴长江");
        computation.compute(payrolls.insert(Program.YOUFU, YearMonth.of(2026, 1)));
        // 2026: 54640 / 12 = 4553.33, and the enrolment follows
        assertThat(payments(enrolmentId)).containsExactly("2025-12 4378.33 吴长江", "2026-01 4553.33 吴长江");
        assertThat(enrolments.find(enrolmentId).orElseThrow().amount()).isEqualByComparingTo("4553.33");
        assertThat(recipients.find(r.id()).orElseThrow().calculationSnapshot()).contains("\"year\":2026");
        assertThat(auditActions(r.id())).containsExactly("CREATED", "ACTIVATED", "STANDARD_CHANGED");
    }

    private String person(String name, int age) {
        return YoufuPeople.register(households, validator, "yuecun", "yuecun-yuecun", name, age);
    }

    private YoufuRecipient recipientOf(ProcessInstance instance) {
        long id = jdbc.sql("select id from youfu_recipient where process_instance_id = ?").param(instance.getId())
                .query(Long.class).single();
        return recipients.find(id).orElseThrow();
    }

    private Enrolment enrolment(YoufuRecipient r) {
        return enrolments.forProgramCase(Program.YOUFU, r.id()).orElseThrow();
    }

    private List<String> payments(long enrolmentId) {
        return jdbc.sql("select benefit_month, amount, payee_name from payment where enrolment_id = ? order by benefit_month")
                .param(enrolmentId).query((rs, n) -> rs.getString(1) + " " + rs.getBigDecimal(2) + " " + rs.getString(3))
                .list();
    }

    private List<String> auditActions(long id) {
        return jdbc.sql("select action from audit_event where entity_type = 'YOUFU_RECIPIENT' and entity_id = ? order by id")
                .param(id).query(String.class).list();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
