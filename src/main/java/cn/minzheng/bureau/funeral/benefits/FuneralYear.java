package cn.minzheng.bureau.funeral.benefits;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.region.Region;

/**
 * The 殡葬 figures of a year for an area, as the dashboard and the year-end summary give them: one row per township,
 * one per month (of death) and the area's total, summed from {@link FuneralFiguresQueries.MonthFigures}.
 */
public record FuneralYear(int year, String areaName, List<Row> townships, List<Row> months, Row total) {

    /**
     * Deaths, cremations, eco-burials, fees waived and settled with the funeral homes, eco-burial rewards granted and
     * paid. Money paid = fees settled + rewards paid.
     */
    public record Row(String label, long deaths, long cremations, long ecoBurials, BigDecimal waivedAmount,
                      BigDecimal settledAmount, BigDecimal rewardsGranted, BigDecimal rewardsPaid) {

        /** 火化率 as shown: "66.7%", or "—" without deaths. */
        public String cremationRateText() {
            BigDecimal rate = cremationRate(cremations, deaths);
            return rate == null ? "—" : rate.toPlainString() + "%";
        }

        public BigDecimal moneyPaid() {
            return Money.of(settledAmount.add(rewardsPaid));
        }

        private Row plus(FuneralFiguresQueries.MonthFigures f) {
            return new Row(label, deaths + f.deaths(), cremations + f.cremations(), ecoBurials + f.ecoBurials(),
                    Money.of(waivedAmount.add(f.waivedAmount())), Money.of(settledAmount.add(f.settledAmount())),
                    Money.of(rewardsGranted.add(f.rewardsGranted())), Money.of(rewardsPaid.add(f.rewardsPaid())));
        }

        private static Row empty(String label) {
            return new Row(label, 0, 0, 0, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO);
        }
    }

    /** Cremations per 100 deaths, one decimal place, rounded half-up; null without deaths (no division by zero). */
    public static BigDecimal cremationRate(long cremations, long deaths) {
        if (deaths == 0) {
            return null;
        }
        return BigDecimal.valueOf(cremations * 100L).divide(BigDecimal.valueOf(deaths), 1, RoundingMode.HALF_UP);
    }

    /** Sums the figures of the townships of the area (in their order) by township, by month and in total. */
    public static FuneralYear of(int year, String areaName, List<Region> townships,
                                 List<FuneralFiguresQueries.MonthFigures> figures) {
        Map<String, Row> byTownship = new LinkedHashMap<>();
        townships.forEach(t -> byTownship.put(t.code(), Row.empty(t.name())));
        Map<String, Row> byMonth = new LinkedHashMap<>();
        for (int m = 1; m <= 12; m++) {
            byMonth.put(String.format("%d-%02d", year, m), Row.empty(m + "月"));
        }
        Row total = Row.empty(areaName + "合计");
        Predicate<FuneralFiguresQueries.MonthFigures> inArea = f -> byTownship.containsKey(f.townshipCode());
        for (FuneralFiguresQueries.MonthFigures f : figures.stream().filter(inArea).toList()) {
            byTownship.computeIfPresent(f.townshipCode(), (code, row) -> row.plus(f));
            byMonth.computeIfPresent(f.month(), (month, row) -> row.plus(f));
            total = total.plus(f);
        }
        return new FuneralYear(year, areaName, new ArrayList<>(byTownship.values()), new ArrayList<>(byMonth.values()), total);
    }

    /** The year's 殡葬 work in one sentence of the year-end summary. */
    public String summary() {
        return "殡葬改革：全年登记死亡" + total.deaths() + "人，火化" + total.cremations() + "人，火化率" + total.cremationRateText()
                + "；生态安葬" + total.ecoBurials() + "人；惠民殡葬减免基本殡葬服务费" + total.waivedAmount().toPlainString()
                + "元（已与殡仪馆结算" + total.settledAmount().toPlainString() + "元），生态安葬奖补" + total.rewardsGranted().toPlainString()
                + "元（已发放" + total.rewardsPaid().toPlainString() + "元）。";
    }
}
