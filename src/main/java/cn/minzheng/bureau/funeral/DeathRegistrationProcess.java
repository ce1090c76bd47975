package cn.minzheng.bureau.funeral;

import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by funeral-death-registration.bpmn, its forms and Java; the process's variables, declared. */
public final class DeathRegistrationProcess {

    public static final String KEY = "funeral-death-registration";

    public static final String TASK_REGISTER = "Task_RegisterDeath";
    public static final String TASK_REVIEW = "Task_ReviewByTownship";
    public static final String TASK_NOTIFY = "Task_NotifyPrograms";
    public static final String END_CONFIRMED = "EndEvent_ProgramsNotified";
    public static final String END_REFUSED = "EndEvent_Refused";

    public static final String CONFIRM = "CONFIRM";
    public static final String REFUSE = "REFUSE";

    public static final ProcessVariable<Long> DEATH_RECORD_ID = ProcessVariable.fact("deathRecordId", Long.class);
    public static final ProcessVariable<String> TOWNSHIP_CODE = ProcessVariable.fact("townshipCode", String.class);
    public static final ProcessVariable<String> REGISTERED_BY = ProcessVariable.fact("registeredBy", String.class);
    public static final ProcessVariable<String> REVIEWED_BY = ProcessVariable.fact("reviewedBy", String.class);
    public static final ProcessVariable<Boolean> CONFIRMED = ProcessVariable.fact("confirmed", Boolean.class);

    /** Start form fields. */
    public static final ProcessVariable<String> ID_NUMBER = ProcessVariable.fact("deceasedIdNumber", String.class);
    public static final ProcessVariable<Object> DEATH_DATE = ProcessVariable.fact("deathDate", Object.class);
    public static final ProcessVariable<String> DEATH_PLACE = ProcessVariable.fact("deathPlace", String.class);
    public static final ProcessVariable<String> SOURCE = ProcessVariable.fact("source", String.class);
    public static final ProcessVariable<String> SOURCE_REFERENCE = ProcessVariable.fact("sourceReference", String.class);
    public static final ProcessVariable<Object> CREMATED = ProcessVariable.fact("cremated", Object.class);
    public static final ProcessVariable<String> BURIAL_KIND = ProcessVariable.fact("burialKind", String.class);

    /** Review form fields. */
    public static final ProcessVariable<String> REVIEW_DECISION = ProcessVariable.fact("reviewDecision", String.class);
    public static final ProcessVariable<String> REVIEW_COMMENT = ProcessVariable.fact("reviewComment", String.class);

    /** Copies of the record, shown by the review form and the task cards (line of work 社会救助). */
    public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.copy("caseNumber", String.class);
    public static final ProcessVariable<String> APPLICANT_NAME = ProcessVariable.copy("applicantName", String.class);
    public static final ProcessVariable<String> TOWNSHIP_NAME = ProcessVariable.copy("townshipName", String.class);
    public static final ProcessVariable<String> COMMUNITY_NAME = ProcessVariable.copy("communityName", String.class);
    public static final ProcessVariable<String> RECORD_SUMMARY = ProcessVariable.copy("recordSummary", String.class);
    /** What the programs did, kept for the record (death_record.effects is the record). */
    public static final ProcessVariable<String> EFFECTS = ProcessVariable.copy("effects", String.class);

    /** Every variable of the process, for its {@link DeathRegistrationVariables}. */
    static final List<ProcessVariable<?>> VARIABLES = List.of(DEATH_RECORD_ID, TOWNSHIP_CODE, REGISTERED_BY, REVIEWED_BY,
            CONFIRMED, ID_NUMBER, DEATH_DATE, DEATH_PLACE, SOURCE, SOURCE_REFERENCE, CREMATED, BURIAL_KIND,
            REVIEW_DECISION, REVIEW_COMMENT, CASE_NUMBER, APPLICANT_NAME, TOWNSHIP_NAME, COMMUNITY_NAME, RECORD_SUMMARY,
            EFFECTS);

    private DeathRegistrationProcess() {
    }
}
