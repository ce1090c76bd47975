package cn.minzheng.bureau.tekun;

import static org.assertj.core.api.Assertions.assertThat;

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

/** The two amount tables of 特困供养 as deployed, with hand-worked numbers, and the 1.3 floor on every row. */
@Deployment(resources = {"processes/tekun-basic-living.dmn", "processes/tekun-care.dmn", "processes/dibao-standard.dmn"})
class TekunDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("bare-engine.cfg.xml").build();

    ProcessEngine engine;

    /** 基本生活 + 照料护理: e.g. rural full care 680 + 1800 × 60 % = 680 + 1080 = 1760. */
    @ParameterizedTest(name = "{0} {1}: {2} + {3} = {4}")
    @CsvSource({
            "URBAN, FULL_SELF_CARE, 910.00, 210.00,  1120.00",
            "URBAN, PARTIAL_CARE,   910.00, 630.00,  1540.00",
            "URBAN, FULL_CARE,      910.00, 1260.00, 2170.00",
            "RURAL, FULL_SELF_CARE, 680.00, 180.00,  860.00",
            "RURAL, PARTIAL_CARE,   680.00, 540.00,  1220.00",
            "RURAL, FULL_CARE,      680.00, 1080.00, 1760.00",
    })
    void givesBothAmounts(String area, String level, BigDecimal basic, BigDecimal care, BigDecimal monthly) {
        DecisionService decisions = engine.getDecisionService();
        BigDecimal basicLiving = Money.parse(decisions.evaluateDecisionByKey(TekunAmounts.BASIC_LIVING_DECISION)
                .variables(Map.of("areaType", area)).evaluate().getSingleResult().getEntry("basicLiving"), "基本生活标准");
        BigDecimal careAmount = Money.parse(decisions.evaluateDecisionByKey(TekunAmounts.CARE_DECISION)
                .variables(Map.of("areaType", area, "selfCareLevel", level)).evaluate().getSingleResult()
                .getEntry("careAmount"), "照料护理标准");
        assertThat(basicLiving).isEqualTo(basic);
        assertThat(careAmount).isEqualTo(care);
        assertThat(basicLiving.add(careAmount)).isEqualTo(monthly);
    }

    /** 基本生活标准 ≥ 1.3 × 低保标准 (一般困难家庭) for every area, as deployed. */
    @Test
    void basicLivingIsNeverBelowOnePointThreeTimesTheDibaoStandard() {
        DecisionService decisions = engine.getDecisionService();
        for (AreaType area : AreaType.values()) {
            BigDecimal dibao = Money.parse(decisions.evaluateDecisionByKey("dibao-standard")
                    .variables(Map.of("areaType", area.name(), "caseCategory", "ORDINARY")).evaluate().getSingleResult()
                    .getEntry("monthlyStandard"), "低保标准");
            BigDecimal basic = Money.parse(decisions.evaluateDecisionByKey(TekunAmounts.BASIC_LIVING_DECISION)
                    .variables(Map.of("areaType", area.name())).evaluate().getSingleResult().getEntry("basicLiving"),
                    "基本生活标准");
            TekunEligibility.checkBasicLiving(basic, dibao);
        }
    }

    @Test
    void anUnknownCareLevelHasNoAmount() {
        assertThat(engine.getDecisionService().evaluateDecisionByKey(TekunAmounts.CARE_DECISION)
                .variables(Map.of("areaType", "URBAN", "selfCareLevel", "UNKNOWN")).evaluate().getSingleResult()).isNull();
    }
}
