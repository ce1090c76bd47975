package cn.minzheng.bureau.statistics;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The consistency checks, one row per rule, on figures built by hand. */
class ReturnChecksTest {

    private static MonthlyFigures.Row row(String name, long households, long persons, String paid) {
        return new MonthlyFigures.Row(name, name, "农村", households, persons, 0, 0, 0, 0, new BigDecimal(paid), null, null, null);
    }

    private static MonthlyFigures.Row withBreakdown(MonthlyFigures.Row r, long elderly, long adults, long minors,
                                                    long personTimes, String paidInYear) {
        return new MonthlyFigures.Row(r.areaCode(), r.areaName(), r.areaType(), r.households(), r.persons(), 0, 0, 0, 0,
                r.paid(), new MonthlyFigures.Breakdown(elderly, adults, 0, 0, 0, adults, minors, 0),
                new MonthlyFigures.YearToDate(new BigDecimal(paidInYear), personTimes), new BigDecimal("520.00"));
    }

    private static MonthlyFigures figures(MonthlyFigures.Row township, MonthlyFigures.Row total) {
        MonthlyFigures.Row none = township.yearToDate() == null ? row("城市小计", 0, 0, "0.00")
                : withBreakdown(row("城市小计", 0, 0, "0.00"), 0, 0, 0, 0, "0.00");
        return new MonthlyFigures("2026-10", "测试区", List.of(new MonthlyFigures.Sheet("DIBAO", "最低生活保障", false,
                List.of(township), none, township, total)));
    }

    static Stream<Arguments> cases() {
        MonthlyFigures.Row fine = row("岳村乡", 10, 25, "5000.00");
        return Stream.of(
                Arguments.of("consistent, no last month", figures(fine, row("全区合计", 10, 25, "5000.00")), null, List.of()),
                Arguments.of("a payment of no township in the district total",
                        figures(fine, row("全区合计", 11, 27, "5400.00")), null, List.of(
                                "true 最低生活保障：全区合计户数11，不等于各乡镇之和10",
                                "true 最低生活保障：全区合计人数27，不等于各乡镇之和25",
                                "true 最低生活保障：全区合计支出5400.00元，不等于各乡镇之和5000.00元")),
                Arguments.of("breakdown and year to date consistent",
                        figures(withBreakdown(fine, 5, 12, 8, 75, "15000.00"),
                                withBreakdown(row("全区合计", 10, 25, "5000.00"), 5, 12, 8, 75, "15000.00")), null, List.of()),
                Arguments.of("a breakdown that misses persons, year to date not the sum",
                        figures(withBreakdown(fine, 5, 12, 7, 75, "15000.00"),
                                withBreakdown(row("全区合计", 10, 25, "5000.00"), 5, 12, 8, 76, "15100.00")), null, List.of(
                                "true 最低生活保障：全区合计本年累计人次76，不等于各乡镇之和75",
                                "true 最低生活保障：全区合计本年累计支出15100.00元，不等于各乡镇之和15000.00元",
                                "true 最低生活保障：岳村乡老年人、成年人、未成年人合计24人，不等于月末人数25")),
                Arguments.of("fewer persons than households",
                        figures(row("岳村乡", 10, 9, "5000.00"), row("全区合计", 10, 9, "5000.00")), null, List.of(
                                "true 最低生活保障：岳村乡人数9少于户数10",
                                "true 最低生活保障：全区合计人数9少于户数10")),
                Arguments.of("negative money",
                        figures(row("岳村乡", 10, 25, "-1.00"), row("全区合计", 10, 25, "-1.00")), null, List.of(
                                "true 最低生活保障：岳村乡支出金额-1.00元为负数",
                                "true 最低生活保障：全区合计支出金额-1.00元为负数")),
                Arguments.of("within the threshold against last month (exactly 10 %)",
                        figures(row("岳村乡", 11, 25, "5000.00"), row("全区合计", 11, 25, "5000.00")),
                        figures(fine, row("全区合计", 10, 25, "5000.00")), List.of()),
                Arguments.of("over the threshold against last month",
                        figures(row("岳村乡", 12, 25, "4000.00"), row("全区合计", 12, 25, "4000.00")),
                        figures(fine, row("全区合计", 10, 25, "5000.00")), List.of(
                                "false 最低生活保障：户数比上月增加20.0%（上月10，本月12），超过10%",
                                "false 最低生活保障：支出金额比上月减少20.0%（上月5000，本月4000），超过10%")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void findings(String name, MonthlyFigures figures, MonthlyFigures lastMonth, List<String> expected) {
        assertThat(ReturnChecks.of(figures, lastMonth, 10)).extracting(f -> f.error() + " " + f.text())
                .containsExactlyElementsOf(expected);
    }
}
