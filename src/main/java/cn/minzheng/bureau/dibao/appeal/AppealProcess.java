package cn.minzheng.bureau.dibao.appeal;

/** Names shared by dibao-appeal.bpmn, its forms and the Java code. */
public final class AppealProcess {

    public static final String KEY = "dibao-appeal";

    public static final String TASK_OPEN = "Task_OpenAppeal";
    public static final String TASK_REINVESTIGATE = "Task_Reinvestigate";
    public static final String TASK_RECALCULATE = "Task_RecalculateAfterAppeal";
    public static final String TASK_DECIDE = "Task_DecideAppeal";
    public static final String TASK_CLOSE_UPHELD = "Task_CloseUpheld";
    public static final String TASK_CORRECT = "Task_CorrectCase";
    public static final String END_UPHELD = "EndEvent_Upheld";
    public static final String END_CORRECTED = "EndEvent_Corrected";

    public static final String VAR_APPEAL_ID = "appealId";
    public static final String VAR_CASE_ID = "caseId";
    public static final String VAR_FINDINGS = "appealFindings";
    public static final String VAR_OUTCOME = "appealOutcome";
    public static final String VAR_OUTCOME_REASON = "appealOutcomeReason";
    public static final String VAR_CORRECTED_AMOUNT = "correctedAmount";

    public static final String UPHELD = "UPHELD";
    public static final String CHANGED = "CHANGED";
    public static final String REVERSED = "REVERSED";

    public static final String REJECTION = "REJECTION";
    public static final String CANCELLATION = "CANCELLATION";
    public static final String AMOUNT = "AMOUNT";

    private AppealProcess() {
    }
}
