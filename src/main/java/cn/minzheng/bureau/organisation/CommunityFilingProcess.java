package cn.minzheng.bureau.organisation;

import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by community-organisation-filing.bpmn, its forms and Java; the process's variables, declared. */
public final class CommunityFilingProcess {

    public static final String KEY = "community-organisation-filing";

    public static final String TASK_REVIEW = "Task_ReviewByTownship";

    public static final String APPROVE = "APPROVE";
    public static final String REFUSE = "REFUSE";

    /** Start form fields. */
    public static final ProcessVariable<String> NAME = ProcessVariable.fact("organisationName", String.class);
    public static final ProcessVariable<String> LEADER = ProcessVariable.fact("leaderName", String.class);
    public static final ProcessVariable<String> ACTIVITY_PLACE = ProcessVariable.fact("activityPlace", String.class);
    public static final ProcessVariable<String> ACTIVITIES = ProcessVariable.fact("activities", String.class);

    public static final ProcessVariable<Long> ORGANISATION_ID = ProcessVariable.fact("organisationId", Long.class);
    public static final ProcessVariable<String> TOWNSHIP_CODE = ProcessVariable.fact("townshipCode", String.class);
    public static final ProcessVariable<String> FILED_BY = ProcessVariable.fact("filedBy", String.class);
    public static final ProcessVariable<String> REVIEWED_BY = ProcessVariable.fact("reviewedBy", String.class);
    public static final ProcessVariable<Boolean> APPROVED = ProcessVariable.fact("approved", Boolean.class);
    public static final ProcessVariable<String> FILING_NO = ProcessVariable.fact("filingNo", String.class);

    /** Review form fields. */
    public static final ProcessVariable<String> REVIEW_DECISION = ProcessVariable.fact("reviewDecision", String.class);
    public static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.fact("reviewComment", String.class);

    /** The street office's name, shown by the review form and the task cards. */
    public static final ProcessVariable<String> TOWNSHIP_NAME = ProcessVariable.copy("townshipName", String.class);

    static final List<ProcessVariable<?>> VARIABLES = List.of(NAME, LEADER, ACTIVITY_PLACE, ACTIVITIES, ORGANISATION_ID,
            TOWNSHIP_CODE, FILED_BY, REVIEWED_BY, APPROVED, FILING_NO, REVIEW_DECISION, REVIEW_COMMENT, TOWNSHIP_NAME);

    private CommunityFilingProcess() {
    }
}
