package cn.minzheng.bureau.dibao;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.region.AreaType;

/** The standards table and the wage anchors as deployed to a bare engine (bare-engine.cfg.xml). */
@Deployment(resources = {"processes/dibao-standard.dmn", "processes/dibao-wage-anchors.dmn"})
class DibaoStandardDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("bare-engine.cfg.xml").build();

    ProcessEngine engine;

    @ParameterizedTest(name = "{0} {1}: standard {2}, addition {3}")
    @CsvSource({
            "URBAN, ORDINARY,          700.00, 0.00",
            "URBAN, ELDERLY,           730.00, 50.00",
            "URBAN, SEVERE_DISABILITY, 760.00, 100.00",
            "URBAN, NO_SUPPORT,        910.00, 150.00",
            "RURAL, ORDINARY,          520.00, 0.00",
            "RURAL, ELDERLY,           550.00, 40.00",
            "RURAL, SEVERE_DISABILITY, 580.00, 80.00",
            "RURAL, NO_SUPPORT,        680.00, 120.00",
    })
    void givesTheStandardPerAreaAndCategory(String area, String category, BigDecimal standard, BigDecimal addition) {
        StandardService.Standard result = StandardService.fromResult(engine.getDecisionService()
                .evaluateDecisionByKey(StandardService.STANDARD_DECISION)
                .variables(Map.of("areaType", area, "caseCategory", category))
                .evaluate().getSingleResult());
        assertThat(result.monthlyStandard()).isEqualTo(standard);
        assertThat(result.categoryAddition()).isEqualTo(addition);
    }

    /** 低保标准 ≤ 失业保险金 ≤ 最低工资, for every row of the table as deployed. */
    @Test
    void everyStandardStaysBelowUnemploymentBenefitAndMinimumWage() {
        DecisionService decisions = engine.getDecisionService();
        int checked = 0;
        for (AreaType area : AreaType.values()) {
            Map<String, Object> anchors = decisions.evaluateDecisionByKey(StandardService.WAGE_ANCHORS_DECISION)
                    .variables(Map.of("areaType", area.name())).evaluate().getSingleResult().getEntryMap();
            for (CaseCategory category : CaseCategory.values()) {
                BigDecimal standard = StandardService.fromResult(decisions
                        .evaluateDecisionByKey(StandardService.STANDARD_DECISION)
                        .variables(Map.of("areaType", area.name(), "caseCategory", category.name()))
                        .evaluate().getSingleResult()).monthlyStandard();
                StandardConsistency.check(standard, Money.parse(anchors.get("unemploymentBenefit"), "失业保险金"),
                        Money.parse(anchors.get("minimumWage"), "最低工资"));
                checked++;
            }
        }
        assertThat(checked).isEqualTo(AreaType.values().length * CaseCategory.values().length);
    }

    @ParameterizedTest(name = "standard {0}, unemployment {1}, minimum wage {2} consistent: {3}")
    @CsvSource({
            "700, 1620, 2100, true",
            "1620, 1620, 1620, true",
            "1700, 1620, 2100, false",
            "700, 2200, 2100, false",
    })
    void consistencyRuleRefusesABrokenTable(BigDecimal standard, BigDecimal unemployment, BigDecimal wage,
                                             boolean consistent) {
        boolean passed;
        try {
            StandardConsistency.check(standard, unemployment, wage);
            passed = true;
        } catch (IllegalStateException e) {
            passed = false;
        }
        assertThat(passed).isEqualTo(consistent);
    }

    /** The check reads each version of the anchors table once; a newly deployed version applies at once. */
    @Test
    void wageCheckFollowsANewVersionOfTheAnchorsTable() throws Exception {
        StandardService standards = new StandardService(engine.getDecisionService(), engine.getRepositoryService());
        standards.checkAgainstWages(AreaType.RURAL, new BigDecimal("1000.00"));
        standards.checkAgainstWages(AreaType.RURAL, new BigDecimal("1000.00")); // from the cache

        String lowered = java.nio.file.Files.readString(java.nio.file.Path.of("processes/dibao-wage-anchors.dmn"))
                .replace("<text>1440</text>", "<text>900</text>");
        String deploymentId = engine.getRepositoryService().createDeployment()
                .addString("dibao-wage-anchors.dmn", lowered).deploy().getId();
        try {
            assertThatThrownBy(() -> standards.checkAgainstWages(AreaType.RURAL, new BigDecimal("1000.00")))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("900");
            standards.checkAgainstWages(AreaType.RURAL, new BigDecimal("520.00"));
        } finally {
            engine.getRepositoryService().deleteDeployment(deploymentId, true);
        }
    }
}
