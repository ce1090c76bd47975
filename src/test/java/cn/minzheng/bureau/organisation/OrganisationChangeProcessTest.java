package cn.minzheng.bureau.organisation;

import static cn.minzheng.bureau.organisation.OrganisationChangeProcess.*;
import static cn.minzheng.bureau.support.RuleViolations.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.deadline.StatutorySupervisionProcess;
import cn.minzheng.bureau.deadline.StatutoryTimeLimit;
import cn.minzheng.bureau.deadline.StatutoryTimeLimits;
import cn.minzheng.bureau.organisation.OrganisationRepository.Change;
import cn.minzheng.bureau.organisation.OrganisationRepository.Organisation;
import cn.minzheng.bureau.support.ProcessTest;
import cn.minzheng.bureau.support.UserTasks;

/**
 * Every path of organisation-change.bpmn (变更登记 and 注销登记): approved (name, representative, domicile, funds, scope,
 * cancellation), refused at review, refused at approval; four-eyes; bad input refused with nothing written.
 */
@ProcessTest
class OrganisationChangeProcessTest {

    static final String CLERK = "orgclerk";
    static final String HEAD = "orghead";
    private static final LocalDate TODAY = LocalDate.now();

    @Autowired
    UserTasks userTasks;
    @Autowired
    ProcessEngine engine;
    @Autowired
    OrganisationRepository register;
    @Autowired
    OrganisationQueries queries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    StatutoryTimeLimits timeLimits;
    @Autowired
    OrganisationChangeService changes;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    /** A registered, announced 社会团体; its credit code. */
    String registered(String name) {
        LocalDate on = LocalDate.of(2024, 6, 10);
        long id = register.apply(new OrganisationRepository.Application(name, OrganisationKind.SOCIAL_GROUP, "周建民",
                "中原区建设路18号", new BigDecimal("30000.00"), "摄影创作交流", "中原区文化广电和旅游局", "中文旅〔2024〕3号",
                on.minusDays(20)), null, on, null, CLERK);
        String code = OrganisationRegistrationProcessTest.creditCode('1');
        register.registered(id, code, on, CLERK);
        register.announced(id, on);
        return code;
    }

    static Map<String, Object> change(String code, String kind, Object newValue) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(CREDIT_CODE.name(), code);
        variables.put(CHANGE_KIND.name(), kind);
        variables.put(NEW_VALUE.name(), newValue);
        variables.put(CHANGE_REASON.name(), "会员大会决议");
        return variables;
    }

    static Map<String, Object> cancellation(String code) {
        Map<String, Object> variables = change(code, "CANCELLATION", null);
        variables.put(CHANGE_REASON.name(), "会员大会决议解散");
        variables.put(LIQUIDATION_REPORT_DATE.name(), TODAY.minusDays(5).toString());
        variables.put(NET_ASSETS_DESTINATION.name(), "移交中原区慈善总会用于公益事业");
        return variables;
    }

    /**
     * Accepted on Thursday 24 September 2026 at 15:00: 20 working days by the 2026 calendar (中秋 25–27 September and
     * 国庆 1–7 October off, Saturday 10 October worked) end with Thursday 29 October; without the holidays they would
     * end on 22 October. The head supervises, the change goes on and its limit is met when it is recorded.
     */
    @Test
    void aChangeUndecidedAfterTwentyWorkingDaysIsSupervisedByTheHead() {
        String code = registered(OrganisationRegistrationProcessTest.uniqueName("集邮协会"));
        OrganisationRegistrationProcessTest.clock(LocalDateTime.of(2026, 9, 24, 15, 0));
        ProcessInstance instance = userTasks.start(CLERK, KEY, change(code, "DOMICILE", "中原区桐柏路66号"));
        long id = register.findByCreditCode(code).orElseThrow().id();
        assertThat(timeLimits.of(OrganisationLimit.SUBJECT, id)).singleElement().satisfies(l -> {
            assertThat(l.limitKind()).isEqualTo("CHANGE");
            assertThat(l.dueAt()).isEqualTo(LocalDateTime.of(2026, 10, 30, 0, 0));
        });
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(OrganisationLimit.CHANGE.timerId()).singleResult();
        assertThat(timer.getDuedate()).isEqualTo(OrganisationRegistrationProcessTest.beijing(LocalDateTime.of(2026, 10, 30, 0, 0)));

        OrganisationRegistrationProcessTest.clock(LocalDateTime.of(2026, 10, 30, 8, 0));
        engine.getManagementService().executeJob(timer.getId());
        assertThat(instance).isWaitingAt(TASK_REVIEW).hasPassed("Task_ReportOverrun", "EndEvent_OverrunReported");
        ProcessInstance supervision = engine.getRuntimeService().createProcessInstanceQuery()
                .processDefinitionKey(StatutorySupervisionProcess.KEY).processInstanceBusinessKey("SOCIAL_ORGANISATION-" + id)
                .singleResult();
        assertThat(supervision).task().hasCandidateGroup("organisation-head");
        assertThat(engine.getRuntimeService().getVariables(supervision.getId())).containsEntry("workName", "民间组织住所变更")
                .containsEntry("limitName", "变更或注销登记决定（受理后20个工作日内）");
        assertThatThrownBy(() -> changes.extendTimeLimit(id, "材料需核实", HEAD, HEAD_GROUPS))
                .satisfies(violation("期限已于2026-10-30 00:00届满并已报督办，延长须在期限届满前决定"))
                .satisfies(e -> assertThat(((RuleViolation) e).getHttpStatus()).isEqualTo(409));
        userTasks.complete(HEAD, supervision, StatutorySupervisionProcess.TASK_SUPERVISE,
                Map.of("supervisionComment", "即日审查，下周一前报批"));
        assertThat(supervision).isEnded();

        approve(instance);
        assertThat(instance).isEnded().hasPassed("EndEvent_Changed");
        assertThat(timeLimits.of(OrganisationLimit.SUBJECT, id)).singleElement().satisfies(l -> {
            assertThat(l.overrunAt()).isEqualTo(LocalDateTime.of(2026, 10, 30, 8, 0));
            assertThat(l.supervisedBy()).isEqualTo(HEAD);
            assertThat(l.metAt()).isEqualTo(LocalDateTime.of(2026, 10, 30, 8, 0));
        });
    }

    /**
     * 行政许可法第四十二条: accepted on Thursday 24 September 2026 at 15:00, the 20 working days end with Thursday
     * 29 October; the head extends them by 10 on 28 October: 30 working days end with Thursday 12 November (Friday
     * 30 October, then two plain weeks less a day), the timer moves to midnight after it. Nothing is overdue on
     * 30 October; the change decided then meets the limit. Not the clerk, not without a reason, not twice.
     */
    @Test
    void theHeadExtendsTheTwentyWorkingDaysOnceByTenBeforeTheyRunOut() {
        String code = registered(OrganisationRegistrationProcessTest.uniqueName("集邮协会"));
        OrganisationRegistrationProcessTest.clock(LocalDateTime.of(2026, 9, 24, 15, 0));
        ProcessInstance instance = userTasks.start(CLERK, KEY, change(code, "DOMICILE", "中原区桐柏路66号"));
        long id = register.findByCreditCode(code).orElseThrow().id();

        OrganisationRegistrationProcessTest.clock(LocalDateTime.of(2026, 10, 28, 10, 0));
        assertThatThrownBy(() -> changes.extendTimeLimit(id, "材料需核实", CLERK, List.of("organisation-section")))
                .satisfies(violation("只有民间组织管理科负责人可以批准延长变更、注销登记的办理期限"));
        assertThatThrownBy(() -> changes.extendTimeLimit(id, "  ", HEAD, HEAD_GROUPS)).satisfies(violation("延长期限的理由不能为空"));
        assertThat(timeLimits.of(OrganisationLimit.SUBJECT, id)).singleElement().satisfies(l -> {
            assertThat(l.workingDays()).isEqualTo(20);
            assertThat(l.extendedAt()).isNull();
        });

        StatutoryTimeLimit extended = changes.extendTimeLimit(id, "住所产权证明须向不动产登记中心核实", HEAD, HEAD_GROUPS);
        assertThat(extended.workingDays()).isEqualTo(30);
        assertThat(extended.dueAt()).isEqualTo(LocalDateTime.of(2026, 11, 13, 0, 0));
        assertThat(extended.extendedBy()).isEqualTo(HEAD);
        assertThat(extended.extendedAt()).isEqualTo(LocalDateTime.of(2026, 10, 28, 10, 0));
        assertThat(extended.extensionReason()).isEqualTo("住所产权证明须向不动产登记中心核实");
        Job timer = engine.getManagementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(OrganisationLimit.CHANGE.timerId()).singleResult();
        assertThat(timer.getDuedate()).isEqualTo(OrganisationRegistrationProcessTest.beijing(LocalDateTime.of(2026, 11, 13, 0, 0)));
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'SOCIAL_ORGANISATION' and entity_id = ? "
                + "and action = 'TIME_LIMIT_EXTENDED'").param(id).query(Integer.class).single()).isEqualTo(1);
        assertThatThrownBy(() -> changes.extendTimeLimit(id, "再延长", HEAD, HEAD_GROUPS))
                .satisfies(violation("延长过一次（理由：住所产权证明须向不动产登记中心核实），只能延长一次"));

        OrganisationRegistrationProcessTest.clock(LocalDateTime.of(2026, 10, 30, 8, 0));
        assertThat(engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).executable().count())
                .isZero();
        approve(instance);
        assertThat(instance).isEnded().hasPassed("EndEvent_Changed").hasNotPassed("Task_ReportOverrun");
        assertThat(timeLimits.of(OrganisationLimit.SUBJECT, id)).singleElement().satisfies(l -> {
            assertThat(l.overrunAt()).isNull();
            assertThat(l.metAt()).isEqualTo(LocalDateTime.of(2026, 10, 30, 8, 0));
        });
        assertThatThrownBy(() -> changes.extendTimeLimit(id, "已办结", HEAD, HEAD_GROUPS))
                .satisfies(violation("尚未受理或已办结"));
    }

    private static final List<String> HEAD_GROUPS = List.of("organisation-section", "organisation-head");

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    private void approve(ProcessInstance instance) {
        userTasks.complete(CLERK, instance, TASK_REVIEW, Map.of(REVIEW_DECISION.name(), APPROVE));
        userTasks.complete(HEAD, instance, TASK_APPROVE, Map.of(APPROVAL_DECISION.name(), APPROVE));
    }

    @Test
    void aNameChangeIsReviewedApprovedByAnotherPersonAndTheOldNameFreed() {
        String oldName = OrganisationRegistrationProcessTest.uniqueName("摄影家协会");
        String code = registered(oldName);
        String newName = OrganisationRegistrationProcessTest.uniqueName("摄影协会");
        ProcessInstance instance = userTasks.start(CLERK, KEY, change(code, "NAME", newName));
        assertThat(instance).isWaitingAt(TASK_REVIEW).task().hasCandidateGroup("organisation-section");
        assertThat(register.holder(newName, TODAY)).isPresent();
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "oldValue")).isEqualTo(oldName);
        approve(instance);
        assertThat(instance).isEnded().hasPassed("Task_ApplyChange", "EndEvent_Changed");
        Organisation changed = register.findByCreditCode(code).orElseThrow();
        assertThat(changed.name()).isEqualTo(newName);
        assertThat(register.holder(oldName, TODAY)).isEmpty();
        assertThat(register.holder(newName, TODAY)).hasValueSatisfying(h -> assertThat(h.organisationId()).isEqualTo(changed.id()));
        assertThat(register.history(changed.id())).extracting(OrganisationRepository.StatusChange::note).last()
                .isEqualTo("名称变更：“" + oldName + "”变更为“" + newName + "”，理由：会员大会决议");
        Change recorded = register.changes(changed.id()).get(0);
        assertThat(recorded.status()).isEqualTo("APPROVED");
        assertThat(recorded.reviewedBy()).isEqualTo(CLERK);
        assertThat(recorded.approvedBy()).isEqualTo(HEAD);

        // the other kinds, one after another
        for (var kind : List.of(Map.entry("LEGAL_REPRESENTATIVE", "林晓东"), Map.entry("DOMICILE", "中原区桐柏路66号"),
                Map.entry("FUNDS", "45000"), Map.entry("SCOPE", "摄影创作、展览、培训和交流"))) {
            approve(userTasks.start(CLERK, KEY, change(code, kind.getKey(), kind.getValue())));
        }
        Organisation after = register.findByCreditCode(code).orElseThrow();
        assertThat(after.legalRepresentative()).isEqualTo("林晓东");
        assertThat(after.domicile()).isEqualTo("中原区桐柏路66号");
        assertThat(after.registeredFunds()).isEqualByComparingTo("45000.00");
        assertThat(after.businessScope()).isEqualTo("摄影创作、展览、培训和交流");
        assertThat(register.changes(after.id())).extracting(c -> c.kind() + ":" + c.oldValue()).containsExactly(
                "NAME:" + oldName, "LEGAL_REPRESENTATIVE:周建民", "DOMICILE:中原区建设路18号", "FUNDS:30000.00", "SCOPE:摄影创作交流");
    }

    @Test
    void theApproverMayNotBeTheReviewer() {
        String code = registered(OrganisationRegistrationProcessTest.uniqueName("书法家协会"));
        ProcessInstance instance = userTasks.start(CLERK, KEY, change(code, "DOMICILE", "中原区中原路1号"));
        userTasks.complete(HEAD, instance, TASK_REVIEW, Map.of(REVIEW_DECISION.name(), APPROVE));
        assertThatThrownBy(() -> userTasks.complete(HEAD, instance, TASK_APPROVE, Map.of(APPROVAL_DECISION.name(), APPROVE)))
                .hasMessageContaining("四眼原则");
        assertThat(instance).isWaitingAt(TASK_APPROVE);
        assertThat(register.findByCreditCode(code).orElseThrow().domicile()).isEqualTo("中原区建设路18号");
    }

    @Test
    void refusedAtReviewTheNewNameIsFreeAgainAndRefusedAtApprovalNothingChanges() {
        String name = OrganisationRegistrationProcessTest.uniqueName("集邮协会");
        String code = registered(name);
        String newName = OrganisationRegistrationProcessTest.uniqueName("集邮研究会");
        ProcessInstance instance = userTasks.start(CLERK, KEY, change(code, "NAME", newName));
        assertThatThrownBy(() -> userTasks.complete(CLERK, instance, TASK_REVIEW, Map.of(REVIEW_DECISION.name(), REFUSE)))
                .satisfies(violation("不予办理的理由不能为空"));
        userTasks.complete(CLERK, instance, TASK_REVIEW, Map.of(REVIEW_DECISION.name(), REFUSE, REVIEW_COMMENT.name(), "无会员大会决议原件"));
        assertThat(instance).isEnded().hasPassed("Task_RefuseChange", "EndEvent_Refused").hasNotPassed(TASK_APPROVE);
        assertThat(register.holder(newName, TODAY)).isEmpty();
        assertThat(register.findByCreditCode(code).orElseThrow().name()).isEqualTo(name);

        ProcessInstance funds = userTasks.start(CLERK, KEY, change(code, "FUNDS", "80000"));
        userTasks.complete(CLERK, funds, TASK_REVIEW, Map.of(REVIEW_DECISION.name(), APPROVE));
        userTasks.complete(HEAD, funds, TASK_APPROVE, Map.of(APPROVAL_DECISION.name(), REFUSE, APPROVAL_COMMENT.name(), "验资报告不实"));
        assertThat(funds).isEnded().hasPassed("EndEvent_Refused").hasNotPassed("Task_ApplyChange");
        Organisation organisation = register.findByCreditCode(code).orElseThrow();
        assertThat(organisation.registeredFunds()).isEqualByComparingTo("30000.00");
        assertThat(register.changes(organisation.id())).extracting(Change::status).containsExactly("REFUSED", "REFUSED");
    }

    @Test
    void aCancellationWithItsLiquidationReportFreesTheName() {
        String name = OrganisationRegistrationProcessTest.uniqueName("围棋协会");
        String code = registered(name);
        ProcessInstance instance = userTasks.start(CLERK, KEY, cancellation(code));
        approve(instance);
        Organisation cancelled = register.findByCreditCode(code).orElseThrow();
        assertThat(cancelled.status()).isEqualTo(OrganisationStatus.CANCELLED);
        assertThat(register.holder(name, TODAY)).isEmpty();
        assertThat(register.history(cancelled.id())).extracting(h -> h.status() + ":" + h.note()).last().isEqualTo(
                "CANCELLED:注销登记：会员大会决议解散（清算报告" + TODAY.minusDays(5) + "，剩余财产移交中原区慈善总会用于公益事业）");
        assertThat(queries.publicRegister(code)).extracting(OrganisationQueries.PublicEntry::statusLabel).containsExactly("已注销");
        assertThatThrownBy(() -> userTasks.start(CLERK, KEY, change(code, "DOMICILE", "中原区中原路1号")))
                .satisfies(violation("当前状态为“已注销”"));
    }

    @Test
    void badApplicationsAreRefusedWithNothingWritten() {
        String code = registered(OrganisationRegistrationProcessTest.uniqueName("钓鱼协会"));
        String taken = OrganisationRegistrationProcessTest.uniqueName("钓鱼联合会");
        registered(taken);
        ProcessInstance pending = userTasks.start(CLERK, KEY, change(registered(OrganisationRegistrationProcessTest.uniqueName("桥牌协会")),
                "DOMICILE", "中原区中原路2号"));
        long changes = count("social_organisation_change");
        long names = count("social_organisation_name");
        long instances = engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count();

        Map<String, Object> noReason = change(code, "DOMICILE", "中原区中原路3号");
        noReason.remove(CHANGE_REASON.name());
        Map<String, Object> noLiquidation = cancellation(code);
        noLiquidation.remove(LIQUIDATION_REPORT_DATE.name());
        Map<String, Object> futureLiquidation = cancellation(code);
        futureLiquidation.put(LIQUIDATION_REPORT_DATE.name(), TODAY.plusDays(1).toString());
        Map<String, Object> noDestination = cancellation(code);
        noDestination.remove(NET_ASSETS_DESTINATION.name());
        String pendingCode = jdbc.sql("select o.credit_code from social_organisation o join social_organisation_change c on c.organisation_id = o.id"
                + " where c.process_instance_id = ?").param(pending.getId()).query(String.class).single();
        for (var bad : List.of(
                Map.entry(change(code, "NAME", taken), "已被其他组织登记或预先核准保留"),
                Map.entry(change(code, "NAME", "中华" + OrganisationRegistrationProcessTest.uniqueName("钓鱼协会")), "不得使用“中华”字样"),
                Map.entry(change(code, "NAME", OrganisationRegistrationProcessTest.uniqueName("钓鱼中心")), "社会团体的名称应以"),
                Map.entry(change(code, "FUNDS", "29999.99"), "社会团体的注册资金不得少于30000.00元，申请变更为29999.99元"),
                Map.entry(change(code, "LEGAL_REPRESENTATIVE", " "), "新任法定代表人不能为空"),
                Map.entry(change(code, "MERGER", "x"), "变更事项“MERGER”不存在"),
                Map.entry(noReason, "变更理由不能为空"),
                Map.entry(noLiquidation, "须有清算报告"),
                Map.entry(futureLiquidation, "清算报告日期不能晚于今天"),
                Map.entry(noDestination, "剩余财产（净资产）去向不能为空"),
                Map.entry(change(pendingCode, "SCOPE", "桥牌"), "尚未办结的变更或注销申请"),
                Map.entry(change(code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0'), "SCOPE", "钓鱼"), "校验码错误"))) {
            assertThatThrownBy(() -> userTasks.start(CLERK, KEY, bad.getKey())).satisfies(violation(bad.getValue()));
        }
        assertThat(count("social_organisation_change")).isEqualTo(changes);
        assertThat(count("social_organisation_name")).isEqualTo(names);
        assertThat(engine.getRuntimeService().createProcessInstanceQuery().processDefinitionKey(KEY).count()).isEqualTo(instances);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
