package cn.minzheng.bureau.relief;

/** Names shared by disaster-relief.bpmn, its forms and the Java that serves it. */
public final class DisasterReliefProcess {

    public static final String KEY = "disaster-relief";

    public static final String TASK_INITIAL_REPORT = "Task_InitialReport";
    public static final String TASK_FOLLOW_UP_REPORT = "Task_FollowUpReport";
    public static final String TASK_REGISTER_HOUSEHOLDS = "Task_RegisterHouseholds";
    public static final String TASK_SIGN_OFF_ROSTER = "Task_SignOffRoster";
    public static final String TASK_VERIFY_LOSSES = "Task_VerifyLosses";
    public static final String TASK_VERIFIED_REPORT = "Task_VerifiedReport";
    public static final String TASK_RECORD_CITY_FUND = "Task_RecordCityFund";
    public static final String TASK_APPROVE_ALLOCATION = "Task_ApproveAllocation";
    public static final String TASK_PAY_RELIEF = "Task_PayRelief";
    public static final String TASK_CONFIRM_RECEIPT = "Task_ConfirmReceipt";
    public static final String TASK_HANDLE_OVERDUE_REPORT = "Task_HandleOverdueReport";

    public static final String TIMER_INITIAL_REPORT_OVERDUE = "BoundaryEvent_InitialReportOverdue";
    public static final String TIMER_FOLLOW_UP_REPORT_OVERDUE = "BoundaryEvent_FollowUpReportOverdue";
    public static final String TIMER_VERIFIED_REPORT_OVERDUE = "BoundaryEvent_VerifiedReportOverdue";

    public static final String VAR_DISASTER_ID = "disasterId";
    public static final String VAR_TOWNSHIP_CODE = "townshipCode";
    public static final String VAR_HOUSEHOLDS = "households";
    public static final String VAR_REMOVE_ID_NUMBERS = "removeIdNumbers";
    public static final String VAR_REPORT_CONTENT = "reportContent";
    public static final String VAR_SITUATION_STABLE = "situationStable";
    public static final String VAR_ROSTER_DECISION = "rosterDecision";
    public static final String VAR_ROSTER_COMMENT = "rosterComment";
    public static final String VAR_FUND_REQUESTED = "fundRequested";
    public static final String VAR_CITY_FUND = "cityFund";
    public static final String VAR_ALLOCATION_DECISION = "allocationDecision";
    public static final String VAR_ALLOCATION_COMMENT = "allocationComment";

    public static final String APPROVE = "APPROVE";
    public static final String SEND_BACK = "SEND_BACK";
    public static final String REJECT = "REJECT";

    private DisasterReliefProcess() {
    }
}
