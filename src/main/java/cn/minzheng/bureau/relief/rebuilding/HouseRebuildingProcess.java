package cn.minzheng.bureau.relief.rebuilding;

import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by house-rebuilding.bpmn (called from disaster-relief per collapsed house), its forms and Java. */
public final class HouseRebuildingProcess {

    public static final String KEY = "house-rebuilding";

    public static final String TASK_APPLY = "Task_ApplyOrNominate";
    public static final String TASK_APPRAISAL = "Task_DemocraticAppraisal";
    public static final String TASK_NOTICE = "Task_RebuildingNotice";
    public static final String TASK_TOWNSHIP_REVIEW = "Task_ReviewRebuildingByTownship";
    public static final String TASK_DISTRICT_APPROVAL = "Task_ApproveRebuilding";
    public static final String TASK_CONFIRM_REBUILT = "Task_ConfirmRebuilt";
    public static final String TIMER_NOTICE_OVER = "BoundaryEvent_RebuildingNoticeOver";

    // facts: what the gateways, the four-eyes checks and the steps read
    public static final ProcessVariable<Long> HOUSEHOLD_ID = ProcessVariable.fact("householdId", Long.class);
    public static final ProcessVariable<Long> DISASTER_ID = ProcessVariable.fact("disasterId", Long.class);
    public static final ProcessVariable<Long> REBUILDING_ID = ProcessVariable.fact("rebuildingId", Long.class);
    public static final ProcessVariable<String> TOWNSHIP_CODE = ProcessVariable.fact("townshipCode", String.class);
    public static final ProcessVariable<Integer> COLLAPSED_ROOMS = ProcessVariable.fact("collapsedRooms", Integer.class);
    public static final ProcessVariable<Object> ROOMS = ProcessVariable.fact("rooms", Object.class);
    public static final ProcessVariable<String> SOURCE = ProcessVariable.fact("source", String.class);
    public static final ProcessVariable<String> APPLIED_BY = ProcessVariable.fact("appliedBy", String.class);
    public static final ProcessVariable<Object> APPRAISAL_ATTENDEES = ProcessVariable.fact("appraisalAttendees", Object.class);
    public static final ProcessVariable<Object> APPRAISAL_VOTES_FOR = ProcessVariable.fact("appraisalVotesFor", Object.class);
    public static final ProcessVariable<String> APPRAISAL_MINUTES = ProcessVariable.fact("appraisalMinutes", String.class);
    public static final ProcessVariable<Boolean> APPRAISAL_AGREED = ProcessVariable.fact("appraisalAgreed", Boolean.class);
    public static final ProcessVariable<String> OBJECTION = ProcessVariable.fact("objection", String.class);
    public static final ProcessVariable<String> TOWNSHIP_DECISION = ProcessVariable.fact("townshipDecision", String.class);
    public static final ProcessVariable<String> TOWNSHIP_COMMENT = ProcessVariable.fact("townshipComment", String.class);
    public static final ProcessVariable<String> DISTRICT_DECISION = ProcessVariable.fact("districtDecision", String.class);
    public static final ProcessVariable<String> DISTRICT_COMMENT = ProcessVariable.fact("districtComment", String.class);
    public static final ProcessVariable<String> REJECTION_REASON = ProcessVariable.fact("rejectionReason", String.class);
    public static final ProcessVariable<String> REBUILT_ON = ProcessVariable.fact("rebuiltOn", String.class);
    public static final ProcessVariable<String> INSPECTION_NOTE = ProcessVariable.fact("inspectionNote", String.class);

    // copies of the tables, for the forms and task lists
    public static final ProcessVariable<String> HEAD_NAME = ProcessVariable.copy("headName", String.class);
    public static final ProcessVariable<String> HOUSEHOLD_ADDRESS = ProcessVariable.copy("householdAddress", String.class);
    public static final ProcessVariable<String> GRANT_AMOUNT = ProcessVariable.copy("grantAmount", String.class);

    public static final List<ProcessVariable<?>> VARIABLES = List.of(HOUSEHOLD_ID, DISASTER_ID, REBUILDING_ID,
            TOWNSHIP_CODE, COLLAPSED_ROOMS, ROOMS, SOURCE, APPLIED_BY, APPRAISAL_ATTENDEES, APPRAISAL_VOTES_FOR,
            APPRAISAL_MINUTES, APPRAISAL_AGREED, OBJECTION, TOWNSHIP_DECISION, TOWNSHIP_COMMENT, DISTRICT_DECISION,
            DISTRICT_COMMENT, REJECTION_REASON, REBUILT_ON, INSPECTION_NOTE, HEAD_NAME, HOUSEHOLD_ADDRESS, GRANT_AMOUNT);

    // the plain names, for the forms, the BPMN and the tests
    public static final String VAR_HOUSEHOLD_ID = HOUSEHOLD_ID.name();
    public static final String VAR_REBUILDING_ID = REBUILDING_ID.name();

    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";

    private HouseRebuildingProcess() {
    }
}
