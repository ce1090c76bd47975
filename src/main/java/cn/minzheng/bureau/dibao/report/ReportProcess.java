package cn.minzheng.bureau.dibao.report;

import static cn.minzheng.bureau.engine.ProcessVariable.copy;
import static cn.minzheng.bureau.engine.ProcessVariable.fact;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import cn.minzheng.bureau.dibao.CaseVariables;
import cn.minzheng.bureau.dibao.HouseholdSurveys;
import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by dibao-report.bpmn, its forms and the Java code; and the process's variables ({@link ReportVariables}). */
public final class ReportProcess {

    public static final String KEY = "dibao-report";

    public static final String TASK_OPEN = "Task_OpenReport";
    public static final String TASK_ASSIGN = "Task_AssignInvestigator";
    public static final String TASK_INVESTIGATE = "Task_InvestigateReport";
    public static final String TASK_RECALCULATE = "Task_RecalculateAfterReport";
    public static final String TASK_DECIDE = "Task_DecideReport";
    public static final String TASK_CLOSE_UNFOUNDED = "Task_CloseUnfounded";
    public static final String TASK_APPLY_FINDING = "Task_ApplyFinding";
    public static final String END_UNFOUNDED = "EndEvent_Unfounded";
    public static final String END_FOUNDED = "EndEvent_Founded";

    public static final ProcessVariable<Long> REPORT_ID = fact("reportId", Long.class);
    public static final ProcessVariable<Long> CASE_ID = CaseVariables.CASE_ID;
    public static final ProcessVariable<String> INVESTIGATOR = fact("investigator", String.class);
    /** The investigators the assigning reviewer may choose (a task-local list for the form's select). */
    public static final ProcessVariable<Object> INVESTIGATOR_OPTIONS = copy("investigatorOptions", Object.class);
    public static final ProcessVariable<Boolean> FOUNDED = fact("reportFounded", Boolean.class);
    /** The month the hidden fact began (年-月), as the investigator typed it and then as checked. */
    public static final ProcessVariable<String> FACT_FROM_MONTH = fact("factFromMonth", String.class);
    public static final ProcessVariable<String> FINDINGS = fact("reportFindings", String.class);
    public static final ProcessVariable<String> OUTCOME = fact("reportOutcome", String.class);
    public static final ProcessVariable<String> OUTCOME_REASON = fact("reportOutcomeReason", String.class);
    /** Who investigated and who decided: the four-eyes rule reads the first, the finding's execution the second. */
    public static final ProcessVariable<String> INVESTIGATED_BY = fact("investigatedBy", String.class);
    public static final ProcessVariable<String> DECIDED_BY = fact("reportDecidedBy", String.class);
    /** The recovery a founded report started. */
    public static final ProcessVariable<Long> RECOVERY_ID = fact("recoveryId", Long.class);
    /** What the forms show of the report and its recalculation; dibao_report is the record. */
    public static final ProcessVariable<String> CURRENT_AMOUNT = copy("currentAmount", String.class);
    public static final ProcessVariable<String> CHANNEL_LABEL = copy("reportChannelLabel", String.class);
    public static final ProcessVariable<String> FACT_KIND_LABEL = copy("factKindLabel", String.class);
    public static final ProcessVariable<String> ALLEGATION = copy("allegation", String.class);
    public static final ProcessVariable<String> REPORTER_LABEL = copy("reporterLabel", String.class);
    public static final ProcessVariable<String> PROPOSED_AMOUNT = copy("proposedAmount", String.class);
    public static final ProcessVariable<String> PROPOSED_OUTCOME = copy("proposedOutcome", String.class);

    public static final String VAR_REPORT_ID = REPORT_ID.name();
    public static final String VAR_CASE_ID = CASE_ID.name();
    public static final String VAR_INVESTIGATOR = INVESTIGATOR.name();
    public static final String VAR_INVESTIGATOR_OPTIONS = INVESTIGATOR_OPTIONS.name();
    public static final String VAR_FOUNDED = FOUNDED.name();
    public static final String VAR_FACT_FROM_MONTH = FACT_FROM_MONTH.name();
    public static final String VAR_FINDINGS = FINDINGS.name();
    public static final String VAR_OUTCOME = OUTCOME.name();
    public static final String VAR_OUTCOME_REASON = OUTCOME_REASON.name();

    public static final String UNFOUNDED = "UNFOUNDED";
    public static final String CANCEL = "CANCEL";
    public static final String LOWER = "LOWER";

    public static final String CHANNEL_PUBLIC_NOTICE = "PUBLIC_NOTICE";
    public static final String CHANNEL_ANY_TIME = "ANY_TIME";

    /** Every variable of the process: the case's facts, the survey's, and its own. */
    static final List<ProcessVariable<?>> VARIABLES;

    static {
        List<ProcessVariable<?>> all = new ArrayList<>(CaseVariables.ALL);
        all.addAll(HouseholdSurveys.ALL);
        all.addAll(List.of(REPORT_ID, INVESTIGATOR, INVESTIGATOR_OPTIONS, FOUNDED, FACT_FROM_MONTH, FINDINGS, OUTCOME,
                OUTCOME_REASON, INVESTIGATED_BY, DECIDED_BY, RECOVERY_ID, CURRENT_AMOUNT, CHANNEL_LABEL, FACT_KIND_LABEL,
                ALLEGATION, REPORTER_LABEL, PROPOSED_AMOUNT, PROPOSED_OUTCOME));
        VARIABLES = Collections.unmodifiableList(all);
    }

    private ReportProcess() {
    }
}
