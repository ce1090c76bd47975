package cn.minzheng.bureau.relief.rebuilding;

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

    public static final String VAR_HOUSEHOLD_ID = "householdId";
    public static final String VAR_REBUILDING_ID = "rebuildingId";

    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";

    private HouseRebuildingProcess() {
    }
}
