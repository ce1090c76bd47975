package cn.minzheng.bureau.community.reorganisation;

import static cn.minzheng.bureau.community.reorganisation.CommunityReorganisationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionKind;
import cn.minzheng.bureau.region.RegionRepository;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;

/**
 * Every form of 社区调整 filled and submitted in Tasklist by the user whose work it is: the community section
 * adds a change to its drafted plan and submits it, the reviewer of each street office concerned agrees,
 * and the district approves it, which applies it at once. The plan merges and hands over fresh communities, so the regions the other
 * tests use stay as they are.
 */
@BrowserTest
class CommunityReorganisationBrowserTest {

    private static final String SECTION = "community";

    @Autowired
    DibaoWalker walker;
    @Autowired
    CommunityReorganisationService service;
    @Autowired
    CommunityReorganisationRepository plans;
    @Autowired
    RegionRepository regions;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;

    @Test
    void aDraftedPlanIsSubmittedReviewedByEachStreetOfficeApprovedAndApplied(Tasklist tasklist) {
        String prefix = "t" + Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
        String a = prefix + "-a";
        String b = prefix + "-b";
        String c = prefix + "-c";
        regions.insert(new Region(a, "试点甲社区", RegionKind.COMMUNITY, "renqiu"), LocalDate.now());
        regions.insert(new Region(b, "试点乙社区", RegionKind.COMMUNITY, "renqiu"), LocalDate.now());
        regions.insert(new Region(c, "试点丙社区", RegionKind.COMMUNITY, "zhongyuan"), LocalDate.now());
        long planId = walker.as(SECTION, () -> service.start("""
                {"title": "试点社区布局调整", "steps": [{"kind": "MERGE", "sources": ["%s"], "code": "%s"}]}"""
                .formatted(b, a), SECTION));
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("reorg-" + planId)
                .singleResult();

        // the drafter adds a hand-over to the plan, choosing the community and the street office by name
        tasklist.loginAs(SECTION);
        CamundaForm draft = tasklist.openTask(task(instance, TASK_DRAFT, "community-section").getId());
        assertThat(String.join("\n", draft.values())).contains("试点社区布局调整", "试点乙社区并入试点甲社区（任丘办事处）",
                "撤并（并入另一个村（社区））", "任丘办事处 试点甲社区").doesNotContain(a, "MERGE");
        draft.type("方案名称", "试点社区布局调整（修改稿）")
                .addRow("调整项")
                .select("调整类型", 1, "移交（划归另一个乡镇（街道））")
                .select("村（社区）", 0, "中原办事处 试点丙社区")
                .select("移交给", 0, "任丘办事处")
                .choose("处理方式", "提交审核").type("说明；撤回时写明理由", "已征求居民意见");
        tasklist.submit(draft, "community-reorganisation-draft", () -> isWaitingAt(instance, TASK_REVIEW_BY_TOWNSHIP));
        assertThat(plans.find(planId).orElseThrow()).satisfies(p -> {
            assertThat(p.status()).isEqualTo("IN_REVIEW");
            assertThat(p.title()).isEqualTo("试点社区布局调整（修改稿）");
        });
        assertThat(runtimeService.getVariable(instance.getId(), VAR_PLAN_SUMMARY).toString())
                .contains("试点乙社区并入试点甲社区（任丘办事处）", "试点丙社区由中原办事处移交任丘办事处");

        for (String township : List.of("renqiu", "zhongyuan")) {
            tasklist.loginAs("reviewer." + township);
            Task review = task(instance, TASK_REVIEW_BY_TOWNSHIP, "reviewer-" + township);
            CamundaForm form = tasklist.openTask(review.getId());
            assertThat(form.values()).contains(township.equals("renqiu") ? "任丘办事处" : "中原办事处");
            form.choose("审核意见", "同意").type("意见；退回时写明理由", "与实际一致，每户均有去向");
            tasklist.submit(form, "community-reorganisation-review-" + township,
                    () -> taskService.createTaskQuery().taskId(review.getId()).count() == 0);
        }
        assertThat(isWaitingAt(instance, TASK_APPROVE_BY_DISTRICT)).isTrue();

        tasklist.loginAs("approver");
        CamundaForm approval = tasklist.openTask(task(instance, TASK_APPROVE_BY_DISTRICT, "district-approver").getId());
        approval.choose("审批决定", "批准并执行").type("审批意见；退回或不予批准时写明理由", "同意");
        tasklist.submit(approval, "community-reorganisation-approval", () -> hasEnded(instance));

        assertThat(plans.find(planId).orElseThrow().status()).isEqualTo("APPLIED");
        assertThat(regions.findCurrent(b)).isEmpty();
        assertThat(regions.findCurrent(c).orElseThrow().parentCode()).isEqualTo("renqiu");
        assertThat(plans.decisions(planId)).extracting(d -> d.decision() + ":" + d.decidedBy())
                .containsExactly("SUBMIT:community", "AGREE:reviewer.renqiu", "AGREE:reviewer.zhongyuan", "APPROVE:approver");
    }


    private boolean isWaitingAt(ProcessInstance instance, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).count() > 0;
    }

    private boolean hasEnded(ProcessInstance instance) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0;
    }

    private Task task(ProcessInstance instance, String key, String group) {
        List<Task> found = taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
                .taskCandidateGroup(group).list();
        assertThat(found).as("open tasks %s of %s", key, group).hasSize(1);
        return found.get(0);
    }
}
