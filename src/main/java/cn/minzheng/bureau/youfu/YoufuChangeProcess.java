package cn.minzheng.bureau.youfu;

import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by youfu-change.bpmn, its forms and Java; the process's variables, declared. */
public final class YoufuChangeProcess {

    public static final String KEY = "youfu-change";

    public static final String TASK_REGISTER = "Task_RegisterChange";
    public static final String TASK_REVIEW_BY_TOWNSHIP = "Task_ReviewChangeByTownship";
    public static final String TASK_APPROVE_BY_DISTRICT = "Task_ApproveChangeByDistrict";
    public static final String TASK_APPLY = "Task_ApplyChange";
    public static final String TASK_REFUSE = "Task_RefuseChange";

    /** Start form fields (the evidence fields are those of youfu-recognition). */
    public static final ProcessVariable<String> CHANGE_KIND = ProcessVariable.fact("changeKind", String.class);
    public static final ProcessVariable<String> CHANGE_REASON = ProcessVariable.fact("changeReason", String.class);
    public static final ProcessVariable<Object> MOVED_ON = ProcessVariable.fact("movedOn", Object.class);
    public static final ProcessVariable<String> DESTINATION = ProcessVariable.fact("destination", String.class);

    /** Set on registration. */
    public static final ProcessVariable<Long> CHANGE_ID = ProcessVariable.fact("changeId", Long.class);

    /** Copies of the application, shown by the forms and the task cards. */
    public static final ProcessVariable<String> CHANGE_SUMMARY = ProcessVariable.copy("changeSummary", String.class);

    static final List<ProcessVariable<?>> VARIABLES = List.of(YoufuProcess.ID_NUMBER, CHANGE_KIND, CHANGE_REASON,
            YoufuProcess.CATEGORY, YoufuProcess.CERTIFICATE_NUMBER, YoufuProcess.DISABILITY_GRADE,
            YoufuProcess.DISABILITY_CAUSE, YoufuProcess.ASSESSED_DATE, YoufuProcess.DECEASED_NAME,
            YoufuProcess.DEATH_DATE, YoufuProcess.ENLISTMENT_DATE, YoufuProcess.DISCHARGE_DATE, MOVED_ON, DESTINATION,
            CHANGE_ID, YoufuProcess.RECIPIENT_ID, YoufuProcess.TOWNSHIP_CODE, YoufuProcess.TOWNSHIP_DECISION,
            YoufuProcess.TOWNSHIP_COMMENT, YoufuProcess.DISTRICT_DECISION, YoufuProcess.DISTRICT_COMMENT,
            YoufuProcess.CASE_NUMBER, YoufuProcess.APPLICANT_NAME, YoufuProcess.TOWNSHIP_NAME,
            YoufuProcess.CASE_SUMMARY, CHANGE_SUMMARY, YoufuProcess.AMOUNT_SUMMARY);

    private YoufuChangeProcess() {
    }
}
