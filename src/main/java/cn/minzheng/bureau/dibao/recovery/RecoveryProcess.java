package cn.minzheng.bureau.dibao.recovery;

/** Names shared by dibao-recovery.bpmn, its forms and the Java code. */
public final class RecoveryProcess {

    public static final String KEY = "dibao-recovery";

    public static final String TASK_COMPUTE = "Task_ComputeOverpayment";
    public static final String TASK_DECIDE = "Task_DecideRecovery";
    public static final String TASK_RECORD_REPAYMENT = "Task_RecordRepayment";
    public static final String TASK_SCHEDULE_DEDUCTION = "Task_ScheduleDeduction";
    public static final String TASK_APPROVE_WAIVER = "Task_ApproveWaiver";
    public static final String TASK_WAIVE = "Task_Waive";
    public static final String END_NOTHING = "EndEvent_NothingOverpaid";
    public static final String END_REPAID = "EndEvent_Repaid";
    public static final String END_DEDUCTING = "EndEvent_DeductionScheduled";
    public static final String END_WAIVED = "EndEvent_Waived";

    public static final String VAR_RECOVERY_ID = "recoveryId";
    public static final String VAR_CASE_ID = "caseId";
    public static final String VAR_OVERPAID = "overpaid";
    public static final String VAR_METHOD = "recoveryMethod";
    public static final String VAR_INSTALLMENT = "installmentAmount";
    public static final String VAR_DECISION_REASON = "recoveryReason";
    public static final String VAR_RECEIPT_NUMBER = "receiptNumber";
    public static final String VAR_RECEIVED_ON = "receivedOn";
    public static final String VAR_REPAID_AMOUNT = "repaidAmount";
    public static final String VAR_WAIVER_DECISION = "waiverDecision";
    public static final String VAR_WAIVER_COMMENT = "waiverComment";

    public static final String REPAYMENT = "REPAYMENT";
    public static final String DEDUCTION = "DEDUCTION";
    public static final String WAIVER = "WAIVER";
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";

    private RecoveryProcess() {
    }
}
