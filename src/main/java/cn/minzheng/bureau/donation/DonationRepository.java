package cn.minzheng.bureau.donation;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.Year;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.EngineClock;

/** Campaigns, donations with their receipts, the plan per township and the distribution registers. */
@Repository
public class DonationRepository {

    private final JdbcClient jdbc;

    public DonationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Campaign(long id, String campaignNumber, String title, LocalDate windowStart, LocalDate windowEnd,
                           LocalDate distributionDate, String status, String publicSummary) {
    }

    public Campaign insertCampaign(String title, String notice, LocalDate windowStart, LocalDate windowEnd,
                                   LocalDate distributionDate, String processInstanceId, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into donation_campaign (campaign_number, title, notice, window_start, window_end, distribution_date,
                    status, process_instance_id, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params("PENDING-" + UUID.randomUUID().toString().substring(0, 20), title, notice, windowStart, windowEnd,
                        distributionDate, CampaignStatus.COLLECTING.name(), processInstanceId, actor, Timestamp.from(EngineClock.instant()))
                .update(key, "id");
        long id = key.getKey().longValue();
        jdbc.sql("update donation_campaign set campaign_number = ? where id = ?")
                .params("SNW" + Year.from(EngineClock.today()) + "-" + String.format("%03d", id), id).update();
        return campaign(id);
    }

    public Campaign campaign(long id) {
        return jdbc.sql("""
                select id, campaign_number, title, window_start, window_end, distribution_date, status, public_summary
                from donation_campaign where id = ?""").param(id).query(RecordRows.of(Campaign.class)).optional()
                .orElseThrow(() -> RuleViolation.notFound("捐赠活动" + id));
    }

    public void changeStatus(long id, CampaignStatus status) {
        jdbc.sql("update donation_campaign set status = ? where id = ?").params(status.name(), id).update();
    }

    /** 公示: the campaign is completed with its public summary. */
    public void publishSummary(long id, String summary) {
        jdbc.sql("update donation_campaign set status = ?, public_summary = ? where id = ?")
                .params(CampaignStatus.COMPLETED.name(), summary, id).update();
    }

    /** Stores a donation with the next receipt number of the campaign (收据编号); returns the receipt number. */
    public String insertDonation(long campaignId, DonorType donorType, String donorName, BigDecimal cash,
                                 Map<GoodsKind, Long> goods, String actor) {
        Campaign campaign = campaign(campaignId);
        int seq = jdbc.sql("select coalesce(max(receipt_seq), 0) + 1 from donation where campaign_id = ?")
                .param(campaignId).query(Integer.class).single();
        String receipt = campaign.campaignNumber() + "-" + String.format("%04d", seq);
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into donation (campaign_id, receipt_seq, receipt_number, donor_type, donor_name, cash, registered_by,
                    registered_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(campaignId, seq, receipt, donorType.name(), donorName, cash, actor, Timestamp.from(EngineClock.instant()))
                .update(key, "id");
        long donationId = key.getKey().longValue();
        goods.forEach((kind, quantity) -> jdbc.sql("insert into donation_goods (donation_id, goods_kind, quantity) values (?, ?, ?)")
                .params(donationId, kind.name(), quantity).update());
        return receipt;
    }

    /** What was collected: cash, goods per kind, and the receipts issued. */
    public record Collected(BigDecimal cash, Map<GoodsKind, Long> goods, int receipts, int lastReceiptSeq) {
    }

    public Collected collected(long campaignId) {
        BigDecimal cash = jdbc.sql("select coalesce(sum(cash), 0) from donation where campaign_id = ?")
                .param(campaignId).query(BigDecimal.class).single();
        int receipts = jdbc.sql("select count(*) from donation where campaign_id = ?").param(campaignId).query(Integer.class).single();
        int last = jdbc.sql("select coalesce(max(receipt_seq), 0) from donation where campaign_id = ?")
                .param(campaignId).query(Integer.class).single();
        Map<GoodsKind, Long> goods = new EnumMap<>(GoodsKind.class);
        jdbc.sql("""
                select g.goods_kind, sum(g.quantity) from donation_goods g join donation d on d.id = g.donation_id
                where d.campaign_id = ? group by g.goods_kind""")
                .param(campaignId).query((rs, n) -> goods.put(GoodsKind.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return new Collected(Money.of(cash), goods, receipts, last);
    }

    public void replacePlan(long campaignId, List<DonationPlan.Share> plan) {
        jdbc.sql("delete from donation_allocation_goods where campaign_id = ?").param(campaignId).update();
        jdbc.sql("delete from donation_allocation where campaign_id = ?").param(campaignId).update();
        for (DonationPlan.Share share : plan) {
            jdbc.sql("insert into donation_allocation (campaign_id, township_code, needy_households, cash) values (?, ?, ?, ?)")
                    .params(campaignId, share.townshipCode(), share.needyHouseholds(), share.cash()).update();
            share.goods().forEach((kind, quantity) -> jdbc.sql("""
                    insert into donation_allocation_goods (campaign_id, township_code, goods_kind, quantity) values (?, ?, ?, ?)""")
                    .params(campaignId, share.townshipCode(), kind.name(), quantity).update());
        }
    }

    /** A township's allocation: cash and pieces per kind (kinds with 0 pieces included). */
    public record Allocation(String townshipCode, long needyHouseholds, BigDecimal cash, Map<GoodsKind, Long> goods) {
    }

    public List<Allocation> plan(long campaignId) {
        Map<String, Allocation> plan = new LinkedHashMap<>();
        jdbc.sql("select township_code, needy_households, cash from donation_allocation where campaign_id = ? order by township_code")
                .param(campaignId)
                .query((rs, n) -> plan.put(rs.getString(1), new Allocation(rs.getString(1), rs.getLong(2),
                        Money.of(rs.getBigDecimal(3)), new EnumMap<>(GoodsKind.class))))
                .list();
        jdbc.sql("select township_code, goods_kind, quantity from donation_allocation_goods where campaign_id = ?")
                .param(campaignId)
                .query((rs, n) -> plan.get(rs.getString(1)).goods().put(GoodsKind.valueOf(rs.getString(2)), rs.getLong(3)))
                .list();
        return List.copyOf(plan.values());
    }

    public record Recipient(String name, String address, String idNumber, BigDecimal cash, Map<GoodsKind, Long> goods) {
    }

    public void insertDistribution(long campaignId, String townshipCode, Recipient recipient, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into donation_distribution (campaign_id, township_code, recipient_name, address, id_number, cash,
                    signature_confirmed, distributed_by, distributed_at) values (?, ?, ?, ?, ?, ?, true, ?, ?)""")
                .params(campaignId, townshipCode, recipient.name(), recipient.address(), recipient.idNumber(),
                        recipient.cash(), actor, Timestamp.from(EngineClock.instant()))
                .update(key, "id");
        long id = key.getKey().longValue();
        recipient.goods().forEach((kind, quantity) -> jdbc.sql(
                        "insert into donation_distribution_goods (distribution_id, goods_kind, quantity) values (?, ?, ?)")
                .params(id, kind.name(), quantity).update());
    }

    public boolean distributedTo(long campaignId, String idNumber) {
        return jdbc.sql("select count(*) from donation_distribution where campaign_id = ? and id_number = ?")
                .params(campaignId, idNumber).query(Long.class).single() > 0;
    }

    /** Distributed per township: households, cash and pieces per kind. */
    public record Distributed(String townshipCode, long households, BigDecimal cash, Map<GoodsKind, Long> goods) {
    }

    public Distributed distributed(long campaignId, String townshipCode) {
        long households = jdbc.sql("select count(*) from donation_distribution where campaign_id = ? and township_code = ?")
                .params(campaignId, townshipCode).query(Long.class).single();
        BigDecimal cash = jdbc.sql("select coalesce(sum(cash), 0) from donation_distribution where campaign_id = ? and township_code = ?")
                .params(campaignId, townshipCode).query(BigDecimal.class).single();
        Map<GoodsKind, Long> goods = new EnumMap<>(GoodsKind.class);
        jdbc.sql("""
                select g.goods_kind, sum(g.quantity) from donation_distribution_goods g
                join donation_distribution d on d.id = g.distribution_id
                where d.campaign_id = ? and d.township_code = ? group by g.goods_kind""")
                .params(campaignId, townshipCode)
                .query((rs, n) -> goods.put(GoodsKind.valueOf(rs.getString(1)), rs.getLong(2))).list();
        return new Distributed(townshipCode, households, Money.of(cash), goods);
    }
}
