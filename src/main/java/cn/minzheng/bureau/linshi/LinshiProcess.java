package cn.minzheng.bureau.linshi;

import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by linshi-application.bpmn, its forms and Java; the process's variables, declared. */
public final class LinshiProcess {

    public static final String KEY = "linshi-application";
    public static final String AMOUNT_DECISION = "linshi-amount";
    public static final String APPROVAL_DECISION = "linshi-approval";

    public static final String TASK_PAPERWORK = "Task_CompleteEmergencyPaperwork";
    public static final String TASK_TOWNSHIP_REVIEW = "Task_ReviewByTownship";
    public static final String TASK_DISTRICT_APPROVAL = "Task_ApproveByDistrict";
    public static final String TASK_SECOND_APPROVAL = "Task_SecondApprovalByDistrict";

    public static final ProcessVariable<Long> CASE_ID = ProcessVariable.fact("caseId", Long.class);
    public static final ProcessVariable<String> TOWNSHIP_CODE = ProcessVariable.fact("townshipCode", String.class);
    public static final ProcessVariable<Boolean> ADVANCE_PAID = ProcessVariable.fact("advancePaid", Boolean.class);
    /** After the township review: TOWNSHIP, DISTRICT, CASE_BY_CASE (the approval the grant needs) or REFUSE. */
    public static final ProcessVariable<String> ROUTE = ProcessVariable.fact("route", String.class);
    public static final ProcessVariable<String> REGISTERED_BY = ProcessVariable.fact("registeredBy", String.class);
    public static final ProcessVariable<String> REVIEWED_BY = ProcessVariable.fact("reviewedBy", String.class);
    public static final ProcessVariable<String> DISTRICT_APPROVED_BY = ProcessVariable.fact("districtApprovedBy", String.class);

    /** Start form fields. */
    public static final ProcessVariable<String> APPLICANT_ID_NUMBER = ProcessVariable.fact("applicantIdNumber", String.class);
    public static final ProcessVariable<String> KIND = ProcessVariable.fact("kind", String.class);
    public static final ProcessVariable<String> HARDSHIP_LEVEL = ProcessVariable.fact("hardshipLevel", String.class);
    public static final ProcessVariable<String> REASON = ProcessVariable.fact("reason", String.class);
    public static final ProcessVariable<String> SPENDING_TYPE = ProcessVariable.fact("spendingType", String.class);
    public static final ProcessVariable<Object> SPENDING_AMOUNT = ProcessVariable.fact("spendingAmount", Object.class);
    public static final ProcessVariable<String> SPENDING_EVIDENCE = ProcessVariable.fact("spendingEvidence", String.class);
    public static final ProcessVariable<Object> ADVANCE_AMOUNT = ProcessVariable.fact("advanceAmount", Object.class);
    public static final ProcessVariable<String> REPEAT_EXCEPTION_REASON =
            ProcessVariable.fact("repeatExceptionReason", String.class);

    /** Task form fields. */
    public static final ProcessVariable<String> PAPERWORK_NOTE = ProcessVariable.fact("paperworkNote", String.class);
    public static final ProcessVariable<String> REVIEW_DECISION = ProcessVariable.fact("reviewDecision", String.class);
    public static final ProcessVariable<Object> PROPOSED_AMOUNT = ProcessVariable.fact("proposedAmount", Object.class);
    public static final ProcessVariable<String> CASE_BY_CASE_REASON = ProcessVariable.fact("caseByCaseReason", String.class);
    public static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.fact("reviewComment", String.class);
    public static final ProcessVariable<String> DISTRICT_DECISION = ProcessVariable.fact("districtDecision", String.class);
    public static final ProcessVariable<String> DISTRICT_COMMENT = ProcessVariable.fact("districtComment", String.class);
    public static final ProcessVariable<String> SECOND_DECISION = ProcessVariable.fact("secondDecision", String.class);
    public static final ProcessVariable<String> SECOND_COMMENT = ProcessVariable.fact("secondComment", String.class);

    /** Copies of the case's row, shown by the forms and the task cards. */
    public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.copy("caseNumber", String.class);
    public static final ProcessVariable<String> APPLICANT_NAME = ProcessVariable.copy("applicantName", String.class);
    public static final ProcessVariable<String> TOWNSHIP_NAME = ProcessVariable.copy("townshipName", String.class);
    public static final ProcessVariable<String> COMMUNITY_NAME = ProcessVariable.copy("communityName", String.class);
    public static final ProcessVariable<String> CASE_SUMMARY = ProcessVariable.copy("caseSummary", String.class);

    /** Start form: a household not on record, registered with the application (急难 cases). */
    public static final ProcessVariable<Object> NEW_HOUSEHOLD = ProcessVariable.fact("newHousehold", Object.class);
    public static final ProcessVariable<String> COMMUNITY_CODE = ProcessVariable.fact("communityCode", String.class);
    public static final ProcessVariable<String> ADDRESS = ProcessVariable.fact("address", String.class);
    public static final ProcessVariable<String> BANK_NAME = ProcessVariable.fact("bankName", String.class);
    public static final ProcessVariable<String> BANK_ACCOUNT = ProcessVariable.fact("bankAccount", String.class);
    public static final ProcessVariable<Object> MEMBERS = ProcessVariable.fact("members", Object.class);

    /** Decisions of the review tasks. */
    public static final String APPROVE = "APPROVE";
    public static final String REFUSE = "REFUSE";

    static final List<ProcessVariable<?>> VARIABLES = List.of(CASE_ID, TOWNSHIP_CODE, ADVANCE_PAID, ROUTE, REGISTERED_BY,
            REVIEWED_BY, DISTRICT_APPROVED_BY, APPLICANT_ID_NUMBER, KIND, HARDSHIP_LEVEL, REASON, SPENDING_TYPE,
            SPENDING_AMOUNT, SPENDING_EVIDENCE, ADVANCE_AMOUNT, REPEAT_EXCEPTION_REASON, PAPERWORK_NOTE, REVIEW_DECISION,
            PROPOSED_AMOUNT, CASE_BY_CASE_REASON, REVIEW_COMMENT, DISTRICT_DECISION, DISTRICT_COMMENT, SECOND_DECISION,
            SECOND_COMMENT, CASE_NUMBER, APPLICANT_NAME, TOWNSHIP_NAME, COMMUNITY_NAME, CASE_SUMMARY, NEW_HOUSEHOLD,
            COMMUNITY_CODE, ADDRESS, BANK_NAME, BANK_ACCOUNT, MEMBERS);

    private LinshiProcess() {
    }
}
