package cn.minzheng.bureau.donation;

import static cn.minzheng.bureau.donation.DonationCampaignProcess.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.JsonRows;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.Quantities;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.donation.DonationRepository.Allocation;
import cn.minzheng.bureau.donation.DonationRepository.Campaign;
import cn.minzheng.bureau.donation.DonationRepository.Recipient;
import cn.minzheng.bureau.household.Labelled;
import cn.minzheng.bureau.household.ResidentIdNumber;

/** What the user tasks of donation-campaign.bpmn submit, checked before anything is stored (${donationTasks.…}). */
@Component("donationTasks")
public class DonationTaskListeners {

    /** Form keys of the goods columns of a distribution register row. */
    static final Map<String, GoodsKind> GOODS_FIELDS = Map.of("coats", GoodsKind.COTTON_COAT, "quilts", GoodsKind.QUILT,
            "shoes", GoodsKind.COTTON_SHOES, "rice", GoodsKind.RICE);

    private final DonationRepository donations;

    public DonationTaskListeners(DonationRepository donations) {
        this.donations = donations;
    }

    /** 登记捐赠: one donation with its receipt number; cash, goods or both. */
    public void registerDonation(DelegateTask task) {
        long campaignId = DonationActions.campaignId(task);
        Campaign campaign = donations.campaign(campaignId);
        if (LocalDate.now().isBefore(campaign.windowStart())) {
            throw new RuleViolation("OUTSIDE_WINDOW", "捐赠期自" + campaign.windowStart() + "开始，尚不能登记捐赠");
        }
        TaskInput input = new TaskInput(task);
        DonorType donorType = Labelled.parse(DonorType.class, task.getVariable("donorType"), "捐赠方类型");
        String donor = input.text("donorName", "捐赠单位或个人", 100);
        BigDecimal cash = Money.parse(task.getVariable("cash"), "捐赠现金（元）");
        Map<GoodsKind, Long> goods = new EnumMap<>(GoodsKind.class);
        for (Map<String, Object> row : JsonRows.of(task.getVariable(VAR_GOODS), "捐赠物资")) {
            GoodsKind kind = Labelled.parse(GoodsKind.class, row.get("goodsKind"), "物资种类");
            long quantity = Quantities.whole(row.get("quantity"), kind.label() + "数量", 1, 1_000_000);
            if (goods.put(kind, quantity) != null) {
                throw new RuleViolation("DUPLICATE_GOODS", kind.label() + "填写了多行，请合并为一行");
            }
        }
        if (cash.signum() == 0 && goods.isEmpty()) {
            throw new RuleViolation("EMPTY_DONATION", "请填写捐赠现金或物资");
        }
        String receipt = donations.insertDonation(campaignId, donorType, donor, cash, goods, Actor.of(task));
        task.setVariable("lastReceiptNumber", receipt + "（" + donor + "）");
        task.setVariable("collectedSummary", DonationActions.describe(donations.collected(campaignId)));
        for (String name : List.of("donorType", "donorName", "cash", VAR_GOODS)) {
            task.removeVariable(name);
        }
    }

    public void approvePlan(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(VAR_PLAN_DECISION, "审批决定", List.of(APPROVE, REJECT));
        if (REJECT.equals(decision)) {
            input.text(VAR_PLAN_COMMENT, "退回理由", 1000);
        } else {
            donations.changeStatus(DonationActions.campaignId(task), "DISTRIBUTING");
        }
    }

    /**
     * 发放登记: one row per household, each signed for, nobody twice; the register must hand out
     * exactly the township's share — no more (more than was allocated is refused) and no less.
     */
    public void distribute(DelegateTask task) {
        long campaignId = DonationActions.campaignId(task);
        String township = (String) task.getVariable("townshipCode");
        Allocation share = donations.plan(campaignId).stream().filter(a -> a.townshipCode().equals(township))
                .findFirst().orElseThrow(() -> new RuleViolation("NO_SHARE", "本乡镇（街道）没有分配到捐赠款物"));
        List<Map<String, Object>> rows = JsonRows.of(task.getVariable(VAR_RECIPIENTS), "发放登记表");
        if (rows.isEmpty()) {
            throw new RuleViolation("EMPTY_REGISTER", "请逐户填写发放登记表");
        }
        List<Recipient> recipients = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        BigDecimal cash = Money.ZERO;
        Map<GoodsKind, Long> goods = new EnumMap<>(GoodsKind.class);
        for (int i = 0; i < rows.size(); i++) {
            Recipient recipient = recipient(rows.get(i), "第" + (i + 1) + "户：");
            if (!seen.add(recipient.idNumber()) || donations.distributedTo(campaignId, recipient.idNumber())) {
                throw new RuleViolation("DUPLICATE_PERSON", "第" + (i + 1) + "户：" + recipient.name()
                        + "已在本次活动的发放登记中，同一人不能重复领取", 409);
            }
            cash = cash.add(recipient.cash());
            recipient.goods().forEach((kind, q) -> goods.merge(kind, q, Long::sum));
            recipients.add(recipient);
        }
        checkAgainstShare("现金", cash, share.cash(), "元");
        for (GoodsKind kind : GoodsKind.values()) {
            checkAgainstShare(kind.label(), BigDecimal.valueOf(goods.getOrDefault(kind, 0L)),
                    BigDecimal.valueOf(share.goods().getOrDefault(kind, 0L)), kind.unit());
        }
        String actor = Actor.of(task);
        recipients.forEach(r -> donations.insertDistribution(campaignId, township, r, actor));
        task.removeVariable(VAR_RECIPIENTS);
    }

    private static void checkAgainstShare(String what, BigDecimal registered, BigDecimal allocated, String unit) {
        int compared = registered.compareTo(allocated);
        if (compared > 0) {
            throw new RuleViolation("EXCEEDS_ALLOCATION", "发放的" + what + "合计" + registered.toPlainString() + unit
                    + "，超过本乡镇（街道）分配的" + allocated.toPlainString() + unit);
        }
        if (compared < 0) {
            throw new RuleViolation("NOT_FULLY_DISTRIBUTED", "发放的" + what + "合计" + registered.toPlainString() + unit
                    + "，少于本乡镇（街道）分配的" + allocated.toPlainString() + unit + "，请全部登记发放");
        }
    }

    private static Recipient recipient(Map<String, Object> row, String at) {
        try {
            String name = JsonRows.text(row, "recipientName");
            if (name == null || name.length() > 30) {
                throw new RuleViolation("MISSING_FIELD", "领取人姓名不能为空，且不超过30个字");
            }
            String address = JsonRows.text(row, "address");
            if (address == null || address.length() > 200) {
                throw new RuleViolation("MISSING_FIELD", "住址不能为空，且不超过200个字");
            }
            String idNumber = ResidentIdNumber.parse(JsonRows.text(row, "idNumber")).value();
            BigDecimal cash = Money.parse(row.get("cash"), "现金（元）");
            Map<GoodsKind, Long> goods = new EnumMap<>(GoodsKind.class);
            for (Map.Entry<String, GoodsKind> field : GOODS_FIELDS.entrySet()) {
                long quantity = Quantities.whole(row.get(field.getKey()), field.getValue().label() + "数量", 0, 10_000);
                if (quantity > 0) {
                    goods.put(field.getValue(), quantity);
                }
            }
            if (cash.signum() == 0 && goods.isEmpty()) {
                throw new RuleViolation("EMPTY_ROW", name + "没有领取任何现金或物资");
            }
            if (!JsonRows.flag(row, "signatureConfirmed")) {
                throw new RuleViolation("NOT_SIGNED", name + "尚未签字确认领取");
            }
            return new Recipient(name, address, idNumber, cash, goods);
        } catch (RuleViolation e) {
            throw new RuleViolation(e.getErrorCode(), at + e.getMessage(), e.getHttpStatus());
        }
    }
}
