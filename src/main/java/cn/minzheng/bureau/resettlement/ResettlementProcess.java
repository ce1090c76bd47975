package cn.minzheng.bureau.resettlement;

import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by veteran-resettlement.bpmn, its forms and Java; the process's variables, declared. */
public final class ResettlementProcess {

    public static final String KEY = "veteran-resettlement";

    public static final String TASK_REGISTER = "Task_RegisterArrival";
    public static final String TASK_REVIEW = "Task_ReviewRouteByDistrict";
    public static final String TASK_LIST_GRANT = "Task_ListGrant";
    public static final String TASK_ASSIGN_UNIT = "Task_AssignUnit";
    public static final String TASK_CONFIRM_REPORT_IN = "Task_ConfirmReportIn";
    public static final String TASK_REPORT_OVERRUN = "Task_ReportOverrun";
    public static final String TASK_HAND_OVER = "Task_HandOver";
    public static final String END_GRANT_LISTED = "EndEvent_GrantListed";
    public static final String END_REPORTED_IN = "EndEvent_ReportedIn";
    public static final String END_HANDED_OVER = "EndEvent_HandedOver";
    public static final String END_REFUSED = "EndEvent_Refused";
    public static final String END_OVERRUN_REPORTED = "EndEvent_OverrunReported";

    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";

    /** Start form fields. */
    public static final ProcessVariable<String> ID_NUMBER = ProcessVariable.fact("idNumber", String.class);
    public static final ProcessVariable<Object> DISCHARGE_DATE = ProcessVariable.fact("dischargeDate", Object.class);
    public static final ProcessVariable<String> SERVICE_BRANCH = ProcessVariable.fact("serviceBranch", String.class);
    public static final ProcessVariable<Object> SERVICE_YEARS = ProcessVariable.fact("serviceYears", Object.class);
    public static final ProcessVariable<String> RANK_KIND = ProcessVariable.fact("rankKind", String.class);
    public static final ProcessVariable<String> NCO_GRADE = ProcessVariable.fact("ncoGrade", String.class);
    public static final ProcessVariable<Object> DISABILITY_GRADE = ProcessVariable.fact("disabilityGrade", Object.class);
    public static final ProcessVariable<String> DISABILITY_CAUSE = ProcessVariable.fact("disabilityCause", String.class);
    public static final ProcessVariable<String> MERIT = ProcessVariable.fact("merit", String.class);
    public static final ProcessVariable<Object> WARTIME_MERIT = ProcessVariable.fact("wartimeMerit", Object.class);
    public static final ProcessVariable<Object> MARTYR_CHILD = ProcessVariable.fact("martyrChild", Object.class);
    public static final ProcessVariable<Object> HAS_DISABILITY = ProcessVariable.fact("hasDisability", Object.class);
    public static final ProcessVariable<String> LATE_REASON = ProcessVariable.fact("lateReason", String.class);

    /** Set on registration and by the decisions. */
    public static final ProcessVariable<Long> RESETTLEMENT_ID = ProcessVariable.fact("resettlementId", Long.class);
    public static final ProcessVariable<String> TOWNSHIP_CODE = ProcessVariable.fact("townshipCode", String.class);
    public static final ProcessVariable<String> REGISTERED_BY = ProcessVariable.fact("registeredBy", String.class);
    public static final ProcessVariable<String> REVIEWED_BY = ProcessVariable.fact("reviewedBy", String.class);
    /** The route of resettlement-route.dmn: SELF_EMPLOYMENT, JOB, RETIRE or SUPPORT. */
    public static final ProcessVariable<String> ROUTE = ProcessVariable.fact("route", String.class);
    public static final ProcessVariable<Boolean> APPROVED = ProcessVariable.fact("approved", Boolean.class);

    /** Task form fields. */
    public static final ProcessVariable<String> REVIEW_DECISION = ProcessVariable.fact("reviewDecision", String.class);
    public static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.fact("reviewComment", String.class);
    public static final ProcessVariable<String> RECEIVING_UNIT = ProcessVariable.fact("receivingUnit", String.class);
    public static final ProcessVariable<String> PLACEMENT_NOTE = ProcessVariable.fact("placementNote", String.class);
    public static final ProcessVariable<Object> REPORTED_IN_ON = ProcessVariable.fact("reportedInOn", Object.class);
    public static final ProcessVariable<String> REPORT_IN_NOTE = ProcessVariable.fact("reportInNote", String.class);

    /** Copies of the registration, shown by the forms and the task cards (line of work 优抚安置). */
    public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.copy("caseNumber", String.class);
    public static final ProcessVariable<String> APPLICANT_NAME = ProcessVariable.copy("applicantName", String.class);
    public static final ProcessVariable<String> TOWNSHIP_NAME = ProcessVariable.copy("townshipName", String.class);
    public static final ProcessVariable<String> COMMUNITY_NAME = ProcessVariable.copy("communityName", String.class);
    public static final ProcessVariable<String> CASE_SUMMARY = ProcessVariable.copy("caseSummary", String.class);
    public static final ProcessVariable<String> ROUTE_SUMMARY = ProcessVariable.copy("routeSummary", String.class);
    public static final ProcessVariable<String> RECEIVING_UNIT_NAME = ProcessVariable.copy("receivingUnitName", String.class);

    static final List<ProcessVariable<?>> VARIABLES = List.of(ID_NUMBER, DISCHARGE_DATE, SERVICE_BRANCH, SERVICE_YEARS,
            RANK_KIND, NCO_GRADE, DISABILITY_GRADE, DISABILITY_CAUSE, MERIT, WARTIME_MERIT, MARTYR_CHILD, HAS_DISABILITY,
            LATE_REASON, RESETTLEMENT_ID, TOWNSHIP_CODE, REGISTERED_BY, REVIEWED_BY, ROUTE, APPROVED, REVIEW_DECISION,
            REVIEW_COMMENT, RECEIVING_UNIT, PLACEMENT_NOTE, REPORTED_IN_ON, REPORT_IN_NOTE, CASE_NUMBER, APPLICANT_NAME,
            TOWNSHIP_NAME, COMMUNITY_NAME, CASE_SUMMARY, ROUTE_SUMMARY, RECEIVING_UNIT_NAME);

    /** The start form's fields, which /api passes on as they came. */
    static final List<ProcessVariable<?>> START_FIELDS = List.of(ID_NUMBER, DISCHARGE_DATE, SERVICE_BRANCH,
            SERVICE_YEARS, RANK_KIND, NCO_GRADE, DISABILITY_GRADE, DISABILITY_CAUSE, MERIT, WARTIME_MERIT, MARTYR_CHILD,
            LATE_REASON);

    private ResettlementProcess() {
    }
}
