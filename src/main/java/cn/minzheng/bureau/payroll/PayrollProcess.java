package cn.minzheng.bureau.payroll;

import java.util.List;
import java.util.stream.Stream;

import cn.minzheng.bureau.engine.ProcessVariable;

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

    public static final String CONFIRM = "CONFIRM";
    public static final String RECOMPUTE = "RECOMPUTE";
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";

    // the process's facts: the payroll (the tables hold everything else) and the decisions
    public static final ProcessVariable<Long> PAYROLL_ID = ProcessVariable.fact("payrollId", Long.class);
    /** The program the payroll pays (the registry's code); none given: 低保 ({@code DIBAO}). */
    public static final ProcessVariable<String> PROGRAM_CODE = ProcessVariable.fact("programCode", String.class);
    public static final ProcessVariable<String> MONTH = ProcessVariable.fact("payrollMonth", String.class);
    public static final ProcessVariable<Boolean> DUPLICATE = ProcessVariable.fact("duplicateStart", Boolean.class);
    public static final ProcessVariable<String> CHECK_DECISION = ProcessVariable.fact("checkDecision", String.class);
    public static final ProcessVariable<String> CHECK_COMMENT = ProcessVariable.fact("checkComment", String.class);
    public static final ProcessVariable<String> APPROVAL_DECISION = ProcessVariable.fact("approvalDecision", String.class);
    public static final ProcessVariable<String> APPROVAL_COMMENT = ProcessVariable.fact("approvalComment", String.class);
    public static final ProcessVariable<String> BANK_RETURN = ProcessVariable.fact("bankReturn", String.class);
    public static final ProcessVariable<Boolean> RECONCILE_CONFIRMED = ProcessVariable.fact("reconcileConfirmed", Boolean.class);

    // what the task forms show, task-local copies of the payroll tables (PayrollTaskForm)
    public static final ProcessVariable<String> STATUS_SHOWN = ProcessVariable.copy("payrollStatus", String.class);
    /** The program's short name (低保, 高龄津贴), as the forms and task cards show it. */
    public static final ProcessVariable<String> PROGRAM_SHOWN = ProcessVariable.copy("programName", String.class);
    public static final ProcessVariable<Integer> HOUSEHOLD_COUNT = ProcessVariable.copy("householdCount", Integer.class);
    public static final ProcessVariable<Integer> PEOPLE_COUNT = ProcessVariable.copy("peopleCount", Integer.class);
    public static final ProcessVariable<String> TOTAL_AMOUNT = ProcessVariable.copy("totalAmount", String.class);
    public static final ProcessVariable<Integer> REISSUED_COUNT = ProcessVariable.copy("reissuedCount", Integer.class);
    public static final ProcessVariable<String> REISSUED_AMOUNT = ProcessVariable.copy("reissuedAmount", String.class);
    public static final ProcessVariable<String> CHANGES_SUMMARY = ProcessVariable.copy("changesSummary", String.class);
    public static final ProcessVariable<String> TOWNSHIP_SUMMARY = ProcessVariable.copy("townshipSummary", String.class);
    public static final ProcessVariable<String> REJECTION_REASON = ProcessVariable.copy("rejectionReason", String.class);
    /**
     * Who confirmed the payroll, as the forms show it; under the same name the completion of 财务核对 records
     * the checker for the four-eyes rule of 区民政局审批. Kept out of the history as a copy, as it always was.
     */
    public static final ProcessVariable<String> CHECKED_BY = ProcessVariable.copy("checkedBy", String.class);
    public static final ProcessVariable<Long> FAILED_COUNT = ProcessVariable.copy("failedCount", Long.class);
    /** The first payees, as a JSON table. */
    public static final ProcessVariable<Object> PAYEES = ProcessVariable.copy("payees", Object.class);
    public static final ProcessVariable<String> PAYEES_NOTE = ProcessVariable.copy("payeesNote", String.class);
    public static final ProcessVariable<Boolean> STALE = ProcessVariable.copy("payrollStale", Boolean.class);
    public static final ProcessVariable<String> STALE_WARNING = ProcessVariable.copy("staleWarning", String.class);

    static final List<ProcessVariable<?>> SHOWN = List.of(STATUS_SHOWN, PROGRAM_SHOWN, HOUSEHOLD_COUNT, PEOPLE_COUNT, TOTAL_AMOUNT,
            REISSUED_COUNT, REISSUED_AMOUNT, CHANGES_SUMMARY, TOWNSHIP_SUMMARY, REJECTION_REASON, CHECKED_BY,
            FAILED_COUNT, PAYEES, PAYEES_NOTE, STALE, STALE_WARNING);

    /**
     * The answers of the payroll tasks, none of which may be reused by a later round of the loop: each payroll task
     * clears them all when it is created (its clearInputs property in dibao-payroll.bpmn).
     */
    static final List<ProcessVariable<?>> INPUTS = List.of(CHECK_DECISION, CHECK_COMMENT, APPROVAL_DECISION,
            APPROVAL_COMMENT, BANK_RETURN, RECONCILE_CONFIRMED);

    static final List<ProcessVariable<?>> VARIABLES = Stream.of(Stream.<ProcessVariable<?>>of(PAYROLL_ID, PROGRAM_CODE, MONTH, DUPLICATE),
            INPUTS.stream(), SHOWN.stream()).flatMap(s -> s).toList();

    public static final String VAR_PAYROLL_ID = PAYROLL_ID.name();
    public static final String VAR_MONTH = MONTH.name();
    public static final String VAR_PROGRAM_CODE = PROGRAM_CODE.name();
    public static final String VAR_DUPLICATE = DUPLICATE.name();
    public static final String VAR_CHECK_DECISION = CHECK_DECISION.name();
    public static final String VAR_CHECK_COMMENT = CHECK_COMMENT.name();
    public static final String VAR_APPROVAL_DECISION = APPROVAL_DECISION.name();
    public static final String VAR_APPROVAL_COMMENT = APPROVAL_COMMENT.name();
    public static final String VAR_BANK_RETURN = BANK_RETURN.name();
    public static final String VAR_RECONCILE_CONFIRMED = RECONCILE_CONFIRMED.name();

    private PayrollProcess() {
    }
}
