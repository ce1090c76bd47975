package cn.minzheng.bureau.organisation;

import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by organisation-change.bpmn (变更登记 and 注销登记), its forms and Java; the process's variables. */
public final class OrganisationChangeProcess {

    public static final String KEY = "organisation-change";

    public static final String TASK_REVIEW = "Task_ReviewBySection";
    public static final String TASK_APPROVE = "Task_ApproveByHead";

    public static final ProcessVariable<String> CREDIT_CODE = ProcessVariable.fact("creditCode", String.class);
    public static final ProcessVariable<String> CHANGE_KIND = ProcessVariable.fact("changeKind", String.class);
    public static final ProcessVariable<Object> NEW_VALUE = ProcessVariable.fact("newValue", Object.class);
    public static final ProcessVariable<String> CHANGE_REASON = ProcessVariable.fact("changeReason", String.class);
    public static final ProcessVariable<Object> LIQUIDATION_REPORT_DATE = ProcessVariable.fact("liquidationReportDate", Object.class);
    public static final ProcessVariable<String> NET_ASSETS_DESTINATION = ProcessVariable.fact("netAssetsDestination", String.class);

    public static final ProcessVariable<Long> ORGANISATION_ID = ProcessVariable.fact("organisationId", Long.class);
    public static final ProcessVariable<Long> CHANGE_ID = ProcessVariable.fact("changeId", Long.class);

    public static final ProcessVariable<String> REVIEW_DECISION = ProcessVariable.fact("reviewDecision", String.class);
    public static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.fact("reviewComment", String.class);
    public static final ProcessVariable<String> REVIEWED_BY = ProcessVariable.fact("reviewedBy", String.class);
    public static final ProcessVariable<String> APPROVAL_DECISION = ProcessVariable.fact("approvalDecision", String.class);
    public static final ProcessVariable<String> APPROVAL_COMMENT = ProcessVariable.fact("approvalComment", String.class);

    /** Copies shown by the forms and on the task cards. */
    public static final ProcessVariable<String> ORGANISATION_NAME = ProcessVariable.copy("organisationName", String.class);
    public static final ProcessVariable<String> CHANGE_LABEL = ProcessVariable.copy("changeLabel", String.class);
    public static final ProcessVariable<String> OLD_VALUE = ProcessVariable.copy("oldValue", String.class);
    public static final ProcessVariable<String> REVIEWER_NAME = ProcessVariable.copy("reviewerName", String.class);

    public static final String APPROVE = "APPROVE";
    public static final String REFUSE = "REFUSE";

    static final List<ProcessVariable<?>> VARIABLES = List.of(CREDIT_CODE, CHANGE_KIND, NEW_VALUE, CHANGE_REASON,
            LIQUIDATION_REPORT_DATE, NET_ASSETS_DESTINATION, ORGANISATION_ID, CHANGE_ID, REVIEW_DECISION, REVIEW_COMMENT,
            REVIEWED_BY, APPROVAL_DECISION, APPROVAL_COMMENT, ORGANISATION_NAME, CHANGE_LABEL, OLD_VALUE, REVIEWER_NAME);

    private OrganisationChangeProcess() {
    }
}
