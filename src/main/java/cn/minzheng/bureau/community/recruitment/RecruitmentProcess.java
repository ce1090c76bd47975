package cn.minzheng.bureau.community.recruitment;

/** Names shared by community-worker-recruitment.bpmn, its forms and Java. */
public final class RecruitmentProcess {

    public static final String KEY = "community-worker-recruitment";

    public static final String TASK_REGISTER_APPLICATIONS = "Task_RegisterApplications";
    public static final String TASK_REVIEW_ELIGIBILITY = "Task_ReviewEligibility";
    public static final String TASK_SCORE = "Task_ScoreApplicants";
    public static final String TASK_APPROVE_APPOINTMENTS = "Task_ApproveAppointments";
    public static final String TASK_APPOINT_DIRECTOR = "Task_AppointDirector";

    public static final String VAR_ROUND_ID = "roundId";
    public static final String VAR_TOWNSHIP_CODE = "townshipCode";
    /** Local to each director appointment: the community it is for. */
    public static final String VAR_COMMUNITY_CODE = "communityCode";
    /** Local to each scoring task: the eligible application it scores. */
    public static final String VAR_APPLICATION_ID = "applicationId";
    /** Everyone who entered scores (comma-separated): none of them approves the ranking. */
    public static final String VAR_SCORED_BY = "scoredBy";

    /** Start form fields. */
    public static final String VAR_TITLE = "roundTitle";
    public static final String VAR_POSTS = "posts";

    /** Task form fields. */
    public static final String VAR_APPLICATIONS = "applications";
    public static final String VAR_ELIGIBILITY_DECISION = "eligibilityDecision";
    public static final String VAR_ELIGIBILITY_COMMENT = "eligibilityComment";
    /** Ids (as text) of the applications the reviewer excludes, from the checklist; a reason is then required. */
    public static final String VAR_EXCLUDED = "excludedApplications";
    public static final String VAR_EXCLUDE_REASON = "excludeReason";
    public static final String VAR_WRITTEN_SCORE = "writtenScore";
    public static final String VAR_INTERVIEW_SCORE = "interviewScore";
    public static final String VAR_APPOINTMENT_DECISION = "appointmentDecision";
    public static final String VAR_APPOINTMENT_COMMENT = "appointmentComment";
    public static final String VAR_DIRECTOR = "directorWorkerId";

    public static final String CONFIRM = "CONFIRM";
    public static final String RETURN = "RETURN";
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";

    private RecruitmentProcess() {
    }
}
