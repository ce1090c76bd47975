package cn.minzheng.bureau.dibao.review;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import cn.minzheng.bureau.dibao.CaseVariables;
import cn.minzheng.bureau.dibao.HouseholdSurveys;
import cn.minzheng.bureau.engine.ProcessVariable;

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

    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";

    // the variables of dibao-review: set at the start
    public static final ProcessVariable<Long> CASE_ID = CaseVariables.CASE_ID;
    public static final ProcessVariable<String> KIND = ProcessVariable.fact("reviewKind", String.class);
    public static final ProcessVariable<String> CHANGE = ProcessVariable.fact("changeDescription", String.class);
    // set by 建立复核, besides the case's facts (CaseVariables)
    public static final ProcessVariable<Long> REVIEW_ID = ProcessVariable.fact("reviewId", Long.class);
    public static final ProcessVariable<String> TOWNSHIP_CODE = CaseVariables.TOWNSHIP_CODE;
    public static final ProcessVariable<String> AREA_TYPE = CaseVariables.AREA_TYPE;
    public static final ProcessVariable<String> CURRENT_AMOUNT = ProcessVariable.fact("currentAmount", String.class);
    public static final ProcessVariable<String> KIND_LABEL = ProcessVariable.fact("reviewKindLabel", String.class);
    // 复核入户调查: the survey's five checks (HouseholdSurveys) and these
    public static final ProcessVariable<Boolean> PROPOSE_CANCEL = ProcessVariable.fact("proposeCancel", Boolean.class);
    public static final ProcessVariable<String> CANCEL_REASON = ProcessVariable.fact("cancelReason", String.class);
    public static final ProcessVariable<String> RESURVEYED_BY = ProcessVariable.fact("resurveyedBy", String.class);
    // 复核入户调查 of a household whose head has died: the survey's form asks for the new head (the payee)
    public static final ProcessVariable<Boolean> HEAD_DECEASED = ProcessVariable.copy("headDeceased", Boolean.class);
    public static final ProcessVariable<String> DECEASED_HEAD_NAME = ProcessVariable.copy("deceasedHeadName", String.class);
    public static final ProcessVariable<Object> NEW_HEAD_OPTIONS = ProcessVariable.copy("newHeadOptions", Object.class);
    public static final ProcessVariable<String> NEW_HEAD_ID_NUMBER = ProcessVariable.fact("newHeadIdNumber", String.class);
    // 按现行标准重新核算
    public static final ProcessVariable<Boolean> NEEDS_APPROVAL = ProcessVariable.fact("needsApproval", Boolean.class);
    public static final ProcessVariable<String> PROPOSED_OUTCOME = ProcessVariable.fact("proposedOutcome", String.class);
    public static final ProcessVariable<String> PROPOSED_AMOUNT = ProcessVariable.fact("proposedAmount", String.class);
    public static final ProcessVariable<String> OUTCOME_REASON = ProcessVariable.fact("outcomeReason", String.class);
    // 乡镇审核 and 区级审批
    public static final ProcessVariable<String> REVIEW_DECISION = ProcessVariable.fact("reviewDecision", String.class);
    public static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.fact("reviewComment", String.class);
    public static final ProcessVariable<String> REVIEWED_BY = ProcessVariable.fact("reviewedBy", String.class);
    /** The township reviewer's name for the district's form (a copy of the user's name). */
    public static final ProcessVariable<String> REVIEWED_BY_NAME = ProcessVariable.copy("reviewedByName", String.class);
    public static final ProcessVariable<String> APPROVAL_DECISION = ProcessVariable.fact("approvalDecision", String.class);
    public static final ProcessVariable<String> APPROVAL_COMMENT = ProcessVariable.fact("approvalComment", String.class);
    public static final ProcessVariable<String> APPROVED_BY = ProcessVariable.fact("approvedBy", String.class);
    public static final ProcessVariable<String> KEEP_REASON = ProcessVariable.fact("keepReason", String.class);

    /** Every variable of dibao-review: the case's facts, the survey's, and its own. */
    static final List<ProcessVariable<?>> VARIABLES;

    static {
        List<ProcessVariable<?>> all = new ArrayList<>(CaseVariables.ALL);
        all.addAll(HouseholdSurveys.ALL);
        all.addAll(List.of(KIND, CHANGE, REVIEW_ID, CURRENT_AMOUNT, KIND_LABEL, PROPOSE_CANCEL, CANCEL_REASON,
                RESURVEYED_BY, HEAD_DECEASED, DECEASED_HEAD_NAME, NEW_HEAD_OPTIONS, NEW_HEAD_ID_NUMBER, NEEDS_APPROVAL, PROPOSED_OUTCOME, PROPOSED_AMOUNT, OUTCOME_REASON, REVIEW_DECISION,
                REVIEW_COMMENT, REVIEWED_BY, REVIEWED_BY_NAME, APPROVAL_DECISION, APPROVAL_COMMENT, APPROVED_BY,
                KEEP_REASON));
        VARIABLES = Collections.unmodifiableList(all);
    }

    public static final String VAR_CASE_ID = CASE_ID.name();
    public static final String VAR_REVIEW_ID = REVIEW_ID.name();
    public static final String VAR_KIND = KIND.name();
    public static final String VAR_CHANGE = CHANGE.name();
    public static final String VAR_NEEDS_APPROVAL = NEEDS_APPROVAL.name();
    public static final String VAR_PROPOSE_CANCEL = PROPOSE_CANCEL.name();
    public static final String VAR_CANCEL_REASON = CANCEL_REASON.name();
    public static final String VAR_REVIEW_DECISION = REVIEW_DECISION.name();
    public static final String VAR_REVIEW_COMMENT = REVIEW_COMMENT.name();
    public static final String VAR_REVIEWED_BY_NAME = REVIEWED_BY_NAME.name();
    public static final String VAR_APPROVAL_DECISION = APPROVAL_DECISION.name();
    public static final String VAR_APPROVAL_COMMENT = APPROVAL_COMMENT.name();

    private ReviewProcess() {
    }
}
