package cn.minzheng.bureau.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minzheng.bureau.dibao.figures.YearlyFigures;
import cn.minzheng.bureau.funeral.benefits.FuneralYear;

/** The dashboard says why a year's 低保 money is nil, and says nothing where money was paid. */
class YearAtAGlanceTest {

    private static final CoveredNow.Payroll CHECKING = new CoveredNow.Payroll("2027-01", "财务核对中");

    @Test
    void approvedCasesPaidFromNextYearExplainAnEmptyYear() {
        CoveredNow now = new CoveredNow(12, 30, "2027-01", CHECKING, Map.of("2027-01", 12L), CHECKING);
        assertThat(glance(2026, BigDecimal.ZERO, now).emptyFiguresNote())
                .isEqualTo("2026年尚无低保金发放记录：已批准的案件自批准的次月起发放，首次发放月份为2027年1月，该月工资单财务核对中。");
        CoveredNow noPayrollYet = new CoveredNow(12, 30, "2027-01", null, Map.of("2027-01", 12L), null);
        assertThat(glance(2026, BigDecimal.ZERO, noPayrollYet).emptyFiguresNote()).endsWith("首次发放月份为2027年1月，该月工资单尚未生成。");
    }

    @Test
    void casesDueThisYearButNotYetIssuedPointToThePayroll() {
        CoveredNow now = new CoveredNow(12, 30, "2026-05", null, Map.of(), new CoveredNow.Payroll("2026-12", "待区民政局审批"));
        assertThat(glance(2026, BigDecimal.ZERO, now).emptyFiguresNote())
                .isEqualTo("2026年尚无已发放的低保金：工资单发放后计入，最近一期（2026年12月）工资单待区民政局审批。");
    }

    @Test
    void noApprovedCasesSaySo() {
        CoveredNow none = new CoveredNow(0, 0, null, null, Map.of(), null);
        assertThat(glance(2026, BigDecimal.ZERO, none).emptyFiguresNote())
                .isEqualTo("2026年无低保金发放记录：岳村乡目前没有已批准（在保）的低保案件。");
    }

    @Test
    void aYearWithMoneyPaidNeedsNoNote() {
        CoveredNow now = new CoveredNow(12, 30, "2026-01", null, Map.of(), CHECKING);
        assertThat(glance(2026, new BigDecimal("3600.00"), now).emptyFiguresNote()).isNull();
    }

    private static YearAtAGlance glance(int year, BigDecimal paid, CoveredNow now) {
        List<BigDecimal> months = Collections.nCopies(12, BigDecimal.ZERO);
        YearlyFigures.Row total = new YearlyFigures.Row(null, "岳村乡合计", 0, 0, 0, 0, 0, 0, months, paid);
        YearlyFigures figures = new YearlyFigures(year, "yuecun", "岳村乡", null, List.of(), total);
        return new YearAtAGlance(year, "岳村乡", figures, now, List.of(), List.of(), Map.of(), BigDecimal.ZERO, Map.of(),
                BigDecimal.ZERO, Map.of(),
                FuneralYear.of(year, "岳村乡", List.of(), List.of()));
    }
}
