package cn.minzheng.bureau.youfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
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

/**
 * youfu-allowance.dmn as deployed: the yearly standard of a year, category, cause and grade, and the month's
 * twelfth worked by hand (half up to the fen).
 */
@Deployment(resources = "processes/youfu-allowance.dmn")
class YoufuAllowanceDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("bare-engine.cfg.xml").build();

    ProcessEngine engine;

    @ParameterizedTest(name = "{0} {1} {2} {3}: {4} a year, {5} a month")
    @CsvSource(nullValues = "-", value = {
            // 52540 / 12 = 4378.333… → 4378.33; the next year's table: 54640 / 12 = 4553.333… → 4553.33
            "2025, DISABLED_SOLDIER,       WAR,     5,  52540,  4378.33",
            "2026, DISABLED_SOLDIER,       WAR,     5,  54640,  4553.33",
            // the newest year's rows (>= 2026) go on until the next year's table is deployed
            "2027, DISABLED_SOLDIER,       WAR,     5,  54640,  4553.33",
            "2026, DISABLED_SOLDIER,       WAR,     1,  109260, 9105.00",
            "2025, DISABLED_SOLDIER,       DUTY,    10, 7890,   657.50",
            "2026, DISABLED_SOLDIER,       DUTY,    10, 8210,   684.17",
            "2026, DISABLED_SOLDIER,       ILLNESS, 6,  37540,  3128.33",
            "2025, DISABLED_SOLDIER,       ILLNESS, 1,  99290,  8274.17",
            // 31610 / 12 = 2634.166… → 2634.17
            "2026, MARTYR_SURVIVOR,        -,       -,  31610,  2634.17",
            "2025, DUTY_DEATH_SURVIVOR,    -,       -,  26610,  2217.50",
            "2026, ILLNESS_DEATH_SURVIVOR, -,       -,  26360,  2196.67",
            "2026, DEMOBILISED_VETERAN,    -,       -,  24980,  2081.67",
            "2025, ILL_DISCHARGED_VETERAN, -,       -,  10670,  889.17",
            "2026, WAR_PARTICIPANT,        -,       -,  9940,   828.33",
            "2025, RURAL_VETERAN_60,       -,       -,  5040,   420.00",
            "2026, RURAL_VETERAN_60,       -,       -,  5240,   436.67",
    })
    void givesTheYearsStandardAndTheMonthsTwelfth(int year, String category, String cause, Integer grade,
                                                  BigDecimal annual, BigDecimal monthly) {
        DmnDecisionResultEntries result = evaluate(year, category, cause, grade);
        BigDecimal standard = Money.parse(result.getEntry("annualStandard"), "年标准");
        assertThat(standard).isEqualByComparingTo(annual);
        assertThat(YoufuAllowance.monthly(standard)).isEqualTo(monthly);
    }

    @Test
    void everyGradeOfEveryCauseHasOneStandardFallingWithTheGrade() {
        for (int year : new int[] {2025, 2026}) {
            for (DisabilityCause cause : DisabilityCause.values()) {
                BigDecimal higher = null;
                for (int grade = 1; grade <= cause.lowestGrade(); grade++) {
                    BigDecimal standard = Money.parse(evaluate(year, "DISABLED_SOLDIER", cause.name(), grade)
                            .getEntry("annualStandard"), "年标准");
                    if (higher != null) {
                        assertThat(standard).as("%d %s grade %d", year, cause, grade).isLessThan(higher);
                    }
                    higher = standard;
                }
            }
        }
    }

    @Test
    void hasNoStandardBeforeTheFirstYearNorForAGradeTheCauseCannotHave() {
        assertThat(evaluate(2024, "DISABLED_SOLDIER", "WAR", 5)).isNull();
        assertThat(evaluate(2026, "DISABLED_SOLDIER", "ILLNESS", 7)).isNull();
        assertThat(evaluate(2026, "DISABLED_SOLDIER", "WAR", 11)).isNull();
    }

    private DmnDecisionResultEntries evaluate(int year, String category, String cause, Integer grade) {
        Map<String, Object> inputs = new HashMap<>();
        inputs.put("year", year);
        inputs.put("category", category);
        inputs.put("disabilityCause", cause);
        inputs.put("disabilityGrade", grade);
        return engine.getDecisionService().evaluateDecisionByKey(YoufuAllowance.DECISION).variables(inputs).evaluate()
                .getSingleResult();
    }
}
