package cn.minzheng.bureau.tekun;

import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by tekun-funeral-allowance.bpmn (特困人员丧葬补助), its form and Java; the process's variables. */
public final class FuneralAllowanceProcess {

    public static final String KEY = "tekun-funeral-allowance";
    public static final String DECISION = "tekun-funeral-months";

    public static final String TASK_COMPUTE = "Task_ComputeAllowance";
    public static final String TASK_CONFIRM_PAYEE = "Task_ConfirmPayee";
    public static final String TASK_GRANT = "Task_GrantAllowance";
    public static final String END_GRANTED = "EndEvent_Granted";

    /** Set by the starter (the confirmed death). */
    public static final ProcessVariable<Long> CASE_ID = ProcessVariable.fact("caseId", Long.class);
    public static final ProcessVariable<Long> DEATH_RECORD_ID = ProcessVariable.fact("deathRecordId", Long.class);
    public static final ProcessVariable<String> DEATH_DATE = ProcessVariable.fact("deathDate", String.class);
    public static final ProcessVariable<String> TOWNSHIP_CODE = ProcessVariable.fact("townshipCode", String.class);

    /** Set by 核算丧葬补助. */
    public static final ProcessVariable<Long> ALLOWANCE_ID = ProcessVariable.fact("allowanceId", Long.class);

    /** The form's fields. */
    public static final ProcessVariable<String> PAYEE_ID_NUMBER = ProcessVariable.fact("payeeIdNumber", String.class);
    public static final ProcessVariable<String> PAYEE_RELATION = ProcessVariable.fact("payeeRelation", String.class);
    public static final ProcessVariable<String> PAYEE_NOTE = ProcessVariable.fact("payeeNote", String.class);

    /** Copies of the rows, shown by the form and the task card. */
    public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.copy("caseNumber", String.class);
    public static final ProcessVariable<String> APPLICANT_NAME = ProcessVariable.copy("applicantName", String.class);
    public static final ProcessVariable<String> TOWNSHIP_NAME = ProcessVariable.copy("townshipName", String.class);
    public static final ProcessVariable<String> COMMUNITY_NAME = ProcessVariable.copy("communityName", String.class);
    public static final ProcessVariable<String> CASE_SUMMARY = ProcessVariable.copy("caseSummary", String.class);
    public static final ProcessVariable<String> AMOUNT_SUMMARY = ProcessVariable.copy("amountSummary", String.class);

    static final List<ProcessVariable<?>> VARIABLES = List.of(CASE_ID, DEATH_RECORD_ID, DEATH_DATE, TOWNSHIP_CODE,
            ALLOWANCE_ID, PAYEE_ID_NUMBER, PAYEE_RELATION, PAYEE_NOTE, CASE_NUMBER, APPLICANT_NAME, TOWNSHIP_NAME,
            COMMUNITY_NAME, CASE_SUMMARY, AMOUNT_SUMMARY);

    private FuneralAllowanceProcess() {
    }
}
