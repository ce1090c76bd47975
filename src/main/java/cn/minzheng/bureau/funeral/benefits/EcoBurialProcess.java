package cn.minzheng.bureau.funeral.benefits;

import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by funeral-eco-burial-reward.bpmn, its forms and Java; the process's variables, declared. */
public final class EcoBurialProcess {

    public static final String KEY = "funeral-eco-burial-reward";

    public static final String TASK_REGISTER = "Task_RegisterReward";
    public static final String TASK_REVIEW = "Task_ReviewByTownship";
    public static final String TASK_GRANT = "Task_GrantReward";
    public static final String END_GRANTED = "EndEvent_Granted";
    public static final String END_REFUSED = "EndEvent_Refused";

    public static final String GRANT = "GRANT";
    public static final String REFUSE = "REFUSE";

    public static final ProcessVariable<Long> REWARD_ID = ProcessVariable.fact("rewardId", Long.class);
    public static final ProcessVariable<String> TOWNSHIP_CODE = ProcessVariable.fact("townshipCode", String.class);
    public static final ProcessVariable<String> REGISTERED_BY = ProcessVariable.fact("registeredBy", String.class);
    public static final ProcessVariable<String> REVIEWED_BY = ProcessVariable.fact("reviewedBy", String.class);
    public static final ProcessVariable<Boolean> GRANTED = ProcessVariable.fact("granted", Boolean.class);

    /** Start form fields. */
    public static final ProcessVariable<String> ID_NUMBER = ProcessVariable.fact("deceasedIdNumber", String.class);
    public static final ProcessVariable<String> PAYEE_ID_NUMBER = ProcessVariable.fact("payeeIdNumber", String.class);
    public static final ProcessVariable<Object> BURIAL_DATE = ProcessVariable.fact("burialDate", Object.class);
    public static final ProcessVariable<String> BURIAL_PLACE = ProcessVariable.fact("burialPlace", String.class);

    /** Review form fields. */
    public static final ProcessVariable<String> REVIEW_DECISION = ProcessVariable.fact("reviewDecision", String.class);
    public static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.fact("reviewComment", String.class);

    /** Copies of the application, shown by the review form and the task cards (line of work 社会救助). */
    public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.copy("caseNumber", String.class);
    public static final ProcessVariable<String> APPLICANT_NAME = ProcessVariable.copy("applicantName", String.class);
    public static final ProcessVariable<String> TOWNSHIP_NAME = ProcessVariable.copy("townshipName", String.class);
    public static final ProcessVariable<String> REWARD_SUMMARY = ProcessVariable.copy("rewardSummary", String.class);

    static final List<ProcessVariable<?>> VARIABLES = List.of(REWARD_ID, TOWNSHIP_CODE, REGISTERED_BY, REVIEWED_BY, GRANTED,
            ID_NUMBER, PAYEE_ID_NUMBER, BURIAL_DATE, BURIAL_PLACE, REVIEW_DECISION, REVIEW_COMMENT, CASE_NUMBER,
            APPLICANT_NAME, TOWNSHIP_NAME, REWARD_SUMMARY);

    private EcoBurialProcess() {
    }
}
