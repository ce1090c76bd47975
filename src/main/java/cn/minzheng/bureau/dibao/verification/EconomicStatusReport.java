package cn.minzheng.bureau.dibao.verification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.minzheng.bureau.common.Money;

/**
 * The answer of an economic-status check: every record found, and the totals the asset rule reads. Financial
 * assets are deposits and wealth products; a vehicle for a disabled member's mobility is not counted; homes are
 * residential properties, commercial properties the rest.
 */
public record EconomicStatusReport(String provider, LocalDateTime checkedAt, List<AgencyRecord> records) {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public BigDecimal financialAssets() {
        return Money.of(records.stream().filter(r -> r.kind().financial() && r.amount() != null)
                .map(AgencyRecord::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    public int vehicles() {
        return (int) records.stream().filter(r -> r.kind() == AgencyRecordKind.VEHICLE && !r.forDisability()).count();
    }

    public int disabilityVehicles() {
        return (int) records.stream().filter(r -> r.kind() == AgencyRecordKind.VEHICLE && r.forDisability()).count();
    }

    public int homes() {
        return (int) records.stream().filter(r -> r.kind() == AgencyRecordKind.REAL_ESTATE && !r.commercial()).count();
    }

    public int commercialProperties() {
        return (int) records.stream().filter(r -> r.kind() == AgencyRecordKind.REAL_ESTATE && r.commercial()).count();
    }

    public BigDecimal perCapitaFinancialAssets(int householdSize) {
        return financialAssets().divide(BigDecimal.valueOf(householdSize), 2, RoundingMode.HALF_UP);
    }

    /** The report as the surveyor's and reviewer's forms show it: one line per record, ID numbers masked. */
    public String text(Map<String, String> namesByIdNumber) {
        StringBuilder text = new StringBuilder("核对机构：").append(provider).append("，核对时间：")
                .append(checkedAt.format(WHEN)).append('\n');
        if (records.isEmpty()) {
            text.append("各部门均未查到家庭成员名下的存款、理财、车辆、房产、社保、公积金、工商登记或纳税记录。\n");
        } else {
            for (AgencyRecord r : records) {
                text.append(namesByIdNumber.getOrDefault(r.idNumber(), masked(r.idNumber()))).append("  ")
                        .append(r.kind().label()).append("  ").append(r.description())
                        .append(r.amount() == null ? "" : "  " + Money.format(r.amount()) + "元")
                        .append(r.forDisability() ? "（残疾人代步车）" : "")
                        .append(r.commercial() ? "（非住宅）" : "")
                        .append("  ——").append(r.agency()).append('\n');
            }
        }
        text.append("合计：金融资产").append(Money.format(financialAssets())).append("元；机动车").append(vehicles())
                .append("辆").append(disabilityVehicles() > 0 ? "（另有残疾人代步车" + disabilityVehicles() + "辆）" : "")
                .append("；住房").append(homes()).append("套；非住宅房产").append(commercialProperties()).append("处");
        return text.toString();
    }

    public Map<String, Object> snapshot() {
        return Map.of(
                "provider", provider,
                "checkedAt", checkedAt.toString(),
                "financialAssets", financialAssets().toPlainString(),
                "vehicles", vehicles(),
                "homes", homes(),
                "commercialProperties", commercialProperties(),
                "records", records.stream().map(r -> Map.of(
                        "idNumber", r.idNumber(), "kind", r.kind().name(), "agency", r.agency(),
                        "description", r.description(), "amount", r.amount() == null ? "" : r.amount().toPlainString(),
                        "commercial", r.commercial(), "forDisability", r.forDisability()))
                        .collect(Collectors.toList()));
    }

    static String masked(String idNumber) {
        return idNumber.length() < 10 ? idNumber : idNumber.substring(0, 6) + "********" + idNumber.substring(14);
    }
}
