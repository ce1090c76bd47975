package cn.minzheng.bureau.community.recruitment;

import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by community-worker-recruitment.bpmn, its forms and Java; the process's variables, declared. */
public final class RecruitmentProcess {

    public static final String KEY = "community-worker-recruitment";

    public static final String TASK_REGISTER_APPLICATIONS = "Task_RegisterApplications";
    public static final String TASK_REVIEW_ELIGIBILITY = "Task_ReviewEligibility";
    public static final String TASK_SCORE = "Task_ScoreApplicants";
    public static final String TASK_APPROVE_APPOINTMENTS = "Task_ApproveAppointments";
    public static final String TASK_APPOINT_DIRECTOR = "Task_AppointDirector";

    public static final ProcessVariable<Long> ROUND_ID = ProcessVariable.fact("roundId", Long.class);
    public static final ProcessVariable<String> TOWNSHIP_CODE = ProcessVariable.fact("townshipCode", String.class);
    /** Local to each director appointment: the community it is for. */
    public static final ProcessVariable<String> COMMUNITY_CODE = ProcessVariable.fact("communityCode", String.class);
    /** Local to each scoring task: the eligible application it scores. */
    public static final ProcessVariable<Long> APPLICATION_ID = ProcessVariable.fact("applicationId", Long.class);
    /** Everyone who entered scores (comma-separated): none of them approves the ranking. */
    public static final ProcessVariable<String> SCORED_BY = ProcessVariable.fact("scoredBy", String.class);
    /** Who approved the ranking: the appointments are recorded in their name. */
    public static final ProcessVariable<String> APPROVED_BY = ProcessVariable.fact("approvedBy", String.class);

    /** Start form fields (the posts as the form's JSON rows). */
    public static final ProcessVariable<String> TITLE = ProcessVariable.fact("roundTitle", String.class);
    public static final ProcessVariable<Object> POSTS = ProcessVariable.fact("posts", Object.class);

    /** Task form fields, as the forms send them. */
    public static final ProcessVariable<Object> APPLICATIONS = ProcessVariable.fact("applications", Object.class);
    public static final ProcessVariable<String> ELIGIBILITY_DECISION = ProcessVariable.fact("eligibilityDecision", String.class);
    public static final ProcessVariable<String> ELIGIBILITY_COMMENT = ProcessVariable.fact("eligibilityComment", String.class);
    /** Ids (as text) of the applications the reviewer excludes, from the checklist; a reason is then required. */
    public static final ProcessVariable<Object> EXCLUDED = ProcessVariable.fact("excludedApplications", Object.class);
    public static final ProcessVariable<String> EXCLUDE_REASON = ProcessVariable.fact("excludeReason", String.class);
    public static final ProcessVariable<Object> WRITTEN_SCORE = ProcessVariable.fact("writtenScore", Object.class);
    public static final ProcessVariable<Object> INTERVIEW_SCORE = ProcessVariable.fact("interviewScore", Object.class);
    public static final ProcessVariable<String> APPOINTMENT_DECISION = ProcessVariable.fact("appointmentDecision", String.class);
    public static final ProcessVariable<String> APPOINTMENT_COMMENT = ProcessVariable.fact("appointmentComment", String.class);
    public static final ProcessVariable<Object> DIRECTOR = ProcessVariable.fact("directorWorkerId", Object.class);

    /** Copies of the round's rows, shown by the forms and task names. */
    public static final ProcessVariable<String> TOWNSHIP_NAME = ProcessVariable.copy("townshipName", String.class);
    public static final ProcessVariable<String> POSTS_SUMMARY = ProcessVariable.copy("postsSummary", String.class);
    public static final ProcessVariable<String> REGISTERED_SUMMARY = ProcessVariable.copy("registeredSummary", String.class);
    public static final ProcessVariable<String> ELIGIBILITY_SUMMARY = ProcessVariable.copy("eligibilitySummary", String.class);
    public static final ProcessVariable<Object> EXCLUDE_OPTIONS = ProcessVariable.copy("excludeOptions", Object.class);
    public static final ProcessVariable<String> APPLICANT_NAME = ProcessVariable.copy("applicantName", String.class);
    public static final ProcessVariable<String> COMMUNITY_NAME = ProcessVariable.copy("communityName", String.class);
    public static final ProcessVariable<String> RANKING_SUMMARY = ProcessVariable.copy("rankingSummary", String.class);
    public static final ProcessVariable<Object> DIRECTOR_OPTIONS = ProcessVariable.copy("directorOptions", Object.class);
    public static final ProcessVariable<String> CURRENT_DIRECTOR = ProcessVariable.copy("currentDirector", String.class);

    public static final String VAR_ROUND_ID = ROUND_ID.name();
    public static final String VAR_TOWNSHIP_CODE = TOWNSHIP_CODE.name();
    public static final String VAR_COMMUNITY_CODE = COMMUNITY_CODE.name();
    public static final String VAR_APPLICATION_ID = APPLICATION_ID.name();
    public static final String VAR_SCORED_BY = SCORED_BY.name();
    public static final String VAR_TITLE = TITLE.name();
    public static final String VAR_POSTS = POSTS.name();
    public static final String VAR_APPLICATIONS = APPLICATIONS.name();
    public static final String VAR_ELIGIBILITY_DECISION = ELIGIBILITY_DECISION.name();
    public static final String VAR_ELIGIBILITY_COMMENT = ELIGIBILITY_COMMENT.name();
    public static final String VAR_EXCLUDED = EXCLUDED.name();
    public static final String VAR_EXCLUDE_REASON = EXCLUDE_REASON.name();
    public static final String VAR_WRITTEN_SCORE = WRITTEN_SCORE.name();
    public static final String VAR_INTERVIEW_SCORE = INTERVIEW_SCORE.name();
    public static final String VAR_APPOINTMENT_DECISION = APPOINTMENT_DECISION.name();
    public static final String VAR_APPOINTMENT_COMMENT = APPOINTMENT_COMMENT.name();
    public static final String VAR_DIRECTOR = DIRECTOR.name();

    public static final String CONFIRM = "CONFIRM";
    public static final String RETURN = "RETURN";
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";

    /** Every variable of the process, for its {@link RecruitmentVariables}. */
    static final List<ProcessVariable<?>> VARIABLES = List.of(ROUND_ID, TOWNSHIP_CODE, COMMUNITY_CODE, APPLICATION_ID,
            SCORED_BY, APPROVED_BY, TITLE, POSTS, APPLICATIONS, ELIGIBILITY_DECISION, ELIGIBILITY_COMMENT, EXCLUDED,
            EXCLUDE_REASON, WRITTEN_SCORE, INTERVIEW_SCORE, APPOINTMENT_DECISION, APPOINTMENT_COMMENT, DIRECTOR,
            TOWNSHIP_NAME, POSTS_SUMMARY, REGISTERED_SUMMARY, ELIGIBILITY_SUMMARY, EXCLUDE_OPTIONS, APPLICANT_NAME,
            COMMUNITY_NAME, RANKING_SUMMARY, DIRECTOR_OPTIONS, CURRENT_DIRECTOR);

    private RecruitmentProcess() {
    }
}
