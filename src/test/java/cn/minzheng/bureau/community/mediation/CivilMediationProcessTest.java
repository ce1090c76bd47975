package cn.minzheng.bureau.community.mediation;

import static cn.minzheng.bureau.community.mediation.CivilMediationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static cn.minzheng.bureau.support.RuleViolations.violation;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.support.ProcessTest;
import cn.minzheng.bureau.support.UserTasks;

/**
 * Every path of civil-mediation.bpmn: an agreement after two sessions, no agreement and referral to the
 * judicial office, the deadline passing with the street office's supervision while mediation goes on,
 * and the bad input of registration and sessions.
 */
@ProcessTest
class CivilMediationProcessTest {

    private static final String COMMITTEE = "committee.qinghuayuan";
    private static final String STREET_REVIEWER = "reviewer.renqiu";
    private static final LocalDate TODAY = LocalDate.now();
    private static final String TWO_PARTIES = """
            [{"partyName":"张大爷","role":"APPLICANT","contact":"13800000001"},{"partyName":"李某","role":"RESPONDENT"}]""";

    @Autowired
    UserTasks userTasks;
    @Autowired
    ProcessEngine engine;
    @Autowired
    DibaoWalker walker;
    @Autowired
    CivilMediationRepository disputes;
    @Autowired
    MediationSettings settings;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void twoSessionsEndInAnAgreementRecordedWithEverySession() {
        ProcessInstance instance = register(COMMITTEE, null, "楼上漏水致楼下墙面受损，赔偿数额有争议", TWO_PARTIES);
        long disputeId = disputeId(instance);
        var dispute = disputes.find(disputeId).orElseThrow();
        assertThat(dispute.communityCode()).isEqualTo("renqiu-qinghuayuan");
        assertThat(dispute.townshipCode()).isEqualTo("renqiu");
        assertThat(dispute.deadline()).isEqualTo(TODAY.plus(settings.getDeadline())).isEqualTo(TODAY.plusDays(30));
        assertThat(timer(instance).getDuedate().toInstant())
                .isEqualTo(TODAY.plusDays(31).atStartOfDay(ZoneId.systemDefault()).toInstant());
        assertThat(instance).isWaitingAt(TASK_SESSION).task().hasCandidateGroup("committee-renqiu-qinghuayuan");
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), "partiesSummary")).isEqualTo("申请人：张大爷；被申请人：李某");

        session(COMMITTEE, instance, TODAY.minusDays(3), "双方各执一词，约定再次调解", CONTINUE, Map.of());
        assertThat(instance).isWaitingAt(TASK_SESSION);
        assertThat(taskVariable(instance, TASK_SESSION, "sessionsHeld")).isEqualTo(1);
        session(COMMITTEE, instance, TODAY, "经现场查看，双方同意协商赔偿", AGREEMENT, Map.of(VAR_AGREEMENT, "李某赔偿张大爷修缮费800元，三日内付清"));

        assertThat(instance).isEnded().hasPassed("Task_CloseWithAgreement", "EndEvent_AgreementReached")
                .hasNotPassed(TASK_SUPERVISE);
        dispute = disputes.find(disputeId).orElseThrow();
        assertThat(dispute.status()).isEqualTo("AGREED");
        assertThat(dispute.agreement()).isEqualTo("李某赔偿张大爷修缮费800元，三日内付清");
        assertThat(disputes.parties(disputeId)).extracting(CivilMediationRepository.Party::partyName).containsExactly("张大爷", "李某");
        assertThat(disputes.sessions(disputeId)).extracting(s -> s.sessionNo() + ":" + s.result() + ":" + s.mediator())
                .containsExactly("1:CONTINUE:" + COMMITTEE, "2:AGREEMENT:" + COMMITTEE);
        assertThat(auditActions(disputeId)).containsExactly("REGISTERED", "SESSION_CONTINUE", "SESSION_AGREEMENT", "AGREEMENT_REACHED");
    }

    @Test
    void anOverdueMediationGoesToTheStreetOfficeAndEndsReferredToTheJudicialOffice() {
        ProcessInstance instance = register("committee.nanjiang", "南江社区", "邻里通道占用纠纷", TWO_PARTIES);
        long disputeId = disputeId(instance);
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), VAR_TOWNSHIP_CODE)).isEqualTo("zhongyuan");
        engine.getManagementService().executeJob(timer(instance).getId());
        assertThat(instance).isWaitingAt(TASK_SESSION, TASK_SUPERVISE);
        assertThat(disputes.find(disputeId).orElseThrow().escalatedAt()).isNotNull();
        assertThat(walker.as(STREET_REVIEWER, () -> engine.getTaskService().createTaskQuery()
                .processInstanceId(instance.getId()).count())).as("another street office sees nothing").isZero();
        assertThat(walker.as(COMMITTEE, () -> engine.getTaskService().createTaskQuery()
                .processInstanceId(instance.getId()).count())).as("another community's committee sees nothing").isZero();
        userTasks.complete("reviewer.zhongyuan", instance, TASK_SUPERVISE, Map.of(VAR_SUPERVISION_NOTE, "请本周内再次组织调解，调解不成及时移送"));
        assertThat(instance).isWaitingAt(TASK_SESSION).hasPassed("EndEvent_MediationSupervised");

        assertThatThrownBy(() -> session("committee.nanjiang", instance, TODAY, "调解不成", NO_AGREEMENT, Map.of(VAR_REFERRAL_REASON, "被申请人拒绝调解")))
                .satisfies(violation("请选择移送去向"));
        session("committee.nanjiang", instance, TODAY, "被申请人拒绝调解", NO_AGREEMENT,
                Map.of(VAR_REFERRED_TO, TO_JUDICIAL_OFFICE, VAR_REFERRAL_REASON, "被申请人拒绝调解"));
        assertThat(instance).isEnded().hasPassed("Task_ReferDispute", "EndEvent_DisputeReferred");
        var dispute = disputes.find(disputeId).orElseThrow();
        assertThat(dispute.status()).isEqualTo("REFERRED");
        assertThat(dispute.referredTo()).isEqualTo(TO_JUDICIAL_OFFICE);
        assertThat(dispute.supervisionNote()).startsWith("请本周内");
        assertThat(auditActions(disputeId)).containsExactly("REGISTERED", "OVERDUE_ESCALATED", "SUPERVISED", "SESSION_NO_AGREEMENT", "REFERRED");
    }

    @Test
    void aDisputeNeedsBothSidesAndTheRegisteringCommitteesOwnCommunity() {
        long before = jdbc.sql("select count(*) from community_dispute").query(Long.class).single();
        assertThatThrownBy(() -> register(COMMITTEE, null, "纠纷", "[{\"partyName\":\"张三\",\"role\":\"APPLICANT\"}]"))
                .satisfies(violation("至少要有一名申请人和一名被申请人"));
        assertThatThrownBy(() -> register(COMMITTEE, null, "纠纷", "[{\"partyName\":\"张三\",\"role\":\"APPLICANT\"},{\"partyName\":\"李四\"}]"))
                .satisfies(violation("请选择李四是申请人还是被申请人"));
        assertThatThrownBy(() -> register(COMMITTEE, null, "  ", TWO_PARTIES)).satisfies(violation("纠纷事由不能为空"));
        assertThatThrownBy(() -> register(COMMITTEE, "南江社区", "纠纷", TWO_PARTIES)).satisfies(violation("只能登记本社区"));
        assertThat(jdbc.sql("select count(*) from community_dispute").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aSessionNeedsItsDateInOrderAndAnAgreementItsText() {
        ProcessInstance instance = register(COMMITTEE, "清华苑", "噪音扰民", TWO_PARTIES);
        long disputeId = disputeId(instance);
        assertThatThrownBy(() -> session(COMMITTEE, instance, TODAY.plusDays(1), "调解", CONTINUE, Map.of()))
                .satisfies(violation("不能晚于今天"));
        assertThatThrownBy(() -> session(COMMITTEE, instance, TODAY, "调解", AGREEMENT, Map.of())).satisfies(violation("调解协议内容不能为空"));
        assertThatThrownBy(() -> session(COMMITTEE, instance, TODAY, "调解", "MAYBE", Map.of())).satisfies(violation("请选择本次调解结果"));
        session(COMMITTEE, instance, TODAY.minusDays(1), "第一次调解", CONTINUE, Map.of());
        assertThatThrownBy(() -> session(COMMITTEE, instance, TODAY.minusDays(2), "调解", CONTINUE, Map.of()))
                .satisfies(violation("不能早于上次调解日期"));
        session(COMMITTEE, instance, TODAY, "第二次调解，协商不成", NO_AGREEMENT, Map.of(VAR_REFERRED_TO, TO_COURT, VAR_REFERRAL_REASON, "双方要求诉讼"));
        assertThat(instance).isEnded().hasPassed("EndEvent_DisputeReferred");
        assertThat(disputes.sessions(disputeId)).hasSize(2);
    }

    private ProcessInstance register(String user, String community, String subject, String partiesJson) {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult().getId();
        Map<String, Object> variables = new HashMap<>();
        if (community != null) {
            variables.put(VAR_COMMUNITY, community);
        }
        variables.put(VAR_SUBJECT, subject);
        variables.put(VAR_PARTIES, SpinValues.jsonValue(partiesJson).create());
        return walker.as(user, () -> engine.getFormService().submitStartForm(definition, variables));
    }

    private void session(String user, ProcessInstance instance, LocalDate heldOn, String summary, String result,
                         Map<String, Object> more) {
        Map<String, Object> variables = new HashMap<>(more);
        variables.put(VAR_HELD_ON, heldOn.toString());
        variables.put(VAR_SESSION_SUMMARY, summary);
        variables.put(VAR_SESSION_RESULT, result);
        userTasks.complete(user, instance, TASK_SESSION, variables);
    }

    private Object taskVariable(ProcessInstance instance, String taskKey, String name) {
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey)
                .singleResult();
        return engine.getTaskService().getVariable(task.getId(), name);
    }

    private Job timer(ProcessInstance instance) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(TIMER_OVERDUE)
                .singleResult();
    }

    private long disputeId(ProcessInstance instance) {
        return ((Number) engine.getRuntimeService().getVariable(instance.getId(), VAR_DISPUTE_ID)).longValue();
    }

    private List<String> auditActions(long disputeId) {
        return jdbc.sql("select action from audit_event where entity_type = 'CIVIL_DISPUTE' and entity_id = ? order by id")
                .param(disputeId).query(String.class).list();
    }
}
