package cn.minzheng.bureau.organisation;

import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by organisation-registration.bpmn, its forms and Java; the process's variables, declared. */
public final class OrganisationRegistrationProcess {

    public static final String KEY = "organisation-registration";
    public static final String MINIMUM_FUNDS_DECISION = "organisation-minimum-funds";

    public static final String TASK_REVIEW = "Task_ReviewBySection";
    public static final String TASK_APPROVE = "Task_ApproveByHead";
    public static final String TASK_CERTIFICATE = "Task_IssueCertificate";

    public static final ProcessVariable<Long> ORGANISATION_ID = ProcessVariable.fact("organisationId", Long.class);

    /** Start form fields: the application. */
    public static final ProcessVariable<String> NAME = ProcessVariable.fact("organisationName", String.class);
    public static final ProcessVariable<String> KIND = ProcessVariable.fact("organisationKind", String.class);
    public static final ProcessVariable<String> RESERVATION_NO = ProcessVariable.fact("reservationNo", String.class);
    public static final ProcessVariable<String> LEGAL_REPRESENTATIVE = ProcessVariable.fact("legalRepresentative", String.class);
    public static final ProcessVariable<String> DOMICILE = ProcessVariable.fact("domicile", String.class);
    public static final ProcessVariable<Object> REGISTERED_FUNDS = ProcessVariable.fact("registeredFunds", Object.class);
    public static final ProcessVariable<String> BUSINESS_SCOPE = ProcessVariable.fact("businessScope", String.class);
    public static final ProcessVariable<String> SUPERVISOR_UNIT = ProcessVariable.fact("supervisorUnit", String.class);
    public static final ProcessVariable<String> SUPERVISOR_APPROVAL_NO = ProcessVariable.fact("supervisorApprovalNo", String.class);
    public static final ProcessVariable<Object> SUPERVISOR_APPROVED_ON = ProcessVariable.fact("supervisorApprovedOn", Object.class);
    public static final ProcessVariable<Object> CHARTER_PROVIDED = ProcessVariable.fact("charterProvided", Object.class);
    public static final ProcessVariable<Object> FUNDS_PROOF_PROVIDED = ProcessVariable.fact("fundsProofProvided", Object.class);
    public static final ProcessVariable<Object> DOMICILE_PROOF_PROVIDED = ProcessVariable.fact("domicileProofProvided", Object.class);
    public static final ProcessVariable<Object> REPRESENTATIVE_ID_PROVIDED = ProcessVariable.fact("representativeIdProvided", Object.class);

    /** Review, approval and certificate form fields. */
    public static final ProcessVariable<String> REVIEW_DECISION = ProcessVariable.fact("reviewDecision", String.class);
    public static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.fact("reviewComment", String.class);
    public static final ProcessVariable<String> REVIEWED_BY = ProcessVariable.fact("reviewedBy", String.class);
    public static final ProcessVariable<String> APPROVAL_DECISION = ProcessVariable.fact("approvalDecision", String.class);
    public static final ProcessVariable<String> APPROVAL_COMMENT = ProcessVariable.fact("approvalComment", String.class);
    public static final ProcessVariable<String> CREDIT_CODE = ProcessVariable.fact("creditCode", String.class);
    public static final ProcessVariable<String> CERTIFICATE_NO = ProcessVariable.fact("certificateNo", String.class);

    /** Copies of the register's row, shown by the forms and on the task cards. */
    public static final ProcessVariable<String> KIND_LABEL = ProcessVariable.copy("organisationKindLabel", String.class);
    public static final ProcessVariable<String> MINIMUM_FUNDS = ProcessVariable.copy("minimumFunds", String.class);
    public static final ProcessVariable<String> REVIEWER_NAME = ProcessVariable.copy("reviewerName", String.class);

    /** Decisions of review and approval. */
    public static final String APPROVE = "APPROVE";
    public static final String REFUSE = "REFUSE";

    static final List<ProcessVariable<?>> VARIABLES = List.of(ORGANISATION_ID, NAME, KIND, RESERVATION_NO, LEGAL_REPRESENTATIVE,
            DOMICILE, REGISTERED_FUNDS, BUSINESS_SCOPE, SUPERVISOR_UNIT, SUPERVISOR_APPROVAL_NO, SUPERVISOR_APPROVED_ON,
            CHARTER_PROVIDED, FUNDS_PROOF_PROVIDED, DOMICILE_PROOF_PROVIDED, REPRESENTATIVE_ID_PROVIDED, REVIEW_DECISION,
            REVIEW_COMMENT, REVIEWED_BY, APPROVAL_DECISION, APPROVAL_COMMENT, CREDIT_CODE, CERTIFICATE_NO, KIND_LABEL,
            MINIMUM_FUNDS, REVIEWER_NAME);

    private OrganisationRegistrationProcess() {
    }
}
