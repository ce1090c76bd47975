package cn.minzheng.bureau.dibao.recovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.common.RuleViolation;

/** The overpayment and installment rules, exact to the fen. */
class OverpaymentsTest {

    /** history: month=paid;month=paid… */
    @ParameterizedTest(name = "{0} from {1}, entitled {2}: {3} = {4}")
    @CsvSource(delimiter = '|', value = {
            // cancelled from March: March and April overpaid in full
            "2026-01=740;2026-02=740;2026-03=740;2026-04=740 | 2026-03 | 0      | 2026-03,2026-04          | 1480.00",
            // lowered to 340 from February
            "2026-01=740;2026-02=740;2026-03=740             | 2026-02 | 340    | 2026-02,2026-03          | 800.00",
            // months before the fact began are never touched, order of the history does not matter
            "2026-04=500.50;2026-02=500.50;2026-03=500.50    | 2026-03 | 0      | 2026-03,2026-04          | 1001.00",
            // a month paid less than entitled (already lowered) is not an overpayment, and not a credit either
            "2026-01=700;2026-02=300;2026-03=700             | 2026-01 | 400.01 | 2026-01,2026-03          | 599.98",
            // nothing paid from the month on
            "2026-01=740                                     | 2026-02 | 0      | ''                       | 0.00",
            // fen exact
            "2026-05=0.03;2026-06=1234.57                    | 2026-05 | 0.01   | 2026-05,2026-06          | 1234.58",
    })
    void overpaidMonthsAndTotal(String history, String from, String entitled, String months, String total) {
        List<Overpayments.PaidMonth> paid = new ArrayList<>();
        long id = 1;
        for (String entry : history.split(";")) {
            String[] parts = entry.trim().split("=");
            paid.add(new Overpayments.PaidMonth(id++, parts[0], new BigDecimal(parts[1])));
        }
        Overpayments.Result result = Overpayments.compute(paid, from, new BigDecimal(entitled));
        assertThat(result.months()).extracting(Overpayments.OverpaidMonth::benefitMonth)
                .containsExactlyElementsOf(months.isEmpty() ? List.of() : Arrays.asList(months.split(",")));
        assertThat(result.total().toPlainString()).isEqualTo(total);
        assertThat(result.months().stream().map(Overpayments.OverpaidMonth::overpaid).reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo(result.total());
        result.months().forEach(m -> assertThat(m.paid().subtract(m.entitled())).isEqualByComparingTo(m.overpaid()));
    }

    @ParameterizedTest(name = "{0} owed at {1} a month from {2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "800.00  | 150   | 340    | 150.00,150.00,150.00,150.00,150.00,50.00",
            "1480.00 | 740   | 740    | 740.00,740.00",
            // never more than the month's amount
            "300.00  | 500   | 120.50 | 120.50,120.50,59.00",
            "0.03    | 0.01  | 420    | 0.01,0.01,0.01",
            "100.00  | 100   | 420    | 100.00",
            "99.99   | 33.33 | 420    | 33.33,33.33,33.33",
    })
    void installmentsAddUpToTheTotal(String total, String installment, String monthAmount, String expected) {
        List<BigDecimal> schedule = Installments.schedule(new BigDecimal(total), new BigDecimal(installment), new BigDecimal(monthAmount));
        assertThat(schedule).extracting(BigDecimal::toPlainString).containsExactly(expected.split(","));
        assertThat(schedule.stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(total);
        assertThat(schedule).allSatisfy(d -> assertThat(d).isLessThanOrEqualTo(new BigDecimal(monthAmount)));
    }

    @ParameterizedTest(name = "installment {0}, owed {1}, payment {2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "150 | 800    | 340   | 150.00",
            "150 | 50     | 340   | 50.00",
            "500 | 800    | 340   | 340.00",
            "150 | 0      | 340   | 0.00",
            "150 | 800    | 0     | 0.00",
    })
    void oneMonthsDeduction(String installment, String owed, String payment, String expected) {
        assertThat(Installments.next(new BigDecimal(installment), new BigDecimal(owed), new BigDecimal(payment)).toPlainString())
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} at {1} from {2}: {3}")
    @CsvSource(delimiter = '|', value = {
            "800   | 0     | 340 | 每月抵扣金额必须大于0",
            "800   | 100   | 0   | 没有按月发放的低保金",
            "10000 | 0.01  | 340 | 请提高每月抵扣金额",
    })
    void refusedSchedules(String total, String installment, String monthAmount, String message) {
        assertThatThrownBy(() -> Installments.schedule(new BigDecimal(total), new BigDecimal(installment), new BigDecimal(monthAmount)))
                .isInstanceOf(RuleViolation.class).hasMessageContaining(message);
    }
}
