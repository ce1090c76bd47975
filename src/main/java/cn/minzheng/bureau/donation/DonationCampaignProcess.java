package cn.minzheng.bureau.donation;

/** Names shared by donation-campaign.bpmn, its forms and the Java that serves it. */
public final class DonationCampaignProcess {

    public static final String KEY = "donation-campaign";

    public static final String TASK_REGISTER_DONATION = "Task_RegisterDonation";
    public static final String TASK_APPROVE_PLAN = "Task_ApprovePlan";
    public static final String TASK_DISTRIBUTE = "Task_DistributeInTownship";
    public static final String TIMER_WINDOW_CLOSED = "BoundaryEvent_CollectionWindowClosed";

    public static final String VAR_CAMPAIGN_ID = "campaignId";
    public static final String VAR_PLAN_DECISION = "planDecision";
    public static final String VAR_PLAN_COMMENT = "planComment";
    public static final String VAR_RECIPIENTS = "recipients";
    public static final String VAR_GOODS = "goods";

    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";

    private DonationCampaignProcess() {
    }
}
