package cn.minzheng.bureau.tekun;

import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/**
 * Names shared by the two BPMNs of 特困人员年度复核, their forms and Java: the yearly campaign
 * (tekun-annual-review.bpmn) lists every 特困供养 person and calls, for each, the re-assessment
 * (tekun-reassessment.bpmn) of the person's township, with the district's approval of an end.
 */
public final class TekunReviewProcess {

    public static final String KEY = "tekun-annual-review";
    public static final String MESSAGE_START = "tekun-annual-review-start";
    public static final String PERSON_KEY = "tekun-reassessment";

    public static final String START_YEARLY = "StartEvent_Yearly";
    public static final String START_MANUAL = "StartEvent_Manual";
    public static final String TASK_LIST = "Task_ListPersons";
    public static final String CALL_REASSESS = "CallActivity_ReassessPerson";
    public static final String END_NOBODY = "EndEvent_NobodyToReview";
    public static final String END_DONE = "EndEvent_ReviewDone";

    public static final String TASK_OPEN = "Task_OpenReview";
    public static final String TASK_REASSESS = "Task_ReassessByTownship";
    public static final String TASK_APPROVE_END = "Task_ApproveEndByDistrict";
    public static final String TASK_CONTINUE = "Task_ContinueSupport";
    public static final String TASK_END = "Task_EndSupport";
    public static final String END_CONTINUED = "EndEvent_Continued";
    public static final String END_ENDED = "EndEvent_Ended";
    public static final String END_CASE_CLOSED = "EndEvent_CaseAlreadyClosed";

    /** Outcomes of the township's re-assessment; CLOSED when the case ended another way meanwhile (a death). */
    public static final String CONTINUE = "CONTINUE";
    public static final String END = "END";
    public static final String CLOSED = "CLOSED";
    /** The district's decision on an end. */
    public static final String APPROVE = "APPROVE";
    public static final String RETURN = "RETURN";

    /** The campaign: its year (the timer's run takes the current one), the deadline (ISO date), how many listed. */
    public static final ProcessVariable<Integer> REVIEW_YEAR = ProcessVariable.fact("reviewYear", Integer.class);
    public static final ProcessVariable<String> DEADLINE = ProcessVariable.fact("reviewDeadline", String.class);
    public static final ProcessVariable<Integer> REVIEW_COUNT = ProcessVariable.fact("reviewCount", Integer.class);

    /** One person's re-assessment (passed in by the call activity). */
    public static final ProcessVariable<Long> REVIEW_ID = ProcessVariable.fact("reviewId", Long.class);
    public static final ProcessVariable<Long> CASE_ID = ProcessVariable.fact("caseId", Long.class);
    public static final ProcessVariable<String> TOWNSHIP_CODE = ProcessVariable.fact("townshipCode", String.class);

    /** The township's form. */
    public static final ProcessVariable<Boolean> NO_WORK_ABILITY = ProcessVariable.fact("stillNoWorkAbility", Boolean.class);
    public static final ProcessVariable<Boolean> NO_INCOME = ProcessVariable.fact("stillNoIncome", Boolean.class);
    public static final ProcessVariable<Boolean> NO_SUPPORTER = ProcessVariable.fact("stillNoSupporter", Boolean.class);
    public static final ProcessVariable<String> OUTCOME = ProcessVariable.fact("outcome", String.class);
    public static final ProcessVariable<String> END_REASON = ProcessVariable.fact("endReason", String.class);
    public static final ProcessVariable<String> CARE_MODE = ProcessVariable.fact("careMode", String.class);
    public static final ProcessVariable<String> CARE_INSTITUTION = ProcessVariable.fact("careInstitution", String.class);
    public static final ProcessVariable<String> CARER_NAME = ProcessVariable.fact("carerName", String.class);
    public static final ProcessVariable<String> CARE_AGREEMENT = ProcessVariable.fact("careAgreement", String.class);
    public static final ProcessVariable<String> SELF_CARE_LEVEL = ProcessVariable.fact("selfCareLevel", String.class);
    public static final ProcessVariable<String> FINDING = ProcessVariable.fact("reviewFinding", String.class);
    /** Who completed the township's form (recordActor), refused on the district's task (fourEyes). */
    public static final ProcessVariable<String> REVIEWED_BY = ProcessVariable.fact("reviewedBy", String.class);

    /** The district's form. */
    public static final ProcessVariable<String> DISTRICT_DECISION = ProcessVariable.fact("districtDecision", String.class);
    public static final ProcessVariable<String> DISTRICT_COMMENT = ProcessVariable.fact("districtComment", String.class);

    /** Copies of the rows, shown by the forms and the task cards. */
    public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.copy("caseNumber", String.class);
    public static final ProcessVariable<String> APPLICANT_NAME = ProcessVariable.copy("applicantName", String.class);
    public static final ProcessVariable<String> TOWNSHIP_NAME = ProcessVariable.copy("townshipName", String.class);
    public static final ProcessVariable<String> COMMUNITY_NAME = ProcessVariable.copy("communityName", String.class);
    public static final ProcessVariable<String> CASE_SUMMARY = ProcessVariable.copy("caseSummary", String.class);
    public static final ProcessVariable<String> AMOUNT_SUMMARY = ProcessVariable.copy("amountSummary", String.class);
    public static final ProcessVariable<String> REGISTER_CHECK = ProcessVariable.copy("registerCheck", String.class);
    public static final ProcessVariable<String> OUTCOME_SUMMARY = ProcessVariable.copy("outcomeSummary", String.class);

    static final List<ProcessVariable<?>> CAMPAIGN_VARIABLES = List.of(REVIEW_YEAR, DEADLINE, REVIEW_COUNT, REVIEW_ID);

    static final List<ProcessVariable<?>> PERSON_VARIABLES = List.of(REVIEW_YEAR, DEADLINE, REVIEW_ID, CASE_ID,
            TOWNSHIP_CODE, NO_WORK_ABILITY, NO_INCOME, NO_SUPPORTER, OUTCOME, END_REASON, CARE_MODE, CARE_INSTITUTION,
            CARER_NAME, CARE_AGREEMENT, SELF_CARE_LEVEL, FINDING, REVIEWED_BY, DISTRICT_DECISION, DISTRICT_COMMENT,
            CASE_NUMBER, APPLICANT_NAME, TOWNSHIP_NAME, COMMUNITY_NAME, CASE_SUMMARY, AMOUNT_SUMMARY, REGISTER_CHECK,
            OUTCOME_SUMMARY);

    private TekunReviewProcess() {
    }
}
