package cn.minzheng.bureau.linshi;

import static cn.minzheng.bureau.support.RuleViolations.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The 临时救助 rules apart from their tables, row by row. */
class LinshiRulesTest {

    @ParameterizedTest(name = "{0}: {1} × {2}, spending {3} = {4}")
    @CsvSource({
            "EMERGENCY,   520.00, 2,  ,        1040.00",
            "EMERGENCY,   700.00, 6,  100.00,  4200.00",
            "EXPENDITURE, 520.00, 12, 5000.00, 5000.00",
            "EXPENDITURE, 700.00, 3,  9999.99, 2100.00",
            "EXPENDITURE, 520.00, 6,  3120.00, 3120.00",
            "EXPENDITURE, 533.33, 3,  ,        1599.99",
    })
    void standardAmount(AssistanceKind kind, BigDecimal standard, int months, BigDecimal spending, BigDecimal expected) {
        assertThat(LinshiRules.standardAmount(kind, standard, months, spending)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} {2} \"{3}\": {4}")
    @CsvSource(nullValues = "null", value = {
            "EXPENDITURE, MEDICAL,   5000, 住院费用清单, null",
            "EXPENDITURE, null,      5000, 住院费用清单, 须选择支出类别",
            "EXPENDITURE, EDUCATION, null, 学费收据,     须填写家庭自负的必需支出金额",
            "EXPENDITURE, OTHER,     0,    票据,         须填写家庭自负的必需支出金额",
            "EXPENDITURE, MEDICAL,   5000, null,         须写明支出凭证",
            "EXPENDITURE, MEDICAL,   5000, '  ',         须写明支出凭证",
            "EMERGENCY,   null,      null, null,         null",
            "EMERGENCY,   MEDICAL,   null, null,         请选择支出型",
    })
    void spendingOfAnExpenditureApplication(AssistanceKind kind, SpendingType type, BigDecimal amount, String evidence,
                                            String refusal) {
        if (refusal == null) {
            assertThatCode(() -> LinshiRules.checkSpending(kind, type, amount, evidence)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> LinshiRules.checkSpending(kind, type, amount, evidence)).satisfies(violation(refusal));
        }
    }

    @ParameterizedTest(name = "{0} advance {1} of limit {2}: {3}")
    @CsvSource(nullValues = "null", value = {
            "EMERGENCY,   0.00,    1000.00, null",
            "EMERGENCY,   1000.00, 1000.00, null",
            "EMERGENCY,   1000.01, 1000.00, 先行救助金额1000.01元超过上限1000.00元",
            "EXPENDITURE, 0.00,    0.00,    null",
            "EXPENDITURE, 200.00,  0.00,    只有急难型临时救助可以先行救助",
    })
    void advanceWithinItsLimit(AssistanceKind kind, BigDecimal advance, BigDecimal limit, String refusal) {
        if (refusal == null) {
            assertThatCode(() -> LinshiRules.checkAdvance(kind, advance, limit)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> LinshiRules.checkAdvance(kind, advance, limit)).satisfies(violation(refusal));
        }
    }

    @ParameterizedTest(name = "granted {0}, today {1}, interval {2}: within {3}")
    @CsvSource(nullValues = "null", value = {
            "null,       2026-12-04, 12, false",
            "2026-01-10, 2026-12-04, 12, true",
            "2025-12-04, 2026-12-04, 12, false",
            "2025-12-05, 2026-12-04, 12, true",
            "2026-06-04, 2026-12-04, 6,  false",
            "2026-06-05, 2026-12-04, 6,  true",
    })
    void repeatInterval(LocalDate granted, LocalDate today, int months, boolean within) {
        assertThat(LinshiRules.withinRepeatInterval(granted, today, months)).isEqualTo(within);
    }

    @ParameterizedTest(name = "{0} {1} reason \"{2}\": refused {3}")
    @CsvSource(nullValues = "null", value = {
            "TOWNSHIP,     2000.00,  null,         false",
            "DISTRICT,     9000.00,  null,         false",
            "CASE_BY_CASE, 12000.00, null,         true",
            "CASE_BY_CASE, 12000.00, '  ',         true",
            "CASE_BY_CASE, 12000.00, 重大疾病，经集体研究, false",
    })
    void caseByCaseAboveTheCap(ApprovalLevel level, BigDecimal amount, String reason, boolean refused) {
        if (refused) {
            assertThatThrownBy(() -> LinshiRules.checkCaseByCase(level, amount, new BigDecimal("10000.00"), reason))
                    .satisfies(violation("拟救助金额" + amount.toPlainString() + "元超过一般程序上限10000.00元"));
        } else {
            assertThatCode(() -> LinshiRules.checkCaseByCase(level, amount, new BigDecimal("10000.00"), reason))
                    .doesNotThrowAnyException();
        }
    }

    @ParameterizedTest(name = "granted {0} less advance {1}: {2}")
    @CsvSource(nullValues = "null", value = {
            "2080.00, 0.00,    2080.00",
            "2080.00, 800.00,  1280.00",
            "800.00,  1000.00, 0.00",
            "1500.00, null,    1500.00",
    })
    void paidAmountIsTheGrantLessTheAdvance(BigDecimal granted, BigDecimal advance, BigDecimal paid) {
        assertThat(LinshiRules.paidAmount(granted, advance)).isEqualTo(paid);
    }
}
