package cn.minzheng.bureau.resettlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.RoundingMode;
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
 * resettlement-route.dmn (hit policy FIRST) and resettlement-grant.dmn as deployed, each row worked by hand: which
 * rule a service record meets first, and the grant per year of service × years.
 */
@Deployment(resources = {"processes/resettlement-route.dmn", "processes/resettlement-grant.dmn"})
class ResettlementDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("bare-engine.cfg.xml").build();

    ProcessEngine engine;

    /** rank, NCO level, years, age, disability grade (0 none), cause, merit, wartime, martyr's child → route (reason contains). */
    @ParameterizedTest(name = "{0} {1} {2}y age {3} grade {4} {5} {6} wartime {7} martyr {8}: {9}")
    @CsvSource(delimiter = '|', value = {
            // the default: a two-year conscript, nothing else
            "CONSCRIPT | NONE         | 2  | 21 | 0 | NONE    | NONE           | false | false | SELF_EMPLOYMENT | 自主就业",
            // a junior NCO short of 12 years
            "NCO       | JUNIOR       | 8  | 26 | 0 | NONE    | NONE           | false | false | SELF_EMPLOYMENT | 自主就业",
            "NCO       | INTERMEDIATE | 11 | 29 | 0 | NONE    | THIRD_CLASS    | false | false | SELF_EMPLOYMENT | 自主就业",
            // 士官 12 years and more: 安排工作 (11 is not enough, 12 is)
            "NCO       | INTERMEDIATE | 12 | 30 | 0 | NONE    | NONE           | false | false | JOB             | 士官服现役满12年",
            "NCO       | SENIOR       | 20 | 38 | 0 | NONE    | NONE           | false | false | JOB             | 士官服现役满12年",
            // 中级以上士官: 30 years or aged 55 → 退休; a junior NCO of 30 years is not (he is 安排工作 by his years)
            "NCO       | SENIOR       | 30 | 48 | 0 | NONE    | NONE           | false | false | RETIRE          | 服现役满30年",
            "NCO       | INTERMEDIATE | 25 | 55 | 0 | NONE    | NONE           | false | false | RETIRE          | 年满55周岁",
            "NCO       | INTERMEDIATE | 25 | 54 | 0 | NONE    | NONE           | false | false | JOB             | 士官服现役满12年",
            "NCO       | JUNIOR       | 30 | 48 | 0 | NONE    | NONE           | false | false | JOB             | 士官服现役满12年",
            // 烈士子女
            "CONSCRIPT | NONE         | 2  | 20 | 0 | NONE    | NONE           | false | true  | JOB             | 烈士子女",
            // merits: 二等功 and above in peacetime; 三等功 only in wartime
            "CONSCRIPT | NONE         | 2  | 20 | 0 | NONE    | SECOND_CLASS   | false | false | JOB             | 二等功以上",
            "CONSCRIPT | NONE         | 2  | 20 | 0 | NONE    | FIRST_CLASS    | false | false | JOB             | 二等功以上",
            "NCO       | JUNIOR       | 5  | 23 | 0 | NONE    | HONORARY_TITLE | false | false | JOB             | 二等功以上",
            "CONSCRIPT | NONE         | 2  | 20 | 0 | NONE    | THIRD_CLASS    | false | false | SELF_EMPLOYMENT | 自主就业",
            "CONSCRIPT | NONE         | 2  | 20 | 0 | NONE    | THIRD_CLASS    | true  | false | JOB             | 战时荣获三等功以上",
            // disability: 1-4 供养 (中级以上士官: 退休); 因战 5-8 安排工作; 因公 5-8 and 9-10 are not
            "CONSCRIPT | NONE         | 2  | 20 | 1 | WAR     | NONE           | false | false | SUPPORT         | 一级至四级残疾，由国家供养",
            "NCO       | JUNIOR       | 6  | 24 | 4 | DUTY    | NONE           | false | false | SUPPORT         | 国家供养",
            "NCO       | INTERMEDIATE | 14 | 33 | 2 | DUTY    | NONE           | false | false | RETIRE          | 中级以上士官被评定为一级至四级残疾",
            "CONSCRIPT | NONE         | 2  | 20 | 5 | WAR     | NONE           | false | false | JOB             | 因战致残被评定为五级至八级残疾",
            "CONSCRIPT | NONE         | 2  | 20 | 8 | WAR     | NONE           | false | false | JOB             | 因战致残",
            "CONSCRIPT | NONE         | 2  | 20 | 9 | WAR     | NONE           | false | false | SELF_EMPLOYMENT | 自主就业",
            "CONSCRIPT | NONE         | 2  | 20 | 6 | DUTY    | NONE           | false | false | SELF_EMPLOYMENT | 自主就业",
            // order: 供养 before the martyr's child's job
            "CONSCRIPT | NONE         | 1  | 19 | 3 | ILLNESS | NONE           | false | true  | SUPPORT         | 国家供养",
    })
    void theFirstRuleMetDecidesTheRoute(String rank, String level, int years, int age, int grade, String cause,
                                         String merit, boolean wartime, boolean martyrChild, String route, String reason) {
        Map<String, Object> in = new HashMap<>();
        in.put("rankKind", rank);
        in.put("ncoLevel", level);
        in.put("serviceYears", years);
        in.put("age", age);
        in.put("disabilityGrade", grade);
        in.put("disabilityCause", cause);
        in.put("merit", merit);
        in.put("wartimeMerit", wartime);
        in.put("martyrChild", martyrChild);
        DmnDecisionResultEntries result = engine.getDecisionService()
                .evaluateDecisionByKey(ResettlementService.ROUTE_DECISION).variables(in).evaluate().getFirstResult();
        assertThat((String) result.getEntry("route")).isEqualTo(route);
        assertThat((String) result.getEntry("reason")).contains(reason);
        // every route the table gives is one the process knows
        assertThat(PlacementRoute.valueOf(route)).isNotNull();
    }

    /** discharge year, years of service → per year, grant (hand-worked: per year × years). */
    @ParameterizedTest(name = "{0}, {1} years: {2} × {1} = {3}")
    @CsvSource({
            "2024, 2, 3000.00, 6000.00",
            "2025, 2, 3000.00, 6000.00",
            "2025, 5, 3000.00, 15000.00",
            "2026, 1, 3300.00, 3300.00",
            "2026, 2, 3300.00, 6600.00",
            "2026, 8, 3300.00, 26400.00",
            // the newest row (>= 2026) goes on until the next table
            "2030, 11, 3300.00, 36300.00",
    })
    void theGrantIsTheYearsAmountPerYearOfService(int year, int years, BigDecimal perYear, BigDecimal grant) {
        BigDecimal amount = Money.parse(engine.getDecisionService().evaluateDecisionByKey(ResettlementService.GRANT_DECISION)
                .variables(Map.of("dischargeYear", year)).evaluate().getSingleResult().getEntry("amountPerYear"), "标准");
        assertThat(amount).isEqualTo(perYear);
        assertThat(amount.multiply(BigDecimal.valueOf(years)).setScale(2, RoundingMode.HALF_UP)).isEqualTo(grant);
    }

    @Test
    void everyRouteTheTableCanGiveIsNamedInJava() {
        for (String route : new String[] {"SELF_EMPLOYMENT", "JOB", "RETIRE", "SUPPORT"}) {
            assertThat(PlacementRoute.valueOf(route).label()).isNotBlank();
        }
    }
}
