package cn.minzheng.bureau.resettlement;

import static cn.minzheng.bureau.resettlement.ResettlementProcess.*;
import static cn.minzheng.bureau.support.RuleViolations.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.calendar.WorkingCalendar;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.deadline.StatutorySupervisionProcess;
import cn.minzheng.bureau.deadline.StatutoryTimeLimits;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.payroll.PayrollComputation;
import cn.minzheng.bureau.payroll.PayrollRepository;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.support.ProcessTest;
import cn.minzheng.bureau.support.UserTasks;

/**
 * Every path of veteran-resettlement.bpmn: 自主就业 with its grant paid once by the RESETTLE_GRANT payroll; 安排工作
 * with the receiving unit, the report-in limit run out and supervised, then the report-in closing the case; 供养 and
 * 退休 handed over; the district's refusal; a late arrival flagged; bad input and a second registration refused
 * in Chinese with nothing written.
 */
@ProcessTest
class ResettlementProcessTest {

    private static final String CLERK = "clerk.yuecun";
    private static final String SECTION = "youfu";

    @Autowired
    UserTasks userTasks;
    @Autowired
    ProcessEngine engine;
    @Autowired
    ResettlementRepository resettlements;
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
    StatutoryTimeLimits timeLimits;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    @Test
    void aConscriptIsSelfEmployedAndHisGrantIsPaidOnce() {
        String id = person("岳自强", 21);
        LocalDate discharged = EngineClock.today().minusDays(10);
        ProcessInstance instance = userTasks.start(CLERK, KEY, ResettlementPeople.conscript(id, discharged));
        Resettlement registered = resettlementOf(instance);
        assertThat(registered.route()).isEqualTo(PlacementRoute.SELF_EMPLOYMENT);
        assertThat(registered.status()).isEqualTo(ResettlementStatus.REGISTERED);
        assertThat(registered.lateArrival()).isFalse();
        assertThat(instance).isWaitingAt(TASK_REVIEW).task().hasCandidateGroup("youfu-section");
        // per year of the discharge year's standard (2026 and on: 3300.00) × 2 years
        int year = discharged.getYear();
        String perYear = year >= 2026 ? "3300.00" : "3000.00";
        String grant = year >= 2026 ? "6600.00" : "6000.00";
        assertThat(variable(instance, "routeSummary")).isEqualTo("自主就业：不符合安排工作、退休、供养条件，自主就业，发给一次性经济补助；"
                + "一次性经济补助" + perYear + "元/年 × 2年 = " + grant + "元");
        assertThat(variable(instance, "caseSummary")).isEqualTo("岳自强，陆军义务兵，服役2年，" + discharged + "退役，"
                + EngineClock.today() + "报到");

        assertThatThrownBy(() -> userTasks.complete(SECTION, instance, TASK_REVIEW, Map.of("reviewDecision", "MAYBE")))
                .satisfies(violation("请选择审核意见"));
        userTasks.complete(SECTION, instance, TASK_REVIEW, Map.of("reviewDecision", APPROVE, "reviewComment", "退出现役证件齐全"));
        assertThat(instance).isEnded().hasPassed(TASK_LIST_GRANT, END_GRANT_LISTED);
        Resettlement listed = resettlements.find(registered.id()).orElseThrow();
        assertThat(listed.status()).isEqualTo(ResettlementStatus.GRANT_LISTED);
        assertThat(listed.grantAmount()).isEqualByComparingTo(grant);
        assertThat(listed.reviewedBy()).isEqualTo(SECTION);
        Enrolment enrolment = enrolments.find(listed.enrolmentId()).orElseThrow();
        assertThat(enrolment.programCode()).isEqualTo(ResettlementService.PROGRAM);
        assertThat(enrolment.status()).isEqualTo(EnrolmentStatus.ACTIVE);
        assertThat(enrolment.personIdNumber()).isEqualTo(id);
        assertThat(enrolment.amount()).isEqualByComparingTo(grant);
        assertThat(enrolment.calculationSnapshot()).contains("\"amountPerYear\":\"" + perYear + "\"", "\"serviceYears\":2");

        // the program's payroll pays the grant once; computed again, and a later month's payroll, pay nothing more
        YearMonth month = YearMonth.of(ThreadLocalRandom.current().nextInt(9000, 9900), ThreadLocalRandom.current().nextInt(1, 13));
        long payroll = payrolls.insert(ResettlementService.PROGRAM, month);
        computation.compute(payroll);
        computation.compute(payroll);
        computation.compute(payrolls.insert(ResettlementService.PROGRAM, month.plusMonths(1)));
        assertThat(payments(enrolment.id())).containsExactly(month + " " + grant + " 岳自强");
        // and the database refuses a second payment of the grant whatever the code does
        assertThatThrownBy(() -> jdbc.sql("""
                insert into payment (payroll_id, enrolment_id, one_off_enrolment_id, benefit_month, household_id,
                    township_code, payee_name, payee_id_number, bank_name, bank_account, people_count, amount, status, created_at)
                select payroll_id, enrolment_id, one_off_enrolment_id, benefit_month, household_id, township_code, payee_name,
                    payee_id_number, bank_name, bank_account, people_count, amount, status, created_at
                from payment where one_off_enrolment_id = ?""").param(enrolment.id()).update())
                .isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
        assertThat(auditActions(registered.id())).containsExactly("CREATED", "ROUTE_APPROVED", "GRANT_LISTED");
    }

    /**
     * An NCO of 12 years is placed in a job. The notice goes out on Thursday 24 September 2026 at 15:00: 20 working
     * days by the 2026 calendar (中秋 and 国庆 off, Saturday 10 October worked) end with Thursday 29 October, so the
     * limit is due at midnight; the 优抚安置科 supervises, and the unit's report-in closes the case.
     */
    @Test
    void anNcoOfTwelveYearsIsPlacedInAJobAndALateReportInIsSupervised() {
        clock(LocalDateTime.of(2026, 9, 24, 15, 0));
        String id = person("岳士官", 32);
        ProcessInstance instance = userTasks.start(CLERK, KEY,
                ResettlementPeople.nco(id, LocalDate.of(2026, 9, 1), "STAFF_SERGEANT", 12L));
        Resettlement r = resettlementOf(instance);
        assertThat(r.route()).isEqualTo(PlacementRoute.JOB);
        assertThat(r.routeReason()).isEqualTo("士官服现役满12年，安排工作");
        userTasks.complete(SECTION, instance, TASK_REVIEW, Map.of("reviewDecision", APPROVE));
        assertThat(instance).isWaitingAt(TASK_ASSIGN_UNIT).task().hasCandidateGroup("youfu-section");
        assertThatThrownBy(() -> userTasks.complete(SECTION, instance, TASK_ASSIGN_UNIT, Map.of()))
                .satisfies(violation("接收单位不能为空"));
        userTasks.complete(SECTION, instance, TASK_ASSIGN_UNIT,
                Map.of("receivingUnit", "中原区城市管理局", "placementNote", "中民安〔2026〕12号"));
        assertThat(instance).isWaitingAt(TASK_CONFIRM_REPORT_IN);
        assertThat(variable(instance, "receivingUnitName")).isEqualTo("中原区城市管理局");
        assertThat(resettlements.find(r.id()).orElseThrow().status()).isEqualTo(ResettlementStatus.UNIT_ASSIGNED);
        assertThat(timeLimits.of(ResettlementLimit.SUBJECT, r.id())).singleElement().satisfies(l -> {
            assertThat(l.limitKind()).isEqualTo("REPORT_IN");
            assertThat(l.dueAt()).isEqualTo(LocalDateTime.of(2026, 10, 30, 0, 0));
        });
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(ResettlementLimit.REPORT_IN.timerId()).singleResult();
        assertThat(timer.getDuedate()).isEqualTo(beijing(LocalDateTime.of(2026, 10, 30, 0, 0)));

        clock(LocalDateTime.of(2026, 10, 30, 8, 0));
        engine.getManagementService().executeJob(timer.getId());
        assertThat(instance).isWaitingAt(TASK_CONFIRM_REPORT_IN).hasPassed(TASK_REPORT_OVERRUN, END_OVERRUN_REPORTED);
        ProcessInstance supervision = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(StatutorySupervisionProcess.KEY)
                .processInstanceBusinessKey(ResettlementLimit.SUBJECT + "-" + r.id()).singleResult();
        assertThat(supervision).task().hasCandidateGroup("youfu-section");
        assertThat(engine.getRuntimeService().getVariables(supervision.getId()))
                .containsEntry("workName", "退役士兵到接收单位报到").containsEntry("subjectName", "岳士官");
        userTasks.complete(SECTION, supervision, StatutorySupervisionProcess.TASK_SUPERVISE,
                Map.of("supervisionComment", "已电话督促接收单位和本人，限三日内报到"));
        assertThat(supervision).isEnded();

        assertThatThrownBy(() -> userTasks.complete(SECTION, instance, TASK_CONFIRM_REPORT_IN,
                Map.of("reportedInOn", "2026-11-02"))).satisfies(violation("报到日期不能晚于今天"));
        userTasks.complete(SECTION, instance, TASK_CONFIRM_REPORT_IN, Map.of("reportedInOn", "2026-10-30", "reportInNote", "接收单位回执"));
        assertThat(instance).isEnded().hasPassed(END_REPORTED_IN);
        Resettlement closed = resettlements.find(r.id()).orElseThrow();
        assertThat(closed.status()).isEqualTo(ResettlementStatus.REPORTED_IN);
        assertThat(closed.receivingUnit()).isEqualTo("中原区城市管理局");
        assertThat(closed.reportedInOn()).isEqualTo(LocalDate.of(2026, 10, 30));
        assertThat(closed.enrolmentId()).isNull();
        assertThat(timeLimits.of(ResettlementLimit.SUBJECT, r.id())).singleElement().satisfies(l -> {
            assertThat(l.overrunAt()).isEqualTo(LocalDateTime.of(2026, 10, 30, 8, 0));
            assertThat(l.supervisedBy()).isEqualTo(SECTION);
            assertThat(l.metAt()).isNotNull();
        });
        assertThat(auditActions(r.id())).containsExactly("CREATED", "ROUTE_APPROVED", "UNIT_ASSIGNED",
                "TIME_LIMIT_OVERRUN", "TIME_LIMIT_SUPERVISED", "REPORTED_IN");
    }

    @Test
    void supportAndRetirementCasesAreHandedOverWithAChineseNote() {
        String disabled = person("岳伤残", 22);
        var form = ResettlementPeople.conscript(disabled, EngineClock.today().minusDays(5));
        form.put("disabilityGrade", 3L);
        form.put("disabilityCause", "WAR");
        ProcessInstance support = userTasks.start(CLERK, KEY, form);
        assertThat(resettlementOf(support).route()).isEqualTo(PlacementRoute.SUPPORT);
        assertThat(variable(support, "caseSummary")).endsWith("；因战3级残疾");
        userTasks.complete(SECTION, support, TASK_REVIEW, Map.of("reviewDecision", APPROVE));
        assertThat(support).isEnded().hasPassed(TASK_HAND_OVER, END_HANDED_OVER);
        Resettlement handed = resettlementOf(support);
        assertThat(handed.status()).isEqualTo(ResettlementStatus.HANDED_OVER);
        assertThat(handed.closingNote()).startsWith("由国家供养，已移交区退役军人事务部门");

        String senior = person("岳军士长", 50);
        ProcessInstance retire = userTasks.start(CLERK, KEY,
                ResettlementPeople.nco(senior, EngineClock.today().minusDays(5), "MASTER_SERGEANT_2", 30L));
        userTasks.complete(SECTION, retire, TASK_REVIEW, Map.of("reviewDecision", APPROVE));
        assertThat(retire).isEnded().hasPassed(TASK_HAND_OVER, END_HANDED_OVER);
        assertThat(resettlementOf(retire).closingNote()).startsWith("作退休安置，已移交").contains("中级以上士官服现役满30年");
    }

    @Test
    void theDistrictRefusesWithAReasonAndTheSoldierMayBeRegisteredAgain() {
        String id = person("岳退回", 21);
        var form = ResettlementPeople.conscript(id, EngineClock.today().minusDays(3));
        ProcessInstance instance = userTasks.start(CLERK, KEY, form);
        assertThat(variable(instance, "registeredBy")).isEqualTo(CLERK);
        // four-eyes: whoever registered the arrival does not review it (a clerk seconded to the section, say)
        engine.getRuntimeService().setVariable(instance.getId(), "registeredBy", SECTION);
        assertThatThrownBy(() -> userTasks.complete(SECTION, instance, TASK_REVIEW, Map.of("reviewDecision", APPROVE)))
                .satisfies(violation("四眼原则：周国栋（区民政局优抚安置科）已受理登记本案件"));
        engine.getRuntimeService().setVariable(instance.getId(), "registeredBy", CLERK);
        assertThatThrownBy(() -> userTasks.complete(SECTION, instance, TASK_REVIEW, Map.of("reviewDecision", REJECT)))
                .satisfies(violation("退回须写明理由"));
        userTasks.complete(SECTION, instance, TASK_REVIEW, Map.of("reviewDecision", REJECT, "reviewComment", "服役年限与退出现役证不符"));
        assertThat(instance).isEnded().hasPassed(END_REFUSED).hasNotPassed(TASK_LIST_GRANT);
        Resettlement refused = resettlementOf(instance);
        assertThat(refused.status()).isEqualTo(ResettlementStatus.REFUSED);
        assertThat(refused.reviewComment()).isEqualTo("服役年限与退出现役证不符");
        assertThat(refused.enrolmentId()).isNull();
        ProcessInstance again = userTasks.start(CLERK, KEY, form);
        assertThat(again).isWaitingAt(TASK_REVIEW);
    }

    @Test
    void aLateArrivalIsRegisteredFlaggedWithItsReason() {
        String id = person("岳逾期", 21);
        var form = ResettlementPeople.conscript(id, EngineClock.today().minusDays(45));
        long before = count("veteran_resettlement");
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, form)).satisfies(violation("超过30天的报到期限，按逾期报到登记，须写明逾期原因"));
        assertThat(count("veteran_resettlement")).isEqualTo(before);
        form.put("lateReason", "退役后住院治疗，有医院证明");
        ProcessInstance instance = userTasks.start(CLERK, KEY, form);
        Resettlement late = resettlementOf(instance);
        assertThat(late.lateArrival()).isTrue();
        assertThat(late.lateReason()).isEqualTo("退役后住院治疗，有医院证明");
        assertThat(late.route()).isEqualTo(PlacementRoute.SELF_EMPLOYMENT);
        assertThat(variable(instance, "caseSummary")).contains("（逾期报到：退役后住院治疗，有医院证明）");
    }

    @Test
    void badInputAndASecondRegistrationAreRefusedInChineseAndNothingIsWritten() {
        String id = person("岳错误", 21);
        long rowsBefore = count("veteran_resettlement");
        long instancesBefore = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count();
        var future = ResettlementPeople.conscript(id, EngineClock.today().plusDays(1));
        var officer = ResettlementPeople.conscript(id, EngineClock.today().minusDays(1));
        officer.put("rankKind", "OFFICER");
        String valid = ResettlementPeople.idNumber(LocalDate.of(2004, 1, 1));
        String wrongCheck = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
        var badId = ResettlementPeople.conscript(wrongCheck, EngineClock.today().minusDays(1));
        var unknown = ResettlementPeople.conscript(ResettlementPeople.idNumber(LocalDate.of(2004, 1, 1)), EngineClock.today());
        Map<String, Map<String, Object>> forms = Map.of(
                "退役日期" + EngineClock.today().plusDays(1) + "晚于今天", future,
                "军官（军队转业干部）的安置", officer,
                "不是有效的居民身份证号码", badId,
                "不在户籍家庭信息中", unknown);
        forms.forEach((message, form) -> assertThatThrownBy(() -> userTasks.start(CLERK, KEY, form))
                .as(message).satisfies(violation(message)));
        assertThatThrownBy(() -> userTasks.start("clerk.renqiu", KEY, ResettlementPeople.conscript(id, EngineClock.today())))
                .satisfies(violation("您只能登记本乡镇（街道）户籍的退役士兵"));
        assertThat(count("veteran_resettlement")).isEqualTo(rowsBefore);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count())
                .isEqualTo(instancesBefore);

        ProcessInstance first = userTasks.start(CLERK, KEY, ResettlementPeople.conscript(id, EngineClock.today()));
        String caseNumber = resettlementOf(first).caseNumber();
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, ResettlementPeople.conscript(id, EngineClock.today())))
                .satisfies(violation("岳错误（身份证号" + id + "）已办理退役士兵报到登记（" + caseNumber))
                .satisfies(e -> assertThat(RuleViolation.in(e).orElseThrow().getHttpStatus()).isEqualTo(409));
        assertThat(count("veteran_resettlement")).isEqualTo(rowsBefore + 1);
        // an approved (placed) registration still counts: the same person is not registered twice
        userTasks.complete(SECTION, first, TASK_REVIEW, Map.of("reviewDecision", APPROVE));
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, ResettlementPeople.conscript(id, EngineClock.today())))
                .satisfies(violation("自主就业，一次性经济补助已列入发放"));
    }

    private String person(String name, int age) {
        return ResettlementPeople.register(households, validator, name, age);
    }

    private Resettlement resettlementOf(ProcessInstance instance) {
        return resettlements.findByProcessInstance(instance.getId()).orElseThrow();
    }

    private String variable(ProcessInstance instance, String name) {
        return (String) engine.getRuntimeService().getVariable(instance.getId(), name);
    }

    private List<String> payments(long enrolmentId) {
        return jdbc.sql("select benefit_month, amount, payee_name from payment where enrolment_id = ? order by benefit_month")
                .param(enrolmentId).query((rs, n) -> rs.getString(1) + " " + rs.getBigDecimal(2) + " " + rs.getString(3))
                .list();
    }

    private List<String> auditActions(long id) {
        return jdbc.sql("select action from audit_event where entity_type = ? and entity_id = ? order by id")
                .params(ResettlementLimit.SUBJECT, id).query(String.class).list();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static void clock(LocalDateTime beijingTime) {
        ClockUtil.setCurrentTime(beijing(beijingTime));
    }

    private static Date beijing(LocalDateTime time) {
        return Date.from(time.atZone(WorkingCalendar.ZONE).toInstant());
    }
}
