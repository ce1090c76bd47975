package cn.minzheng.bureau.community.construction;

import static cn.minzheng.bureau.community.construction.OfficeConstructionProcess.*;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.region.Communities;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/** Service steps and timer dates of community-office-construction.bpmn: ${constructionActions.…}. */
@Component("constructionActions")
public class ConstructionActions {

    private final OfficeProjectRepository projects;
    private final RegionRepository regions;
    private final ConstructionSettings settings;

    public ConstructionActions(OfficeProjectRepository projects, RegionRepository regions, ConstructionSettings settings) {
        this.projects = projects;
        this.regions = regions;
        this.settings = settings;
    }

    /** 登记建设项目: community, name, planned floor area (at least the standard) and a planned date per stage, in order. */
    public void open(DelegateExecution execution) {
        TaskInput input = new TaskInput(execution);
        Region township = Communities.township(regions, (String) execution.getVariable(VAR_TOWNSHIP_CODE));
        Region community = Communities.inTownship(regions, township.code(), input.text(VAR_COMMUNITY, "社区（村）", 40));
        String name = input.text(VAR_PROJECT_NAME, "项目名称", 100);
        BigDecimal area = FloorArea.atLeast(execution.getVariable(VAR_PLANNED_AREA), "计划建筑面积", settings.getMinimumFloorArea());
        Map<Stage, LocalDate> planned = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            LocalDate date = FormDate.parse(execution.getVariable(plannedDateVariable(stage)), "计划" + stage.label() + "日期");
            Stage previous = stage.previous();
            if (previous != null && date.isBefore(planned.get(previous))) {
                throw new RuleViolation("DATES_OUT_OF_ORDER",
                        "计划" + stage.label() + "日期不能早于计划" + previous.label() + "日期");
            }
            planned.put(stage, date);
        }
        long id = projects.open(community.code(), township.code(), name, area, planned, execution.getProcessInstanceId(),
                Actor.currentOrNull(execution));
        execution.setVariable(VAR_PROJECT_ID, id);
        execution.setVariable(VAR_COMMUNITY_CODE, community.code());
        execution.setVariable("communityName", community.name());
        execution.setVariable(VAR_PLANNED_AREA, area.toPlainString());
    }

    /** When a stage's timer fires: the day after its planned date, at midnight. */
    public Date due(DelegateExecution execution, String stage) {
        LocalDate planned = projects.stage(projectId(execution), Stage.valueOf(stage)).plannedDate();
        return Date.from(planned.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    /** 记录逾期: the stage the project is in ran over its planned date; the supervision task shows which. */
    public void recordOverdue(DelegateExecution execution) {
        long projectId = projectId(execution);
        Stage current = projects.stages(projectId).stream().filter(s -> s.actualDate() == null)
                .map(OfficeProjectRepository.StageRow::stage).findFirst().orElse(Stage.HANDOVER);
        projects.overdue(projectId, current);
        execution.setVariableLocal(VAR_OVERDUE_STAGE, current.name());
    }

    static long projectId(VariableScope scope) {
        return ((Number) scope.getVariable(VAR_PROJECT_ID)).longValue();
    }

    static LocalDate today() {
        return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), Clock.systemDefaultZone().getZone());
    }
}
