package cn.minzheng.bureau.community.construction;

import static cn.minzheng.bureau.community.construction.OfficeConstructionProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.support.BrowserTest;
import cn.minzheng.bureau.support.CamundaForm;
import cn.minzheng.bureau.support.Tasklist;

/**
 * Every form of 社区办公用房建设 filled and submitted in Tasklist by the user whose work it is: the district
 * registers the project with a planned date per stage, the community's committee records each stage, and
 * the district supervises a stage past its planned date. Each step checks that the project moved on.
 */
@BrowserTest
class OfficeConstructionBrowserTest {

    private static final String DISTRICT = "approver";
    private static final String COMMITTEE = "committee.qinghuayuan";
    private static final LocalDate TODAY = LocalDate.now();

    @Autowired
    DibaoWalker walker;
    @Autowired
    OfficeConstructionRepository projects;
    @Autowired
    FormService formService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theDistrictRegistersAnOfficeAndTheCommitteeRecordsEveryStage(Tasklist tasklist) {
        String name = "清华苑社区办公用房新建工程" + ThreadLocalRandom.current().nextInt(100_000);
        tasklist.loginAs(DISTRICT);
        CamundaForm start = tasklist.startProcess("社区办公用房建设");
        start.select("乡镇（街道）", "任丘办事处");
        assertThat(start.options("社区（村）", 0)).as("the communities of the chosen street office")
                .contains("清华苑社区", "京东社区").doesNotContain("东岳村", "南江社区");
        start.select("社区（村）", "清华苑社区");
        start.type("项目名称", name).type("计划建筑面积（平方米）", 520);
        start.date("计划规划审批日期", TODAY.plusDays(10));
        start.date("计划开工日期", TODAY.plusDays(40));
        start.date("计划竣工日期", TODAY.plusDays(200));
        start.date("计划交付使用日期", TODAY.plusDays(230));
        tasklist.submit(start, "community-office-start", () -> projectNamed(name) != null);
        OfficeConstructionRepository.Project project = projects.find(projectNamed(name)).orElseThrow();
        assertThat(project.communityCode()).isEqualTo("renqiu-qinghuayuan");
        assertThat(projects.stage(project.id(), Stage.HANDOVER).plannedDate()).isEqualTo(TODAY.plusDays(230));
        ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(project.processInstanceId()).singleResult();

        tasklist.loginAs(COMMITTEE);
        CamundaForm planning = tasklist.openTask(task(instance, TASK_PLANNING_APPROVAL).getId());
        assertThat(planning.values()).contains("清华苑社区", name, "520.00", TODAY.plusDays(10).toString());
        planning.date("规划审批日期", TODAY.minusDays(30));
        planning.type("说明（文号、施工单位等）", "规划许可证号 2026-018");
        tasklist.submit(planning, "community-office-planning-approval", () -> isWaitingAt(instance, TASK_CONSTRUCTION_START));

        CamundaForm construction = tasklist.openTask(task(instance, TASK_CONSTRUCTION_START).getId());
        construction.date("开工日期", TODAY.minusDays(20));
        construction.type("说明（文号、施工单位等）", "施工单位：区建一公司");
        tasklist.submit(construction, "community-office-construction-start", () -> isWaitingAt(instance, TASK_COMPLETION));

        CamundaForm completion = tasklist.openTask(task(instance, TASK_COMPLETION).getId());
        completion.date("竣工日期", TODAY.minusDays(2));
        completion.type("竣工建筑面积（平方米）", "536.5");
        tasklist.submit(completion, "community-office-completion", () -> isWaitingAt(instance, TASK_HANDOVER));

        CamundaForm handover = tasklist.openTask(task(instance, TASK_HANDOVER).getId());
        handover.date("交付使用日期", TODAY);
        handover.type("交付使用面积（平方米）", 530).type("说明（文号、施工单位等）", "交付清华苑社区居委会使用");
        tasklist.submit(handover, "community-office-handover", () -> hasEnded(instance));

        assertThat(projects.find(project.id()).orElseThrow()).satisfies(p -> {
            assertThat(p.status()).isEqualTo("HANDED_OVER");
            assertThat(p.builtArea()).isEqualByComparingTo("536.5");
            assertThat(p.handedOverArea()).isEqualByComparingTo("530");
        });
        assertThat(projects.stages(project.id())).extracting(s -> s.stage() + ":" + s.actualDate() + ":" + s.recordedBy())
                .containsExactly("PLANNING_APPROVAL:" + TODAY.minusDays(30) + ":" + COMMITTEE,
                        "CONSTRUCTION_START:" + TODAY.minusDays(20) + ":" + COMMITTEE,
                        "COMPLETION:" + TODAY.minusDays(2) + ":" + COMMITTEE, "HANDOVER:" + TODAY + ":" + COMMITTEE);
    }

    @Test
    void theDistrictSupervisesAStagePastItsPlannedDate(Tasklist tasklist) {
        ProcessInstance instance = startProject(TODAY);
        long projectId = ((Number) runtimeService.getVariable(instance.getId(), VAR_PROJECT_ID)).longValue();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(instance.getId())
                .activityId(TIMER_PLANNING_APPROVAL_OVERDUE).singleResult().getId());

        tasklist.loginAs(DISTRICT);
        CamundaForm supervision = tasklist.openTask(task(instance, TASK_SUPERVISE).getId());
        assertThat(supervision.values()).contains("清华苑社区", "规划审批", TODAY.toString());
        supervision.type("督导意见", "请社区和街道本周内办结规划审批手续。");
        tasklist.submit(supervision, "community-office-supervision", () -> !isWaitingAt(instance, TASK_SUPERVISE));
        assertThat(projects.stage(projectId, Stage.PLANNING_APPROVAL)).satisfies(s -> {
            assertThat(s.supervisionNote()).isEqualTo("请社区和街道本周内办结规划审批手续。");
            assertThat(s.supervisedBy()).isEqualTo(DISTRICT);
        });
        assertThat(isWaitingAt(instance, TASK_PLANNING_APPROVAL)).as("the work goes on").isTrue();
    }

    /** A project in 清华苑社区 whose planning approval is planned for the given day (the later stages after it). */
    private ProcessInstance startProject(LocalDate planning) {
        String definition = repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion()
                .singleResult().getId();
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_TOWNSHIP_CODE, "renqiu");
        variables.put(VAR_COMMUNITY, "renqiu-qinghuayuan");
        variables.put(VAR_PROJECT_NAME, "清华苑社区办公用房改建工程");
        variables.put(VAR_PLANNED_AREA, 480);
        variables.put(plannedDateVariable(Stage.PLANNING_APPROVAL), planning.toString());
        variables.put(plannedDateVariable(Stage.CONSTRUCTION_START), planning.plusDays(30).toString());
        variables.put(plannedDateVariable(Stage.COMPLETION), planning.plusDays(180).toString());
        variables.put(plannedDateVariable(Stage.HANDOVER), planning.plusDays(200).toString());
        return walker.as(DISTRICT, () -> formService.submitStartForm(definition, variables));
    }



    private Long projectNamed(String name) {
        return jdbc.sql("select id from community_office_project where project_name = ?").param(name).query(Long.class)
                .optional().orElse(null);
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
