package cn.minzheng.bureau.donation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.StaffNames;
import cn.minzheng.bureau.common.ChineseCapitals;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.documents.Document;

/**
 * 捐赠收据 of one donation, from the stored donation, its goods and its campaign (never from the register form's
 * variables): receipt number, donor, date, cash in figures and in capitals, goods, the campaign.
 */
@Component
public class DonationReceipts {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

    private final JdbcClient jdbc;
    private final StaffNames staffNames;

    public DonationReceipts(JdbcClient jdbc, StaffNames staffNames) {
        this.jdbc = jdbc;
        this.staffNames = staffNames;
    }

    private record Stored(long id, String receiptNumber, DonorType donorType, String donorName, BigDecimal cash,
                          String registeredBy, LocalDateTime registeredAt, String campaignNumber, String campaignTitle) {
    }

    public Document receipt(String receiptNumber) {
        Stored donation = jdbc.sql("""
                select d.id, d.receipt_number, d.donor_type, d.donor_name, d.cash, d.registered_by, d.registered_at,
                       c.campaign_number, c.title
                from donation d join donation_campaign c on c.id = d.campaign_id where d.receipt_number = ?""")
                .param(receiptNumber)
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getString(2), DonorType.valueOf(rs.getString(3)),
                        rs.getString(4), rs.getBigDecimal(5), rs.getString(6), rs.getTimestamp(7).toLocalDateTime(),
                        rs.getString(8), rs.getString(9)))
                .optional().orElseThrow(() -> RuleViolation.notFound("捐赠收据" + receiptNumber));
        List<String> goods = jdbc.sql("select goods_kind, quantity from donation_goods where donation_id = ? order by goods_kind")
                .param(donation.id())
                .query((rs, n) -> {
                    GoodsKind kind = GoodsKind.valueOf(rs.getString(1));
                    return kind.label() + rs.getLong(2) + kind.unit();
                }).list();
        BigDecimal cash = donation.cash().setScale(2, RoundingMode.HALF_UP);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("issuer", "区民政局");
        model.put("receiptNumber", donation.receiptNumber());
        model.put("donor", donation.donorName());
        model.put("donorType", donation.donorType().label());
        model.put("cash", cash.toPlainString());
        model.put("cashCapitals", ChineseCapitals.of(cash));
        model.put("goods", goods.isEmpty() ? "无" : String.join("、", goods));
        model.put("campaign", donation.campaignTitle() + "（" + donation.campaignNumber() + "）");
        model.put("registeredBy", staffNames.of(donation.registeredBy()));
        model.put("date", DAY.format(donation.registeredAt()));
        return new Document("donation/receipt", model, "公益事业捐赠收据", "donation-receipt:" + donation.receiptNumber(),
                donation.registeredAt());
    }
}
