package cn.minzheng.bureau.community.reorganisation;

/** Names shared by community-reorganisation.bpmn, its forms and the Java code. */
public final class CommunityReorganisationProcess {

    public static final String KEY = "community-reorganisation";

    public static final String TASK_DRAFT = "Task_DraftPlan";
    public static final String TASK_REVIEW_BY_TOWNSHIP = "Task_ReviewByTownship";
    public static final String TASK_APPROVE_BY_DISTRICT = "Task_ApproveByDistrict";
    public static final String TASK_APPLY = "Task_ApplyPlan";
    public static final String BOUNDARY_PLAN_INVALID = "BoundaryEvent_PlanNoLongerValid";
    public static final String END_APPLIED = "EndEvent_PlanApplied";
    public static final String END_REJECTED = "EndEvent_PlanRejected";
    public static final String END_WITHDRAWN = "EndEvent_PlanWithdrawn";

    /** The BPMN error the apply step throws when the plan no longer fits the regions (back to the drafter). */
    public static final String ERROR_PLAN_INVALID = "REORG_PLAN_INVALID";

    public static final String VAR_PLAN_ID = "planId";
    public static final String VAR_PLAN_TITLE = "planTitle";
    public static final String VAR_PLAN_JSON = "planJson";
    public static final String VAR_PLAN_SUMMARY = "planSummary";
    public static final String VAR_RETURN_REASON = "returnReason";
    public static final String VAR_DRAFT_DECISION = "draftDecision";
    public static final String VAR_DRAFT_COMMENT = "draftComment";
    public static final String VAR_REVIEW_DECISION = "reviewDecision";
    public static final String VAR_REVIEW_COMMENT = "reviewComment";
    public static final String VAR_REVIEW_RETURNED = "reviewReturned";
    public static final String VAR_APPROVAL_DECISION = "approvalDecision";
    public static final String VAR_APPROVAL_COMMENT = "approvalComment";
    /** Multi-instance element variable of the township review: the township that reviews. */
    public static final String VAR_TOWNSHIP_CODE = "townshipCode";

    public static final String SUBMIT = "SUBMIT";
    public static final String WITHDRAW = "WITHDRAW";
    public static final String AGREE = "AGREE";
    public static final String RETURN = "RETURN";
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";

    private CommunityReorganisationProcess() {
    }
}
