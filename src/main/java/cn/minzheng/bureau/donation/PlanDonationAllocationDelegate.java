package cn.minzheng.bureau.donation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.donation.DonationRepository.Collected;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * 制定分配方案 at the end of the window: checks that cash, goods and receipts reconcile (one receipt
 * per donation, numbered without gaps), then plans the townships' shares ({@link DonationPlan}).
 */
@Component("planDonationAllocation")
public class PlanDonationAllocationDelegate implements JavaDelegate {

    private final DonationRepository donations;
    private final NeedyHouseholds needy;
    private final RegionRepository regions;

    public PlanDonationAllocationDelegate(DonationRepository donations, NeedyHouseholds needy, RegionRepository regions) {
        this.donations = donations;
        this.needy = needy;
        this.regions = regions;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long campaignId = DonationActions.campaignId(execution);
        Collected collected = donations.collected(campaignId);
        if (collected.receipts() != collected.lastReceiptSeq()) {
            throw new RuleViolation("RECEIPTS_DO_NOT_RECONCILE", "捐赠收据编号不连续（" + collected.receipts() + "张收据，最大编号"
                    + collected.lastReceiptSeq() + "），请核对后再分配");
        }
        Map<String, Long> weights = needy.perTownship(LocalDate.now());
        List<DonationPlan.Share> plan = DonationPlan.plan(collected.cash(), collected.goods(), weights);
        donations.replacePlan(campaignId, plan);
        donations.changeStatus(campaignId, "PLANNED");
        execution.setVariable("collectedSummary", DonationActions.describe(collected));
        execution.setVariable("planSummary", DonationActions.describePlan(donations.plan(campaignId), regions));
    }
}
