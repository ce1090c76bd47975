package cn.minzheng.bureau.tekun;

import static cn.minzheng.bureau.support.RuleViolations.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.household.ResidentIdNumber;

/**
 * 特困人员丧葬补助 by hand: the months of tekun-funeral-months.dmn by year of death (on a bare engine), the amount,
 * and who may be the payee.
 */
@Deployment(resources = "processes/tekun-funeral-months.dmn")
class FuneralAllowanceRulesTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("bare-engine.cfg.xml").build();

    ProcessEngine engine;

    private static final String DECEASED = id("41031319440404123");
    private static final String PAYEE = id("41031319700101456");

    @ParameterizedTest(name = "died in {0}: {1} months")
    @CsvSource({"2019, 5", "2024, 5", "2025, 5", "2026, 6", "2027, 6", "2035, 6"})
    void theTableGivesTheMonthsByYearOfDeath(int year, int months) {
        Object result = engine.getDecisionService().evaluateDecisionByKey(FuneralAllowanceProcess.DECISION)
                .variables(Map.of("deathYear", year)).evaluate().getSingleResult().get("months");
        assertThat(((Number) result).intValue()).isEqualTo(months);
    }

    @ParameterizedTest(name = "{0} × {1} = {2}")
    @CsvSource({
            // rural (岳村乡): 基本生活标准 680 (1.3 × 520 = 676, rounded up), died in 2026
            "680.00,  6, 4080.00",
            // urban (街道): 基本生活标准 910 (1.3 × 700), died in 2025
            "910.00,  5, 4550.00",
            "883.35,  6, 5300.10",
            "0.01,    5, 0.05",
    })
    void theAmountIsTheMonthlyBasicLivingTimesTheMonths(String basic, int months, String amount) {
        assertThat(FuneralAllowanceRules.amount(new BigDecimal(basic), months)).isEqualByComparingTo(amount)
                .satisfies(a -> assertThat(a.scale()).isEqualTo(2));
    }

    @ParameterizedTest(name = "basic living {0}: refused")
    @CsvSource(value = {"NULL", "0", "-1"}, nullValues = "NULL")
    void noAllowanceWithoutABasicLivingAmount(String basic) {
        assertThatThrownBy(() -> FuneralAllowanceRules.amount(basic == null ? null : new BigDecimal(basic), 6))
                .satisfies(violation("没有核定基本生活标准"));
    }

    @ParameterizedTest(name = "payee \"{0}\": {1}")
    @CsvSource(value = {
            "NULL,                 请填写领取人身份证号码",
            "'  ',                 请填写领取人身份证号码",
            "410313197001014561,   无效",
            "41031319700101,       无效",
            "DECEASED,             领取人不能是死者本人",
    }, nullValues = "NULL")
    void aPayeeIsAValidIdNumberOtherThanTheDeceased(String text, String refusal) {
        String given = "DECEASED".equals(text) ? DECEASED : text;
        assertThatThrownBy(() -> FuneralAllowanceRules.payeeIdNumber(given, DECEASED)).satisfies(violation(refusal));
    }

    @ParameterizedTest(name = "payee \"{0}\" accepted")
    @CsvSource({"PAYEE", "' PAYEE '", "payee-lower"})
    void aValidPayeeIsNormalised(String text) {
        String given = switch (text.trim()) {
            case "PAYEE" -> text.replace("PAYEE", PAYEE);
            default -> PAYEE.toLowerCase();
        };
        assertThat(FuneralAllowanceRules.payeeIdNumber(given, DECEASED)).isEqualTo(PAYEE);
    }

    @ParameterizedTest(name = "relation {0}: {1}")
    @CsvSource(value = {"RELATIVE, ok", "INSTITUTION, ok", "COMMITTEE, ok", "OTHER, ok", "NULL, 请选择领取人身份",
            "FRIEND, 领取人身份的取值“FRIEND”无效"}, nullValues = "NULL")
    void theRelationIsOneOfTheForm(String code, String outcome) {
        if ("ok".equals(outcome)) {
            assertThat(FuneralAllowanceRules.relation(code)).isEqualTo(code);
        } else {
            assertThatThrownBy(() -> FuneralAllowanceRules.relation(code)).satisfies(violation(outcome));
        }
    }

    private static String id(String first17) {
        return first17 + ResidentIdNumber.checkCharacter(first17);
    }
}
