package cn.minzheng.bureau.relief.rebuilding;

import static cn.minzheng.bureau.relief.rebuilding.HouseRebuildingProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.relief.DisasterReliefProcess;
import cn.minzheng.bureau.relief.DisasterWalker;
import cn.minzheng.bureau.relief.RosterRepository;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;

/**
 * Every form of 倒房重建 filled and submitted in Tasklist by the user whose work it is: the township clerk
 * registers the application, the village's appraisal and an objection during the notice, the township
 * reviewer and the head of relief approve, and the clerk confirms the rebuilt house. Each step checks that
 * the case moved on.
 */
@BrowserTest
class HouseRebuildingBrowserTest {

    private static final String CLERK = "clerk.yuecun";

    @Autowired
    DisasterWalker walker;
    @Autowired
    RosterRepository roster;
    @Autowired
    RebuildingRepository rebuildings;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aCollapsedHouseIsAppliedForAppraisedApprovedAndConfirmedRebuilt(Tasklist tasklist) {
        ProcessInstance rebuilding = collapsedHouse(2);
        long rebuildingId = ((Number) runtimeService.getVariable(rebuilding.getId(), VAR_REBUILDING_ID)).longValue();

        tasklist.loginAs(CLERK);
        CamundaForm apply = tasklist.openTask(task(rebuilding, TASK_APPLY).getId());
        assertThat(apply.values()).contains("张秋田", "2");
        apply.choose("申请方式", "本人申请").type("申请重建间数", 2);
        tasklist.submit(apply, "house-rebuilding-apply", () -> isWaitingAt(rebuilding, TASK_APPRAISAL));
        assertThat(rebuildings.find(rebuildingId).orElseThrow().source()).isEqualTo("APPLICATION");

        CamundaForm appraisal = tasklist.openTask(task(rebuilding, TASK_APPRAISAL).getId());
        appraisal.type("参加评议人数", 9).type("同意票数", 7).type("评议记录", "村民代表会议评议，7票同意，2票反对。");
        tasklist.submit(appraisal, "house-rebuilding-appraisal", () -> isWaitingAt(rebuilding, TASK_NOTICE));
        assertThat(rebuildings.find(rebuildingId).orElseThrow().appraisalAgreed()).isTrue();

        // an objection during the public notice sends the case back to the appraisal
        CamundaForm notice = tasklist.openTask(task(rebuilding, TASK_NOTICE).getId());
        notice.type("异议内容", "有村民反映该户在镇上另有住房。");
        tasklist.submit(notice, "house-rebuilding-notice", () -> isWaitingAt(rebuilding, TASK_APPRAISAL));
        assertThat(rebuildings.find(rebuildingId).orElseThrow().objection()).isEqualTo("有村民反映该户在镇上另有住房。");
        walker.appraise(rebuilding, "yuecun", 9, 8);
        walker.fire(rebuilding, TIMER_NOTICE_OVER);

        tasklist.loginAs("reviewer.yuecun");
        CamundaForm township = tasklist.openTask(task(rebuilding, TASK_TOWNSHIP_REVIEW).getId());
        township.choose("审核决定", "同意").type("审核意见；不同意时写明理由", "经核实，该户无其他住房。");
        tasklist.submit(township, "house-rebuilding-township-review", () -> isWaitingAt(rebuilding, TASK_DISTRICT_APPROVAL));
        assertThat(rebuildings.find(rebuildingId).orElseThrow().reviewedBy()).isEqualTo("reviewer.yuecun");

        tasklist.loginAs(DisasterWalker.HEAD);
        CamundaForm district = tasklist.openTask(task(rebuilding, TASK_DISTRICT_APPROVAL).getId());
        assertThat(district.values()).contains("16000.00");
        district.choose("审批决定", "批准");
        tasklist.submit(district, "house-rebuilding-district-approval", () -> isWaitingAt(rebuilding, TASK_CONFIRM_REBUILT));
        assertThat(rebuildings.find(rebuildingId).orElseThrow().approvedBy()).isEqualTo(DisasterWalker.HEAD);

        tasklist.loginAs(CLERK);
        CamundaForm rebuilt = tasklist.openTask(task(rebuilding, TASK_CONFIRM_REBUILT).getId());
        LocalDate finished = LocalDate.now().minusDays(3);
        rebuilt.date("竣工日期", finished);
        rebuilt.type("验收意见", "主体结构验收合格，已入住。");
        tasklist.submit(rebuilt, "house-rebuilding-confirm-rebuilt", () -> hasEnded(rebuilding));
        assertThat(rebuildings.find(rebuildingId).orElseThrow()).satisfies(r -> {
            assertThat(r.status()).isEqualTo("REBUILT");
            assertThat(r.rebuiltOn()).isEqualTo(finished);
        });
    }

    /** A disaster walked to the district's verification with one collapsed house: its rebuilding case. */
    private ProcessInstance collapsedHouse(int rooms) {
        ProcessInstance disaster = walker.register(LocalDateTime.now().minusHours(1), "yuecun-yuecun");
        long disasterId = ((Number) runtimeService.getVariable(disaster.getId(), DisasterReliefProcess.VAR_DISASTER_ID)).longValue();
        walker.report(disaster, DisasterReliefProcess.TASK_INITIAL_REPORT, Map.of());
        walker.report(disaster, DisasterReliefProcess.TASK_FOLLOW_UP_REPORT, Map.of(DisasterReliefProcess.VAR_SITUATION_STABLE, true));
        Map<String, Object> household = new HashMap<>(DisasterWalker.household("yuecun-yuecun", "ORDINARY", "COLLAPSED", rooms, 2000));
        household.put("headName", "张秋田");
        walker.registerHouseholds("yuecun", disaster, List.of(household), null);
        walker.signOff("yuecun", disaster, DisasterReliefProcess.APPROVE, null);
        walker.complete(DisasterWalker.STAFF, disaster, DisasterReliefProcess.TASK_VERIFY_LOSSES, Map.of("verificationNote", "属实"));
        return walker.rebuildingOf(roster.collapsed(disasterId).get(0));
    }



    private boolean isWaitingAt(ProcessInstance instance, String taskKey) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(taskKey).count() == 1;
    }

    private boolean hasEnded(ProcessInstance instance) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count() == 0;
    }

    private Task task(ProcessInstance instance, String key) {
        return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
    }
}
