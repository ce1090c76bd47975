package cn.minzheng.bureau.organisation;

import static cn.minzheng.bureau.organisation.OrganisationRegistrationProcess.*;
import static cn.minzheng.bureau.support.RuleViolations.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.calendar.WorkingCalendar;
import cn.minzheng.bureau.deadline.StatutorySupervisionProcess;
import cn.minzheng.bureau.deadline.StatutoryTimeLimit;
import cn.minzheng.bureau.deadline.StatutoryTimeLimits;
import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.organisation.OrganisationRepository.Organisation;
import cn.minzheng.bureau.support.ProcessTest;
import cn.minzheng.bureau.support.UserTasks;

/**
 * Every path of organisation-registration.bpmn: registered with certificate and announcement, refused at review,
 * refused at approval; four-eyes between reviewer and approver; and the bad input of the application (name taken or
 * forbidden, 业务主管单位 approval missing, funds below the minimum, materials missing) and of the certificate (credit
 * code with a wrong check character), each refused with nothing written.
 */
@ProcessTest
class OrganisationRegistrationProcessTest {

    static final String CLERK = "orgclerk";
    static final String HEAD = "orghead";
    private static final LocalDate TODAY = LocalDate.now();

    @Autowired
    UserTasks userTasks;
    @Autowired
    ProcessEngine engine;
    @Autowired
    DibaoWalker walker;
    @Autowired
    OrganisationRepository register;
    @Autowired
    OrganisationRegistrationService service;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StatutoryTimeLimits timeLimits;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    static String uniqueName(String ending) {
        return "中原区" + ThreadLocalRandom.current().nextInt(1_000_000) + ending;
    }

    static Map<String, Object> application(String name, String kind, String funds) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(NAME.name(), name);
        variables.put(KIND.name(), kind);
        variables.put(LEGAL_REPRESENTATIVE.name(), "周建民");
        variables.put(DOMICILE.name(), "中原区建设路18号");
        variables.put(REGISTERED_FUNDS.name(), funds);
        variables.put(BUSINESS_SCOPE.name(), "组织摄影创作、展览和交流，开展摄影培训");
        variables.put(SUPERVISOR_UNIT.name(), "中原区文化广电和旅游局");
        variables.put(SUPERVISOR_APPROVAL_NO.name(), "中文旅〔2026〕12号");
        variables.put(SUPERVISOR_APPROVED_ON.name(), TODAY.minusDays(10).toString());
        variables.put(CHARTER_PROVIDED.name(), true);
        variables.put(FUNDS_PROOF_PROVIDED.name(), true);
        variables.put(DOMICILE_PROOF_PROVIDED.name(), true);
        variables.put(REPRESENTATIVE_ID_PROVIDED.name(), true);
        return variables;
    }

    @Test
    void aSocialGroupIsReviewedApprovedByAnotherPersonGivenItsCertificateAndAnnounced() {
        String name = uniqueName("摄影家协会");
        ProcessInstance instance = userTasks.start(CLERK, KEY, application(name, "SOCIAL_GROUP", "30000.00"));
        long id = organisationId(instance);
        Organisation applied = register.find(id).orElseThrow();
        assertThat(applied.status()).isEqualTo(OrganisationStatus.APPLIED);
        assertThat(applied.kind()).isEqualTo(OrganisationKind.SOCIAL_GROUP);
        assertThat(applied.registeredFunds()).isEqualByComparingTo("30000.00");
        assertThat(applied.appliedBy()).isEqualTo(CLERK);
        assertThat(register.holder(name, TODAY)).hasValueSatisfying(h -> assertThat(h.organisationId()).isEqualTo(id));
        assertThat(instance).isWaitingAt(TASK_REVIEW).task().hasCandidateGroup("organisation-section");
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "minimumFunds")).isEqualTo("30000.00");
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "organisationKindLabel")).isEqualTo("社会团体");

        userTasks.complete(CLERK, instance, TASK_REVIEW, Map.of(REVIEW_DECISION.name(), APPROVE, REVIEW_COMMENT.name(), "材料齐全"));
        assertThat(instance).isWaitingAt(TASK_APPROVE).task().hasCandidateGroup("organisation-head");
        assertThat(engine.getTaskService().getVariable(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .singleResult().getId(), "reviewerName")).isEqualTo("谢婷（区民政局民间组织管理科）");
        userTasks.complete(HEAD, instance, TASK_APPROVE, Map.of(APPROVAL_DECISION.name(), APPROVE));
        assertThat(instance).isWaitingAt(TASK_CERTIFICATE);
        userTasks.complete(CLERK, instance, TASK_CERTIFICATE, Map.of(CREDIT_CODE.name(), creditCode('1')));

        assertThat(instance).isEnded().hasPassed("Task_AnnounceRegistration", "EndEvent_Registered");
        Organisation registered = register.find(id).orElseThrow();
        assertThat(registered.status()).isEqualTo(OrganisationStatus.REGISTERED);
        assertThat(registered.certificateNo()).matches("区民社证字（" + TODAY.getYear() + "）第\\d{4}号");
        assertThat(registered.registeredOn()).isEqualTo(TODAY);
        assertThat(registered.announcedOn()).isEqualTo(TODAY);
        assertThat(timeLimits.of(OrganisationLimit.SUBJECT, id)).singleElement()
                .satisfies(l -> assertThat(l.metAt()).isNotNull()).satisfies(l -> assertThat(l.overrunAt()).isNull());
        assertThat(registered.reviewedBy()).isEqualTo(CLERK);
        assertThat(registered.approvedBy()).isEqualTo(HEAD);
        assertThat(register.history(id)).extracting(h -> h.status() + ":" + h.changedOn() + ":" + h.changedBy())
                .containsExactly("APPLIED:" + TODAY + ":" + CLERK, "REGISTERED:" + TODAY + ":" + CLERK);
        assertThat(auditActions(id)).containsExactly("APPLIED", "REVIEWED", "APPROVED", "REGISTERED", "ANNOUNCED");
    }

    @Test
    void theApproverMayNotBeTheReviewer() {
        ProcessInstance instance = userTasks.start(CLERK, KEY, application(uniqueName("养老服务中心"), "PRIVATE_NON_ENTERPRISE", "50000"));
        userTasks.complete(HEAD, instance, TASK_REVIEW, Map.of(REVIEW_DECISION.name(), APPROVE));
        assertThatThrownBy(() -> userTasks.complete(HEAD, instance, TASK_APPROVE, Map.of(APPROVAL_DECISION.name(), APPROVE)))
                .hasMessageContaining("韩永刚");
        assertThat(instance).isWaitingAt(TASK_APPROVE);
        assertThat(register.find(organisationId(instance)).orElseThrow().approvedBy()).isNull();
    }

    @Test
    void refusedAtReviewTheNameIsFreeAgain() {
        String name = uniqueName("研究会");
        ProcessInstance instance = userTasks.start(CLERK, KEY, application(name, "SOCIAL_GROUP", "40000"));
        long id = organisationId(instance);
        assertThatThrownBy(() -> userTasks.complete(CLERK, instance, TASK_REVIEW, Map.of(REVIEW_DECISION.name(), REFUSE)))
                .satisfies(violation("不予登记的理由不能为空"));
        userTasks.complete(CLERK, instance, TASK_REVIEW, Map.of(REVIEW_DECISION.name(), REFUSE, REVIEW_COMMENT.name(), "业务范围与业务主管单位职能不符"));
        assertThat(instance).isEnded().hasPassed("Task_RefuseRegistration", "EndEvent_Refused").hasNotPassed(TASK_APPROVE);
        assertThat(register.find(id).orElseThrow().status()).isEqualTo(OrganisationStatus.REFUSED);
        assertThat(register.history(id)).extracting(h -> h.status() + ":" + h.note())
                .containsExactly("APPLIED:申请成立登记", "REFUSED:业务范围与业务主管单位职能不符");
        assertThat(register.holder(name, TODAY)).isEmpty();
        ProcessInstance again = userTasks.start(CLERK, KEY, application(name, "SOCIAL_GROUP", "40000"));
        assertThat(again).isWaitingAt(TASK_REVIEW);
    }

    @Test
    void refusedAtApprovalWithTheApproversReason() {
        ProcessInstance instance = userTasks.start(CLERK, KEY, application(uniqueName("社会工作服务中心"), "PRIVATE_NON_ENTERPRISE", "60000"));
        userTasks.complete(CLERK, instance, TASK_REVIEW, Map.of(REVIEW_DECISION.name(), APPROVE));
        userTasks.complete(HEAD, instance, TASK_APPROVE, Map.of(APPROVAL_DECISION.name(), REFUSE, APPROVAL_COMMENT.name(), "住所证明与实际不符"));
        assertThat(instance).isEnded().hasPassed("EndEvent_Refused").hasNotPassed(TASK_CERTIFICATE);
        long id = organisationId(instance);
        assertThat(register.history(id)).extracting(OrganisationRepository.StatusChange::note).last().isEqualTo("住所证明与实际不符");
    }

    @Test
    void aWrongCreditCodeIsRefusedAndTheOrganisationStaysUnregistered() {
        ProcessInstance instance = userTasks.start(CLERK, KEY, application(uniqueName("书法家协会"), "SOCIAL_GROUP", "30000"));
        long id = organisationId(instance);
        userTasks.complete(CLERK, instance, TASK_REVIEW, Map.of(REVIEW_DECISION.name(), APPROVE));
        userTasks.complete(HEAD, instance, TASK_APPROVE, Map.of(APPROVAL_DECISION.name(), APPROVE));
        String good = creditCode('1');
        String wrongCheck = good.substring(0, 17) + (good.charAt(17) == '0' ? '1' : '0');
        assertThatThrownBy(() -> userTasks.complete(CLERK, instance, TASK_CERTIFICATE, Map.of(CREDIT_CODE.name(), wrongCheck)))
                .satisfies(violation("校验码错误（第18位应为“" + good.charAt(17) + "”）"));
        assertThatThrownBy(() -> userTasks.complete(CLERK, instance, TASK_CERTIFICATE, Map.of(CREDIT_CODE.name(), creditCode('2'))))
                .satisfies(violation("应以“51”开头"));
        assertThat(instance).isWaitingAt(TASK_CERTIFICATE);
        Organisation organisation = register.find(id).orElseThrow();
        assertThat(organisation.status()).isEqualTo(OrganisationStatus.APPLIED);
        assertThat(organisation.creditCode()).isNull();
        assertThat(organisation.certificateNo()).isNull();
        // a code another organisation holds
        ProcessInstance other = userTasks.start(CLERK, KEY, application(uniqueName("楹联协会"), "SOCIAL_GROUP", "30000"));
        userTasks.complete(CLERK, other, TASK_REVIEW, Map.of(REVIEW_DECISION.name(), APPROVE));
        userTasks.complete(HEAD, other, TASK_APPROVE, Map.of(APPROVAL_DECISION.name(), APPROVE));
        userTasks.complete(CLERK, other, TASK_CERTIFICATE, Map.of(CREDIT_CODE.name(), good));
        assertThatThrownBy(() -> userTasks.complete(CLERK, instance, TASK_CERTIFICATE, Map.of(CREDIT_CODE.name(), good)))
                .satisfies(violation("已登记给其他组织"));
        assertThat(register.find(id).orElseThrow().certificateNo()).isNull();
    }

    @Test
    void badApplicationsAreRefusedWithNothingWritten() {
        String taken = uniqueName("集邮协会");
        userTasks.start(CLERK, KEY, application(taken, "SOCIAL_GROUP", "30000"));
        long organisations = count("social_organisation");
        long names = count("social_organisation_name");
        long history = count("social_organisation_status_history");
        long instances = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count();

        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, application(taken, "SOCIAL_GROUP", "30000")))
                .satisfies(violation("已被其他组织登记或申请登记"));
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, application("中华" + uniqueName("文化促进会"), "SOCIAL_GROUP", "30000")))
                .satisfies(violation("不得使用“中华”字样"));
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, application(uniqueName("集邮中心"), "SOCIAL_GROUP", "30000")))
                .satisfies(violation("社会团体的名称应以"));
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, application(uniqueName("集邮协会"), "SOCIAL_GROUP", "29999.99")))
                .satisfies(violation("社会团体的注册资金不得少于30000.00元，申请为29999.99元"));
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, application(uniqueName("康复中心"), "PRIVATE_NON_ENTERPRISE", "30000")))
                .satisfies(violation("民办非企业单位的注册资金不得少于50000.00元"));
        Map<String, Object> noApproval = application(uniqueName("集邮协会"), "SOCIAL_GROUP", "30000");
        noApproval.remove(SUPERVISOR_APPROVAL_NO.name());
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, noApproval)).satisfies(violation("缺少业务主管单位（中原区文化广电和旅游局）的批准文件"));
        Map<String, Object> noUnit = application(uniqueName("集邮协会"), "SOCIAL_GROUP", "30000");
        noUnit.put(SUPERVISOR_UNIT.name(), " ");
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, noUnit)).satisfies(violation("业务主管单位不能为空"));
        Map<String, Object> futureApproval = application(uniqueName("集邮协会"), "SOCIAL_GROUP", "30000");
        futureApproval.put(SUPERVISOR_APPROVED_ON.name(), TODAY.plusDays(1).toString());
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, futureApproval)).satisfies(violation("批准日期不能晚于今天"));
        Map<String, Object> noMaterials = application(uniqueName("集邮协会"), "SOCIAL_GROUP", "30000");
        noMaterials.put(CHARTER_PROVIDED.name(), false);
        noMaterials.put(FUNDS_PROOF_PROVIDED.name(), false);
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, noMaterials)).satisfies(violation("申请材料不全，缺少：章程草案、验资报告（资金证明）"));
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, application(uniqueName("集邮协会"), "FOUNDATION", "30000")))
                .satisfies(violation("组织类型“FOUNDATION”不存在"));

        assertThat(count("social_organisation")).isEqualTo(organisations);
        assertThat(count("social_organisation_name")).isEqualTo(names);
        assertThat(count("social_organisation_status_history")).isEqualTo(history);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(instances);
    }

    @Test
    void aReservedNameIsKeptForTheHolderOfTheReservation() {
        String name = uniqueName("围棋协会");
        String reservation = walker.as(CLERK, () -> service.reserveName(name, "SOCIAL_GROUP", CLERK));
        assertThat(reservation).matches("名核" + TODAY.getYear() + "-\\d{4}");
        assertThat(register.holder(name, TODAY)).hasValueSatisfying(h -> assertThat(h.reservedUntil()).isEqualTo(TODAY.plusMonths(6)));
        assertThatThrownBy(() -> service.checkName(name, "SOCIAL_GROUP")).satisfies(violation("已被预先核准保留（至" + TODAY.plusMonths(6) + "）"));
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, application(name, "SOCIAL_GROUP", "30000"))).satisfies(violation("已被预先核准保留"));
        Map<String, Object> wrongNumber = application(name, "SOCIAL_GROUP", "30000");
        wrongNumber.put(RESERVATION_NO.name(), "名核2000-0001");
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, wrongNumber)).satisfies(violation("已被预先核准保留"));

        Map<String, Object> withReservation = application(name, "SOCIAL_GROUP", "30000");
        withReservation.put(RESERVATION_NO.name(), reservation);
        ProcessInstance instance = userTasks.start(CLERK, KEY, withReservation);
        assertThat(register.holder(name, TODAY)).hasValueSatisfying(h -> {
            assertThat(h.organisationId()).isEqualTo(organisationId(instance));
            assertThat(h.reservationNo()).isEqualTo(reservation);
        });
        Map<String, Object> unknownReservation = application(uniqueName("围棋协会"), "SOCIAL_GROUP", "30000");
        unknownReservation.put(RESERVATION_NO.name(), reservation);
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, unknownReservation)).satisfies(violation("与名称“"));
    }

    /** A well-formed credit code of a civil-affairs organisation (5 + type), unique per call. */
    /**
     * Accepted on Monday 14 September 2026: 60 working days by the 2026 calendar (中秋 25–27 September and 国庆 1–7
     * October off, Sunday 20 September and Saturday 10 October worked) end with Friday 11 December, so the timer fires
     * at midnight into 12 December, Beijing time. The head of the section supervises; the registration goes on and
     * its limit is met when the certificate is announced.
     */
    @Test
    void anApplicationUndecidedAfterSixtyWorkingDaysIsSupervisedByTheHeadAndStillRegistered() {
        clock(LocalDateTime.of(2026, 9, 14, 10, 0));
        String name = uniqueName("书法家协会");
        Map<String, Object> application = application(name, "SOCIAL_GROUP", "30000.00");
        application.put(SUPERVISOR_APPROVED_ON.name(), "2026-09-01");
        ProcessInstance instance = userTasks.start(CLERK, KEY, application);
        long id = organisationId(instance);
        StatutoryTimeLimit limit = timeLimits.of(OrganisationLimit.SUBJECT, id).get(0);
        assertThat(limit.limitKind()).isEqualTo("REGISTRATION");
        assertThat(limit.workingDays()).isEqualTo(60);
        assertThat(limit.dueAt()).isEqualTo(LocalDateTime.of(2026, 12, 12, 0, 0));
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(OrganisationLimit.REGISTRATION.timerId()).singleResult();
        assertThat(timer.getDuedate()).isEqualTo(beijing(LocalDateTime.of(2026, 12, 12, 0, 0)));
        userTasks.complete(CLERK, instance, TASK_REVIEW, Map.of(REVIEW_DECISION.name(), APPROVE));

        clock(LocalDateTime.of(2026, 12, 12, 0, 5));
        engine.getManagementService().executeJob(timer.getId());
        assertThat(instance).isWaitingAt(TASK_APPROVE).hasPassed("Task_ReportOverrun", "EndEvent_OverrunReported");
        assertThat(timeLimits.of(OrganisationLimit.SUBJECT, id).get(0).overrunAt()).isNotNull();
        ProcessInstance supervision = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(StatutorySupervisionProcess.KEY).processInstanceBusinessKey("SOCIAL_ORGANISATION-" + id)
                .singleResult();
        assertThat(supervision).isWaitingAt(StatutorySupervisionProcess.TASK_SUPERVISE).task()
                .hasCandidateGroup("organisation-head");
        assertThat(engine.getRuntimeService().getVariables(supervision.getId())).containsEntry("subjectName", name)
                .containsEntry("workName", "民间组织成立登记").containsEntry("limitName", "成立登记决定（受理后60个工作日内）")
                .containsEntry("limitDueAt", "2026-12-12 00:00");
        assertThatThrownBy(() -> userTasks.complete(HEAD, supervision, StatutorySupervisionProcess.TASK_SUPERVISE,
                Map.of("supervisionComment", " "))).satisfies(violation("请填写督办意见"));
        userTasks.complete(HEAD, supervision, StatutorySupervisionProcess.TASK_SUPERVISE,
                Map.of("supervisionComment", "请民间组织管理科三日内提请审批"));
        assertThat(supervision).isEnded();
        StatutoryTimeLimit supervised = timeLimits.of(OrganisationLimit.SUBJECT, id).get(0);
        assertThat(supervised.supervisedBy()).isEqualTo(HEAD);
        assertThat(supervised.supervisionComment()).isEqualTo("请民间组织管理科三日内提请审批");
        assertThat(supervised.metAt()).isNull();
        assertThat(auditActions(id)).contains("TIME_LIMIT_OVERRUN", "TIME_LIMIT_SUPERVISED");

        clock(LocalDateTime.of(2026, 12, 14, 9, 0));
        userTasks.complete(HEAD, instance, TASK_APPROVE, Map.of(APPROVAL_DECISION.name(), APPROVE));
        userTasks.complete(CLERK, instance, TASK_CERTIFICATE, Map.of(CREDIT_CODE.name(), creditCode('1')));
        assertThat(instance).isEnded().hasPassed("EndEvent_Registered");
        assertThat(timeLimits.of(OrganisationLimit.SUBJECT, id).get(0).metAt()).isEqualTo(LocalDateTime.of(2026, 12, 14, 9, 0));
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static void clock(LocalDateTime beijingTime) {
        ClockUtil.setCurrentTime(beijing(beijingTime));
    }

    static Date beijing(LocalDateTime time) {
        return Date.from(time.atZone(WorkingCalendar.ZONE).toInstant());
    }

    static String creditCode(char type) {
        String first17 = "5" + type + "410102MJ" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
        return first17 + CreditCode.checkCharacter(first17);
    }

    private long organisationId(ProcessInstance instance) {
        return jdbc.sql("select id from social_organisation where process_instance_id = ?").param(instance.getId())
                .query(Long.class).single();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private List<String> auditActions(long id) {
        return jdbc.sql("select action from audit_event where entity_type = 'SOCIAL_ORGANISATION' and entity_id = ? order by id")
                .param(id).query(String.class).list();
    }
}
