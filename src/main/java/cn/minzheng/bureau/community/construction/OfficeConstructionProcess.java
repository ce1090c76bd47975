package cn.minzheng.bureau.community.construction;

/** Names shared by community-office-construction.bpmn, its forms and Java. */
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

    public static final String VAR_PROJECT_ID = "projectId";
    public static final String VAR_COMMUNITY_CODE = "communityCode";
    public static final String VAR_TOWNSHIP_CODE = "townshipCode";
    /** Local to the supervision branch: the stage that ran over its planned date. */
    public static final String VAR_OVERDUE_STAGE = "overdueStage";

    /** Start form fields. */
    public static final String VAR_COMMUNITY = "community";
    public static final String VAR_PROJECT_NAME = "projectName";
    public static final String VAR_PLANNED_AREA = "plannedArea";

    /** Stage task fields. */
    public static final String VAR_ACTUAL_DATE = "actualDate";
    public static final String VAR_STAGE_NOTE = "stageNote";
    public static final String VAR_BUILT_AREA = "builtArea";
    public static final String VAR_HANDED_OVER_AREA = "handedOverArea";
    public static final String VAR_SUPERVISION_NOTE = "supervisionNote";

    private OfficeConstructionProcess() {
    }

    /** Start form field of a stage's planned date, e.g. plannedPlanningApproval. */
    public static String plannedDateVariable(Stage stage) {
        return "planned" + stage.camelName();
    }
}
