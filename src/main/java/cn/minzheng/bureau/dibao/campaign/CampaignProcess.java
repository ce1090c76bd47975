package cn.minzheng.bureau.dibao.campaign;

import java.util.Date;
import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by dibao-survey-campaign.bpmn, its form and the Java code. */
public final class CampaignProcess {

    public static final String KEY = "dibao-survey-campaign";
    public static final String MESSAGE_START = "dibao-survey-campaign-start";

    public static final String TASK_SPLIT = "Task_SplitWork";
    public static final String TASK_TEAM_SURVEY = "Task_TeamSurveyAndSignOff";
    public static final String TASK_FEED = "Task_FeedCaseReviews";
    public static final String END_CLOSED = "EndEvent_CampaignClosed";

    // set at the start
    public static final ProcessVariable<Long> CAMPAIGN_ID = ProcessVariable.fact("campaignId", Long.class);
    public static final ProcessVariable<Integer> TEAM_COUNT = ProcessVariable.fact("teamCount", Integer.class);
    public static final ProcessVariable<Date> DEADLINE = ProcessVariable.fact("deadline", Date.class);
    public static final ProcessVariable<String> CAMPAIGN_NAME = ProcessVariable.fact("campaignName", String.class);
    /** The team of a task of the multi-instance: the engine's counter, 0 for the first team. */
    public static final ProcessVariable<Integer> TEAM_NO = ProcessVariable.fact("loopCounter", Integer.class);
    // the team's task: what its form shows (task-local) and what the leader submits
    public static final ProcessVariable<String> TEAM_LABEL = ProcessVariable.fact("teamLabel", String.class);
    public static final ProcessVariable<String> TEAM_SHARE = ProcessVariable.fact("teamShare", String.class);
    public static final ProcessVariable<String> TEAM_RESULTS = ProcessVariable.fact("teamResults", String.class);
    public static final ProcessVariable<Boolean> SIGNED_OFF = ProcessVariable.fact("signedOff", Boolean.class);

    static final List<ProcessVariable<?>> VARIABLES = List.of(CAMPAIGN_ID, TEAM_COUNT, DEADLINE, CAMPAIGN_NAME,
            TEAM_NO, TEAM_LABEL, TEAM_SHARE, TEAM_RESULTS, SIGNED_OFF);

    public static final String VAR_CAMPAIGN_ID = CAMPAIGN_ID.name();
    public static final String VAR_TEAM_COUNT = TEAM_COUNT.name();
    public static final String VAR_TEAM_RESULTS = TEAM_RESULTS.name();
    public static final String VAR_SIGNED_OFF = SIGNED_OFF.name();

    private CampaignProcess() {
    }
}
