package cn.minzheng.bureau.donation;

import static cn.minzheng.bureau.donation.DonationCampaignProcess.VAR_CAMPAIGN_ID;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.donation.DonationRepository.Campaign;

/** 发布活动通知: the notice, the collection window and the distribution date, checked and stored. */
@Component("launchCampaign")
public class LaunchCampaignDelegate implements JavaDelegate {

    private final DonationRepository donations;

    public LaunchCampaignDelegate(DonationRepository donations) {
        this.donations = donations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TaskInput input = new TaskInput(execution);
        String title = input.text("campaignTitle", "活动名称", 100);
        String notice = input.text("notice", "活动通知", 2000);
        LocalDate start = date(execution.getVariable("windowStart"), "捐赠开始日期");
        LocalDate end = date(execution.getVariable("windowEnd"), "捐赠截止日期");
        LocalDate distribution = date(execution.getVariable("distributionDate"), "发放日期");
        if (end.isBefore(start)) {
            throw new RuleViolation("INVALID_DATE", "捐赠截止日期不能早于开始日期");
        }
        if (end.isBefore(LocalDate.now())) {
            throw new RuleViolation("INVALID_DATE", "捐赠截止日期已过，请重新确定捐赠期");
        }
        if (distribution.isBefore(end)) {
            throw new RuleViolation("INVALID_DATE", "发放日期不能早于捐赠截止日期");
        }
        Object initiator = execution.getVariable("initiator");
        Campaign campaign = donations.insertCampaign(title, notice, start, end, distribution,
                execution.getProcessInstanceId(), initiator == null ? "system" : initiator.toString());
        execution.removeVariables(List.of("notice", "windowStart", "windowEnd", "distributionDate"));
        execution.setVariable(VAR_CAMPAIGN_ID, campaign.id());
        execution.setVariable("campaignNumber", campaign.campaignNumber());
        execution.setVariable("windowText", start + " 至 " + end + "，" + distribution + " 发放");
        // the window closes at the end of its last day
        execution.setVariable("windowClosesAt", Date.from(end.plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant()));
        execution.setVariable("collectedSummary", "尚未收到捐赠");
        execution.setVariable("lastReceiptNumber", "尚未开具收据");
        execution.setProcessBusinessKey(campaign.campaignNumber());
    }

    private static LocalDate date(Object value, String label) {
        if (value instanceof Date date) {
            return date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
        }
        if (value == null || value.toString().isBlank()) {
            throw new RuleViolation("MISSING_FIELD", label + "不能为空");
        }
        String text = value.toString().trim();
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new RuleViolation("INVALID_DATE", label + "格式不正确，应为“2026-10-08”");
        }
    }
}
