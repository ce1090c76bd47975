package cn.minzheng.bureau.donation;

import static cn.minzheng.bureau.donation.DonationCampaignProcess.VAR_CAMPAIGN_ID;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.donation.DonationRepository.Allocation;
import cn.minzheng.bureau.donation.DonationRepository.Collected;
import cn.minzheng.bureau.donation.DonationRepository.Distributed;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/** Steps of donation-campaign.bpmn that are expressions: ${donationActions.…}. */
@Component("donationActions")
public class DonationActions {

    private final DonationRepository donations;
    private final RegionRepository regions;

    public DonationActions(DonationRepository donations, RegionRepository regions) {
        this.donations = donations;
        this.regions = regions;
    }

    /** The collection of the distribution tasks: townships that received cash or goods. */
    public List<String> townshipsToDistribute(DelegateExecution execution) {
        return donations.plan(campaignId(execution)).stream()
                .filter(a -> a.cash().signum() > 0 || a.goods().values().stream().anyMatch(q -> q > 0))
                .map(Allocation::townshipCode).toList();
    }

    /** Shows a distribution task its township's share. */
    public void openDistribution(DelegateExecution execution) {
        String township = (String) execution.getVariable("townshipCode");
        Allocation share = donations.plan(campaignId(execution)).stream()
                .filter(a -> a.townshipCode().equals(township)).findFirst().orElseThrow();
        execution.setVariableLocal("townshipName", name(township));
        execution.setVariableLocal("townshipShare", "现金" + Money.format(share.cash()) + "元，" + goods(share.goods()));
    }

    /** 公示: what was collected and what each township distributed to how many households. */
    public void publishSummary(DelegateExecution execution) {
        long campaignId = campaignId(execution);
        StringBuilder summary = new StringBuilder("共收到").append(describe(donations.collected(campaignId))).append("。发放：");
        BigDecimal cash = Money.ZERO;
        for (Allocation allocation : donations.plan(campaignId)) {
            Distributed d = donations.distributed(campaignId, allocation.townshipCode());
            cash = cash.add(d.cash());
            summary.append(name(d.townshipCode())).append(d.households()).append("户，现金")
                    .append(Money.format(d.cash())).append("元，").append(goods(d.goods())).append("；");
        }
        summary.append("合计发放现金").append(Money.format(cash)).append("元。");
        donations.publishSummary(campaignId, summary.toString());
        execution.setVariable("publicSummary", summary.toString());
    }

    static String describe(Collected collected) {
        return collected.receipts() + "笔捐赠（收据" + collected.receipts() + "张），现金" + Money.format(collected.cash())
                + "元，" + goods(collected.goods());
    }

    /** The plan as the head of relief reads it: each township by its name. */
    static String describePlan(List<Allocation> plan, RegionRepository regions) {
        StringBuilder text = new StringBuilder();
        for (Allocation a : plan) {
            text.append(regions.find(a.townshipCode()).map(Region::name).orElse(a.townshipCode()))
                    .append("（困难家庭").append(a.needyHouseholds()).append("户）：现金")
                    .append(Money.format(a.cash())).append("元，").append(goods(a.goods())).append("\n");
        }
        return text.toString().trim();
    }

    static String goods(Map<GoodsKind, Long> goods) {
        StringBuilder text = new StringBuilder();
        for (GoodsKind kind : GoodsKind.values()) {
            long quantity = goods.getOrDefault(kind, 0L);
            if (quantity > 0) {
                text.append(kind.label()).append(quantity).append(kind.unit()).append("、");
            }
        }
        return text.isEmpty() ? "无物资" : text.substring(0, text.length() - 1);
    }

    private String name(String township) {
        return regions.find(township).map(Region::name).orElse(township);
    }

    static long campaignId(VariableScope scope) {
        return ((Number) scope.getVariable(VAR_CAMPAIGN_ID)).longValue();
    }
}
