package cn.minzheng.bureau.gaoling;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * gaoling-allowance.dmn as deployed to a bare engine: the tiers and amounts by age, and the age of a month worked
 * out by hand from birth dates (full years on the month's last day).
 */
@Deployment(resources = "processes/gaoling-allowance.dmn")
class GaolingAllowanceDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("bare-engine.cfg.xml").build();

    ProcessEngine engine;

    @ParameterizedTest(name = "age {0}: {1} {2}")
    @CsvSource({
            "0,   NONE,    0.00",
            "79,  NONE,    0.00",
            "80,  AGE_80,  100.00",
            "89,  AGE_80,  100.00",
            "90,  AGE_90,  200.00",
            "99,  AGE_90,  200.00",
            "100, AGE_100, 500.00",
            "108, AGE_100, 500.00",
    })
    void givesTheTierAndAmountByAge(int age, String tier, BigDecimal amount) {
        Optional<GaolingAllowance.Entitlement> entitlement = evaluate(age, LocalDate.of(1940, 1, 1), YearMonth.of(2026, 12));
        if ("NONE".equals(tier)) {
            assertThat(entitlement).isEmpty();
            return;
        }
        assertThat(entitlement).get().satisfies(e -> {
            assertThat(e.tier()).isEqualTo(AgeTier.valueOf(tier));
            assertThat(e.amount()).isEqualTo(amount);
            assertThat(e.snapshot()).contains("\"age\":" + age, "\"monthlyAmount\":\"" + amount.toPlainString() + "\"");
        });
    }

    /** Worked by hand: the age that counts is the one reached by the month's last day. */
    @ParameterizedTest(name = "born {0}, in {1}: {2} years, {3}")
    @CsvSource({
            // 79 years 364 days on 31 Dec 2026: not yet
            "1947-01-01, 2026-12, 79, NONE",
            // the 80th birthday on the month's last day: from that month
            "1946-12-31, 2026-12, 80, AGE_80",
            // the 80th birthday on the month's first day
            "1946-12-01, 2026-12, 80, AGE_80",
            // the month before the birthday month: not yet
            "1946-12-15, 2026-11, 79, NONE",
            "1936-12-04, 2026-12, 90, AGE_90",
            "1937-01-04, 2026-12, 89, AGE_80",
            "1926-12-04, 2026-12, 100, AGE_100",
            "1927-01-01, 2026-12, 99, AGE_90",
            // born on 29 February: 80 on 28 February of a common year, so in February
            "1948-02-29, 2028-02, 80, AGE_80",
            "1947-02-28, 2027-02, 80, AGE_80",
    })
    void theAgeOfAMonthIsTheAgeOnItsLastDay(LocalDate born, String month, int age, String tier) {
        assertThat(GaolingAllowance.ageInMonth(born, YearMonth.parse(month))).isEqualTo(age);
        Optional<GaolingAllowance.Entitlement> entitlement = evaluate(age, born, YearMonth.parse(month));
        assertThat(entitlement.map(e -> e.tier().name()).orElse("NONE")).isEqualTo(tier);
    }

    private Optional<GaolingAllowance.Entitlement> evaluate(int age, LocalDate born, YearMonth month) {
        return GaolingAllowance.fromResult(engine.getDecisionService().evaluateDecisionByKey(GaolingAllowance.DECISION)
                .variables(Map.of("age", age)).evaluate().getSingleResult(), age, born, month);
    }
}
