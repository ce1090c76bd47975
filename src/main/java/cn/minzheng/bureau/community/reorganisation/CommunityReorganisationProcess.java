package cn.minzheng.bureau.community.reorganisation;

import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by community-reorganisation.bpmn, its forms and the Java code; the process's variables, declared. */
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

    public static final ProcessVariable<Long> PLAN_ID = ProcessVariable.fact("planId", Long.class);
    public static final ProcessVariable<String> PLAN_TITLE = ProcessVariable.fact("planTitle", String.class);
    /** The plan as JSON: what the drafter submitted, and what the reviews are about. */
    public static final ProcessVariable<String> PLAN_JSON = ProcessVariable.fact("planJson", String.class);
    /** The draft form's rows (a Json value) and whether the plan has steps the form keeps as they are. */
    public static final ProcessVariable<Object> PLAN_ROWS = ProcessVariable.fact("planSteps", Object.class);
    public static final ProcessVariable<Boolean> HAS_KEPT_STEPS = ProcessVariable.fact("planHasKeptSteps", Boolean.class);
    public static final ProcessVariable<String> RETURN_REASON = ProcessVariable.fact("returnReason", String.class);
    public static final ProcessVariable<String> DRAFT_DECISION = ProcessVariable.fact("draftDecision", String.class);
    public static final ProcessVariable<String> DRAFT_COMMENT = ProcessVariable.fact("draftComment", String.class);
    public static final ProcessVariable<String> REVIEW_DECISION = ProcessVariable.fact("reviewDecision", String.class);
    public static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.fact("reviewComment", String.class);
    public static final ProcessVariable<Boolean> REVIEW_RETURNED = ProcessVariable.fact("reviewReturned", Boolean.class);
    public static final ProcessVariable<String> APPROVAL_DECISION = ProcessVariable.fact("approvalDecision", String.class);
    public static final ProcessVariable<String> APPROVAL_COMMENT = ProcessVariable.fact("approvalComment", String.class);
    /** Multi-instance element variable of the township review: the township that reviews. */
    public static final ProcessVariable<String> TOWNSHIP_CODE = ProcessVariable.fact("townshipCode", String.class);
    /** What the applied plan moved, counted. */
    public static final ProcessVariable<String> APPLY_SUMMARY = ProcessVariable.fact("applySummary", String.class);

    /** Copies of the plan's and the regions' rows, shown by the forms. */
    public static final ProcessVariable<String> PLAN_SUMMARY = ProcessVariable.copy("planSummary", String.class);
    public static final ProcessVariable<String> TOWNSHIP_NAME = ProcessVariable.copy("townshipName", String.class);

    public static final String VAR_PLAN_ID = PLAN_ID.name();
    public static final String VAR_PLAN_TITLE = PLAN_TITLE.name();
    public static final String VAR_PLAN_JSON = PLAN_JSON.name();
    public static final String VAR_PLAN_SUMMARY = PLAN_SUMMARY.name();
    public static final String VAR_RETURN_REASON = RETURN_REASON.name();
    public static final String VAR_DRAFT_DECISION = DRAFT_DECISION.name();
    public static final String VAR_DRAFT_COMMENT = DRAFT_COMMENT.name();
    public static final String VAR_REVIEW_DECISION = REVIEW_DECISION.name();
    public static final String VAR_REVIEW_COMMENT = REVIEW_COMMENT.name();
    public static final String VAR_REVIEW_RETURNED = REVIEW_RETURNED.name();
    public static final String VAR_APPROVAL_DECISION = APPROVAL_DECISION.name();
    public static final String VAR_APPROVAL_COMMENT = APPROVAL_COMMENT.name();
    public static final String VAR_TOWNSHIP_CODE = TOWNSHIP_CODE.name();

    public static final String SUBMIT = "SUBMIT";
    public static final String WITHDRAW = "WITHDRAW";
    public static final String AGREE = "AGREE";
    public static final String RETURN = "RETURN";
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";

    /** Every variable of the process, for its {@link CommunityReorganisationVariables}. */
    static final List<ProcessVariable<?>> VARIABLES = List.of(PLAN_ID, PLAN_TITLE, PLAN_JSON, PLAN_ROWS, HAS_KEPT_STEPS,
            RETURN_REASON, DRAFT_DECISION, DRAFT_COMMENT, REVIEW_DECISION, REVIEW_COMMENT, REVIEW_RETURNED,
            APPROVAL_DECISION, APPROVAL_COMMENT, TOWNSHIP_CODE, APPLY_SUMMARY, PLAN_SUMMARY, TOWNSHIP_NAME);

    private CommunityReorganisationProcess() {
    }
}
