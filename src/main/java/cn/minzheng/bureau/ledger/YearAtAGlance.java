package cn.minzheng.bureau.ledger;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import cn.minzheng.bureau.dibao.figures.ProgramFigures;
import cn.minzheng.bureau.dibao.figures.YearlyFigures;
import cn.minzheng.bureau.donation.GoodsKind;
import cn.minzheng.bureau.funeral.benefits.FuneralYear;

/**
 * The dashboard's figures for a year and an area: the 低保 year (covered, added, cancelled, paid per
 * month), what is covered today, open applications by stage with their average age, disaster households
 * by category, the donation campaign's collection and distribution, and the 殡葬 figures.
 */
public record YearAtAGlance(
        int year,
        String areaName,
        YearlyFigures dibao,
        CoveredNow now,
        List<Covered> coveredByMonth,
        List<Stage> openStages,
        Map<String, Long> disasterHouseholdsByCategory,
        BigDecimal donatedCash,
        Map<String, Long> donatedGoods,
        BigDecimal distributedCash,
        Map<String, Long> distributedGoods,
        FuneralYear funeral,
        List<ProgramFigures> programs,
        List<ProgramNow> programsNow,
        MonthPayrolls payrolls) {

    /** The 低保 year and the other figures without the other programs (none, and no payroll month). */
    public YearAtAGlance(int year, String areaName, YearlyFigures dibao, CoveredNow now, List<Covered> coveredByMonth,
                         List<Stage> openStages, Map<String, Long> disasterHouseholdsByCategory, BigDecimal donatedCash,
                         Map<String, Long> donatedGoods, BigDecimal distributedCash, Map<String, Long> distributedGoods,
                         FuneralYear funeral) {
        this(year, areaName, dibao, now, coveredByMonth, openStages, disasterHouseholdsByCategory, donatedCash,
                donatedGoods, distributedCash, distributedGoods, funeral, List.of(), List.of(),
                new MonthPayrolls(null, List.of(), BigDecimal.ZERO.setScale(2), BigDecimal.ZERO.setScale(2)));
    }

    /**
     * A monthly program (other than 低保) as it stands today in the area, from its enrolments: households and people
     * 享受中 with their monthly amounts, and the enrolments 暂停发放 and 申请办理中.
     */
    public record ProgramNow(String programName, long households, long people, BigDecimal monthlyAmount,
                             long suspended, long applied) {
    }

    /**
     * The payrolls of one month, one line per program of the registry (a program without a payroll that month:
     * {@code statusLabel} 尚未生成), from their payments in the area: payments, households and people of the month,
     * the amount, what the bank paid, and the payments it returned.
     */
    public record MonthPayrolls(String month, List<ProgramPayroll> programs, BigDecimal totalAmount,
                                BigDecimal totalIssued) {
    }

    public record ProgramPayroll(String programName, String statusLabel, long payments, long households, long people,
                                 BigDecimal amount, BigDecimal issuedAmount, long failed) {
    }

    public record Stage(String label, long cases, long averageAgeDays) {
    }

    /** Households and people paid for a month (the month's payroll, issued or not). */
    public record Covered(String month, long households, long people) {
    }

    /** The year in one paragraph, in the shape of the bureau's year-end summary. */
    public String summary() {
        YearlyFigures.Row total = dibao.total();
        return year + "年，" + areaName + "共保障城乡低保对象" + total.peopleCovered() + "人（" + total.householdsCovered()
                + "户），新增" + total.householdsAdded() + "户" + total.peopleAdded() + "人，取消" + total.householdsCancelled()
                + "户" + total.peopleCancelled() + "人；全年共发放低保资金" + total.paidInYear().toPlainString() + "元。"
                + "受灾困难家庭：" + count("五保户") + "户五保户、" + count("特困户") + "户特困户、" + count("重灾户")
                + "户重灾户。“扶贫济困送温暖”活动共募集捐款" + donatedCash.toPlainString() + "元"
                + goods(donatedGoods) + "，已发放捐款" + distributedCash.toPlainString() + "元" + goods(distributedGoods) + "。"
                + funeral.summary() + programsSummary();
    }

    /** The other programs in a sentence: 特困人员救助供养年末享受2人（2户），全年发放3520.00元；… */
    private String programsSummary() {
        if (programs.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("其他救助项目：");
        for (int i = 0; i < programs.size(); i++) {
            ProgramFigures p = programs.get(i);
            YearlyFigures.Row total = p.total();
            text.append(p.programName()).append(p.monthly() ? "年末享受" : "全年救助").append(total.peopleCovered())
                    .append("人（").append(total.householdsCovered()).append("户），全年发放")
                    .append(total.paidInYear().toPlainString()).append("元").append(i + 1 < programs.size() ? "；" : "。");
        }
        return text.toString();
    }

    /**
     * Why the year's 低保 money is nil, in a sentence a clerk understands; null where money was paid. Approved
     * cases are paid from the month after approval, and a payroll counts once it is issued.
     */
    public String emptyFiguresNote() {
        if (dibao.total().paidInYear().signum() > 0) {
            return null;
        }
        if (now.households() == 0) {
            return year + "年无低保金发放记录：" + areaName + "目前没有已批准（在保）的低保案件。";
        }
        String first = now.firstPaymentMonth();
        if (first != null && first.compareTo(year + "-12") > 0) {
            return year + "年尚无低保金发放记录：已批准的案件自批准的次月起发放，首次发放月份为" + CoveredNow.monthText(first)
                    + (now.firstPaymentPayroll() == null ? "，该月工资单尚未生成。"
                            : "，该月工资单" + now.firstPaymentPayroll().statusLabel() + "。");
        }
        CoveredNow.Payroll latest = now.latestPayroll();
        return year + "年尚无已发放的低保金：工资单发放后计入" + (latest == null ? "，目前尚未生成工资单。"
                : "，最近一期（" + CoveredNow.monthText(latest.month()) + "）工资单" + latest.statusLabel() + "。");
    }

    private long count(String category) {
        return disasterHouseholdsByCategory.getOrDefault(category, 0L);
    }

    private static String unitOf(String label) {
        return Arrays.stream(GoodsKind.values()).filter(k -> k.label().equals(label)).map(GoodsKind::unit)
                .findFirst().orElse("件");
    }

    private static String goods(Map<String, Long> goods) {
        StringBuilder text = new StringBuilder();
        goods.forEach((kind, quantity) -> text.append("、").append(kind).append(quantity).append(unitOf(kind)));
        return text.toString();
    }
}
