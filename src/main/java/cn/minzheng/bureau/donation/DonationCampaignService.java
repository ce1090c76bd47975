package cn.minzheng.bureau.donation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;

import cn.minzheng.bureau.common.ExactShare;
import cn.minzheng.bureau.common.JsonRows;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.Quantities;
import cn.minzheng.bureau.common.FormDate;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.donation.DonationRepository.Allocation;
import cn.minzheng.bureau.donation.DonationRepository.Campaign;
import cn.minzheng.bureau.donation.DonationRepository.Collected;
import cn.minzheng.bureau.donation.DonationRepository.Distributed;
import cn.minzheng.bureau.donation.DonationRepository.Recipient;
import cn.minzheng.bureau.household.Labelled;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;
import cn.minzheng.bureau.engine.EngineClock;

/**
 * The rules of donation-campaign.bpmn: the campaign's dates, a donation with its receipt, the plan at the end of the
 * window (receipts must reconcile), the distribution register against the township's share, the public summary.
 * {@link DonationCampaignSteps} reads the variables and calls these.
 */
@Service
public class DonationCampaignService {

    /** Form keys of the goods columns of a distribution register row. */
    static final Map<String, GoodsKind> GOODS_FIELDS = Map.of("coats", GoodsKind.COTTON_COAT, "quilts", GoodsKind.QUILT,
            "shoes", GoodsKind.COTTON_SHOES, "rice", GoodsKind.RICE);

    private final DonationRepository donations;
    private final NeedyHouseholds needy;
    private final RegionRepository regions;

    public DonationCampaignService(DonationRepository donations, NeedyHouseholds needy, RegionRepository regions) {
        this.donations = donations;
        this.needy = needy;
        this.regions = regions;
    }

    /** 发布活动通知: the notice, the collection window and the distribution date, checked and stored. */
    public Campaign launch(String title, String notice, Object windowStart, Object windowEnd, Object distributionDate,
                           String processInstanceId, String initiator) {
        LocalDate start = date(windowStart, "捐赠开始日期");
        LocalDate end = date(windowEnd, "捐赠截止日期");
        LocalDate distribution = date(distributionDate, "发放日期");
        if (end.isBefore(start)) {
            throw new RuleViolation("INVALID_DATE", "捐赠截止日期不能早于开始日期");
        }
        if (end.isBefore(EngineClock.today())) {
            throw new RuleViolation("INVALID_DATE", "捐赠截止日期已过，请重新确定捐赠期");
        }
        if (distribution.isBefore(end)) {
            throw new RuleViolation("INVALID_DATE", "发放日期不能早于捐赠截止日期");
        }
        return donations.insertCampaign(title, notice, start, end, distribution, processInstanceId, initiator);
    }

    /** The moment the window closes: the end of its last day. */
    public static Date windowClosesAt(Campaign campaign) {
        return Date.from(campaign.windowEnd().plusDays(1).atStartOfDay(ZoneId.systemDefault()).toInstant());
    }

    /** 登记捐赠: one donation with its receipt number; cash, goods or both. Returns the receipt number. */
    public String registerDonation(long campaignId, Object donorTypeCode, String donor, Object cashValue, Object goodsRows,
                                   String actor) {
        Campaign campaign = donations.campaign(campaignId);
        if (EngineClock.today().isBefore(campaign.windowStart())) {
            throw new RuleViolation("OUTSIDE_WINDOW", "捐赠期自" + campaign.windowStart() + "开始，尚不能登记捐赠");
        }
        DonorType donorType = Labelled.parse(DonorType.class, donorTypeCode, "捐赠方类型");
        BigDecimal cash = Money.parse(cashValue, "捐赠现金（元）");
        Map<GoodsKind, Long> goods = new EnumMap<>(GoodsKind.class);
        for (Map<String, Object> row : JsonRows.of(goodsRows, "捐赠物资")) {
            GoodsKind kind = Labelled.parse(GoodsKind.class, row.get("goodsKind"), "物资种类");
            long quantity = Quantities.whole(row.get("quantity"), kind.label() + "数量", 1, 1_000_000);
            if (goods.put(kind, quantity) != null) {
                throw new RuleViolation("DUPLICATE_GOODS", kind.label() + "填写了多行，请合并为一行");
            }
        }
        if (cash.signum() == 0 && goods.isEmpty()) {
            throw new RuleViolation("EMPTY_DONATION", "请填写捐赠现金或物资");
        }
        return donations.insertDonation(campaignId, donorType, donor, cash, goods, actor);
    }

    public String collectedSummary(long campaignId) {
        return describe(donations.collected(campaignId));
    }

    /**
     * 制定分配方案 at the end of the window: checks that cash, goods and receipts reconcile (one receipt per donation,
     * numbered without gaps), then plans the townships' shares ({@link DonationPlan}). Returns what was collected.
     */
    public Collected plan(long campaignId) {
        Collected collected = donations.collected(campaignId);
        if (collected.receipts() != collected.lastReceiptSeq()) {
            throw new RuleViolation("RECEIPTS_DO_NOT_RECONCILE", "捐赠收据编号不连续（" + collected.receipts() + "张收据，最大编号"
                    + collected.lastReceiptSeq() + "），请核对后再分配");
        }
        Map<String, Long> weights = needy.perTownship(EngineClock.today());
        donations.replacePlan(campaignId, DonationPlan.plan(collected.cash(), collected.goods(), weights));
        donations.changeStatus(campaignId, CampaignStatus.PLANNED);
        return collected;
    }

    /** The plan as the head of relief reads it: each township by its name. */
    public String describePlan(long campaignId) {
        StringBuilder text = new StringBuilder();
        for (Allocation a : donations.plan(campaignId)) {
            text.append(name(a.townshipCode())).append("（困难家庭").append(a.needyHouseholds()).append("户）：现金")
                    .append(Money.format(a.cash())).append("元，").append(goods(a.goods())).append("\n");
        }
        return text.toString().trim();
    }

    public void approvePlan(long campaignId) {
        donations.changeStatus(campaignId, CampaignStatus.DISTRIBUTING);
    }

    /** The townships that received cash or goods: each gets a distribution task. */
    public List<String> townshipsToDistribute(long campaignId) {
        return donations.plan(campaignId).stream()
                .filter(a -> a.cash().signum() > 0 || a.goods().values().stream().anyMatch(q -> q > 0))
                .map(Allocation::townshipCode).toList();
    }

    /** A township's share as its distribution task shows it. */
    public String shareText(long campaignId, String township) {
        Allocation share = donations.plan(campaignId).stream()
                .filter(a -> a.townshipCode().equals(township)).findFirst().orElseThrow();
        return "现金" + Money.format(share.cash()) + "元，" + goods(share.goods());
    }

    /**
     * 发放登记: one row per household, each signed for, nobody twice; the register must hand out exactly the
     * township's share — no more (more than was allocated is refused) and no less.
     */
    public void distribute(long campaignId, String township, Object registerRows, String actor) {
        Allocation share = donations.plan(campaignId).stream().filter(a -> a.townshipCode().equals(township))
                .findFirst().orElseThrow(() -> new RuleViolation("NO_SHARE", "本乡镇（街道）没有分配到捐赠款物"));
        List<Map<String, Object>> rows = JsonRows.of(registerRows, "发放登记表");
        if (rows.isEmpty()) {
            throw new RuleViolation("EMPTY_REGISTER", "请逐户填写发放登记表");
        }
        List<Recipient> recipients = recipients(campaignId, rows);
        BigDecimal cash = recipients.stream().map(Recipient::cash).reduce(Money.ZERO, BigDecimal::add);
        Map<GoodsKind, Long> goods = new EnumMap<>(GoodsKind.class);
        recipients.forEach(r -> r.goods().forEach((kind, q) -> goods.merge(kind, q, Long::sum)));
        ExactShare.check("现金", cash, share.cash(), "元");
        for (GoodsKind kind : GoodsKind.values()) {
            ExactShare.check(kind.label(), BigDecimal.valueOf(goods.getOrDefault(kind, 0L)),
                    BigDecimal.valueOf(share.goods().getOrDefault(kind, 0L)), kind.unit());
        }
        recipients.forEach(r -> donations.insertDistribution(campaignId, township, r, actor));
    }

    private List<Recipient> recipients(long campaignId, List<Map<String, Object>> rows) {
        List<Recipient> recipients = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Recipient recipient = recipient(rows.get(i), "第" + (i + 1) + "户：");
            if (!seen.add(recipient.idNumber()) || donations.distributedTo(campaignId, recipient.idNumber())) {
                throw new RuleViolation("DUPLICATE_PERSON", "第" + (i + 1) + "户：" + recipient.name()
                        + "已在本次活动的发放登记中，同一人不能重复领取", 409);
            }
            recipients.add(recipient);
        }
        return recipients;
    }

    /** 公示: what was collected and what each township distributed to how many households; completes the campaign. */
    public String publishSummary(long campaignId) {
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
        return summary.toString();
    }

    static String describe(Collected collected) {
        return collected.receipts() + "笔捐赠（收据" + collected.receipts() + "张），现金" + Money.format(collected.cash())
                + "元，" + goods(collected.goods());
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

    public String name(String township) {
        return regions.find(township).map(Region::name).orElse(township);
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

    private static LocalDate date(Object value, String label) {
        return FormDate.parse(value, label);
    }
}
