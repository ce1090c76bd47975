package cn.minzheng.bureau.dibao.appeal;

import static cn.minzheng.bureau.engine.ProcessVariable.copy;
import static cn.minzheng.bureau.engine.ProcessVariable.fact;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import cn.minzheng.bureau.dibao.CaseVariables;
import cn.minzheng.bureau.dibao.HouseholdSurveys;
import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by dibao-appeal.bpmn, its forms and the Java code; and the process's variables ({@link AppealVariables}). */
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

    public static final ProcessVariable<Long> APPEAL_ID = fact("appealId", Long.class);
    public static final ProcessVariable<Long> CASE_ID = CaseVariables.CASE_ID;
    public static final ProcessVariable<String> FINDINGS = fact("appealFindings", String.class);
    public static final ProcessVariable<String> OUTCOME = fact("appealOutcome", String.class);
    public static final ProcessVariable<String> OUTCOME_REASON = fact("appealOutcomeReason", String.class);
    public static final ProcessVariable<BigDecimal> CORRECTED_AMOUNT = fact("correctedAmount", BigDecimal.class);
    /** Everyone who handled the case, comma-separated: none of them may re-investigate it. */
    public static final ProcessVariable<String> HANDLED_BY = fact("handledBy", String.class);
    /** Who re-investigated and who decided: the four-eyes rule reads the first, the correction names the second. */
    public static final ProcessVariable<String> REINVESTIGATED_BY = fact("reinvestigatedBy", String.class);
    public static final ProcessVariable<String> DECIDED_BY = fact("appealDecidedBy", String.class);
    /** The months owed as back pay by a correction, comma-separated (back_pay is the record). */
    public static final ProcessVariable<String> BACK_PAY_MONTHS = copy("backPayMonths", String.class);
    /** What the forms show of the appeal and its recalculation; dibao_appeal is the record. */
    public static final ProcessVariable<String> CONTESTED_LABEL = copy("contestedLabel", String.class);
    public static final ProcessVariable<String> CONTESTED_REASON = copy("contestedReason", String.class);
    public static final ProcessVariable<String> CURRENT_AMOUNT = copy("currentAmount", String.class);
    public static final ProcessVariable<String> NOTICE_DATE = copy("noticeDate", String.class);
    public static final ProcessVariable<String> APPEAL_GROUNDS = copy("appealGrounds", String.class);
    public static final ProcessVariable<String> PROPOSED_AMOUNT = copy("proposedAmount", String.class);
    public static final ProcessVariable<String> PROPOSED_SUMMARY = copy("proposedSummary", String.class);

    public static final String VAR_APPEAL_ID = APPEAL_ID.name();
    public static final String VAR_CASE_ID = CASE_ID.name();
    public static final String VAR_FINDINGS = FINDINGS.name();
    public static final String VAR_OUTCOME = OUTCOME.name();
    public static final String VAR_OUTCOME_REASON = OUTCOME_REASON.name();
    public static final String VAR_CORRECTED_AMOUNT = CORRECTED_AMOUNT.name();

    public static final String UPHELD = "UPHELD";
    public static final String CHANGED = "CHANGED";
    public static final String REVERSED = "REVERSED";

    public static final String REJECTION = "REJECTION";
    public static final String CANCELLATION = "CANCELLATION";
    public static final String AMOUNT = "AMOUNT";

    /** Every variable of the process: the case's facts, the survey's, and its own. */
    static final List<ProcessVariable<?>> VARIABLES;

    static {
        List<ProcessVariable<?>> all = new ArrayList<>(CaseVariables.ALL);
        all.addAll(HouseholdSurveys.ALL);
        all.addAll(List.of(APPEAL_ID, FINDINGS, OUTCOME, OUTCOME_REASON, CORRECTED_AMOUNT, HANDLED_BY, REINVESTIGATED_BY,
                DECIDED_BY, BACK_PAY_MONTHS, CONTESTED_LABEL, CONTESTED_REASON, CURRENT_AMOUNT, NOTICE_DATE,
                APPEAL_GROUNDS, PROPOSED_AMOUNT, PROPOSED_SUMMARY));
        VARIABLES = Collections.unmodifiableList(all);
    }

    private AppealProcess() {
    }
}
