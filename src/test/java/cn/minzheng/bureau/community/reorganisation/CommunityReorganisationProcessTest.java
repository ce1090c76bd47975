package cn.minzheng.bureau.community.reorganisation;

import static cn.minzheng.bureau.community.reorganisation.CommunityReorganisationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static cn.minzheng.bureau.support.RuleViolations.violation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionKind;
import cn.minzheng.bureau.region.RegionRepository;
import cn.minzheng.bureau.support.ProcessTest;

/**
 * Every path of community-reorganisation.bpmn: drafted, reviewed by each township concerned, approved and
 * applied; sent back by a township (the other township's review is withdrawn) and withdrawn by the drafter;
 * sent back and then rejected by the district; and a plan that another plan overtook going back to the
 * drafter at the apply step with nothing changed.
 */
@ProcessTest
class CommunityReorganisationProcessTest {

    static final String SECTION = "community";
    static final String APPROVER = "approver";

    @Autowired
    ProcessEngine engine;
    @Autowired
    DibaoWalker walker;
    @Autowired
    CommunityReorganisationService service;
    @Autowired
    CommunityReorganisationRepository plans;
    @Autowired
    RegionRepository regions;
    @Autowired
    JdbcClient jdbc;

    String a;
    String b;
    String c;

    /** Three fresh communities, so the shared regions of other tests (and of earlier runs on PostgreSQL) stay as they are. */
    @BeforeEach
    void freshCommunities() {
        BpmnAwareTests.init(engine);
        String prefix = "t" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        a = prefix + "-a";
        b = prefix + "-b";
        c = prefix + "-c";
        regions.insert(new Region(a, "测试甲社区", RegionKind.COMMUNITY, "renqiu"), LocalDate.now());
        regions.insert(new Region(b, "测试乙社区", RegionKind.COMMUNITY, "renqiu"), LocalDate.now());
        regions.insert(new Region(c, "测试丙社区", RegionKind.COMMUNITY, "zhongyuan"), LocalDate.now());
    }

    String mergeAndHandOver() {
        return """
                {"title": "测试社区调整", "steps": [
                  {"kind": "MERGE", "sources": ["%s", "%s"], "code": "%s"},
                  {"kind": "HAND_OVER", "code": "%s", "township": "renqiu"}]}""".formatted(a, b, a, c);
    }

    @Test
    void aPlanReviewedByEachTownshipAndApprovedIsAppliedInOneStep() {
        ProcessInstance instance = draft(mergeAndHandOver());
        assertThat(instance).isWaitingAt(TASK_DRAFT).task().hasCandidateGroup("community-section");
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), VAR_PLAN_SUMMARY).toString())
                .contains("测试乙社区并入测试甲社区（任丘办事处）").contains("测试丙社区由中原办事处移交任丘办事处");

        submit(instance, mergeAndHandOver());
        assertThat(instance).isWaitingAt(TASK_REVIEW_BY_TOWNSHIP);
        assertThat(reviewGroups(instance)).containsExactlyInAnyOrder("reviewer-renqiu", "reviewer-zhongyuan");
        assertThat(plans.find(planId(instance)).orElseThrow().status()).isEqualTo("IN_REVIEW");
        review("reviewer.renqiu", instance, AGREE, null);
        assertThat(instance).isWaitingAt(TASK_REVIEW_BY_TOWNSHIP);
        review("reviewer.zhongyuan", instance, AGREE, "同意");

        assertThat(instance).isWaitingAt(TASK_APPROVE_BY_DISTRICT).task().hasCandidateGroup("district-approver");
        assertThat(plans.find(planId(instance)).orElseThrow().status()).isEqualTo("AWAITING_APPROVAL");
        complete(APPROVER, instance, TASK_APPROVE_BY_DISTRICT, Map.of(VAR_APPROVAL_DECISION, APPROVE));

        assertThat(instance).isEnded().hasPassed(TASK_APPLY, END_APPLIED);
        assertThat(regions.findCurrent(b)).isEmpty();
        assertThat(regions.find(b)).isPresent();
        assertThat(jdbc.sql("select successor_code from region where code = ?").param(b).query(String.class).single()).isEqualTo(a);
        assertThat(regions.findCurrent(c).orElseThrow().parentCode()).isEqualTo("renqiu");
        assertThat(regions.children("renqiu")).extracting(Region::code).contains(a, c).doesNotContain(b);
        assertThat(plans.find(planId(instance)).orElseThrow().status()).isEqualTo("APPLIED");
        assertThat(plans.decisions(planId(instance))).extracting(CommunityReorganisationRepository.Decision::decision)
                .containsExactly(SUBMIT, AGREE, AGREE, APPROVE);
        assertThat(plans.changes(planId(instance))).extracting(CommunityReorganisationRepository.Change::entityId).contains(b, c);
    }

    @Test
    void aTownshipSendsThePlanBackAndTheDrafterWithdrawsIt() {
        ProcessInstance instance = draft(mergeAndHandOver());
        submit(instance, mergeAndHandOver());
        assertThatThrownBy(() -> review("reviewer.zhongyuan", instance, RETURN, null)).satisfies(violation("退回理由不能为空"));
        review("reviewer.zhongyuan", instance, RETURN, "丙社区居民意见尚未征求");

        assertThat(instance).isWaitingAt(TASK_DRAFT).hasNotPassed(TASK_APPROVE_BY_DISTRICT);
        assertThat(engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_REVIEW_BY_TOWNSHIP).count()).as("the other township's review is withdrawn").isZero();
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), VAR_RETURN_REASON))
                .isEqualTo("中原办事处退回：丙社区居民意见尚未征求");

        assertThatThrownBy(() -> complete(SECTION, instance, TASK_DRAFT, Map.of(VAR_DRAFT_DECISION, WITHDRAW)))
                .satisfies(violation("撤回理由不能为空"));
        complete(SECTION, instance, TASK_DRAFT, Map.of(VAR_DRAFT_DECISION, WITHDRAW, VAR_DRAFT_COMMENT, "待征求意见后重新起草"));
        assertThat(instance).isEnded().hasPassed(END_WITHDRAWN);
        assertThat(plans.find(planId(instance)).orElseThrow().status()).isEqualTo("WITHDRAWN");
        assertThat(regions.findCurrent(b)).isPresent();
    }

    @Test
    void theDistrictSendsThePlanBackThenRejectsIt() {
        ProcessInstance instance = draft(mergeAndHandOver());
        submit(instance, mergeAndHandOver());
        review("reviewer.renqiu", instance, AGREE, null);
        review("reviewer.zhongyuan", instance, AGREE, null);
        assertThatThrownBy(() -> complete(APPROVER, instance, TASK_APPROVE_BY_DISTRICT, Map.of(VAR_APPROVAL_DECISION, RETURN)))
                .satisfies(violation("退回理由不能为空"));
        complete(APPROVER, instance, TASK_APPROVE_BY_DISTRICT,
                Map.of(VAR_APPROVAL_DECISION, RETURN, VAR_APPROVAL_COMMENT, "请补充移交后的办公用房安排"));
        assertThat(instance).isWaitingAt(TASK_DRAFT);
        assertThat(engine.getRuntimeService().getVariable(instance.getId(), VAR_RETURN_REASON))
                .isEqualTo("区民政局退回：请补充移交后的办公用房安排");

        // only the hand-over this time: one township less to review
        String handOverOnly = """
                {"title": "测试社区移交", "steps": [{"kind": "HAND_OVER", "code": "%s", "township": "renqiu"}]}""".formatted(c);
        submit(instance, handOverOnly);
        assertThat(reviewGroups(instance)).containsExactlyInAnyOrder("reviewer-renqiu", "reviewer-zhongyuan");
        review("reviewer.renqiu", instance, AGREE, null);
        review("reviewer.zhongyuan", instance, AGREE, null);
        assertThatThrownBy(() -> complete(APPROVER, instance, TASK_APPROVE_BY_DISTRICT, Map.of(VAR_APPROVAL_DECISION, REJECT)))
                .satisfies(violation("不予批准的理由不能为空"));
        complete(APPROVER, instance, TASK_APPROVE_BY_DISTRICT,
                Map.of(VAR_APPROVAL_DECISION, REJECT, VAR_APPROVAL_COMMENT, "企业办社区移交另行安排"));

        assertThat(instance).isEnded().hasPassed(END_REJECTED).hasNotPassed(TASK_APPLY);
        assertThat(plans.find(planId(instance)).orElseThrow().status()).isEqualTo("REJECTED");
        assertThat(plans.find(planId(instance)).orElseThrow().title()).isEqualTo("测试社区移交");
        assertThat(regions.findCurrent(c).orElseThrow().parentCode()).isEqualTo("zhongyuan");
    }

    @Test
    void aPlanThatAnotherPlanOvertookGoesBackToTheDrafterWithNothingChanged() {
        String mergeOnly = """
                {"title": "测试社区撤并", "steps": [{"kind": "MERGE", "sources": ["%s"], "code": "%s"}]}""".formatted(b, a);
        ProcessInstance first = draft(mergeOnly);
        ProcessInstance second = draft(mergeAndHandOver());
        for (ProcessInstance instance : List.of(first, second)) {
            submit(instance, instance == first ? mergeOnly : mergeAndHandOver());
            review("reviewer.renqiu", instance, AGREE, null);
            if (instance == second) {
                review("reviewer.zhongyuan", instance, AGREE, null);
            }
            assertThat(instance).isWaitingAt(TASK_APPROVE_BY_DISTRICT);
        }
        complete(APPROVER, first, TASK_APPROVE_BY_DISTRICT, Map.of(VAR_APPROVAL_DECISION, APPROVE));
        assertThat(first).isEnded().hasPassed(END_APPLIED);

        complete(APPROVER, second, TASK_APPROVE_BY_DISTRICT, Map.of(VAR_APPROVAL_DECISION, APPROVE));
        assertThat(second).isWaitingAt(TASK_DRAFT).hasPassed(BOUNDARY_PLAN_INVALID).hasNotPassed(END_APPLIED);
        assertThat(engine.getRuntimeService().getVariable(second.getId(), VAR_RETURN_REASON).toString())
                .contains("执行前复核未通过").contains("不是现行的村（社区）");
        assertThat(plans.find(planId(second)).orElseThrow().status()).isEqualTo("DRAFT");
        assertThat(plans.changes(planId(second))).isEmpty();
        assertThat(regions.findCurrent(c).orElseThrow().parentCode()).as("the hand-over of the overtaken plan did not happen")
                .isEqualTo("zhongyuan");
    }

    @Test
    void aPlanThatDoesNotHoldTogetherIsRefusedInChineseAndNothingIsStored() {
        long before = jdbc.sql("select count(*) from reorg_plan").query(Long.class).single();
        String cycle = """
                {"title": "循环撤并", "steps": [{"kind": "MERGE", "sources": ["%s"], "code": "%s"},
                  {"kind": "MERGE", "sources": ["%s"], "code": "%s"}]}""".formatted(a, b, b, a);
        assertThatThrownBy(() -> walker.as(SECTION, () -> service.start(cycle, SECTION))).satisfies(violation("不得循环撤并"));
        assertThatThrownBy(() -> walker.as(SECTION, () -> service.start("{\"title\": \"x\", \"steps\": [{\"kind\": \"MOVE\"}]}", SECTION)))
                .satisfies(violation("调整方案格式有误"));
        assertThat(jdbc.sql("select count(*) from reorg_plan").query(Long.class).single()).isEqualTo(before);

        ProcessInstance instance = draft(mergeAndHandOver());
        assertThatThrownBy(() -> submit(instance, "{\"title\": \"只有名称\", \"steps\": []}"))
                .satisfies(violation("调整方案至少包含一项调整"));
        assertThat(instance).isWaitingAt(TASK_DRAFT);
        complete(SECTION, instance, TASK_DRAFT, Map.of(VAR_DRAFT_DECISION, WITHDRAW, VAR_DRAFT_COMMENT, "测试结束"));
    }

    // ---- helpers ----

    private ProcessInstance draft(String planJson) {
        long planId = walker.as(SECTION, () -> service.start(planJson, SECTION));
        return engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey("reorg-" + planId)
                .singleResult();
    }

    private void submit(ProcessInstance instance, String planJson) {
        complete(SECTION, instance, TASK_DRAFT, Map.of(VAR_DRAFT_DECISION, SUBMIT, VAR_PLAN_JSON, planJson));
    }

    private void review(String reviewer, ProcessInstance instance, String decision, String comment) {
        Map<String, Object> variables = comment == null ? Map.of(VAR_REVIEW_DECISION, decision)
                : Map.of(VAR_REVIEW_DECISION, decision, VAR_REVIEW_COMMENT, comment);
        complete(reviewer, instance, TASK_REVIEW_BY_TOWNSHIP, variables);
    }

    private List<String> reviewGroups(ProcessInstance instance) {
        return engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                .taskDefinitionKey(TASK_REVIEW_BY_TOWNSHIP).list().stream()
                .flatMap(t -> engine.getTaskService().getIdentityLinksForTask(t.getId()).stream())
                .map(l -> l.getGroupId()).filter(g -> g != null).toList();
    }

    private void complete(String user, ProcessInstance instance, String taskKey, Map<String, Object> variables) {
        walker.as(user, () -> {
            List<Task> found = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId())
                    .taskDefinitionKey(taskKey).list();
            assertThat(found).as(user + " sees " + taskKey).hasSize(1);
            engine.getTaskService().claim(found.get(0).getId(), user);
            engine.getTaskService().complete(found.get(0).getId(), variables);
            return null;
        });
    }

    private long planId(ProcessInstance instance) {
        return Long.parseLong(instance.getBusinessKey().substring("reorg-".length()));
    }
}
