package cn.minzheng.bureau.organisation;

import java.util.Date;
import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by organisation-annual-inspection.bpmn, its forms and Java; the process's variables, declared. */
public final class AnnualInspectionProcess {

    public static final String KEY = "organisation-annual-inspection";
    public static final String RESULT_DECISION = "organisation-inspection-result";

    public static final String TASK_REPORT = "Task_EnterReport";
    public static final String TASK_REVIEW = "Task_ReviewBySection";
    public static final String TASK_DECIDE = "Task_DecideByHead";
    public static final String TASK_CHECK_REMEDY = "Task_CheckRemedy";
    public static final String TASK_APPROVE_REVOCATION = "Task_ApproveRevocation";
    public static final String TIMER_REPORT_OVERDUE = "BoundaryEvent_ReportOverdue";
    public static final String TIMER_REMEDY_OVERDUE = "BoundaryEvent_RemedyOverdue";

    /** Start form: which organisation, for which year. */
    public static final ProcessVariable<String> CREDIT_CODE = ProcessVariable.fact("creditCode", String.class);
    public static final ProcessVariable<Object> INSPECTION_YEAR = ProcessVariable.fact("inspectionYear", Object.class);

    public static final ProcessVariable<Long> ORGANISATION_ID = ProcessVariable.fact("organisationId", Long.class);
    public static final ProcessVariable<Long> INSPECTION_ID = ProcessVariable.fact("inspectionId", Long.class);
    /** The day the report is due (a timer waits for it). */
    public static final ProcessVariable<Date> REPORT_DEADLINE = ProcessVariable.fact("reportDeadline", Date.class);

    /** Report form: the figures and answers the section clerk enters from the paper report. */
    public static final ProcessVariable<Object> INCOME = ProcessVariable.fact("income", Object.class);
    public static final ProcessVariable<Object> EXPENDITURE = ProcessVariable.fact("expenditure", Object.class);
    public static final ProcessVariable<Object> NET_ASSETS = ProcessVariable.fact("netAssets", Object.class);
    public static final ProcessVariable<Object> ACTIVITIES_HELD = ProcessVariable.fact("activitiesHeld", Object.class);
    public static final ProcessVariable<String> CHARTER_FOLLOWED = ProcessVariable.fact("charterFollowed", String.class);
    public static final ProcessVariable<String> SUPERVISOR_OPINION = ProcessVariable.fact("supervisorOpinion", String.class);

    /** Review and decision. */
    public static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.fact("reviewComment", String.class);
    public static final ProcessVariable<String> REVIEWED_BY = ProcessVariable.fact("reviewedBy", String.class);
    public static final ProcessVariable<String> DECISION = ProcessVariable.fact("headDecision", String.class);
    public static final ProcessVariable<String> DECISION_COMMENT = ProcessVariable.fact("headComment", String.class);
    /** Whether the published result calls for 责令整改 (missed deadline, or 不合格 twice in a row). */
    public static final ProcessVariable<Boolean> RECTIFY = ProcessVariable.fact("rectify", Boolean.class);

    /** 责令整改 and revocation. */
    public static final ProcessVariable<Date> REMEDY_DEADLINE = ProcessVariable.fact("remedyDeadline", Date.class);
    public static final ProcessVariable<String> REMEDY_OUTCOME = ProcessVariable.fact("remedyOutcome", String.class);
    public static final ProcessVariable<String> REMEDY_COMMENT = ProcessVariable.fact("remedyComment", String.class);
    public static final ProcessVariable<String> REMEDY_CHECKED_BY = ProcessVariable.fact("remedyCheckedBy", String.class);
    public static final ProcessVariable<String> REVOCATION_REASON = ProcessVariable.fact("revocationReason", String.class);

    /** Copies of the register's rows, shown by the forms and on the task cards. */
    public static final ProcessVariable<String> ORGANISATION_NAME = ProcessVariable.copy("organisationName", String.class);
    public static final ProcessVariable<String> KIND_LABEL = ProcessVariable.copy("organisationKindLabel", String.class);
    public static final ProcessVariable<String> MINIMUM_FUNDS = ProcessVariable.copy("minimumFunds", String.class);
    public static final ProcessVariable<String> DEADLINE_LABEL = ProcessVariable.copy("reportDeadlineLabel", String.class);
    public static final ProcessVariable<String> PREVIOUS_RESULT = ProcessVariable.copy("previousResult", String.class);
    public static final ProcessVariable<String> RESULT = ProcessVariable.copy("inspectionResult", String.class);
    public static final ProcessVariable<String> RESULT_LABEL = ProcessVariable.copy("inspectionResultLabel", String.class);
    public static final ProcessVariable<String> RESULT_REASON = ProcessVariable.copy("resultReason", String.class);
    public static final ProcessVariable<String> REVIEWER_NAME = ProcessVariable.copy("reviewerName", String.class);

    public static final String YES = "YES";
    public static final String NO = "NO";
    public static final String CONFIRM = "CONFIRM";
    public static final String RETURN = "RETURN";
    public static final String REMEDIED = "REMEDIED";
    public static final String NOT_REMEDIED = "NOT_REMEDIED";

    static final List<ProcessVariable<?>> VARIABLES = List.of(CREDIT_CODE, INSPECTION_YEAR, ORGANISATION_ID, INSPECTION_ID,
            REPORT_DEADLINE, INCOME, EXPENDITURE, NET_ASSETS, ACTIVITIES_HELD, CHARTER_FOLLOWED, SUPERVISOR_OPINION,
            REVIEW_COMMENT, REVIEWED_BY, DECISION, DECISION_COMMENT, RECTIFY, REMEDY_DEADLINE, REMEDY_OUTCOME, REMEDY_COMMENT,
            REMEDY_CHECKED_BY, REVOCATION_REASON, ORGANISATION_NAME, KIND_LABEL, MINIMUM_FUNDS, DEADLINE_LABEL,
            PREVIOUS_RESULT, RESULT, RESULT_LABEL, RESULT_REASON, REVIEWER_NAME);

    private AnnualInspectionProcess() {
    }
}
