package cn.minzheng.bureau.donation;

import static cn.minzheng.bureau.donation.DonationCampaignProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.donation.DonationRepository.Campaign;
import cn.minzheng.bureau.donation.DonationRepository.Collected;

/**
 * What donation-campaign.bpmn calls (${donationCampaignSteps.…}): each step reads the variables, calls
 * {@link DonationCampaignService} and sets what the process and its forms need. A task's complete listener that
 * refuses leaves the task open and nothing stored.
 */
@Component
public class DonationCampaignSteps {

    private final DonationCampaignService service;

    public DonationCampaignSteps(DonationCampaignService service) {
        this.service = service;
    }

    /** 发布活动通知 (service task). */
    public void launchCampaign(DelegateExecution execution) {
        TaskInput input = new TaskInput(execution);
        String title = input.text(CAMPAIGN_TITLE.name(), "活动名称", 100);
        String notice = input.text(NOTICE.name(), "活动通知", 2000);
        String initiator = INITIATOR.get(execution);
        Campaign campaign = service.launch(title, notice, WINDOW_START.get(execution), WINDOW_END.get(execution),
                DISTRIBUTION_DATE.get(execution), execution.getProcessInstanceId(),
                initiator == null ? "system" : initiator);
        List.of(NOTICE, WINDOW_START, WINDOW_END, DISTRIBUTION_DATE).forEach(variable -> variable.remove(execution));
        CAMPAIGN_ID.set(execution, campaign.id());
        CAMPAIGN_NUMBER.set(execution, campaign.campaignNumber());
        WINDOW_TEXT.set(execution, campaign.windowStart() + " 至 " + campaign.windowEnd() + "，"
                + campaign.distributionDate() + " 发放");
        WINDOW_CLOSES_AT.set(execution, DonationCampaignService.windowClosesAt(campaign));
        COLLECTED_SUMMARY.set(execution, "尚未收到捐赠");
        LAST_RECEIPT_NUMBER.set(execution, "尚未开具收据");
        execution.setProcessBusinessKey(campaign.campaignNumber());
    }

    /** 登记捐赠: one donation with its receipt number. */
    public void registerDonation(DelegateTask task) {
        long campaignId = campaignId(task);
        String donor = new TaskInput(task).text(DONOR_NAME.name(), "捐赠单位或个人", 100);
        String receipt = service.registerDonation(campaignId, DONOR_TYPE.get(task), donor, CASH.get(task), GOODS.get(task),
                Actor.of(task));
        LAST_RECEIPT_NUMBER.set(task, receipt + "（" + donor + "）");
        LAST_RECEIPT.set(task, receipt);
        COLLECTED_SUMMARY.set(task, service.collectedSummary(campaignId));
        List.of(DONOR_TYPE, DONOR_NAME, CASH, GOODS).forEach(variable -> variable.remove(task));
    }

    /** 制定分配方案 (service task, at the end of the window). */
    public void planAllocation(DelegateExecution execution) {
        long campaignId = campaignId(execution);
        Collected collected = service.plan(campaignId);
        COLLECTED_SUMMARY.set(execution, DonationCampaignService.describe(collected));
        PLAN_SUMMARY.set(execution, service.describePlan(campaignId));
    }

    public void approvePlan(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(PLAN_DECISION.name(), "审批决定", List.of(APPROVE, REJECT));
        if (REJECT.equals(decision)) {
            input.text(PLAN_COMMENT.name(), "退回理由", 1000);
        } else {
            service.approvePlan(campaignId(task));
        }
    }

    /** The collection of the distribution tasks: townships that received cash or goods. */
    public List<String> townshipsToDistribute(DelegateExecution execution) {
        return service.townshipsToDistribute(campaignId(execution));
    }

    /** Shows a distribution task its township's share. */
    public void openDistribution(DelegateExecution execution) {
        String township = TOWNSHIP_CODE.get(execution);
        execution.setVariableLocal(TOWNSHIP_NAME.name(), service.name(township));
        execution.setVariableLocal(TOWNSHIP_SHARE.name(), service.shareText(campaignId(execution), township));
    }

    /** 发放登记: the township's register against its share. */
    public void distribute(DelegateTask task) {
        service.distribute(campaignId(task), TOWNSHIP_CODE.get(task), RECIPIENTS.get(task), Actor.of(task));
        RECIPIENTS.remove(task);
    }

    /** 公示. */
    public void publishSummary(DelegateExecution execution) {
        PUBLIC_SUMMARY.set(execution, service.publishSummary(campaignId(execution)));
    }

    private static long campaignId(VariableScope scope) {
        return CAMPAIGN_ID.require(scope);
    }
}
