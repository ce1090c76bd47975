package cn.minzheng.bureau.community.construction;

import static cn.minzheng.bureau.community.construction.OfficeConstructionProcess.*;

import java.time.LocalDate;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.region.Region;

/** What community-office-construction.bpmn calls: ${officeConstructionSteps.…}, service steps, timers and task listeners. */
@Component
public class OfficeConstructionSteps {

    private final OfficeConstructionService service;

    public OfficeConstructionSteps(OfficeConstructionService service) {
        this.service = service;
    }

    /** 登记建设项目: community, name, planned floor area and a planned date per stage from the start form. */
    public void open(DelegateExecution execution) {
        TaskInput input = new TaskInput(execution);
        Region township = service.township(TOWNSHIP_CODE.get(execution));
        Region community = service.community(township, input.text(VAR_COMMUNITY, "社区（村）", 40));
        String name = input.text(VAR_PROJECT_NAME, "项目名称", 100);
        Map<Stage, Object> planned = new EnumMap<>(Stage.class);
        PLANNED_DATES.forEach((stage, variable) -> planned.put(stage, variable.get(execution)));
        OfficeConstructionService.Opened opened = service.open(township, community, name, PLANNED_AREA.get(execution),
                planned, execution.getProcessInstanceId(), Actor.currentOrNull(execution));
        PROJECT_ID.set(execution, opened.projectId());
        COMMUNITY_CODE.set(execution, community.code());
        COMMUNITY_NAME.set(execution, community.name());
        PLANNED_AREA.set(execution, opened.plannedArea().toPlainString());
    }

    /** The timer of a stage: the day after its planned date, at midnight. */
    public Date due(DelegateExecution execution, String stage) {
        return service.due(PROJECT_ID.require(execution), Stage.valueOf(stage));
    }

    /** 记录逾期: the supervision task shows which stage ran over. */
    public void recordOverdue(DelegateExecution execution) {
        Stage current = service.recordOverdue(PROJECT_ID.require(execution));
        execution.setVariableLocal(OVERDUE_STAGE.name(), current.name());
    }

    /** On create of a stage's task (its fields emptied by the task's clearInputs): its planned date on the form. */
    public void show(DelegateTask task, String stageName) {
        Stage stage = Stage.valueOf(stageName);
        task.setVariableLocal(PLANNED_DATE.name(), service.plannedDate(PROJECT_ID.require(task), stage).toString());
    }

    /** A stage reached: its actual date, a note, and the areas where they apply. */
    public void record(DelegateTask task, String stageName) {
        Stage stage = Stage.valueOf(stageName);
        long projectId = PROJECT_ID.require(task);
        LocalDate actual = service.actualDate(projectId, stage, ACTUAL_DATE.get(task));
        String note = new TaskInput(task).optionalText(VAR_STAGE_NOTE, "说明", 1000);
        service.recordStage(projectId, stage, actual, note, BUILT_AREA.get(task), HANDED_OVER_AREA.get(task), Actor.of(task));
    }

    /** On create of the supervision task: which stage it is about, kept on the task itself. */
    public void showOverdue(DelegateTask task) {
        Stage stage = Stage.valueOf(OVERDUE_STAGE.require(task));
        task.setVariableLocal(OVERDUE_STAGE.name(), stage.name());
        task.setVariableLocal(OVERDUE_STAGE_LABEL.name(), stage.label());
        task.setVariableLocal(PLANNED_DATE.name(), service.plannedDate(PROJECT_ID.require(task), stage).toString());
    }

    /** 督导: the district's instruction to the community and street office. */
    public void supervise(DelegateTask task) {
        String note = new TaskInput(task).text(VAR_SUPERVISION_NOTE, "督导意见", 1000);
        service.supervise(PROJECT_ID.require(task), Stage.valueOf((String) task.getVariableLocal(OVERDUE_STAGE.name())),
                note, Actor.of(task));
    }
}
