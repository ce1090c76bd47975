package cn.minzheng.bureau.community.construction;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;

import org.springframework.stereotype.Service;

import cn.minzheng.bureau.common.FormDate;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.region.Communities;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/** The rules of a community office project: the floor-area standard, stages in order, dates not in the future. */
@Service
public class OfficeConstructionService {

    private final OfficeConstructionRepository projects;
    private final RegionRepository regions;
    private final ConstructionSettings settings;

    public OfficeConstructionService(OfficeConstructionRepository projects, RegionRepository regions,
                                     ConstructionSettings settings) {
        this.projects = projects;
        this.regions = regions;
        this.settings = settings;
    }

    public Region township(String code) {
        return Communities.township(regions, code);
    }

    public Region community(Region township, String nameOrCode) {
        return Communities.inTownship(regions, township.code(), nameOrCode);
    }

    public record Opened(long projectId, BigDecimal plannedArea) {
    }

    /** 登记建设项目: planned floor area at least the standard and a planned date per stage, in order. */
    public Opened open(Region township, Region community, String name, Object plannedArea, Map<Stage, Object> plannedDates,
                     String processInstanceId, String actor) {
        BigDecimal area = plannedArea(plannedArea);
        Map<Stage, LocalDate> planned = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            LocalDate date = FormDate.parse(plannedDates.get(stage), "计划" + stage.label() + "日期");
            Stage previous = stage.previous();
            if (previous != null && date.isBefore(planned.get(previous))) {
                throw new RuleViolation("DATES_OUT_OF_ORDER",
                        "计划" + stage.label() + "日期不能早于计划" + previous.label() + "日期");
            }
            planned.put(stage, date);
        }
        return new Opened(projects.open(community.code(), township.code(), name, area, planned, processInstanceId, actor), area);
    }

    private BigDecimal plannedArea(Object value) {
        return FloorArea.atLeast(value, "计划建筑面积", settings.getMinimumFloorArea());
    }

    /** When a stage's timer fires: the day after its planned date, at midnight. */
    public Date due(long projectId, Stage stage) {
        LocalDate planned = plannedDate(projectId, stage);
        return Date.from(planned.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    public LocalDate plannedDate(long projectId, Stage stage) {
        return projects.stage(projectId, stage).plannedDate();
    }

    /** 记录逾期: the stage the project is in ran over its planned date. */
    public Stage recordOverdue(long projectId) {
        Stage current = projects.stages(projectId).stream().filter(s -> s.actualDate() == null)
                .map(OfficeConstructionRepository.StageRow::stage).findFirst().orElse(Stage.HANDOVER);
        projects.overdue(projectId, current);
        return current;
    }

    /** A stage's actual date: not in the future, not before the previous stage's. */
    public LocalDate actualDate(long projectId, Stage stage, Object value) {
        LocalDate actual = FormDate.past(value, stage.label() + "日期", EngineClock.today());
        Stage previous = stage.previous();
        if (previous != null) {
            LocalDate before = projects.stage(projectId, previous).actualDate();
            if (before != null && actual.isBefore(before)) {
                throw new RuleViolation("DATES_OUT_OF_ORDER", stage.label() + "日期不能早于" + previous.label() + "日期（" + before + "）");
            }
        }
        return actual;
    }

    /** A stage reached, with the built area at completion and the handed-over area (the standard, at most built). */
    public void recordStage(long projectId, Stage stage, LocalDate actual, String note, Object builtArea,
                            Object handedOverArea, String actor) {
        if (stage == Stage.COMPLETION) {
            projects.builtArea(projectId, FloorArea.parse(builtArea, "竣工建筑面积"));
        }
        if (stage == Stage.HANDOVER) {
            BigDecimal handedOver = FloorArea.atLeast(handedOverArea, "交付使用面积", settings.getMinimumFloorArea());
            BigDecimal built = projects.find(projectId).orElseThrow().builtArea();
            if (built != null && handedOver.compareTo(built) > 0) {
                throw new RuleViolation("AREA_ABOVE_BUILT", "交付使用面积不能大于竣工建筑面积（" + built.toPlainString() + "平方米）");
            }
            projects.handedOverArea(projectId, handedOver);
        }
        projects.recordStage(projectId, stage, actual, note, actor);
    }

    /** 督导: the district's instruction on the overdue stage. */
    public void supervise(long projectId, Stage stage, String note, String actor) {
        projects.supervised(projectId, stage, note, actor);
    }
}
