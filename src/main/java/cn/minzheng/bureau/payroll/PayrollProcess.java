package cn.minzheng.bureau.payroll;

/** Names shared by dibao-payroll.bpmn, its forms and the Java code. */
public final class PayrollProcess {

    public static final String KEY = "dibao-payroll";

    /** The message of the manual start event (a process may have only one none or timer start event). */
    public static final String MESSAGE_START = "dibao-payroll-start";

    public static final String START_MONTHLY = "StartEvent_Monthly";
    public static final String START_MANUAL = "StartEvent_Manual";
    public static final String TASK_OPEN = "Task_OpenPayroll";
    public static final String TASK_COMPUTE = "Task_ComputePayroll";
    public static final String TASK_CHECK_BY_FINANCE = "Task_CheckByFinance";
    public static final String TASK_DISCARD = "Task_DiscardComputation";
    public static final String TASK_APPROVE_BY_DISTRICT = "Task_ApproveByDistrict";
    public static final String TASK_ISSUE = "Task_IssuePayments";
    public static final String TASK_RECONCILE = "Task_ReconcileBankReturn";
    public static final String END_ALREADY_OPENED = "EndEvent_AlreadyOpened";
    public static final String END_RECONCILED = "EndEvent_Reconciled";

    public static final String VAR_PAYROLL_ID = "payrollId";
    public static final String VAR_MONTH = "payrollMonth";
    public static final String VAR_DUPLICATE = "duplicateStart";
    public static final String VAR_CHECK_DECISION = "checkDecision";
    public static final String VAR_CHECK_COMMENT = "checkComment";
    public static final String VAR_APPROVAL_DECISION = "approvalDecision";
    public static final String VAR_APPROVAL_COMMENT = "approvalComment";
    public static final String VAR_BANK_RETURN = "bankReturn";
    public static final String VAR_RECONCILE_CONFIRMED = "reconcileConfirmed";

    public static final String CONFIRM = "CONFIRM";
    public static final String RECOMPUTE = "RECOMPUTE";
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";

    private PayrollProcess() {
    }
}
