package cn.minzheng.bureau.community.construction;

import static cn.minzheng.bureau.community.construction.OfficeConstructionProcess.*;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TaskInput;

/** What the user tasks of community-office-construction.bpmn submit, checked and stored (${constructionTasks.…}). */
@Component("constructionTasks")
public class ConstructionTaskListeners {

    private final OfficeProjectRepository projects;
    private final ConstructionSettings settings;

    public ConstructionTaskListeners(OfficeProjectRepository projects, ConstructionSettings settings) {
        this.projects = projects;
        this.settings = settings;
    }

    /** On create: the stage's planned date on the form. */
    public void show(DelegateTask task, String stageName) {
        Stage stage = Stage.valueOf(stageName);
        task.setVariableLocal("plannedDate", projects.stage(ConstructionActions.projectId(task), stage).plannedDate().toString());
        task.removeVariable(VAR_ACTUAL_DATE);
        task.removeVariable(VAR_STAGE_NOTE);
    }

    /** A stage reached: its actual date (not in the future, not before the previous stage), areas where they apply. */
    public void record(DelegateTask task, String stageName) {
        Stage stage = Stage.valueOf(stageName);
        long projectId = ConstructionActions.projectId(task);
        TaskInput input = new TaskInput(task);
        LocalDate actual = FormDate.past(task.getVariable(VAR_ACTUAL_DATE), stage.label() + "日期", ConstructionActions.today());
        Stage previous = stage.previous();
        if (previous != null) {
            LocalDate before = projects.stage(projectId, previous).actualDate();
            if (before != null && actual.isBefore(before)) {
                throw new RuleViolation("DATES_OUT_OF_ORDER", stage.label() + "日期不能早于" + previous.label() + "日期（" + before + "）");
            }
        }
        String note = input.optionalText(VAR_STAGE_NOTE, "说明", 1000);
        if (stage == Stage.COMPLETION) {
            projects.builtArea(projectId, FloorArea.parse(task.getVariable(VAR_BUILT_AREA), "竣工建筑面积"));
        }
        if (stage == Stage.HANDOVER) {
            BigDecimal handedOver = FloorArea.atLeast(task.getVariable(VAR_HANDED_OVER_AREA), "交付使用面积",
                    settings.getMinimumFloorArea());
            BigDecimal built = projects.find(projectId).orElseThrow().builtArea();
            if (built != null && handedOver.compareTo(built) > 0) {
                throw new RuleViolation("AREA_ABOVE_BUILT", "交付使用面积不能大于竣工建筑面积（" + built.toPlainString() + "平方米）");
            }
            projects.handedOverArea(projectId, handedOver);
        }
        projects.recordStage(projectId, stage, actual, note, Actor.of(task));
    }

    /** On create of the supervision task: which stage it is about, kept on the task itself. */
    public void showOverdue(DelegateTask task) {
        Stage stage = Stage.valueOf((String) task.getVariable(VAR_OVERDUE_STAGE));
        task.setVariableLocal(VAR_OVERDUE_STAGE, stage.name());
        task.setVariableLocal("overdueStageLabel", stage.label());
        task.setVariableLocal("plannedDate", projects.stage(ConstructionActions.projectId(task), stage).plannedDate().toString());
        task.removeVariable(VAR_SUPERVISION_NOTE);
    }

    /** 督导: the district's instruction to the community and street office. */
    public void supervise(DelegateTask task) {
        String note = new TaskInput(task).text(VAR_SUPERVISION_NOTE, "督导意见", 1000);
        projects.supervised(ConstructionActions.projectId(task), Stage.valueOf((String) task.getVariableLocal(VAR_OVERDUE_STAGE)),
                note, Actor.of(task));
    }
}
