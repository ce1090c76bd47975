package cn.minzheng.bureau.elderly;

import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by elderly-card.bpmn, its forms and Java; the process's variables, declared. */
public final class ElderlyCardProcess {

    public static final String KEY = "elderly-card";

    public static final String TASK_REVIEW = "Task_ReviewByTownship";
    public static final String TASK_ISSUE = "Task_IssueCard";

    public static final String APPROVE = "APPROVE";
    public static final String REFUSE = "REFUSE";

    public static final ProcessVariable<Long> APPLICATION_ID = ProcessVariable.fact("applicationId", Long.class);
    public static final ProcessVariable<String> TOWNSHIP_CODE = ProcessVariable.fact("townshipCode", String.class);
    public static final ProcessVariable<String> REGISTERED_BY = ProcessVariable.fact("registeredBy", String.class);
    public static final ProcessVariable<String> REVIEWED_BY = ProcessVariable.fact("reviewedBy", String.class);
    public static final ProcessVariable<Boolean> APPROVED = ProcessVariable.fact("approved", Boolean.class);
    public static final ProcessVariable<String> CARD_NUMBER = ProcessVariable.fact("cardNumber", String.class);

    /** Start form fields. */
    public static final ProcessVariable<String> APPLICANT_ID_NUMBER = ProcessVariable.fact("applicantIdNumber", String.class);
    public static final ProcessVariable<String> KIND = ProcessVariable.fact("kind", String.class);
    public static final ProcessVariable<String> LOSS_NOTE = ProcessVariable.fact("lossNote", String.class);

    /** Review form fields. */
    public static final ProcessVariable<String> REVIEW_DECISION = ProcessVariable.fact("reviewDecision", String.class);
    public static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.fact("reviewComment", String.class);

    /** Copies of the application's row, shown by the review form and the task cards. */
    public static final ProcessVariable<String> APPLICANT_NAME = ProcessVariable.copy("applicantName", String.class);
    public static final ProcessVariable<String> TOWNSHIP_NAME = ProcessVariable.copy("townshipName", String.class);
    public static final ProcessVariable<String> APPLICATION_SUMMARY = ProcessVariable.copy("applicationSummary", String.class);

    /** Every variable of the process, for its {@link ElderlyCardVariables}. */
    static final List<ProcessVariable<?>> VARIABLES = List.of(APPLICATION_ID, TOWNSHIP_CODE, REGISTERED_BY, REVIEWED_BY,
            APPROVED, CARD_NUMBER, APPLICANT_ID_NUMBER, KIND, LOSS_NOTE, REVIEW_DECISION, REVIEW_COMMENT, APPLICANT_NAME,
            TOWNSHIP_NAME, APPLICATION_SUMMARY);

    private ElderlyCardProcess() {
    }
}
