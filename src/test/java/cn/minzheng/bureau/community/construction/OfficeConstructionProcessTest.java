package cn.minzheng.bureau.community.construction;

import static cn.minzheng.bureau.community.construction.OfficeConstructionProcess.*;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.support.ProcessTest;
import cn.minzheng.bureau.support.UserTasks;

/**
 * Every path of community-office-construction.bpmn: a project through its four stages on time, every
 * stage overdue with the district's supervision (work goes on), and the bad input of the start and stage forms.
 */
@ProcessTest
class OfficeConstructionProcessTest {

    private static final String DISTRICT = "approver";
    private static final String COMMITTEE = "committee.qinghuayuan";
    private static final String STREET_CLERK = "clerk.renqiu";
    private static final LocalDate TODAY = LocalDate.now();

    @Autowired
    UserTasks userTasks;
    @Autowired
    ProcessEngine engine;
    @Autowired
    DibaoWalker walker;
    @Autowired
    OfficeConstructionRepository projects;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine);
    }

    @Test
    void anOfficeBuiltOnTimeIsHandedOverWithItsAreaAndNoSupervision() {
        ProcessInstance instance = start("清华苑社区", "520", TODAY.plusDays(10), TODAY.plusDays(40), TODAY.plusDays(200), TODAY.plusDays(230));
        long projectId = projectId(instance);
        assertThat(instance).isWaitingAt(TASK_PLANNING_APPROVAL).task()
                .hasCandidateGroup("committee-renqiu-qinghuayuan").hasCandidateGroup("clerk-renqiu");
        Job timer = timer(instance, TIMER_PLANNING_APPROVAL_OVERDUE);
        assertThat(timer.getDuedate().toInstant())
                .isEqualTo(TODAY.plusDays(11).atStartOfDay(ZoneId.systemDefault()).toInstant());

        userTasks.complete(COMMITTEE, instance, TASK_PLANNING_APPROVAL, stage(TODAY.minusDays(30), "规划许可证号 2026-018"));
        userTasks.complete(STREET_CLERK, instance, TASK_CONSTRUCTION_START, stage(TODAY.minusDays(20), "施工单位：区建一公司"));
        Map<String, Object> completion = stage(TODAY.minusDays(2), null);
        completion.put(VAR_BUILT_AREA, 536.5);
        userTasks.complete(COMMITTEE, instance, TASK_COMPLETION, completion);
        Map<String, Object> handover = stage(TODAY, "交付清华苑社区居委会使用");
        handover.put(VAR_HANDED_OVER_AREA, "530.25");
        userTasks.complete(COMMITTEE, instance, TASK_HANDOVER, handover);

        assertThat(instance).isEnded().hasPassed("EndEvent_OfficeHandedOver").hasNotPassed(TASK_SUPERVISE);
        var project = projects.find(projectId).orElseThrow();
        assertThat(project.status()).isEqualTo("HANDED_OVER");
        assertThat(project.communityCode()).isEqualTo("renqiu-qinghuayuan");
        assertThat(project.plannedArea()).isEqualByComparingTo("520");
        assertThat(project.builtArea()).isEqualByComparingTo("536.50");
        assertThat(project.handedOverArea()).isEqualByComparingTo("530.25");
        assertThat(projects.stages(projectId)).extracting(s -> s.stage() + ":" + s.actualDate() + ":" + s.recordedBy())
                .containsExactly("PLANNING_APPROVAL:" + TODAY.minusDays(30) + ":" + COMMITTEE,
                        "CONSTRUCTION_START:" + TODAY.minusDays(20) + ":" + STREET_CLERK,
                        "COMPLETION:" + TODAY.minusDays(2) + ":" + COMMITTEE,
                        "HANDOVER:" + TODAY + ":" + COMMITTEE);
        assertThat(auditActions(projectId)).containsExactly("OPENED", "STAGE_PLANNING_APPROVAL", "STAGE_CONSTRUCTION_START",
                "STAGE_COMPLETION", "STAGE_HANDOVER");
    }

    @Test
    void everyOverdueStageGivesTheDistrictASupervisionTaskAndWorkGoesOn() {
        // planned dates ahead, so the job executor leaves the timers alone: the test fires each as if its day had come
        ProcessInstance instance = start("renqiu-qinghuayuan", "450", TODAY.plusDays(30), TODAY.plusDays(60),
                TODAY.plusDays(90), TODAY.plusDays(95));
        long projectId = projectId(instance);
        String[][] stages = {
                {TIMER_PLANNING_APPROVAL_OVERDUE, TASK_PLANNING_APPROVAL, "规划审批"},
                {TIMER_CONSTRUCTION_START_OVERDUE, TASK_CONSTRUCTION_START, "开工"},
                {TIMER_COMPLETION_OVERDUE, TASK_COMPLETION, "竣工"},
                {TIMER_HANDOVER_OVERDUE, TASK_HANDOVER, "交付使用"},
        };
        int day = 40;
        for (String[] stage : stages) {
            engine.getManagementService().executeJob(timer(instance, stage[0]).getId());
            assertThat(instance).isWaitingAt(stage[1], TASK_SUPERVISE);
            Task supervision = walker.as(DISTRICT, () -> engine.getTaskService().createTaskQuery()
                    .processInstanceId(instance.getId()).taskDefinitionKey(TASK_SUPERVISE).singleResult());
            assertThat(supervision).isNotNull();
            assertThat(engine.getTaskService().getVariable(supervision.getId(), "overdueStageLabel")).isEqualTo(stage[2]);
            assertThat(walker.as(COMMITTEE, () -> engine.getTaskService().createTaskQuery().taskId(supervision.getId()).count()))
                    .as("the committee does not see the district's supervision").isZero();
            userTasks.complete(DISTRICT, instance, TASK_SUPERVISE, Map.of(VAR_SUPERVISION_NOTE, "请于本月底前完成" + stage[2]));
            Map<String, Object> variables = stage(TODAY.minusDays(day), null);
            variables.put(VAR_BUILT_AREA, "450");
            variables.put(VAR_HANDED_OVER_AREA, "450");
            userTasks.complete(COMMITTEE, instance, stage[1], variables);
            day -= 10;
        }
        assertThat(instance).isEnded().hasPassed("EndEvent_OfficeHandedOver", "EndEvent_Supervised", "Task_RecordOverdueStage");
        assertThat(projects.stages(projectId)).allSatisfy(s -> {
            assertThat(s.overdueAt()).isNotNull();
            assertThat(s.supervisedBy()).isEqualTo(DISTRICT);
            assertThat(s.supervisionNote()).isEqualTo("请于本月底前完成" + s.stage().label());
        });
    }

    @Test
    void aProjectBelowTheStandardOrWithDatesOutOfOrderIsNotRegistered() {
        long before = jdbc.sql("select count(*) from community_office_project").query(Long.class).single();
        assertThatThrownBy(() -> start("清华苑社区", "449.99", TODAY, TODAY, TODAY, TODAY)).satisfies(violation("不得少于450平方米"));
        assertThatThrownBy(() -> start("清华苑社区", "600", TODAY.plusDays(5), TODAY.plusDays(4), TODAY.plusDays(9), TODAY.plusDays(9)))
                .satisfies(violation("计划开工日期不能早于计划规划审批日期"));
        assertThatThrownBy(() -> start("中庆社区", "600", TODAY, TODAY, TODAY, TODAY)).satisfies(violation("不是任丘办事处的社区"));
        assertThatThrownBy(() -> start("清华苑社区", "-1", TODAY, TODAY, TODAY, TODAY)).satisfies(violation("必须大于0"));
        assertThat(jdbc.sql("select count(*) from community_office_project").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void stageDatesMustHaveHappenedInOrderAndTheHandoverMeetTheStandard() {
        ProcessInstance instance = start("清华苑社区", "480", TODAY, TODAY, TODAY, TODAY);
        assertThatThrownBy(() -> userTasks.complete(COMMITTEE, instance, TASK_PLANNING_APPROVAL, stage(TODAY.plusDays(1), null)))
                .satisfies(violation("不能晚于今天"));
        assertThatThrownBy(() -> userTasks.complete(COMMITTEE, instance, TASK_PLANNING_APPROVAL, Map.of(VAR_ACTUAL_DATE, "20.11.2026")))
                .satisfies(violation("格式不正确"));
        assertThatThrownBy(() -> userTasks.complete("committee.nanjiang", instance, TASK_PLANNING_APPROVAL, stage(TODAY, null)))
                .as("another community's committee does not see the task").isInstanceOf(AssertionError.class);
        userTasks.complete(COMMITTEE, instance, TASK_PLANNING_APPROVAL, stage(TODAY.minusDays(3), null));
        assertThatThrownBy(() -> userTasks.complete(COMMITTEE, instance, TASK_CONSTRUCTION_START, stage(TODAY.minusDays(4), null)))
                .satisfies(violation("开工日期不能早于规划审批日期"));
        userTasks.complete(COMMITTEE, instance, TASK_CONSTRUCTION_START, stage(TODAY.minusDays(2), null));
        Map<String, Object> completion = stage(TODAY.minusDays(1), null);
        completion.put(VAR_BUILT_AREA, "500");
        userTasks.complete(COMMITTEE, instance, TASK_COMPLETION, completion);
        Map<String, Object> handover = stage(TODAY, null);
        handover.put(VAR_HANDED_OVER_AREA, "420");
        assertThatThrownBy(() -> userTasks.complete(COMMITTEE, instance, TASK_HANDOVER, handover)).satisfies(violation("交付使用面积不得少于450平方米"));
        handover.put(VAR_HANDED_OVER_AREA, "500.01");
        assertThatThrownBy(() -> userTasks.complete(COMMITTEE, instance, TASK_HANDOVER, handover)).satisfies(violation("不能大于竣工建筑面积"));
        assertThat(projects.find(projectId(instance)).orElseThrow().handedOverArea()).isNull();
        handover.put(VAR_HANDED_OVER_AREA, "500");
        userTasks.complete(COMMITTEE, instance, TASK_HANDOVER, handover);
        assertThat(instance).isEnded();
    }

    private ProcessInstance start(String community, String area, LocalDate planning, LocalDate start, LocalDate completion,
                                  LocalDate handover) {
        String definition = engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .latestVersion().singleResult().getId();
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_TOWNSHIP_CODE, "renqiu");
        variables.put(VAR_COMMUNITY, community);
        variables.put(VAR_PROJECT_NAME, community + "办公用房新建工程");
        variables.put(VAR_PLANNED_AREA, Double.valueOf(area));
        variables.put(plannedDateVariable(Stage.PLANNING_APPROVAL), planning.toString());
        variables.put(plannedDateVariable(Stage.CONSTRUCTION_START), start.toString());
        variables.put(plannedDateVariable(Stage.COMPLETION), completion.toString());
        variables.put(plannedDateVariable(Stage.HANDOVER), handover.toString());
        return walker.as(DISTRICT, () -> engine.getFormService().submitStartForm(definition, variables));
    }

    private static Map<String, Object> stage(LocalDate actual, String note) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_ACTUAL_DATE, actual.toString());
        if (note != null) {
            variables.put(VAR_STAGE_NOTE, note);
        }
        return variables;
    }

    private Job timer(ProcessInstance instance, String activityId) {
        return engine.getManagementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .singleResult();
    }

    private long projectId(ProcessInstance instance) {
        return ((Number) engine.getRuntimeService().getVariable(instance.getId(), VAR_PROJECT_ID)).longValue();
    }

    private List<String> auditActions(long projectId) {
        return jdbc.sql("select action from audit_event where entity_type = 'COMMUNITY_OFFICE' and entity_id = ? order by id")
                .param(projectId).query(String.class).list();
    }
}
