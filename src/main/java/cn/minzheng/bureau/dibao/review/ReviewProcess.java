package cn.minzheng.bureau.dibao.review;

/** Names shared by dibao-review.bpmn, dibao-review-schedule.bpmn, their forms and the Java code. */
public final class ReviewProcess {

    public static final String KEY = "dibao-review";
    public static final String SCHEDULE_KEY = "dibao-review-schedule";
    public static final String MESSAGE_START = "dibao-review-start";

    public static final String TASK_OPEN = "Task_OpenReview";
    public static final String TASK_RESURVEY = "Task_ResurveyHousehold";
    public static final String TIMER_OVERDUE = "BoundaryEvent_ReviewOverdue";
    public static final String TASK_ESCALATE = "Task_EscalateOverdue";
    public static final String TASK_RECALCULATE = "Task_RecalculateBenefit";
    public static final String TASK_REVIEW_BY_TOWNSHIP = "Task_ReviewByTownship";
    public static final String TASK_APPROVE_BY_DISTRICT = "Task_ApproveByDistrict";
    public static final String TASK_APPLY = "Task_ApplyOutcome";
    public static final String TASK_KEEP = "Task_KeepCurrentBenefit";
    public static final String END_APPLIED = "EndEvent_OutcomeApplied";
    public static final String END_UNCHANGED = "EndEvent_BenefitUnchanged";
    public static final String END_ESCALATED = "EndEvent_Escalated";

    public static final String VAR_CASE_ID = "caseId";
    public static final String VAR_REVIEW_ID = "reviewId";
    public static final String VAR_KIND = "reviewKind";
    public static final String VAR_CHANGE = "changeDescription";
    public static final String VAR_NEEDS_APPROVAL = "needsApproval";
    public static final String VAR_PROPOSE_CANCEL = "proposeCancel";
    public static final String VAR_CANCEL_REASON = "cancelReason";
    public static final String VAR_REVIEW_DECISION = "reviewDecision";
    public static final String VAR_REVIEW_COMMENT = "reviewComment";
    /** The township reviewer's name for the district's form (a copy of the user's name). */
    public static final String VAR_REVIEWED_BY_NAME = "reviewedByName";
    public static final String VAR_APPROVAL_DECISION = "approvalDecision";
    public static final String VAR_APPROVAL_COMMENT = "approvalComment";

    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";

    private ReviewProcess() {
    }
}
