package cn.minzheng.bureau.youfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.common.Money;

/** youfu-conscript-allowance.dmn as deployed: the year's 义务兵家庭优待金 by the family's area, worked by hand. */
@Deployment(resources = "processes/youfu-conscript-allowance.dmn")
class YoufuConscriptAllowanceDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("bare-engine.cfg.xml").build();

    ProcessEngine engine;

    @ParameterizedTest(name = "{0} {1}: {2} yuan")
    @CsvSource({
            "2025, URBAN, 14400.00",
            "2025, RURAL, 10800.00",
            "2026, URBAN, 15000.00",
            "2026, RURAL, 11400.00",
            // the newest year's rows (>= 2026) go on until the next year's table is deployed
            "2031, RURAL, 11400.00",
    })
    void givesTheYearsAmountByArea(int year, String area, BigDecimal amount) {
        DmnDecisionResultEntries result = evaluate(year, area);
        assertThat(Money.parse(result.getEntry("annualAmount"), "优待金")).isEqualTo(amount);
    }

    @Test
    void aYearBeforeTheTableHasNoAmount() {
        assertThat(evaluate(2024, "URBAN")).isNull();
        assertThat(evaluate(2026, "ABROAD")).isNull();
    }

    private DmnDecisionResultEntries evaluate(int year, String area) {
        return engine.getDecisionService().evaluateDecisionByKey(YoufuConscriptAllowance.DECISION)
                .variables(Map.of("year", year, "areaType", area)).evaluate().getSingleResult();
    }
}
