package cn.minzheng.bureau.dibao.campaign;

/** Names shared by dibao-survey-campaign.bpmn, its form and the Java code. */
public final class CampaignProcess {

    public static final String KEY = "dibao-survey-campaign";
    public static final String MESSAGE_START = "dibao-survey-campaign-start";

    public static final String TASK_SPLIT = "Task_SplitWork";
    public static final String TASK_TEAM_SURVEY = "Task_TeamSurveyAndSignOff";
    public static final String TASK_FEED = "Task_FeedCaseReviews";
    public static final String END_CLOSED = "EndEvent_CampaignClosed";

    public static final String VAR_CAMPAIGN_ID = "campaignId";
    public static final String VAR_TEAM_COUNT = "teamCount";
    public static final String VAR_TEAM_RESULTS = "teamResults";
    public static final String VAR_SIGNED_OFF = "signedOff";

    private CampaignProcess() {
    }
}
