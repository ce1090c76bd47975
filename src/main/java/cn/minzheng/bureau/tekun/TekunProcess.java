package cn.minzheng.bureau.tekun;

import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by tekun-application.bpmn, its forms and Java; the process's variables, declared. */
public final class TekunProcess {

    public static final String KEY = "tekun-application";

    public static final String TASK_SURVEY = "Task_SurveyAndAssess";
    public static final String TASK_REVIEW_BY_TOWNSHIP = "Task_ReviewByTownship";
    public static final String TASK_PUBLIC_NOTICE = "Task_PublicNotice";
    public static final String TASK_DECIDE_BY_DISTRICT = "Task_DecideByDistrict";
    public static final String TIMER_NOTICE_OVER = "BoundaryEvent_NoticePeriodOver";
    public static final String TIMER_TOWNSHIP_OVERDUE = "BoundaryEvent_TownshipOverdue";
    public static final String TIMER_DISTRICT_OVERDUE = "BoundaryEvent_DistrictOverdue";

    /** Start form fields. */
    public static final ProcessVariable<String> ID_NUMBER = ProcessVariable.fact("idNumber", String.class);
    public static final ProcessVariable<Boolean> PROPOSED_BY_TOWNSHIP = ProcessVariable.fact("proposedByTownship", Boolean.class);
    public static final ProcessVariable<String> SUPPORTER_SITUATION = ProcessVariable.fact("supporterSituation", String.class);
    public static final ProcessVariable<String> SUPPORTER_NOTE = ProcessVariable.fact("supporterNote", String.class);
    public static final ProcessVariable<String> CARE_MODE = ProcessVariable.fact("careMode", String.class);
    public static final ProcessVariable<String> CARE_INSTITUTION = ProcessVariable.fact("careInstitution", String.class);
    public static final ProcessVariable<String> CARER_NAME = ProcessVariable.fact("carerName", String.class);
    public static final ProcessVariable<String> CARE_AGREEMENT = ProcessVariable.fact("careAgreement", String.class);

    /** Set on registration. */
    public static final ProcessVariable<Long> CASE_ID = ProcessVariable.fact("caseId", Long.class);
    public static final ProcessVariable<String> TOWNSHIP_CODE = ProcessVariable.fact("townshipCode", String.class);

    /** Survey form fields. */
    public static final ProcessVariable<String> SELF_CARE_LEVEL = ProcessVariable.fact("selfCareLevel", String.class);
    public static final ProcessVariable<String> SURVEY_FINDING = ProcessVariable.fact("surveyFinding", String.class);

    /** Review, notice and decision form fields. */
    public static final ProcessVariable<String> TOWNSHIP_DECISION = ProcessVariable.fact("townshipDecision", String.class);
    public static final ProcessVariable<String> TOWNSHIP_COMMENT = ProcessVariable.fact("townshipComment", String.class);
    public static final ProcessVariable<String> OBJECTION_RESULT = ProcessVariable.fact("objectionResult", String.class);
    public static final ProcessVariable<String> OBJECTION_NOTE = ProcessVariable.fact("objectionNote", String.class);
    public static final ProcessVariable<String> DISTRICT_DECISION = ProcessVariable.fact("districtDecision", String.class);
    public static final ProcessVariable<String> DISTRICT_COMMENT = ProcessVariable.fact("districtComment", String.class);

    /** Copies of the case's row, shown by the forms and the task cards. */
    public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.copy("caseNumber", String.class);
    public static final ProcessVariable<String> APPLICANT_NAME = ProcessVariable.copy("applicantName", String.class);
    public static final ProcessVariable<String> TOWNSHIP_NAME = ProcessVariable.copy("townshipName", String.class);
    public static final ProcessVariable<String> COMMUNITY_NAME = ProcessVariable.copy("communityName", String.class);
    public static final ProcessVariable<String> CASE_SUMMARY = ProcessVariable.copy("caseSummary", String.class);
    public static final ProcessVariable<String> AMOUNT_SUMMARY = ProcessVariable.copy("amountSummary", String.class);

    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";
    public static final String OBJECTION_UPHELD = "UPHELD";
    public static final String OBJECTION_DISMISSED = "DISMISSED";

    static final List<ProcessVariable<?>> VARIABLES = List.of(ID_NUMBER, PROPOSED_BY_TOWNSHIP, SUPPORTER_SITUATION,
            SUPPORTER_NOTE, CARE_MODE, CARE_INSTITUTION, CARER_NAME, CARE_AGREEMENT, CASE_ID, TOWNSHIP_CODE,
            SELF_CARE_LEVEL, SURVEY_FINDING, TOWNSHIP_DECISION, TOWNSHIP_COMMENT, OBJECTION_RESULT, OBJECTION_NOTE,
            DISTRICT_DECISION, DISTRICT_COMMENT, CASE_NUMBER, APPLICANT_NAME, TOWNSHIP_NAME, COMMUNITY_NAME,
            CASE_SUMMARY, AMOUNT_SUMMARY);

    private TekunProcess() {
    }
}
