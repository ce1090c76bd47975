package cn.minzheng.bureau.funeral.benefits;

import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by funeral-fee-waiver.bpmn, its forms and Java; the process's variables, declared. */
public final class FeeWaiverProcess {

    public static final String KEY = "funeral-fee-waiver";

    public static final String TASK_CHECK = "Task_CheckEntitlement";
    public static final String TASK_VERIFY = "Task_VerifyByTownship";
    public static final String END_AWAITING_SETTLEMENT = "EndEvent_AwaitingSettlement";
    public static final String END_NOT_VERIFIED = "EndEvent_NotVerified";

    public static final String VERIFY = "VERIFY";
    public static final String REFUSE = "REFUSE";

    public static final ProcessVariable<Long> CLAIM_ID = ProcessVariable.fact("claimId", Long.class);
    public static final ProcessVariable<String> TOWNSHIP_CODE = ProcessVariable.fact("townshipCode", String.class);
    public static final ProcessVariable<String> SUBMITTED_BY = ProcessVariable.fact("submittedBy", String.class);
    public static final ProcessVariable<String> VERIFIED_BY = ProcessVariable.fact("verifiedBy", String.class);
    public static final ProcessVariable<Boolean> VERIFIED = ProcessVariable.fact("verified", Boolean.class);

    /** Start form fields. */
    public static final ProcessVariable<String> ID_NUMBER = ProcessVariable.fact("deceasedIdNumber", String.class);
    public static final ProcessVariable<String> INVOICE_NUMBER = ProcessVariable.fact("invoiceNumber", String.class);
    public static final ProcessVariable<Object> TRANSPORT_FEE = ProcessVariable.fact("transportFee", Object.class);
    public static final ProcessVariable<Object> STORAGE_FEE = ProcessVariable.fact("storageFee", Object.class);
    public static final ProcessVariable<Object> CREMATION_FEE = ProcessVariable.fact("cremationFee", Object.class);
    public static final ProcessVariable<Object> ASH_STORAGE_FEE = ProcessVariable.fact("ashStorageFee", Object.class);

    /** Verification form fields. */
    public static final ProcessVariable<String> VERIFY_DECISION = ProcessVariable.fact("verifyDecision", String.class);
    public static final ProcessVariable<String> VERIFY_COMMENT = ProcessVariable.fact("verifyComment", String.class);

    /** Copies of the claim, shown by the verification form and the task cards (line of work 社会救助). */
    public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.copy("caseNumber", String.class);
    public static final ProcessVariable<String> APPLICANT_NAME = ProcessVariable.copy("applicantName", String.class);
    public static final ProcessVariable<String> TOWNSHIP_NAME = ProcessVariable.copy("townshipName", String.class);
    public static final ProcessVariable<String> CLAIM_SUMMARY = ProcessVariable.copy("claimSummary", String.class);

    static final List<ProcessVariable<?>> VARIABLES = List.of(CLAIM_ID, TOWNSHIP_CODE, SUBMITTED_BY, VERIFIED_BY, VERIFIED,
            ID_NUMBER, INVOICE_NUMBER, TRANSPORT_FEE, STORAGE_FEE, CREMATION_FEE, ASH_STORAGE_FEE, VERIFY_DECISION,
            VERIFY_COMMENT, CASE_NUMBER, APPLICANT_NAME, TOWNSHIP_NAME, CLAIM_SUMMARY);

    private FeeWaiverProcess() {
    }
}
