package cn.minzheng.bureau.organisation;

import static cn.minzheng.bureau.organisation.AnnualInspectionProcess.*;
import static cn.minzheng.bureau.support.RuleViolations.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
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

import cn.minzheng.bureau.organisation.AnnualInspectionRepository.Inspection;
import cn.minzheng.bureau.organisation.OrganisationQueries.PublicEntry;
import cn.minzheng.bureau.organisation.OrganisationRepository.Application;
import cn.minzheng.bureau.support.ProcessTest;
import cn.minzheng.bureau.support.UserTasks;

/**
 * Every path of organisation-annual-inspection.bpmn: a result reviewed, returned once and confirmed by another person,
 * then published on the public register; 不合格 twice in a row → 责令整改 → remedied; the report deadline missed (the
 * engine clock moved past it) → 责令整改 → not remedied → revoked; the remedy deadline missed → revoked. Bad input of the
 * start and the report refused with nothing written.
 */
@ProcessTest
class AnnualInspectionProcessTest {

    static final String CLERK = "orgclerk";
    static final String HEAD = "orghead";

    @Autowired
    UserTasks userTasks;
    @Autowired
    ProcessEngine engine;
    @Autowired
    OrganisationRepository register;
    @Autowired
    AnnualInspectionRepository inspections;
    @Autowired
    OrganisationQueries queries;
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

    static void clock(LocalDate day) {
        ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(ZoneId.systemDefault()).toInstant()));
    }

    /** A 社会团体 registered and announced on the day (minimum funds 30000); its credit code. */
    String registeredOrganisation(LocalDate on) {
        clock(on);
        String name = "中原区" + ThreadLocalRandom.current().nextInt(1_000_000) + "摄影家协会";
        long id = register.apply(new Application(name, OrganisationKind.SOCIAL_GROUP, "周建民", "中原区建设路18号",
                new BigDecimal("30000.00"), "摄影创作交流", "中原区文化广电和旅游局", "中文旅〔2024〕3号", on.minusDays(20)),
                null, on, null, CLERK);
        String code = OrganisationRegistrationProcessTest.creditCode('1');
        register.registered(id, code, on, CLERK);
        register.announced(id, on);
        return code;
    }

    static Map<String, Object> start(String creditCode, Object year) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CREDIT_CODE.name(), creditCode);
        variables.put(INSPECTION_YEAR.name(), year);
        return variables;
    }

    static Map<String, Object> report(String netAssets, long activities, String charter, String opinion) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(INCOME.name(), 120000.5);
        variables.put(EXPENDITURE.name(), "98000");
        variables.put(NET_ASSETS.name(), netAssets);
        variables.put(ACTIVITIES_HELD.name(), activities);
        variables.put(CHARTER_FOLLOWED.name(), charter);
        variables.put(SUPERVISOR_OPINION.name(), opinion);
        return variables;
    }

    static Map<String, Object> qualifiedReport() {
        return report("52000.00", 12, YES, YES);
    }

    static Map<String, Object> unqualifiedReport() {
        return report("52000.00", 0, YES, YES);
    }

    @Test
    void aQualifiedResultIsReviewedReturnedOnceConfirmedByAnotherPersonAndPublished() {
        String code = registeredOrganisation(LocalDate.of(2024, 6, 10));
        clock(LocalDate.of(2025, 3, 2));
        ProcessInstance instance = userTasks.start(CLERK, KEY, start(code, 2024L));
        Inspection opened = inspection(code, 2024);
        assertThat(opened.status()).isEqualTo(AnnualInspectionRepository.Stage.OPEN);
        assertThat(opened.reportDeadline()).isEqualTo(LocalDate.of(2025, 5, 31));
        assertThat(instance).isWaitingAt(TASK_REPORT).task().hasCandidateGroup("organisation-section");
        assertThat(timer(instance, TIMER_REPORT_OVERDUE).getDuedate()).isEqualTo(
                Date.from(LocalDate.of(2025, 6, 1).atStartOfDay(ZoneId.systemDefault()).toInstant()));
        assertThat(variable(instance, "previousResult")).isEqualTo("无");

        userTasks.complete(CLERK, instance, TASK_REPORT, qualifiedReport());
        assertThat(instance).isWaitingAt(TASK_REVIEW);
        assertThat(variable(instance, "inspectionResultLabel")).isEqualTo("合格");
        assertThat(variable(instance, "netAssets")).isEqualTo("52000.00");
        Inspection reported = inspection(code, 2024);
        assertThat(reported.income()).isEqualByComparingTo("120000.50");
        assertThat(reported.activitiesHeld()).isEqualTo(12);
        assertThat(reported.result()).isEqualTo(InspectionResult.QUALIFIED);
        assertThat(reported.publishedOn()).isNull();
        assertThat(publicEntry(code).inspectionLabel()).isEmpty();

        userTasks.complete(CLERK, instance, TASK_REVIEW, Map.of(REVIEW_COMMENT.name(), "与纸质报表一致"));
        assertThatThrownBy(() -> userTasks.complete(HEAD, instance, TASK_DECIDE, Map.of(DECISION.name(), RETURN)))
                .satisfies(violation("退回的理由不能为空"));
        userTasks.complete(HEAD, instance, TASK_DECIDE, Map.of(DECISION.name(), RETURN, DECISION_COMMENT.name(), "请核对活动次数"));
        assertThat(instance).isWaitingAt(TASK_REVIEW);
        userTasks.complete(CLERK, instance, TASK_REVIEW, Map.of(REVIEW_COMMENT.name(), "已核对，12次"));
        userTasks.complete(HEAD, instance, TASK_DECIDE, Map.of(DECISION.name(), CONFIRM));

        assertThat(instance).isEnded().hasPassed("Task_PublishResult", "EndEvent_Published").hasNotPassed("Task_OrderRectification");
        Inspection published = inspection(code, 2024);
        assertThat(published.status()).isEqualTo(AnnualInspectionRepository.Stage.PUBLISHED);
        assertThat(published.publishedOn()).isEqualTo(LocalDate.of(2025, 3, 2));
        assertThat(published.reviewedBy()).isEqualTo(CLERK);
        assertThat(published.decidedBy()).isEqualTo(HEAD);
        assertThat(publicEntry(code).inspectionLabel()).isEqualTo("2024年度 合格");
        assertThat(publicEntry(code).statusLabel()).isEqualTo("正常");
    }

    @Test
    void theHeadMayNotDecideWhatHeReviewed() {
        String code = registeredOrganisation(LocalDate.of(2024, 6, 10));
        clock(LocalDate.of(2025, 3, 2));
        ProcessInstance instance = userTasks.start(CLERK, KEY, start(code, 2024L));
        userTasks.complete(CLERK, instance, TASK_REPORT, report("10000", 3, YES, NO));
        assertThat(inspection(code, 2024).result()).isEqualTo(InspectionResult.BASICALLY_QUALIFIED);
        assertThat(inspection(code, 2024).resultReason()).isEqualTo("业务主管单位未出具初审意见");
        userTasks.complete(HEAD, instance, TASK_REVIEW, Map.of());
        assertThatThrownBy(() -> userTasks.complete(HEAD, instance, TASK_DECIDE, Map.of(DECISION.name(), CONFIRM)))
                .hasMessageContaining("四眼原则");
        assertThat(instance).isWaitingAt(TASK_DECIDE);
        assertThat(inspection(code, 2024).decidedBy()).isNull();
    }

    @Test
    void unqualifiedTwiceInARowIsOrderedToRectifyAndRemedies() {
        String code = registeredOrganisation(LocalDate.of(2023, 4, 1));
        clock(LocalDate.of(2024, 3, 1));
        ProcessInstance first = userTasks.start(CLERK, KEY, start(code, 2023L));
        decide(first, unqualifiedReport());
        assertThat(first).isEnded().hasPassed("EndEvent_Published");
        assertThat(publicEntry(code).inspectionLabel()).isEqualTo("2023年度 不合格");

        clock(LocalDate.of(2025, 3, 1));
        ProcessInstance second = userTasks.start(CLERK, KEY, start(code, 2024L));
        assertThat(variable(second, "previousResult")).isEqualTo("不合格");
        decide(second, report("52000", 4, NO, YES));
        assertThat(inspection(code, 2024).resultReason()).isEqualTo("未按照章程开展活动");
        assertThat(second).hasPassed("Task_OrderRectification").isWaitingAt(TASK_CHECK_REMEDY);
        long id = register.findByCreditCode(code).orElseThrow().id();
        assertThat(register.find(id).orElseThrow().status()).isEqualTo(OrganisationStatus.RECTIFYING);
        assertThat(inspection(code, 2024).remedyDeadline()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(publicEntry(code).statusLabel()).isEqualTo("责令整改");
        assertThat(publicEntry(code).inspectionLabel()).isEqualTo("2024年度 不合格");

        assertThatThrownBy(() -> userTasks.complete(CLERK, second, TASK_CHECK_REMEDY, Map.of(REMEDY_OUTCOME.name(), REMEDIED)))
                .satisfies(violation("整改核查情况不能为空"));
        clock(LocalDate.of(2025, 5, 20));
        userTasks.complete(CLERK, second, TASK_CHECK_REMEDY, Map.of(REMEDY_OUTCOME.name(), REMEDIED,
                REMEDY_COMMENT.name(), "已修订章程并按章程换届"));
        assertThat(second).isEnded().hasPassed("Task_EndRectification", "EndEvent_Remedied");
        assertThat(register.find(id).orElseThrow().status()).isEqualTo(OrganisationStatus.REGISTERED);
        assertThat(register.history(id)).extracting(h -> h.status() + ":" + h.changedOn()).containsExactly(
                "APPLIED:2023-04-01", "REGISTERED:2023-04-01", "RECTIFYING:2025-03-01", "REGISTERED:2025-05-20");
        assertThat(inspection(code, 2024).remedyOutcome()).isEqualTo(REMEDIED);
    }

    @Test
    void aMissedDeadlineIsPublishedOrderedToRectifyAndNotRemediedRevoked() {
        String code = registeredOrganisation(LocalDate.of(2024, 6, 10));
        clock(LocalDate.of(2025, 1, 15));
        ProcessInstance instance = userTasks.start(CLERK, KEY, start(code, 2024L));
        clock(LocalDate.of(2025, 6, 1));
        Job timer = timer(instance, TIMER_REPORT_OVERDUE);
        assertThat(engine.getManagementService().createJobQuery().jobId(timer.getId()).executable().count()).isEqualTo(1);
        engine.getManagementService().executeJob(timer.getId());

        assertThat(instance).hasPassed("Task_RecordMissedDeadline", "Task_OrderRectification").isWaitingAt(TASK_CHECK_REMEDY);
        Inspection missed = inspection(code, 2024);
        assertThat(missed.result()).isEqualTo(InspectionResult.NOT_SUBMITTED);
        assertThat(missed.publishedOn()).isEqualTo(LocalDate.of(2025, 6, 1));
        assertThat(publicEntry(code).inspectionLabel()).isEqualTo("2024年度 未按期参加年检");
        assertThat(publicEntry(code).statusLabel()).isEqualTo("责令整改");

        userTasks.complete(CLERK, instance, TASK_CHECK_REMEDY, Map.of(REMEDY_OUTCOME.name(), NOT_REMEDIED,
                REMEDY_COMMENT.name(), "仍未报送年度工作报告"));
        assertThat(instance).isWaitingAt(TASK_APPROVE_REVOCATION).task().hasCandidateGroup("organisation-head");
        assertThatThrownBy(() -> userTasks.complete(HEAD, instance, TASK_APPROVE_REVOCATION, Map.of()))
                .satisfies(violation("撤销登记的理由不能为空"));
        userTasks.complete(HEAD, instance, TASK_APPROVE_REVOCATION, Map.of(REVOCATION_REASON.name(), "责令整改后逾期未整改"));
        assertThat(instance).isEnded().hasPassed("Task_Revoke", "EndEvent_Revoked");
        long id = register.findByCreditCode(code).orElseThrow().id();
        assertThat(register.find(id).orElseThrow().status()).isEqualTo(OrganisationStatus.REVOKED);
        assertThat(register.history(id)).extracting(h -> h.status() + ":" + h.changedBy()).last().isEqualTo("REVOKED:" + HEAD);
        assertThat(publicEntry(code).statusLabel()).isEqualTo("已撤销");
        assertThat(inspection(code, 2024).remedyOutcome()).isEqualTo(NOT_REMEDIED);
        // a revoked organisation is inspected no more
        clock(LocalDate.of(2026, 2, 1));
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, start(code, 2025L))).satisfies(violation("当前状态为“已撤销”"));
    }

    @Test
    void theRemedyDeadlinePassingLeadsToTheHeadsRevocation() {
        String code = registeredOrganisation(LocalDate.of(2024, 6, 10));
        clock(LocalDate.of(2025, 7, 1));
        ProcessInstance instance = userTasks.start(CLERK, KEY, start(code, 2024L));
        // started after the deadline: the timer is due at once
        engine.getManagementService().executeJob(timer(instance, TIMER_REPORT_OVERDUE).getId());
        assertThat(instance).isWaitingAt(TASK_CHECK_REMEDY);
        assertThat(inspection(code, 2024).remedyDeadline()).isEqualTo(LocalDate.of(2025, 10, 1));
        Job remedyTimer = timer(instance, TIMER_REMEDY_OVERDUE);
        assertThat(remedyTimer.getDuedate()).isEqualTo(Date.from(LocalDate.of(2025, 10, 2).atStartOfDay(ZoneId.systemDefault()).toInstant()));
        clock(LocalDate.of(2025, 10, 2));
        engine.getManagementService().executeJob(remedyTimer.getId());
        assertThat(instance).hasPassed("Task_RecordRemedyOverdue").isWaitingAt(TASK_APPROVE_REVOCATION);
        userTasks.complete(HEAD, instance, TASK_APPROVE_REVOCATION, Map.of(REVOCATION_REASON.name(), "整改期限届满未整改"));
        assertThat(instance).isEnded().hasPassed("EndEvent_Revoked");
        assertThat(register.findByCreditCode(code).orElseThrow().status()).isEqualTo(OrganisationStatus.REVOKED);
    }

    @Test
    void badInputIsRefusedWithNothingWritten() {
        String code = registeredOrganisation(LocalDate.of(2024, 6, 10));
        clock(LocalDate.of(2025, 3, 2));
        ProcessInstance instance = userTasks.start(CLERK, KEY, start(code, 2024L));
        long rows = count("social_organisation_inspection");
        long instances = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count();

        String wrongCheck = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, start(wrongCheck, 2024L))).satisfies(violation("校验码错误"));
        String unknown = OrganisationRegistrationProcessTest.creditCode('1');
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, start(unknown, 2024L))).satisfies(violation("没有统一社会信用代码为"));
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, start(code, 2024L))).satisfies(violation("2024年度的年度检查已经开展"));
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, start(code, 2025L))).satisfies(violation("检查年度不能大于2024"));
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, start(code, 2023L))).satisfies(violation("不参加2023年度检查"));
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, start(code, null))).satisfies(violation("检查年度不能为空"));
        assertThat(count("social_organisation_inspection")).isEqualTo(rows);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(instances);

        Map<String, Object> noIncome = qualifiedReport();
        noIncome.remove(INCOME.name());
        Map<String, Object> negativeExpenditure = qualifiedReport();
        negativeExpenditure.put(EXPENDITURE.name(), "-5");
        Map<String, Object> fractional = qualifiedReport();
        fractional.put(ACTIVITIES_HELD.name(), 2.5);
        Map<String, Object> noAnswer = qualifiedReport();
        noAnswer.remove(SUPERVISOR_OPINION.name());
        Map<String, Object> badAnswer = qualifiedReport();
        badAnswer.put(CHARTER_FOLLOWED.name(), "MAYBE");
        Map<String, Object> badAssets = qualifiedReport();
        badAssets.put(NET_ASSETS.name(), "五万");
        for (var bad : List.of(
                Map.entry(noIncome, "年度收入（元）不能为空"), Map.entry(negativeExpenditure, "年度支出（元）不能为负数"),
                Map.entry(fractional, "年度开展活动次数必须是整数"), Map.entry(noAnswer, "请选择业务主管单位是否出具初审意见"),
                Map.entry(badAnswer, "请选择是否按照章程开展活动"), Map.entry(badAssets, "年末净资产（元）"))) {
            assertThatThrownBy(() -> userTasks.complete(CLERK, instance, TASK_REPORT, bad.getKey())).satisfies(violation(bad.getValue()));
        }
        assertThat(instance).isWaitingAt(TASK_REPORT);
        Inspection untouched = inspection(code, 2024);
        assertThat(untouched.status()).isEqualTo(AnnualInspectionRepository.Stage.OPEN);
        assertThat(untouched.income()).isNull();
        assertThat(untouched.result()).isNull();
        // a negative net assets figure is allowed: 资不抵债, 不合格
        userTasks.complete(CLERK, instance, TASK_REPORT, report("-1200.00", 5, YES, YES));
        assertThat(inspection(code, 2024).netAssets()).isEqualByComparingTo("-1200.00");
        assertThat(inspection(code, 2024).result()).isEqualTo(InspectionResult.UNQUALIFIED);
    }

    private void decide(ProcessInstance instance, Map<String, Object> report) {
        userTasks.complete(CLERK, instance, TASK_REPORT, report);
        userTasks.complete(CLERK, instance, TASK_REVIEW, Map.of());
        userTasks.complete(HEAD, instance, TASK_DECIDE, Map.of(DECISION.name(), CONFIRM));
    }

    private Inspection inspection(String code, int year) {
        return inspections.find(register.findByCreditCode(code).orElseThrow().id(), year).orElseThrow();
    }

    private PublicEntry publicEntry(String code) {
        return queries.publicRegister(code).stream().filter(e -> e.creditCode().equals(code)).findFirst().orElseThrow();
    }

    private Object variable(ProcessInstance instance, String name) {
        return engine.getRuntimeService().getVariable(instance.getId(), name);
    }

    private Job timer(ProcessInstance instance, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .timers().singleResult();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
