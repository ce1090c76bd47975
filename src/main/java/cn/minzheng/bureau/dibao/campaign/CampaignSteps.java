package cn.minzheng.bureau.dibao.campaign;

import static cn.minzheng.bureau.dibao.campaign.CampaignProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TaskInput;

/** The steps of dibao-survey-campaign.bpmn, called as ${campaignSteps.…}; the rules are {@link CampaignService}'s. */
@Component
public class CampaignSteps {

    private final CampaignService campaigns;

    public CampaignSteps(CampaignService campaigns) {
        this.campaigns = campaigns;
    }

    /** 分组. */
    public void split(DelegateExecution execution) {
        campaigns.split(CAMPAIGN_ID.require(execution), TEAM_COUNT.require(execution));
    }

    /** The assignee of a team's task: ${campaignSteps.leaderOf(campaignId, loopCounter)}. */
    public String leaderOf(Object campaignId, Object teamNo) {
        return campaigns.leaderOf(((Number) campaignId).longValue(), ((Number) teamNo).intValue());
    }

    /** The team's task is created: its number and share on the form (its clearInputs property removed old answers). */
    public void showShare(DelegateTask task) {
        int team = TEAM_NO.require(task);
        task.setVariableLocal(TEAM_LABEL.name(), CampaignService.teamLabel(team));
        task.setVariableLocal(TEAM_SHARE.name(), campaigns.shareText(CAMPAIGN_ID.require(task), team));
    }

    /** 组长签发: the leader confirms and submits the team's results. */
    public void signOff(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        if (!input.flag(SIGNED_OFF.name())) {
            throw new RuleViolation("NOT_SIGNED_OFF", "请组长确认签发本组调查结果（勾选“组长签发”）");
        }
        String text = input.text(TEAM_RESULTS.name(), "本组调查结果", 500_000);
        campaigns.signOff(CAMPAIGN_ID.require(task), TEAM_NO.require(task), text, Actor.of(task));
    }

    /** 结果反馈. */
    public void feed(DelegateExecution execution) {
        campaigns.feed(CAMPAIGN_ID.require(execution), execution.getProcessInstanceId());
    }
}
