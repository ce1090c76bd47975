package cn.minzheng.bureau.dibao.application;

/** Names shared by dibao-application.bpmn, its forms and the Java code, so they cannot drift apart silently. */
public final class DibaoApplicationProcess {

    public static final String KEY = "dibao-application";

    public static final String TASK_ACCEPT = "Task_AcceptApplication";
    public static final String TASK_SURVEY = "Task_SurveyHousehold";
    public static final String TASK_REVIEW_BY_TOWNSHIP = "Task_ReviewByTownship";
    public static final String TASK_PUBLIC_NOTICE = "Task_PublicNotice";
    public static final String TASK_APPROVE_BY_DISTRICT = "Task_ApproveByDistrict";
    public static final String TASK_ISSUE_REFUSAL_NOTICE = "Task_IssueRefusalNotice";
    public static final String TIMER_NOTICE_PERIOD_OVER = "BoundaryEvent_NoticePeriodOver";
    public static final String SUBPROCESS_PROCEDURE = "SubProcess_Procedure";

    public static final String VAR_CASE_ID = "caseId";
    public static final String VAR_TOWNSHIP_CODE = "townshipCode";
    public static final String VAR_ACCEPT_DECISION = "acceptDecision";
    public static final String VAR_MISSING_DOCUMENTS = "missingDocuments";
    public static final String VAR_REVIEW_DECISION = "reviewDecision";
    public static final String VAR_REVIEW_COMMENT = "reviewComment";
    public static final String VAR_APPROVAL_DECISION = "approvalDecision";
    public static final String VAR_APPROVAL_COMMENT = "approvalComment";
    public static final String VAR_REJECTION_REASON = "rejectionReason";
    public static final String VAR_STANDARD_DECISION = "standardDecision";
    /** Transient: the household as 计算家庭人均收入 assessed it, for 计算补助金额 in the same transaction. */
    public static final String VAR_ASSESSED_HOUSEHOLD = "assessedHousehold";
    /** Transient: the survey 入户调查 recorded, handed to 计算家庭人均收入 in the same transaction. */
    public static final String VAR_RECORDED_SURVEY = "recordedSurvey";

    public static final String ACCEPT = "ACCEPT";
    public static final String RETURN = "RETURN";
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";

    private DibaoApplicationProcess() {
    }
}
