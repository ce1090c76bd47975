package cn.minzheng.bureau.statistics;

import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by statistics-monthly-return.bpmn, its forms and Java; the process's variables, declared. */
public final class MonthlyReturnProcess {

    public static final String KEY = "statistics-monthly-return";

    public static final String TASK_PREPARE = "Task_PrepareReturn";
    public static final String TASK_CHECK = "Task_CheckReturn";
    public static final String TASK_APPROVE = "Task_ApproveReturn";
    public static final String TASK_SUBMIT = "Task_SubmitReturn";

    /** Start form fields. */
    public static final ProcessVariable<String> RETURN_MONTH = ProcessVariable.fact("returnMonth", String.class);
    public static final ProcessVariable<String> CORRECTION_REASON = ProcessVariable.fact("correctionReason", String.class);

    public static final ProcessVariable<Long> RETURN_ID = ProcessVariable.fact("returnId", Long.class);
    public static final ProcessVariable<Integer> VERSION_NO = ProcessVariable.fact("versionNo", Integer.class);
    public static final ProcessVariable<String> CHECKED_BY = ProcessVariable.fact("returnCheckedBy", String.class);
    public static final ProcessVariable<String> APPROVED_BY = ProcessVariable.fact("approvedBy", String.class);
    public static final ProcessVariable<String> RETURN_NUMBER = ProcessVariable.fact("returnNumber", String.class);

    /** Task form fields. */
    public static final ProcessVariable<String> CHECK_DECISION = ProcessVariable.fact("checkDecision", String.class);
    public static final ProcessVariable<String> CHECK_NOTE = ProcessVariable.fact("checkNote", String.class);
    public static final ProcessVariable<String> APPROVAL_DECISION = ProcessVariable.fact("approvalDecision", String.class);
    public static final ProcessVariable<String> RETURN_REASON = ProcessVariable.fact("returnReason", String.class);

    /** Copies of the version's row, shown by the forms and the task cards. */
    public static final ProcessVariable<String> MONTH_LABEL = ProcessVariable.copy("monthLabel", String.class);
    public static final ProcessVariable<String> FIGURES_SUMMARY = ProcessVariable.copy("figuresSummary", String.class);
    public static final ProcessVariable<String> FINDINGS_TEXT = ProcessVariable.copy("findingsText", String.class);

    /** Decisions of the check and approval tasks. */
    public static final String CONFIRM = "CONFIRM";
    public static final String RECOMPUTE = "RECOMPUTE";
    public static final String APPROVE = "APPROVE";
    public static final String RETURN = "RETURN";

    static final List<ProcessVariable<?>> VARIABLES = List.of(RETURN_MONTH, CORRECTION_REASON, RETURN_ID, VERSION_NO,
            CHECKED_BY, APPROVED_BY, RETURN_NUMBER, CHECK_DECISION, CHECK_NOTE, APPROVAL_DECISION, RETURN_REASON,
            MONTH_LABEL, FIGURES_SUMMARY, FINDINGS_TEXT);

    private MonthlyReturnProcess() {
    }
}
