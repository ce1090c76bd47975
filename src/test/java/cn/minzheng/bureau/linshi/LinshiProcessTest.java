package cn.minzheng.bureau.linshi;

import static cn.minzheng.bureau.linshi.LinshiProcess.*;
import static cn.minzheng.bureau.support.RuleViolations.violation;
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
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.calendar.WorkingDays;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.linshi.LinshiRepository.LinshiCase;
import cn.minzheng.bureau.payroll.PayrollComputation;
import cn.minzheng.bureau.payroll.PayrollRepository;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramKind;
import cn.minzheng.bureau.program.ProgramRegistry;
import cn.minzheng.bureau.support.FreshPeriods;
import cn.minzheng.bureau.support.ProcessTest;
import cn.minzheng.bureau.support.UserTasks;

/**
 * Every path of linshi-application.bpmn: 急难型 with 先行救助 decided by the township and paid once by the LINSHI
 * payroll; 支出型 decided by the district; 一事一议 with a second district approver (four-eyes); a refusal at each
 * level; a repeat within the interval only as the district's exception; and bad input refused with nothing written.
 */
@ProcessTest
class LinshiProcessTest {

    @Autowired
    UserTasks userTasks;
    @Autowired
    ProcessEngine engine;
    @Autowired
    HouseholdRepository households;
    @Autowired
    LinshiRepository cases;
    @Autowired
    EnrolmentRepository enrolments;
    @Autowired
    ProgramRegistry programs;
    @Autowired
    PayrollRepository payrolls;
    @Autowired
    PayrollComputation computation;
    @Autowired
    WorkingDays workingDays;
    @Autowired
    LinshiSettings settings;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void anEmergencyWithAnAdvanceIsDecidedByTheTownshipAndPaidOnceByTheNextLinshiPayroll() {
        assertThat(programs.get(Program.LINSHI).kind()).isEqualTo(ProgramKind.ONE_OFF);
        Household household = LinshiHouseholds.register(households, LinshiHouseholds.YUECUN, LinshiHouseholds.YUECUN_VILLAGE, 3);
        ProcessInstance instance = userTasks.start("clerk.yuecun", KEY, emergency(household, "SERIOUS", "800"));
        LinshiCase c = caseOf(instance);
        // rural standard 520 × 4 (急难型, 较重困难) = 2080
        assertThat(c.monthlyStandard()).isEqualByComparingTo("520.00");
        assertThat(c.standardAmount()).isEqualByComparingTo("2080.00");
        assertThat(c.advanceAmount()).isEqualByComparingTo("800.00");
        assertThat(c.advancePaidAt()).isNotNull();
        assertThat(enrolments.forProgramCase(Program.LINSHI, c.id()).orElseThrow().status()).isEqualTo(EnrolmentStatus.APPLIED);

        assertThat(instance).isWaitingAt(TASK_PAPERWORK).task().hasCandidateGroup("clerk-yuecun");
        Task paperwork = task(instance, TASK_PAPERWORK);
        assertThat(paperwork.getDueDate()).isEqualTo(workingDays.deadline(paperwork.getCreateTime(), 5));
        assertThat((String) engine.getTaskService().getVariable(paperwork.getId(), "caseSummary"))
                .contains("急难型", "标准救助金额：2080.00元", "已先行救助：800.00元");
        assertThatThrownBy(() -> userTasks.complete("clerk.yuecun", instance, TASK_PAPERWORK, Map.of()))
                .satisfies(violation("补办手续情况不能为空"));
        userTasks.complete("clerk.yuecun", instance, TASK_PAPERWORK, Map.of("paperworkNote", "已补齐申请书、火灾证明和户口簿复印件"));

        assertThat(instance).isWaitingAt(TASK_TOWNSHIP_REVIEW).task().hasCandidateGroup("reviewer-yuecun");
        userTasks.complete("reviewer.yuecun", instance, TASK_TOWNSHIP_REVIEW, review(APPROVE, null, null));
        assertThat(instance).isEnded().hasPassed(TASK_PAPERWORK, "Gateway_GrantMerge", "Task_GrantAssistance",
                "EndEvent_Granted").hasNotPassed(TASK_DISTRICT_APPROVAL);

        c = cases.find(c.id()).orElseThrow();
        assertThat(c.status()).isEqualTo(LinshiStatus.GRANTED);
        assertThat(c.approvalLevel()).isEqualTo(ApprovalLevel.TOWNSHIP);
        assertThat(c.grantedAmount()).isEqualByComparingTo("2080.00");
        assertThat(c.paidAmount()).isEqualByComparingTo("1280.00");
        assertThat(c.townshipReviewedBy()).isEqualTo("reviewer.yuecun");
        Enrolment grant = enrolments.find(c.enrolmentId()).orElseThrow();
        assertThat(grant.status()).isEqualTo(EnrolmentStatus.ACTIVE);
        assertThat(grant.amount()).isEqualByComparingTo("1280.00");
        assertThat(grant.personIdNumber()).isNull();
        assertThat(grant.startMonth()).isEqualTo(YearMonth.now().toString());
        assertThat(grant.calculationSnapshot()).contains("\"standardAmount\":2080.00", "\"advanceAmount\":800.00",
                "\"paidAmount\":1280.00", "\"approvalLevel\":\"TOWNSHIP\"");
        assertThat(enrolments.history(grant.id())).extracting(EnrolmentRepository.StatusChange::status)
                .containsExactly(EnrolmentStatus.APPLIED, EnrolmentStatus.ACTIVE);
        assertThat(auditActions(c.id())).containsExactly("REGISTERED", "ADVANCE_PAID", "PAPERWORK_COMPLETED",
                "TOWNSHIP_APPROVED", "GRANTED");

        // paid once, to the head, by the next LINSHI payroll; the one after pays it no more
        YearMonth month = FreshPeriods.month(6);
        long first = payrolls.insert(Program.LINSHI, month);
        computation.compute(first);
        assertThat(payments(grant.id())).singleElement().satisfies(p -> {
            assertThat(p.payrollId()).isEqualTo(first);
            assertThat(p.oneOffEnrolmentId()).isEqualTo(grant.id());
            assertThat(p.amount()).isEqualByComparingTo("1280.00");
            assertThat(p.payeeName()).isEqualTo(household.head().name());
            assertThat(p.peopleCount()).isEqualTo(3);
            assertThat(p.caseId()).isNull();
        });
        long next = payrolls.insert(Program.LINSHI, month.plusMonths(1));
        computation.compute(next);
        assertThat(payments(grant.id())).hasSize(1);
        // nor does the 低保 payroll of the month
        long dibao = payrolls.insert(month.plusMonths(2));
        computation.compute(dibao);
        assertThat(payments(grant.id())).hasSize(1);
    }

    @Test
    void anExpenditureAboveTheTownshipsLimitIsDecidedByTheDistrict() {
        Household household = LinshiHouseholds.register(households, LinshiHouseholds.RENQIU, LinshiHouseholds.QINGHUAYUAN, 2);
        ProcessInstance instance = userTasks.start("clerk.renqiu", KEY, expenditure(household, "EXTREME", "20000"));
        LinshiCase c = caseOf(instance);
        // urban standard 700 × 12 = 8400, less than the 20000 spent
        assertThat(c.standardAmount()).isEqualByComparingTo("8400.00");
        assertThat(instance).isWaitingAt(TASK_TOWNSHIP_REVIEW).hasNotPassed(TASK_PAPERWORK);
        userTasks.complete("reviewer.renqiu", instance, TASK_TOWNSHIP_REVIEW, review(APPROVE, null, null));
        assertThat(instance).isWaitingAt(TASK_DISTRICT_APPROVAL).task().hasCandidateGroup("district-approver");
        assertThat((String) engine.getTaskService().getVariable(task(instance, TASK_DISTRICT_APPROVAL).getId(), "caseSummary"))
                .contains("医疗支出 20000.00元", "拟救助8400.00元，区民政局审批");
        userTasks.complete("approver", instance, TASK_DISTRICT_APPROVAL, Map.of("districtDecision", APPROVE, "districtComment", "同意"));
        assertThat(instance).isEnded().hasPassed(TASK_DISTRICT_APPROVAL, "Gateway_ApprovedMerge", "EndEvent_Granted")
                .hasNotPassed(TASK_SECOND_APPROVAL);
        c = cases.find(c.id()).orElseThrow();
        assertThat(c.paidAmount()).isEqualByComparingTo("8400.00");
        assertThat(c.approvalLevel()).isEqualTo(ApprovalLevel.DISTRICT);
        assertThat(c.districtApprovedBy()).isEqualTo("approver");
    }

    @Test
    void aCaseByCaseGrantNeedsItsReasonAndASecondDistrictApprover() {
        Household household = LinshiHouseholds.register(households, LinshiHouseholds.RENQIU, LinshiHouseholds.QINGHUAYUAN, 4);
        ProcessInstance instance = userTasks.start("clerk.renqiu", KEY, expenditure(household, "EXTREME", "60000"));
        LinshiCase c = caseOf(instance);
        long audits = auditActions(c.id()).size();
        assertThatThrownBy(() -> userTasks.complete("reviewer.renqiu", instance, TASK_TOWNSHIP_REVIEW, review(APPROVE, "15000", null)))
                .satisfies(violation("拟救助金额15000.00元超过一般程序上限10000.00元，须按“一事一议”写明理由"));
        assertThat(auditActions(c.id())).hasSize((int) audits);
        assertThat(cases.find(c.id()).orElseThrow().proposedAmount()).isNull();
        userTasks.complete("reviewer.renqiu", instance, TASK_TOWNSHIP_REVIEW,
                review(APPROVE, "15000", "户主白血病住院，自负医疗费6万元，经乡镇（街道）集体研究"));
        userTasks.complete("approver", instance, TASK_DISTRICT_APPROVAL, Map.of("districtDecision", APPROVE, "districtComment", "提交一事一议"));
        assertThat(instance).isWaitingAt(TASK_SECOND_APPROVAL).task().hasCandidateGroup("dibao-head");
        assertThatThrownBy(() -> userTasks.complete("approver", instance, TASK_SECOND_APPROVAL,
                Map.of("secondDecision", APPROVE, "secondComment", "同意"))).satisfies(violation("四眼原则：陈立新（区民政局审批人）"));
        userTasks.complete("dibaohead", instance, TASK_SECOND_APPROVAL, Map.of("secondDecision", APPROVE, "secondComment", "同意一事一议"));
        assertThat(instance).isEnded().hasPassed(TASK_SECOND_APPROVAL, "Gateway_ApprovedMerge", "EndEvent_Granted");
        c = cases.find(c.id()).orElseThrow();
        assertThat(c.approvalLevel()).isEqualTo(ApprovalLevel.CASE_BY_CASE);
        assertThat(c.grantedAmount()).isEqualByComparingTo("15000.00");
        assertThat(c.caseByCaseReason()).startsWith("户主白血病");
        assertThat(c.secondApprovedBy()).isEqualTo("dibaohead");
    }

    @Test
    void eachLevelMayRefuseAndARefusalPaysNothing() {
        Household yuecun = LinshiHouseholds.register(households, LinshiHouseholds.YUECUN, LinshiHouseholds.YUECUN_VILLAGE, 1);
        ProcessInstance byTownship = userTasks.start("clerk.yuecun", KEY, emergency(yuecun, "GENERAL", null));
        userTasks.complete("reviewer.yuecun", byTownship, TASK_TOWNSHIP_REVIEW, review(REFUSE, null, null));
        assertThat(byTownship).isEnded().hasPassed("Task_RefuseAssistance", "EndEvent_Refused")
                .hasNotPassed(TASK_DISTRICT_APPROVAL);
        LinshiCase refused = caseOf(byTownship);
        assertThat(refused.status()).isEqualTo(LinshiStatus.REFUSED);
        assertThat(enrolments.forProgramCase(Program.LINSHI, refused.id()).orElseThrow().status())
                .isEqualTo(EnrolmentStatus.REFUSED);

        Household renqiu = LinshiHouseholds.register(households, LinshiHouseholds.RENQIU, LinshiHouseholds.QINGHUAYUAN, 2);
        ProcessInstance byDistrict = userTasks.start("clerk.renqiu", KEY, expenditure(renqiu, "SERIOUS", "9000"));
        userTasks.complete("reviewer.renqiu", byDistrict, TASK_TOWNSHIP_REVIEW, review(APPROVE, null, null));
        userTasks.complete("approver", byDistrict, TASK_DISTRICT_APPROVAL, Map.of("districtDecision", REFUSE, "districtComment", "已获医疗救助"));
        assertThat(byDistrict).isEnded().hasPassed(TASK_DISTRICT_APPROVAL, "EndEvent_Refused")
                .hasNotPassed(TASK_SECOND_APPROVAL);

        Household other = LinshiHouseholds.register(households, LinshiHouseholds.RENQIU, LinshiHouseholds.QINGHUAYUAN, 2);
        ProcessInstance bySecond = userTasks.start("clerk.renqiu", KEY, expenditure(other, "EXTREME", "30000"));
        userTasks.complete("reviewer.renqiu", bySecond, TASK_TOWNSHIP_REVIEW, review(APPROVE, "20000", "重大疾病"));
        userTasks.complete("approver", bySecond, TASK_DISTRICT_APPROVAL, Map.of("districtDecision", APPROVE, "districtComment", "提交一事一议"));
        userTasks.complete("dibaohead", bySecond, TASK_SECOND_APPROVAL, Map.of("secondDecision", REFUSE, "secondComment", "金额过高"));
        assertThat(bySecond).isEnded().hasPassed(TASK_SECOND_APPROVAL, "EndEvent_Refused")
                .hasNotPassed("Task_GrantAssistance");
        for (ProcessInstance instance : List.of(byDistrict, bySecond)) {
            LinshiCase c = caseOf(instance);
            assertThat(c.status()).isEqualTo(LinshiStatus.REFUSED);
            assertThat(c.enrolmentId()).isNull();
        }
    }

    @Test
    void aRepeatWithinTheIntervalNeedsAReasonAndTheDistrictsApproval() {
        Household household = LinshiHouseholds.register(households, LinshiHouseholds.YUECUN, LinshiHouseholds.YUECUN_VILLAGE, 2);
        ProcessInstance first = userTasks.start("clerk.yuecun", KEY, emergency(household, "GENERAL", null));
        userTasks.complete("reviewer.yuecun", first, TASK_TOWNSHIP_REVIEW, review(APPROVE, null, null));
        assertThat(caseOf(first).status()).isEqualTo(LinshiStatus.GRANTED);

        long before = count();
        assertThatThrownBy(() -> userTasks.start("clerk.yuecun", KEY, emergency(household, "GENERAL", null)))
                .satisfies(violation("该家庭已于" + LocalDate.now() + "获得临时救助，距今不足" + settings.getRepeatIntervalMonths() + "个月"));
        assertThat(count()).isEqualTo(before);

        Map<String, Object> again = emergency(household, "GENERAL", null);
        again.put("repeatExceptionReason", "再次遭遇洪灾，房屋倒塌");
        ProcessInstance repeat = userTasks.start("clerk.yuecun", KEY, again);
        LinshiCase c = caseOf(repeat);
        assertThat(c.previousGrantOn()).isEqualTo(LocalDate.now());
        assertThatThrownBy(() -> userTasks.start("clerk.yuecun", KEY, emergency(household, "GENERAL", null)))
                .satisfies(violation("已有办理中的临时救助申请"));
        // 1040 is within the township's limit, but a repeat goes to the district
        userTasks.complete("reviewer.yuecun", repeat, TASK_TOWNSHIP_REVIEW, review(APPROVE, null, null));
        assertThat(repeat).isWaitingAt(TASK_DISTRICT_APPROVAL);
        userTasks.complete("approver", repeat, TASK_DISTRICT_APPROVAL, Map.of("districtDecision", APPROVE, "districtComment", "同意例外"));
        assertThat(caseOf(repeat).status()).isEqualTo(LinshiStatus.GRANTED);
        assertThat(jdbc.sql("select after_state from audit_event where entity_type = 'LINSHI_CASE' and entity_id = ? and action = 'DISTRICT_APPROVED'")
                .param(c.id()).query(String.class).single()).contains("\"repeatException\":true");
    }

    @Test
    void badInputIsRefusedInChineseAndNothingIsWritten() {
        Household household = LinshiHouseholds.register(households, LinshiHouseholds.YUECUN, LinshiHouseholds.YUECUN_VILLAGE, 2);
        long before = count();
        long enrolmentsBefore = jdbc.sql("select count(*) from enrolment").query(Long.class).single();
        Map<String, Object> noEvidence = expenditure(household, "GENERAL", "3000");
        noEvidence.remove("spendingEvidence");
        assertThatThrownBy(() -> userTasks.start("clerk.yuecun", KEY, noEvidence)).satisfies(violation("须写明支出凭证"));
        Map<String, Object> noSpending = expenditure(household, "GENERAL", null);
        assertThatThrownBy(() -> userTasks.start("clerk.yuecun", KEY, noSpending)).satisfies(violation("须填写家庭自负的必需支出金额"));
        assertThatThrownBy(() -> userTasks.start("clerk.yuecun", KEY, emergency(household, "GENERAL", "1500")))
                .satisfies(violation("先行救助金额1500.00元超过上限1000.00元"));
        Map<String, Object> noKind = emergency(household, "GENERAL", null);
        noKind.remove("kind");
        assertThatThrownBy(() -> userTasks.start("clerk.yuecun", KEY, noKind)).satisfies(violation("请选择救助类型"));
        assertThatThrownBy(() -> userTasks.start("clerk.renqiu", KEY, emergency(household, "GENERAL", null)))
                .satisfies(violation("只能登记本乡镇（街道）家庭"));
        Map<String, Object> unknown = emergency(household, "GENERAL", null);
        unknown.put("applicantIdNumber", LinshiHouseholds.freshIdNumber().value());
        assertThatThrownBy(() -> userTasks.start("clerk.yuecun", KEY, unknown)).satisfies(violation("尚未登记家庭信息"));
        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from enrolment").query(Long.class).single()).isEqualTo(enrolmentsBefore);
    }

    /**
     * 急难 for a household not on record: the clerk registers it from the start form (head and members with ID numbers,
     * address in the township, bank account); the household is written with the case. Rural 520 × 2 (急难型, 一般困难)
     * = 1040.00.
     */
    @Test
    void aHouseholdNotOnRecordIsRegisteredFromTheStartForm() {
        String head = LinshiHouseholds.freshIdNumber().value();
        String child = LinshiHouseholds.freshIdNumber().value();
        long householdsBefore = householdCount();
        ProcessInstance instance = userTasks.start("clerk.yuecun", KEY, newHousehold(head, child, Map.of()));
        assertThat(instance).isWaitingAt(TASK_TOWNSHIP_REVIEW);
        LinshiCase c = caseOf(instance);
        Household registered = households.find(c.householdId()).orElseThrow();
        assertThat(householdCount()).isEqualTo(householdsBefore + 1);
        assertThat(registered.townshipCode()).isEqualTo(LinshiHouseholds.YUECUN);
        assertThat(registered.communityCode()).isEqualTo(LinshiHouseholds.YUECUN_VILLAGE);
        assertThat(registered.address()).isEqualTo("岳村乡岳村九组12号");
        assertThat(registered.head().name()).isEqualTo("岳新户");
        assertThat(registered.members()).extracting(m -> m.idNumber().value()).containsExactly(head, child);
        assertThat(c.standardAmount()).isEqualByComparingTo("1040.00");
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "applicantName")).isEqualTo("岳新户");
    }

    /** Bad household input on the start form: refused in Chinese by the household rules, nothing written. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a member's ID number with a wrong check character | badCheck | | 校验位",
            "a village of another township | communityCode | renqiu-qinghuayuan | 不属于岳村乡",
            "no head | relation | CHILD | 须有且只有一位户主",
            "the applicant not a member | applicant | | 须是所登记家庭的成员",
            "a member already on record | known | | 已登记家庭信息，请勿重复登记",
            "no address | address | | 家庭住址",
            "a bank account of letters | bankAccount | ABC | 银行账号",
            "another township's clerk | clerk | clerk.renqiu | 只能登记本乡镇（街道）家庭",
            "a valid household, an advance above the limit | advanceAmount | 1500 | 超过上限"})
    void badHouseholdInputIsRefusedAndNothingIsWritten(String what, String field, String value, String refusal) {
        String head = LinshiHouseholds.freshIdNumber().value();
        String child = LinshiHouseholds.freshIdNumber().value();
        String clerk = "clerk.yuecun";
        Map<String, Object> form;
        switch (field) {
            case "badCheck" -> form = newHousehold(head, child.substring(0, 17) + (child.charAt(17) == '0' ? '1' : '0'), Map.of());
            case "relation" -> form = newHousehold(head, child, Map.of("headRelation", value));
            case "applicant" -> form = newHousehold(head, child, Map.of("applicantIdNumber", LinshiHouseholds.freshIdNumber().value()));
            case "known" -> {
                Household onRecord = LinshiHouseholds.register(households, LinshiHouseholds.YUECUN, LinshiHouseholds.YUECUN_VILLAGE, 1);
                form = newHousehold(head, onRecord.head().idNumber().value(), Map.of());
            }
            case "clerk" -> {
                form = newHousehold(head, child, Map.of());
                clerk = value;
            }
            case "advanceAmount" -> form = newHousehold(head, child, Map.of("advanceAmount", Double.valueOf(value)));
            default -> form = newHousehold(head, child, value == null ? Map.of(field, "") : Map.of(field, value));
        }
        long householdsBefore = householdCount();
        long before = count();
        String user = clerk;
        Map<String, Object> submitted = form;
        assertThatThrownBy(() -> userTasks.start(user, KEY, submitted)).satisfies(violation(refusal));
        assertThat(householdCount()).isEqualTo(householdsBefore);
        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from household_member where id_number = ?").param(head).query(Long.class).single())
                .isZero();
    }

    private Map<String, Object> newHousehold(String head, String child, Map<String, Object> changes) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicantIdNumber", changes.getOrDefault("applicantIdNumber", head));
        variables.put("kind", "EMERGENCY");
        variables.put("hardshipLevel", "GENERAL");
        variables.put("reason", "房屋倒塌，家中无人登记过家庭信息");
        variables.put("newHousehold", true);
        variables.put("townshipCode", LinshiHouseholds.YUECUN);
        variables.put("communityCode", changes.getOrDefault("communityCode", LinshiHouseholds.YUECUN_VILLAGE));
        variables.put("address", changes.getOrDefault("address", "岳村乡岳村九组12号"));
        variables.put("bankName", "中国农业银行");
        variables.put("bankAccount", changes.getOrDefault("bankAccount", "6228480000123456789"));
        if (changes.containsKey("advanceAmount")) {
            variables.put("advanceAmount", changes.get("advanceAmount"));
        }
        String members = """
                [{"name":"岳新户","idNumber":"%s","relation":"%s","employmentStatus":"FARMING","disabilityLevel":"NONE"},
                 {"name":"岳新儿","idNumber":"%s","relation":"CHILD","employmentStatus":"STUDENT","disabilityLevel":"NONE"}]"""
                .formatted(head, changes.getOrDefault("headRelation", "HEAD"), child);
        variables.put("members", org.camunda.spin.plugin.variable.SpinValues.jsonValue(members).create());
        return variables;
    }

    private long householdCount() {
        return jdbc.sql("select count(*) from household").query(Long.class).single();
    }

    private Map<String, Object> emergency(Household household, String level, String advance) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicantIdNumber", household.head().idNumber().value());
        variables.put("kind", "EMERGENCY");
        variables.put("hardshipLevel", level);
        variables.put("reason", "家中失火，衣物口粮被毁");
        if (advance != null) {
            variables.put("advanceAmount", Double.valueOf(advance));
        }
        return variables;
    }

    private Map<String, Object> expenditure(Household household, String level, String spending) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("applicantIdNumber", household.members().get(household.size() - 1).idNumber().value());
        variables.put("kind", "EXPENDITURE");
        variables.put("hardshipLevel", level);
        variables.put("reason", "家庭成员患重病住院");
        variables.put("spendingType", "MEDICAL");
        if (spending != null) {
            variables.put("spendingAmount", Double.valueOf(spending));
        }
        variables.put("spendingEvidence", "住院费用清单（编号ZY2026-0815）");
        return variables;
    }

    private Map<String, Object> review(String decision, String proposed, String caseByCase) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("reviewDecision", decision);
        if (proposed != null) {
            variables.put("proposedAmount", Double.valueOf(proposed));
        }
        if (caseByCase != null) {
            variables.put("caseByCaseReason", caseByCase);
        }
        variables.put("reviewComment", APPROVE.equals(decision) ? "情况属实，同意救助" : "不符合临时救助条件");
        return variables;
    }

    private Task task(ProcessInstance instance, String taskKey) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
                .singleResult();
    }

    private LinshiCase caseOf(ProcessInstance instance) {
        Long id = jdbc.sql("select id from linshi_case where process_instance_id = ?").param(instance.getId())
                .query(Long.class).single();
        return cases.find(id).orElseThrow();
    }

    private long count() {
        return jdbc.sql("select count(*) from linshi_case").query(Long.class).single();
    }

    private List<String> auditActions(long caseId) {
        return jdbc.sql("select action from audit_event where entity_type = 'LINSHI_CASE' and entity_id = ? order by id")
                .param(caseId).query(String.class).list();
    }

    record PaymentRow(long payrollId, Long oneOffEnrolmentId, Long caseId, String payeeName, int peopleCount,
                      BigDecimal amount) {
    }

    private List<PaymentRow> payments(long enrolmentId) {
        return jdbc.sql("""
                select payroll_id, one_off_enrolment_id, case_id, payee_name, people_count, amount from payment
                where enrolment_id = ?""").param(enrolmentId).query(PaymentRow.class).list();
    }
}
