package cn.minzheng.bureau.dibao.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The report's totals and the declared-versus-verified comparison, worked by hand. */
class EconomicStatusReportTest {

    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);
    private static final String HEAD = "130102198001011234";
    private static final String CHILD = "130102201001011234";

    @Test
    void countsDepositsAndWealthProductsAsFinancialAssetsAndLeavesTheDisabilityVehicleOut() {
        EconomicStatusReport report = new EconomicStatusReport("区民政局核对记录", LocalDateTime.of(2026, 12, 1, 9, 30), List.of(
                record(HEAD, AgencyRecordKind.DEPOSIT, "1200.50", false, false),
                record(CHILD, AgencyRecordKind.WEALTH_PRODUCT, "3000.00", false, false),
                record(HEAD, AgencyRecordKind.PROVIDENT_FUND, "9000.00", false, false),
                record(HEAD, AgencyRecordKind.VEHICLE, "6000.00", false, true),
                record(HEAD, AgencyRecordKind.REAL_ESTATE, null, false, false),
                record(HEAD, AgencyRecordKind.REAL_ESTATE, null, true, false)));
        // 1200.50 + 3000.00 = 4200.50; the provident fund is not at the household's disposal
        assertThat(report.financialAssets()).isEqualByComparingTo("4200.50");
        // 4200.50 / 3 = 1400.1666… → 1400.17
        assertThat(report.perCapitaFinancialAssets(3)).isEqualByComparingTo("1400.17");
        assertThat(report.vehicles()).isZero();
        assertThat(report.disabilityVehicles()).isEqualTo(1);
        assertThat(report.homes()).isEqualTo(1);
        assertThat(report.commercialProperties()).isEqualTo(1);
        assertThat(report.text(Map.of(HEAD, "王大明")))
                .contains("王大明  银行存款", "130102********1234  理财产品", "（残疾人代步车）", "（非住宅）",
                        "合计：金融资产4200.50元；机动车0辆（另有残疾人代步车1辆）；住房1套；非住宅房产1处")
                .doesNotContain(CHILD);
    }

    @Test
    void anEmptyReportSaysNothingWasFound() {
        EconomicStatusReport report = new EconomicStatusReport("区民政局核对记录", LocalDateTime.of(2026, 12, 1, 9, 30), List.of());
        assertThat(report.financialAssets()).isEqualByComparingTo("0.00");
        assertThat(report.text(Map.of())).contains("各部门均未查到");
    }

    @ParameterizedTest(name = "declared {0}, verified {1}, tolerance {2} → flagged {3}")
    @CsvSource({
            "0.00,     1000.00, 1000.00, false",
            "0.00,     1000.01, 1000.00, true",
            "5000.00,  6000.00, 1000.00, false",
            "5000.00,  6000.01, 1000.00, true",
            "20000.00, 0.00,    1000.00, false",
    })
    void flagsVerifiedAssetsAboveTheDeclaredByMoreThanTheTolerance(BigDecimal declared, BigDecimal verified,
                                                                   BigDecimal tolerance, boolean flagged) {
        Optional<String> gap = AssetRule.gap(declared, verified, tolerance);
        assertThat(gap.isPresent()).isEqualTo(flagged);
        gap.ifPresent(text -> assertThat(text).contains("多出" + verified.subtract(declared).setScale(2)));
    }

    private static AgencyRecord record(String id, AgencyRecordKind kind, String amount, boolean commercial,
                                       boolean forDisability) {
        return new AgencyRecord(id, kind, "测试机构", kind.label(), amount == null ? null : new BigDecimal(amount),
                commercial, forDisability, AS_OF);
    }
}
