package cn.minzheng.bureau.youfu;

import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by youfu-recognition.bpmn, its forms and Java; the process's variables, declared. */
public final class YoufuProcess {

    public static final String KEY = "youfu-recognition";

    public static final String TASK_REGISTER = "Task_RegisterRecipient";
    public static final String TASK_REVIEW_BY_TOWNSHIP = "Task_ReviewByTownship";
    public static final String TASK_APPROVE_BY_DISTRICT = "Task_ApproveByDistrict";
    public static final String TASK_ENROL = "Task_EnrolRecipient";
    public static final String TASK_REFUSE = "Task_RefuseRecognition";

    /** Start form fields. */
    public static final ProcessVariable<String> ID_NUMBER = ProcessVariable.fact("idNumber", String.class);
    public static final ProcessVariable<String> CATEGORY = ProcessVariable.fact("category", String.class);
    public static final ProcessVariable<String> CERTIFICATE_NUMBER = ProcessVariable.fact("certificateNumber", String.class);
    public static final ProcessVariable<Object> DISABILITY_GRADE = ProcessVariable.fact("disabilityGrade", Object.class);
    public static final ProcessVariable<String> DISABILITY_CAUSE = ProcessVariable.fact("disabilityCause", String.class);
    public static final ProcessVariable<Object> ASSESSED_DATE = ProcessVariable.fact("assessedDate", Object.class);
    public static final ProcessVariable<String> DECEASED_NAME = ProcessVariable.fact("deceasedName", String.class);
    public static final ProcessVariable<Object> DEATH_DATE = ProcessVariable.fact("deathDate", Object.class);
    public static final ProcessVariable<Object> ENLISTMENT_DATE = ProcessVariable.fact("enlistmentDate", Object.class);
    public static final ProcessVariable<Object> DISCHARGE_DATE = ProcessVariable.fact("dischargeDate", Object.class);

    /** Set on registration. */
    public static final ProcessVariable<Long> RECIPIENT_ID = ProcessVariable.fact("recipientId", Long.class);
    public static final ProcessVariable<String> TOWNSHIP_CODE = ProcessVariable.fact("townshipCode", String.class);

    /** Review and approval form fields. */
    public static final ProcessVariable<String> TOWNSHIP_DECISION = ProcessVariable.fact("townshipDecision", String.class);
    public static final ProcessVariable<String> TOWNSHIP_COMMENT = ProcessVariable.fact("townshipComment", String.class);
    public static final ProcessVariable<String> DISTRICT_DECISION = ProcessVariable.fact("districtDecision", String.class);
    public static final ProcessVariable<String> DISTRICT_COMMENT = ProcessVariable.fact("districtComment", String.class);

    /** Copies of the register's row, shown by the forms and the task cards. */
    public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.copy("caseNumber", String.class);
    public static final ProcessVariable<String> APPLICANT_NAME = ProcessVariable.copy("applicantName", String.class);
    public static final ProcessVariable<String> TOWNSHIP_NAME = ProcessVariable.copy("townshipName", String.class);
    public static final ProcessVariable<String> COMMUNITY_NAME = ProcessVariable.copy("communityName", String.class);
    public static final ProcessVariable<String> CASE_SUMMARY = ProcessVariable.copy("caseSummary", String.class);
    public static final ProcessVariable<String> AMOUNT_SUMMARY = ProcessVariable.copy("amountSummary", String.class);

    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";

    static final List<ProcessVariable<?>> VARIABLES = List.of(ID_NUMBER, CATEGORY, CERTIFICATE_NUMBER,
            DISABILITY_GRADE, DISABILITY_CAUSE, ASSESSED_DATE, DECEASED_NAME, DEATH_DATE, ENLISTMENT_DATE,
            DISCHARGE_DATE, RECIPIENT_ID, TOWNSHIP_CODE, TOWNSHIP_DECISION, TOWNSHIP_COMMENT, DISTRICT_DECISION,
            DISTRICT_COMMENT, CASE_NUMBER, APPLICANT_NAME, TOWNSHIP_NAME, COMMUNITY_NAME, CASE_SUMMARY, AMOUNT_SUMMARY);

    private YoufuProcess() {
    }
}
