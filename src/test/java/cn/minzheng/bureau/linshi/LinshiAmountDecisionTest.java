package cn.minzheng.bureau.linshi;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.dibao.StandardService;

/**
 * linshi-amount.dmn as deployed to a bare engine, with amounts worked by hand from the 低保 standards of
 * dibao-standard.dmn (rural 520, urban 700 yuan a month, 一般困难家庭).
 */
@Deployment(resources = {"processes/linshi-amount.dmn", "processes/dibao-standard.dmn"})
class LinshiAmountDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("bare-engine.cfg.xml").build();

    ProcessEngine engine;

    @ParameterizedTest(name = "{0} {1}: {2} × standard, advance limit {3}")
    @CsvSource({
            "EMERGENCY,   GENERAL, 2,  1000.00",
            "EMERGENCY,   SERIOUS, 4,  1000.00",
            "EMERGENCY,   EXTREME, 6,  1000.00",
            "EXPENDITURE, GENERAL, 3,  0.00",
            "EXPENDITURE, SERIOUS, 6,  0.00",
            "EXPENDITURE, EXTREME, 12, 0.00",
    })
    void givesTheMultipleOfTheStandardAndTheAdvanceLimit(String kind, String level, int months, BigDecimal advanceLimit) {
        LinshiService.AmountRule rule = LinshiService.amountRule(engine.getDecisionService()
                .evaluateDecisionByKey(LinshiProcess.AMOUNT_DECISION)
                .variables(Map.of("kind", kind, "hardshipLevel", level)).evaluate().getSingleResult());
        assertThat(rule.standardMonths()).isEqualTo(months);
        assertThat(rule.advanceLimit()).isEqualTo(advanceLimit);
    }

    /** The standard read as the 低保 code reads it, times the table's multiple, capped by the spending (支出型). */
    @ParameterizedTest(name = "{0} {1} {2}, spending {3}: {4}")
    @CsvSource({
            // 520 × 4 = 2080
            "RURAL, EMERGENCY,   SERIOUS, ,         2080.00",
            // 700 × 6 = 4200
            "URBAN, EMERGENCY,   EXTREME, ,         4200.00",
            // 520 × 12 = 6240, more than the 5000 spent: 5000
            "RURAL, EXPENDITURE, EXTREME, 5000.00,  5000.00",
            // 700 × 12 = 8400, less than the 20000 spent: 8400
            "URBAN, EXPENDITURE, EXTREME, 20000.00, 8400.00",
            // 520 × 3 = 1560
            "RURAL, EXPENDITURE, GENERAL, 3000.50,  1560.00",
    })
    void amountsWorkedByHand(String area, String kind, String level, BigDecimal spending, BigDecimal expected) {
        BigDecimal standard = StandardService.fromResult(engine.getDecisionService()
                .evaluateDecisionByKey(StandardService.STANDARD_DECISION)
                .variables(Map.of("areaType", area, "caseCategory", "ORDINARY")).evaluate().getSingleResult())
                .monthlyStandard();
        LinshiService.AmountRule rule = LinshiService.amountRule(engine.getDecisionService()
                .evaluateDecisionByKey(LinshiProcess.AMOUNT_DECISION)
                .variables(Map.of("kind", kind, "hardshipLevel", level)).evaluate().getSingleResult());
        assertThat(LinshiRules.standardAmount(AssistanceKind.valueOf(kind), standard, rule.standardMonths(), spending))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} yuan: {1} (limit {2})")
    @CsvSource({
            "0.01,     TOWNSHIP,     3000.00",
            "2080.00,  TOWNSHIP,     3000.00",
            "3000.00,  TOWNSHIP,     3000.00",
            "3000.01,  DISTRICT,     10000.00",
            "8400.00,  DISTRICT,     10000.00",
            "10000.00, DISTRICT,     10000.00",
            "10000.01, CASE_BY_CASE, 10000.00",
            "25000.00, CASE_BY_CASE, 10000.00",
    })
    void givesTheApprovalLevelOfAnAmount(BigDecimal amount, ApprovalLevel level, BigDecimal limit) {
        LinshiService.ApprovalRule rule = LinshiService.approvalRule(engine.getDecisionService()
                .evaluateDecisionByKey(LinshiProcess.APPROVAL_DECISION)
                .variables(Map.of("amount", amount.doubleValue())).evaluate().getSingleResult());
        assertThat(rule.level()).isEqualTo(level);
        assertThat(rule.limit()).isEqualTo(limit);
    }
}
