package cn.minzheng.bureau.community.construction;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by community-office-construction.bpmn, its forms and Java; the process's variables, declared. */
public final class OfficeConstructionProcess {

    public static final String KEY = "community-office-construction";

    public static final String TASK_PLANNING_APPROVAL = "Task_RecordPlanningApproval";
    public static final String TASK_CONSTRUCTION_START = "Task_RecordConstructionStart";
    public static final String TASK_COMPLETION = "Task_RecordCompletion";
    public static final String TASK_HANDOVER = "Task_RecordHandover";
    public static final String TASK_SUPERVISE = "Task_SuperviseOverdueStage";

    public static final String TIMER_PLANNING_APPROVAL_OVERDUE = "BoundaryEvent_PlanningApprovalOverdue";
    public static final String TIMER_CONSTRUCTION_START_OVERDUE = "BoundaryEvent_ConstructionStartOverdue";
    public static final String TIMER_COMPLETION_OVERDUE = "BoundaryEvent_CompletionOverdue";
    public static final String TIMER_HANDOVER_OVERDUE = "BoundaryEvent_HandoverOverdue";

    public static final ProcessVariable<Long> PROJECT_ID = ProcessVariable.fact("projectId", Long.class);
    public static final ProcessVariable<String> COMMUNITY_CODE = ProcessVariable.fact("communityCode", String.class);
    public static final ProcessVariable<String> TOWNSHIP_CODE = ProcessVariable.fact("townshipCode", String.class);
    /** Local to the supervision branch (and its task): the stage that ran over its planned date. */
    public static final ProcessVariable<String> OVERDUE_STAGE = ProcessVariable.fact("overdueStage", String.class);

    /** Start form fields (numbers and dates as the form or a Java client sends them). */
    public static final ProcessVariable<String> COMMUNITY = ProcessVariable.fact("community", String.class);
    public static final ProcessVariable<String> PROJECT_NAME = ProcessVariable.fact("projectName", String.class);
    public static final ProcessVariable<Object> PLANNED_AREA = ProcessVariable.fact("plannedArea", Object.class);
    /** Start form field of each stage's planned date, e.g. plannedPlanningApproval. */
    public static final Map<Stage, ProcessVariable<Object>> PLANNED_DATES = plannedDates();

    /** Stage task fields. */
    public static final ProcessVariable<Object> ACTUAL_DATE = ProcessVariable.fact("actualDate", Object.class);
    public static final ProcessVariable<String> STAGE_NOTE = ProcessVariable.fact("stageNote", String.class);
    public static final ProcessVariable<Object> BUILT_AREA = ProcessVariable.fact("builtArea", Object.class);
    public static final ProcessVariable<Object> HANDED_OVER_AREA = ProcessVariable.fact("handedOverArea", Object.class);
    public static final ProcessVariable<String> SUPERVISION_NOTE = ProcessVariable.fact("supervisionNote", String.class);

    /** Copies of the project's rows, shown by the forms. */
    public static final ProcessVariable<String> COMMUNITY_NAME = ProcessVariable.copy("communityName", String.class);
    public static final ProcessVariable<String> PLANNED_DATE = ProcessVariable.copy("plannedDate", String.class);
    public static final ProcessVariable<String> OVERDUE_STAGE_LABEL = ProcessVariable.copy("overdueStageLabel", String.class);

    public static final String VAR_PROJECT_ID = PROJECT_ID.name();
    public static final String VAR_COMMUNITY_CODE = COMMUNITY_CODE.name();
    public static final String VAR_TOWNSHIP_CODE = TOWNSHIP_CODE.name();
    public static final String VAR_OVERDUE_STAGE = OVERDUE_STAGE.name();
    public static final String VAR_COMMUNITY = COMMUNITY.name();
    public static final String VAR_PROJECT_NAME = PROJECT_NAME.name();
    public static final String VAR_PLANNED_AREA = PLANNED_AREA.name();
    public static final String VAR_ACTUAL_DATE = ACTUAL_DATE.name();
    public static final String VAR_STAGE_NOTE = STAGE_NOTE.name();
    public static final String VAR_BUILT_AREA = BUILT_AREA.name();
    public static final String VAR_HANDED_OVER_AREA = HANDED_OVER_AREA.name();
    public static final String VAR_SUPERVISION_NOTE = SUPERVISION_NOTE.name();

    /** Every variable of the process, for its {@link OfficeConstructionVariables}. */
    static final List<ProcessVariable<?>> VARIABLES = variables();

    private OfficeConstructionProcess() {
    }

    /** Start form field of a stage's planned date, e.g. plannedPlanningApproval. */
    public static String plannedDateVariable(Stage stage) {
        return PLANNED_DATES.get(stage).name();
    }

    private static Map<Stage, ProcessVariable<Object>> plannedDates() {
        Map<Stage, ProcessVariable<Object>> dates = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            dates.put(stage, ProcessVariable.fact("planned" + stage.camelName(), Object.class));
        }
        return java.util.Collections.unmodifiableMap(dates);
    }

    private static List<ProcessVariable<?>> variables() {
        List<ProcessVariable<?>> all = new java.util.ArrayList<>(List.of(PROJECT_ID, COMMUNITY_CODE, TOWNSHIP_CODE,
                OVERDUE_STAGE, COMMUNITY, PROJECT_NAME, PLANNED_AREA, ACTUAL_DATE, STAGE_NOTE, BUILT_AREA, HANDED_OVER_AREA,
                SUPERVISION_NOTE, COMMUNITY_NAME, PLANNED_DATE, OVERDUE_STAGE_LABEL));
        all.addAll(PLANNED_DATES.values());
        return List.copyOf(all);
    }
}
