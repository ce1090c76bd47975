package cn.minzheng.bureau.statistics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The automatic consistency checks of a month's return: the district total equals the sum of the townships, persons
 * are never fewer than households, money is never negative, the persons' breakdown (elderly + adults + minors) adds up to
 * the persons at month end (errors); a district figure that moved more than the
 * threshold against last month (a warning the statistician explains).
 */
public final class ReturnChecks {

    /** One finding; {@code error}: the figures contradict each other, otherwise a change to explain. */
    public record Finding(boolean error, String text) {
    }

    private ReturnChecks() {
    }

    public static List<Finding> of(MonthlyFigures figures, MonthlyFigures lastMonth, int thresholdPercent) {
        List<Finding> findings = new ArrayList<>();
        for (MonthlyFigures.Sheet sheet : figures.sheets()) {
            String name = sheet.programName() + "：";
            MonthlyFigures.Row sum = sheet.urban().plus(sheet.rural(), "SUM", "各乡镇之和", "");
            compare(findings, name, "户数", sheet.total().households(), sum.households());
            compare(findings, name, "人数", sheet.total().persons(), sum.persons());
            compare(findings, name, "新增户数", sheet.total().addedHouseholds(), sum.addedHouseholds());
            compare(findings, name, "减少户数", sheet.total().endedHouseholds(), sum.endedHouseholds());
            if (sheet.total().paid().compareTo(sum.paid()) != 0) {
                findings.add(new Finding(true, name + "全区合计支出" + sheet.total().paid() + "元，不等于各乡镇之和"
                        + sum.paid() + "元"));
            }
            if (sheet.total().yearToDate() != null && sum.yearToDate() != null) {
                compare(findings, name, "本年累计人次", sheet.total().yearToDate().personTimes(),
                        sum.yearToDate().personTimes());
                if (sheet.total().yearToDate().paid().compareTo(sum.yearToDate().paid()) != 0) {
                    findings.add(new Finding(true, name + "全区合计本年累计支出" + sheet.total().yearToDate().paid()
                            + "元，不等于各乡镇之和" + sum.yearToDate().paid() + "元"));
                }
            }
            List<MonthlyFigures.Row> lines = new ArrayList<>(sheet.rows());
            lines.add(sheet.total());
            for (MonthlyFigures.Row row : lines) {
                if (row.persons() < row.households()) {
                    findings.add(new Finding(true, name + row.areaName() + "人数" + row.persons() + "少于户数"
                            + row.households()));
                }
                if (row.breakdown() != null && row.breakdown().counted() != row.persons()) {
                    findings.add(new Finding(true, name + row.areaName() + "老年人、成年人、未成年人合计"
                            + row.breakdown().counted() + "人，不等于月末人数" + row.persons()));
                }
                if (row.paid().signum() < 0) {
                    findings.add(new Finding(true, name + row.areaName() + "支出金额" + row.paid() + "元为负数"));
                }
            }
            if (lastMonth != null) {
                MonthlyFigures.Row before = lastMonth.sheet(sheet.programCode()).total();
                change(findings, name, "户数", before, sheet.total(), r -> BigDecimal.valueOf(r.households()), thresholdPercent);
                change(findings, name, "人数", before, sheet.total(), r -> BigDecimal.valueOf(r.persons()), thresholdPercent);
                change(findings, name, "支出金额", before, sheet.total(), MonthlyFigures.Row::paid, thresholdPercent);
            }
        }
        return findings;
    }

    private static void compare(List<Finding> findings, String name, String what, long total, long sum) {
        if (total != sum) {
            findings.add(new Finding(true, name + "全区合计" + what + total + "，不等于各乡镇之和" + sum));
        }
    }

    private static void change(List<Finding> findings, String name, String what, MonthlyFigures.Row before,
                               MonthlyFigures.Row now, Function<MonthlyFigures.Row, BigDecimal> figure, int threshold) {
        BigDecimal was = figure.apply(before);
        BigDecimal is = figure.apply(now);
        if (was.signum() == 0) {
            if (is.signum() != 0) {
                findings.add(new Finding(false, name + what + "上月为0，本月为" + is.stripTrailingZeros().toPlainString()));
            }
            return;
        }
        BigDecimal percent = is.subtract(was).multiply(BigDecimal.valueOf(100)).divide(was, 1, RoundingMode.HALF_UP);
        if (percent.abs().compareTo(BigDecimal.valueOf(threshold)) > 0) {
            findings.add(new Finding(false, name + what + "比上月" + (percent.signum() > 0 ? "增加" : "减少")
                    + percent.abs().toPlainString() + "%（上月" + was.stripTrailingZeros().toPlainString() + "，本月"
                    + is.stripTrailingZeros().toPlainString() + "），超过" + threshold + "%"));
        }
    }
}
