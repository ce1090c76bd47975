package cn.minzheng.bureau.tekun;

import static cn.minzheng.bureau.support.RuleViolations.violation;
import static cn.minzheng.bureau.tekun.TekunProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.CaseCategory;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdForm;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.support.ProcessTest;
import cn.minzheng.bureau.support.TestApplications;
import cn.minzheng.bureau.support.UserTasks;

/**
 * Every path of tekun-application.bpmn: enrolled after a quiet notice, refused by the township, by an upheld
 * objection and by the district, both time limits running out; and the bad input of each step.
 */
@ProcessTest
class TekunProcessTest {

    private static final String CLERK = "clerk.yuecun";
    private static final String REVIEWER = "reviewer.yuecun";
    private static final String APPROVER = "approver";

    @Autowired
    UserTasks userTasks;
    @Autowired
    ProcessEngine engine;
    @Autowired
    DibaoWalker walker;
    @Autowired
    TekunCaseRepository cases;
    @Autowired
    TekunService service;
    @Autowired
    EnrolmentRepository enrolments;
    @Autowired
    HouseholdRepository households;
    @Autowired
    HouseholdValidator validator;
    @Autowired
    DibaoCaseRepository dibaoCases;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void anElderlyPersonWithoutSupporterIsEnrolledAfterAQuietNotice() {
        String id = person("孙老汉", 78, "RETIRED", "NONE", null);
        ProcessInstance instance = userTasks.start(CLERK, KEY, application(id, "DISPERSED"));
        TekunCase registered = caseOf(instance);
        assertThat(registered.qualifyingCondition()).isEqualTo(QualifyingCondition.ELDERLY);
        assertThat(registered.careMode()).isEqualTo(CareMode.DISPERSED);
        assertThat(registered.carerName()).isEqualTo("王大妹");
        assertThat(instance).isWaitingAt(TASK_SURVEY).task().hasCandidateGroup("clerk-yuecun");
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "caseSummary"))
                .isEqualTo("孙老汉，年满60周岁的老年人；无法定赡养、抚养、扶养义务人；分散供养：照料人王大妹，协议YC-2026-017");
        assertThat(enrolment(registered).status()).isEqualTo(EnrolmentStatus.APPLIED);
        assertThat(timer(instance, TIMER_TOWNSHIP_OVERDUE)).isNotNull();

        assertThatThrownBy(() -> userTasks.complete(CLERK, instance, TASK_SURVEY, Map.of("surveyFinding", "独居，无收入")))
                .satisfies(violation("请评估生活自理能力"));
        userTasks.complete(CLERK, instance, TASK_SURVEY, Map.of("selfCareLevel", "FULL_CARE", "surveyFinding", "独居，卧床，无收入来源"));
        TekunCase assessed = cases.find(registered.id()).orElseThrow();
        // rural (岳村乡): 680 + 1800 × 60 % = 1760
        assertThat(assessed.basicLivingAmount()).isEqualByComparingTo("680.00");
        assertThat(assessed.careAmount()).isEqualByComparingTo("1080.00");
        assertThat(assessed.monthlyAmount()).isEqualByComparingTo("1760.00");
        assertThat(assessed.calculationSnapshot()).contains("\"basicLivingFloor\":676.00").contains("\"selfCareLevel\":\"FULL_CARE\"");

        assertThatThrownBy(() -> userTasks.complete(REVIEWER, instance, TASK_REVIEW_BY_TOWNSHIP, Map.of("townshipDecision", "MAYBE")))
                .satisfies(violation("请选择审核意见"));
        userTasks.complete(REVIEWER, instance, TASK_REVIEW_BY_TOWNSHIP, Map.of("townshipDecision", APPROVE));
        assertThat(instance).isWaitingAt(TASK_PUBLIC_NOTICE).hasPassed("EndEvent_TownshipDone");
        engine.getManagementService().executeJob(timer(instance, TIMER_NOTICE_OVER).getId());

        assertThat(instance).isWaitingAt(TASK_DECIDE_BY_DISTRICT).task().hasCandidateGroup("district-approver");
        assertThat(timer(instance, TIMER_DISTRICT_OVERDUE)).isNotNull();
        userTasks.complete(APPROVER, instance, TASK_DECIDE_BY_DISTRICT, Map.of("districtDecision", APPROVE, "districtComment", "同意"));

        assertThat(instance).isEnded().hasPassed("Task_ActivateEnrolment", "EndEvent_Enrolled");
        TekunCase active = cases.find(registered.id()).orElseThrow();
        String nextMonth = YearMonth.now().plusMonths(1).toString();
        assertThat(active.status()).isEqualTo(TekunStatus.ACTIVE);
        assertThat(active.startMonth()).isEqualTo(nextMonth);
        Enrolment enrolment = enrolment(active);
        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.ACTIVE);
        assertThat(enrolment.personIdNumber()).isEqualTo(id);
        assertThat(enrolment.amount()).isEqualByComparingTo("1760.00");
        assertThat(enrolment.startMonth()).isEqualTo(nextMonth);
        assertThat(enrolment.calculationSnapshot()).isEqualTo(active.calculationSnapshot());
        assertThat(auditActions(active.id())).containsExactly("CREATED", "ASSESSED", "TOWNSHIP_REVIEW",
                "DISTRICT_DECISION", "ACTIVATED");

        // 终止供养 on leaving the district: the enrolment ends with the month (a death: TekunDeathTest)
        assertThatThrownBy(() -> walker.as(CLERK, () -> service.end(active.id(), "ASLEEP", null, null, CLERK)))
                .satisfies(violation("终止原因"));
        assertThatThrownBy(() -> walker.as(CLERK, () -> service.end(active.id(), "DEATH", "病故", null, CLERK)))
                .satisfies(violation("死亡日期不能为空"));
        walker.as(CLERK, () -> service.end(active.id(), "LEFT_AREA", "随亲属迁往外省", null, CLERK));
        assertThat(enrolment(active).status()).isEqualTo(EnrolmentStatus.ENDED);
        assertThat(enrolment(active).endMonth()).isEqualTo(YearMonth.now().toString());
        assertThat(cases.find(active.id()).orElseThrow().closingReason()).isEqualTo("迁出本区：随亲属迁往外省");
        assertThatThrownBy(() -> walker.as(CLERK, () -> service.end(active.id(), "LEFT_AREA", null, null, CLERK)))
                .satisfies(violation("当前为“已终止供养”"));
        assertThat(jdbc.sql("select count(*) from tekun_funeral_allowance where tekun_case_id = ?").param(active.id())
                .query(Long.class).single()).isZero();
    }

    @Test
    void theTownshipRefusesAndTheCaseClosesWithItsReason() {
        String id = person("钱小宝", 12, "STUDENT", "NONE", null);
        ProcessInstance instance = userTasks.start(CLERK, KEY, application(id, "CENTRALISED"));
        assertThat(caseOf(instance).qualifyingCondition()).isEqualTo(QualifyingCondition.MINOR);
        userTasks.complete(CLERK, instance, TASK_SURVEY, Map.of("selfCareLevel", "FULL_SELF_CARE", "surveyFinding", "祖母可抚养"));
        assertThatThrownBy(() -> userTasks.complete(REVIEWER, instance, TASK_REVIEW_BY_TOWNSHIP, Map.of("townshipDecision", REJECT)))
                .satisfies(violation("不同意的理由不能为空"));
        userTasks.complete(REVIEWER, instance, TASK_REVIEW_BY_TOWNSHIP, Map.of("townshipDecision", REJECT, "townshipComment", "祖母有抚养能力"));
        assertThat(instance).isEnded().hasPassed("Task_RefuseApplication", "EndEvent_Refused").hasNotPassed(TASK_PUBLIC_NOTICE);
        TekunCase refused = caseOf(instance);
        assertThat(refused.status()).isEqualTo(TekunStatus.REFUSED);
        assertThat(refused.closingReason()).isEqualTo("祖母有抚养能力");
        assertThat(enrolment(refused).status()).isEqualTo(EnrolmentStatus.REFUSED);
        // refused, the person may apply again
        ProcessInstance again = userTasks.start(CLERK, KEY, application(id, "CENTRALISED"));
        assertThat(again).isWaitingAt(TASK_SURVEY);
    }

    @Test
    void anUpheldObjectionRefusesAndADismissedOneGoesToTheDistrictWhichMayRefuse() {
        ProcessInstance upheld = startAndReachNotice(person("赵一", 65, "UNEMPLOYED", "NONE", null));
        userTasks.complete(CLERK, upheld, TASK_PUBLIC_NOTICE, Map.of("objectionResult", OBJECTION_UPHELD,
                "objectionNote", "村民反映其子在外地有稳定收入，核实属实"));
        assertThat(upheld).isEnded().hasPassed("EndEvent_Refused").hasNotPassed(TASK_DECIDE_BY_DISTRICT);
        assertThat(caseOf(upheld).closingReason()).isEqualTo("村民反映其子在外地有稳定收入，核实属实");

        ProcessInstance dismissed = startAndReachNotice(person("赵二", 45, "UNABLE_TO_WORK", "SEVERE", "100"));
        assertThat(caseOf(dismissed).qualifyingCondition()).isEqualTo(QualifyingCondition.DISABLED);
        assertThatThrownBy(() -> userTasks.complete(CLERK, dismissed, TASK_PUBLIC_NOTICE, Map.of("objectionResult", OBJECTION_DISMISSED)))
                .satisfies(violation("异议内容及核实情况不能为空"));
        userTasks.complete(CLERK, dismissed, TASK_PUBLIC_NOTICE, Map.of("objectionResult", OBJECTION_DISMISSED,
                "objectionNote", "反映其有收入，经核实为残疾人补贴"));
        assertThat(dismissed).isWaitingAt(TASK_DECIDE_BY_DISTRICT);
        userTasks.complete(APPROVER, dismissed, TASK_DECIDE_BY_DISTRICT, Map.of("districtDecision", REJECT, "districtComment", "义务人有扶养能力"));
        assertThat(dismissed).isEnded().hasPassed("EndEvent_Refused");
        assertThat(caseOf(dismissed).closingReason()).isEqualTo("义务人有扶养能力");
    }

    @Test
    void bothTimeLimitsRunOutAndAreRecordedWhileTheWorkGoesOn() {
        ProcessInstance instance = userTasks.start(CLERK, KEY, application(person("周三", 70, "RETIRED", "NONE", null), "CENTRALISED"));
        engine.getManagementService().executeJob(timer(instance, TIMER_TOWNSHIP_OVERDUE).getId());
        assertThat(instance).isWaitingAt(TASK_SURVEY).hasPassed("Task_ReportTownshipOverrun", "EndEvent_TownshipOverrunReported");
        userTasks.complete(CLERK, instance, TASK_SURVEY, Map.of("selfCareLevel", "PARTIAL_CARE", "surveyFinding", "半失能"));
        userTasks.complete(REVIEWER, instance, TASK_REVIEW_BY_TOWNSHIP, Map.of("townshipDecision", APPROVE));
        userTasks.complete(CLERK, instance, TASK_PUBLIC_NOTICE, Map.of("objectionResult", OBJECTION_DISMISSED, "objectionNote", "异议不实"));
        engine.getManagementService().executeJob(timer(instance, TIMER_DISTRICT_OVERDUE).getId());
        assertThat(instance).isWaitingAt(TASK_DECIDE_BY_DISTRICT).hasPassed("EndEvent_DistrictOverrunReported");
        userTasks.complete(APPROVER, instance, TASK_DECIDE_BY_DISTRICT, Map.of("districtDecision", APPROVE));
        assertThat(instance).isEnded().hasPassed("EndEvent_Enrolled");
        assertThat(auditActions(caseOf(instance).id())).filteredOn("TIME_LIMIT_OVERRUN"::equals).hasSize(2);
        assertThat(caseOf(instance).monthlyAmount()).isEqualByComparingTo("1220.00"); // 680 + 1800 × 30 %
    }

    @Test
    void badApplicationsAreRefusedInChineseAndNothingIsWritten() {
        long casesBefore = count("tekun_case");
        long enrolmentsBefore = count("enrolment");
        String young = person("吴四", 40, "UNEMPLOYED", "NONE", null);
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, application(young, "CENTRALISED"))).satisfies(violation("不符合特困人员认定条件"));
        String withPension = person("吴五", 70, "RETIRED", "NONE", "600");
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, application(withPension, "CENTRALISED")))
                .satisfies(violation("月收入600.00元，不低于当地低保标准520.00元"));
        String eligible = person("吴六", 70, "RETIRED", "NONE", null);
        Map<String, Object> noCarer = application(eligible, "DISPERSED");
        noCarer.remove("carerName");
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, noCarer)).satisfies(violation("照料人姓名不能为空"));
        assertThatThrownBy(() -> userTasks.start("clerk.renqiu", KEY, application(eligible, "CENTRALISED")))
                .satisfies(violation("您只能登记本乡镇（街道）的申请"));
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, application("110101194001010000", "CENTRALISED")))
                .satisfies(violation("不是有效的居民身份证号码"));

        // a member of an open 低保 case
        String inDibao = TekunPeople.idNumber(java.time.LocalDate.now().minusYears(72));
        Household household = validator.validate(TestApplications.withMembers(TestApplications.yuecunHousehold(1, "0"),
                List.of(new HouseholdForm.MemberForm("冯八", inDibao, "HEAD", "RETIRED", "NONE", List.of()))).household());
        long householdId = households.insert(household);
        DibaoCase dibao = dibaoCases.insert(householdId, household, CaseCategory.ORDINARY, false, null, null, CLERK, null);
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, application(inDibao, "CENTRALISED")))
                .satisfies(violation("已在最低生活保障中（申请办理中"));
        assertThat(count("tekun_case")).isEqualTo(casesBefore);
        assertThat(count("enrolment")).isEqualTo(enrolmentsBefore + 1); // the 低保 case's own
        dibaoCases.changeStatus(dibao.id(), CaseStatus.REJECTED, CLERK, "测试结束");
    }

    @Test
    void theDistrictCannotEnrolAPersonWhoJoinedDibaoMeanwhile() {
        String id = person("郑七", 75, "RETIRED", "NONE", null);
        ProcessInstance instance = startAndReachNotice(id);
        engine.getManagementService().executeJob(timer(instance, TIMER_NOTICE_OVER).getId());
        // meanwhile a 低保 application counting the person was registered before the rule existed (e.g. imported)
        Household household = validator.validate(TestApplications.withMembers(TestApplications.yuecunHousehold(1, "0"),
                List.of(new HouseholdForm.MemberForm("郑七", id, "HEAD", "RETIRED", "NONE", List.of()))).household());
        DibaoCase dibao = dibaoCases.insert(households.insert(household), household, CaseCategory.ORDINARY, false, null,
                null, CLERK, null);
        assertThatThrownBy(() -> userTasks.complete(APPROVER, instance, TASK_DECIDE_BY_DISTRICT, Map.of("districtDecision", APPROVE)))
                .satisfies(violation("郑七（身份证号" + id + "）已在最低生活保障中（申请办理中"));
        assertThat(instance).isWaitingAt(TASK_DECIDE_BY_DISTRICT);
        assertThat(caseOf(instance).status()).isEqualTo(TekunStatus.APPLIED);
        dibaoCases.changeStatus(dibao.id(), CaseStatus.REJECTED, CLERK, "测试结束");
        userTasks.complete(APPROVER, instance, TASK_DECIDE_BY_DISTRICT, Map.of("districtDecision", APPROVE));
        assertThat(caseOf(instance).status()).isEqualTo(TekunStatus.ACTIVE);
    }

    private ProcessInstance startAndReachNotice(String id) {
        ProcessInstance instance = userTasks.start(CLERK, KEY, application(id, "CENTRALISED"));
        userTasks.complete(CLERK, instance, TASK_SURVEY, Map.of("selfCareLevel", "FULL_SELF_CARE", "surveyFinding", "独居"));
        userTasks.complete(REVIEWER, instance, TASK_REVIEW_BY_TOWNSHIP, Map.of("townshipDecision", APPROVE, "townshipComment", "同意"));
        assertThat(instance).isWaitingAt(TASK_PUBLIC_NOTICE);
        return instance;
    }

    private String person(String name, int age, String employment, String disability, String income) {
        return TekunPeople.register(households, validator, "yuecun", "yuecun-yuecun", name, age, employment, disability, income);
    }

    static Map<String, Object> application(String idNumber, String careMode) {
        Map<String, Object> v = new HashMap<>();
        v.put("idNumber", idNumber);
        v.put("proposedByTownship", false);
        v.put("supporterSituation", "NONE");
        v.put("careMode", careMode);
        if ("CENTRALISED".equals(careMode)) {
            v.put("careInstitution", "岳村乡敬老院");
        } else {
            v.put("carerName", "王大妹");
            v.put("careAgreement", "YC-2026-017");
        }
        return v;
    }

    private TekunCase caseOf(ProcessInstance instance) {
        long id = jdbc.sql("select id from tekun_case where process_instance_id = ?").param(instance.getId())
                .query(Long.class).single();
        return cases.find(id).orElseThrow();
    }

    private Enrolment enrolment(TekunCase c) {
        return enrolments.forProgramCase(Program.TEKUN, c.id()).orElseThrow();
    }

    private Job timer(ProcessInstance instance, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .singleResult();
    }

    private List<String> auditActions(long caseId) {
        return jdbc.sql("select action from audit_event where entity_type = 'TEKUN_CASE' and entity_id = ? order by id")
                .param(caseId).query(String.class).list();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
