package cn.minzheng.bureau.dibao.recovery;

import static cn.minzheng.bureau.engine.ProcessVariable.copy;
import static cn.minzheng.bureau.engine.ProcessVariable.fact;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import cn.minzheng.bureau.dibao.CaseVariables;
import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by dibao-recovery.bpmn, its forms and the Java code; and the process's variables ({@link RecoveryVariables}). */
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

    public static final ProcessVariable<Long> RECOVERY_ID = fact("recoveryId", Long.class);
    public static final ProcessVariable<Long> CASE_ID = CaseVariables.CASE_ID;
    /** The enrolment of a recovery without a 低保 case (another program's payments after a death). */
    public static final ProcessVariable<Long> ENROLMENT_ID = fact("enrolmentId", Long.class);
    /** What the recovery was started with: from which month, what was due a month, why, and by what. */
    public static final ProcessVariable<String> FROM_MONTH = fact("fromMonth", String.class);
    public static final ProcessVariable<String> ENTITLED_AMOUNT = fact("entitledAmount", String.class);
    public static final ProcessVariable<String> SOURCE_TYPE = fact("sourceType", String.class);
    public static final ProcessVariable<Long> SOURCE_ID = fact("sourceId", Long.class);
    public static final ProcessVariable<String> OVERPAYMENT_REASON = fact("overpaymentReason", String.class);
    public static final ProcessVariable<Boolean> OVERPAID = fact("overpaid", Boolean.class);
    public static final ProcessVariable<String> METHOD = fact("recoveryMethod", String.class);
    public static final ProcessVariable<BigDecimal> INSTALLMENT = fact("installmentAmount", BigDecimal.class);
    public static final ProcessVariable<String> DECISION_REASON = fact("recoveryReason", String.class);
    public static final ProcessVariable<Integer> DEDUCTION_MONTHS = fact("deductionMonths", Integer.class);
    public static final ProcessVariable<String> RECEIPT_NUMBER = fact("receiptNumber", String.class);
    public static final ProcessVariable<String> RECEIVED_ON = fact("receivedOn", String.class);
    public static final ProcessVariable<BigDecimal> REPAID_AMOUNT = fact("repaidAmount", BigDecimal.class);
    public static final ProcessVariable<String> WAIVER_DECISION = fact("waiverDecision", String.class);
    public static final ProcessVariable<String> WAIVER_COMMENT = fact("waiverComment", String.class);
    /** Who decided the recovery and who approved a waiver: the four-eyes rule reads the first. */
    public static final ProcessVariable<String> DECIDED_BY = fact("recoveryDecidedBy", String.class);
    public static final ProcessVariable<String> WAIVER_APPROVED_BY = fact("waiverApprovedBy", String.class);
    /** What the forms show of the overpayment; overpayment_recovery and its months are the record. */
    public static final ProcessVariable<String> OVERPAID_TOTAL = copy("overpaidTotal", String.class);
    public static final ProcessVariable<String> OVERPAID_MONTHS = copy("overpaidMonths", String.class);
    public static final ProcessVariable<String> CASE_STATUS_LABEL = copy("caseStatusLabel", String.class);
    public static final ProcessVariable<String> CURRENT_AMOUNT = copy("currentAmount", String.class);

    public static final String VAR_RECOVERY_ID = RECOVERY_ID.name();
    public static final String VAR_CASE_ID = CASE_ID.name();
    public static final String VAR_OVERPAID = OVERPAID.name();
    public static final String VAR_METHOD = METHOD.name();
    public static final String VAR_INSTALLMENT = INSTALLMENT.name();
    public static final String VAR_DECISION_REASON = DECISION_REASON.name();
    public static final String VAR_RECEIPT_NUMBER = RECEIPT_NUMBER.name();
    public static final String VAR_RECEIVED_ON = RECEIVED_ON.name();
    public static final String VAR_REPAID_AMOUNT = REPAID_AMOUNT.name();
    public static final String VAR_WAIVER_DECISION = WAIVER_DECISION.name();
    public static final String VAR_WAIVER_COMMENT = WAIVER_COMMENT.name();

    public static final String REPAYMENT = "REPAYMENT";
    public static final String DEDUCTION = "DEDUCTION";
    public static final String WAIVER = "WAIVER";
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";

    /** Every variable of the process: the case's facts and its own. */
    static final List<ProcessVariable<?>> VARIABLES;

    static {
        List<ProcessVariable<?>> all = new ArrayList<>(CaseVariables.ALL);
        all.addAll(List.of(RECOVERY_ID, ENROLMENT_ID, FROM_MONTH, ENTITLED_AMOUNT, SOURCE_TYPE, SOURCE_ID, OVERPAYMENT_REASON, OVERPAID,
                METHOD, INSTALLMENT, DECISION_REASON, DEDUCTION_MONTHS, RECEIPT_NUMBER, RECEIVED_ON, REPAID_AMOUNT,
                WAIVER_DECISION, WAIVER_COMMENT, DECIDED_BY, WAIVER_APPROVED_BY, OVERPAID_TOTAL, OVERPAID_MONTHS,
                CASE_STATUS_LABEL, CURRENT_AMOUNT));
        VARIABLES = Collections.unmodifiableList(all);
    }

    private RecoveryProcess() {
    }
}
