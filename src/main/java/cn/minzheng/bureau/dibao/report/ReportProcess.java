package cn.minzheng.bureau.dibao.report;

/** Names shared by dibao-report.bpmn, its forms and the Java code. */
public final class ReportProcess {

    public static final String KEY = "dibao-report";

    public static final String TASK_OPEN = "Task_OpenReport";
    public static final String TASK_ASSIGN = "Task_AssignInvestigator";
    public static final String TASK_INVESTIGATE = "Task_InvestigateReport";
    public static final String TASK_RECALCULATE = "Task_RecalculateAfterReport";
    public static final String TASK_DECIDE = "Task_DecideReport";
    public static final String TASK_CLOSE_UNFOUNDED = "Task_CloseUnfounded";
    public static final String TASK_APPLY_FINDING = "Task_ApplyFinding";
    public static final String END_UNFOUNDED = "EndEvent_Unfounded";
    public static final String END_FOUNDED = "EndEvent_Founded";

    public static final String VAR_REPORT_ID = "reportId";
    public static final String VAR_CASE_ID = "caseId";
    public static final String VAR_INVESTIGATOR = "investigator";
    /** The investigators the assigning reviewer may choose (a task-local list for the form's select). */
    public static final String VAR_INVESTIGATOR_OPTIONS = "investigatorOptions";
    public static final String VAR_FOUNDED = "reportFounded";
    public static final String VAR_FACT_FROM_MONTH = "factFromMonth";
    public static final String VAR_FINDINGS = "reportFindings";
    public static final String VAR_OUTCOME = "reportOutcome";
    public static final String VAR_OUTCOME_REASON = "reportOutcomeReason";

    public static final String UNFOUNDED = "UNFOUNDED";
    public static final String CANCEL = "CANCEL";
    public static final String LOWER = "LOWER";

    public static final String CHANNEL_PUBLIC_NOTICE = "PUBLIC_NOTICE";
    public static final String CHANNEL_ANY_TIME = "ANY_TIME";

    private ReportProcess() {
    }
}
