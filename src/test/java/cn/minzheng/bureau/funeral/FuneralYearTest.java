package cn.minzheng.bureau.funeral;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.funeral.benefits.FuneralFiguresQueries.MonthFigures;
import cn.minzheng.bureau.funeral.benefits.FuneralYear;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionKind;

/** The 殡葬 figures of the dashboard and the year-end summary, summed and rated by hand. */
class FuneralYearTest {

    private static final Region YUECUN = new Region("yuecun", "岳村乡", RegionKind.TOWNSHIP, "district");
    private static final Region MENGKE = new Region("mengke", "孟轲乡", RegionKind.TOWNSHIP, "district");

    @ParameterizedTest(name = "{0} of {1} deaths cremated: {2}")
    @CsvSource({
            "0, 0, —",
            "0, 5, 0.0%",
            "1, 1, 100.0%",
            "2, 3, 66.7%",    // 66.666… rounds up
            "1, 3, 33.3%",    // 33.333… rounds down
            "5, 8, 62.5%",    // exact
            "1, 6, 16.7%",
            "2, 7, 28.6%",    // 28.571…
            "1, 8, 12.5%",    // exact: no rounding of the second place
            "1, 16, 6.3%",    // 6.25 rounds half-up
    })
    void theCremationRateHasOnePlaceAndNoneWithoutDeaths(long cremations, long deaths, String expected) {
        assertThat(row(deaths, cremations).cremationRateText()).isEqualTo(expected);
        assertThat(FuneralYear.cremationRate(cremations, deaths))
                .isEqualTo(deaths == 0 ? null : new BigDecimal(expected.replace("%", "")));
    }

    @Test
    void sumsTheTownshipsMonthsAndTheYear() {
        List<MonthFigures> figures = List.of(
                month("yuecun", "2031-03", 2, 1, 1, "1450.00", "600.00", "1000.00", "1000.00"),
                month("yuecun", "2031-05", 1, 1, 0, "600.00", "0.00", "0.00", "0.00"),
                month("mengke", "2031-03", 3, 3, 2, "0.00", "0.00", "3000.00", "2000.00"),
                month("renqiu", "2031-03", 7, 7, 7, "9.99", "9.99", "9.99", "9.99")); // outside the area asked for
        FuneralYear year = FuneralYear.of(2031, "测试区", List.of(YUECUN, MENGKE), figures);

        FuneralYear.Row yuecun = year.townships().get(0);
        assertThat(yuecun.label()).isEqualTo("岳村乡");
        assertThat(yuecun.deaths()).isEqualTo(3);
        assertThat(yuecun.cremations()).isEqualTo(2);
        assertThat(yuecun.cremationRateText()).isEqualTo("66.7%");
        assertThat(yuecun.waivedAmount()).isEqualTo(new BigDecimal("2050.00"));
        assertThat(yuecun.moneyPaid()).isEqualTo(new BigDecimal("1600.00"));

        assertThat(year.months()).hasSize(12);
        FuneralYear.Row march = year.months().get(2);
        assertThat(march.label()).isEqualTo("3月");
        assertThat(march.deaths()).isEqualTo(5);
        assertThat(march.cremationRateText()).isEqualTo("80.0%");
        assertThat(year.months().get(3).cremationRateText()).isEqualTo("—");

        FuneralYear.Row total = year.total();
        assertThat(total.label()).isEqualTo("测试区合计");
        assertThat(total.deaths()).isEqualTo(6);
        assertThat(total.cremations()).isEqualTo(5);
        assertThat(total.ecoBurials()).isEqualTo(3);
        assertThat(year.summary()).isEqualTo("殡葬改革：全年登记死亡6人，火化5人，火化率83.3%；生态安葬3人；"
                + "惠民殡葬减免基本殡葬服务费2050.00元（已与殡仪馆结算600.00元），生态安葬奖补4000.00元（已发放3000.00元）。");
    }

    @Test
    void anEmptyYearHasZerosAndNoRate() {
        FuneralYear year = FuneralYear.of(2031, "岳村乡", List.of(YUECUN), List.of());
        assertThat(year.townships()).singleElement().satisfies(r -> {
            assertThat(r.deaths()).isZero();
            assertThat(r.cremationRateText()).isEqualTo("—");
        });
        assertThat(year.months()).allSatisfy(r -> assertThat(r.cremationRateText()).isEqualTo("—"));
        assertThat(year.summary()).isEqualTo("殡葬改革：全年登记死亡0人，火化0人，火化率—；生态安葬0人；"
                + "惠民殡葬减免基本殡葬服务费0.00元（已与殡仪馆结算0.00元），生态安葬奖补0.00元（已发放0.00元）。");
    }

    private static FuneralYear.Row row(long deaths, long cremations) {
        return FuneralYear.of(2031, "岳村乡", List.of(YUECUN),
                List.of(month("yuecun", "2031-01", deaths, cremations, 0, "0", "0", "0", "0"))).total();
    }

    private static MonthFigures month(String township, String month, long deaths, long cremations, long eco, String waived,
                                      String settled, String granted, String paid) {
        return new MonthFigures(township, township, month, deaths, cremations, FuneralYear.cremationRate(cremations, deaths),
                eco, new BigDecimal(waived), new BigDecimal(settled), new BigDecimal(granted), new BigDecimal(paid));
    }
}
