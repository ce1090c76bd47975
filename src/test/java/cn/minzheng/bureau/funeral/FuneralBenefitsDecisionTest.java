package cn.minzheng.bureau.funeral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.funeral.benefits.FeeService;
import cn.minzheng.bureau.funeral.benefits.FuneralBenefitsService;
import cn.minzheng.bureau.funeral.benefits.FuneralRules;

/**
 * funeral-fee-entitlement.dmn, funeral-basic-fees.dmn and funeral-eco-burial-amount.dmn as deployed to a bare engine,
 * with the waived amounts worked by hand (caps: 遗体接运 400, 暂存 150, 火化 600, 骨灰寄存 300), and the settlement
 * month's and burial date's rules.
 */
@Deployment(resources = {"processes/funeral-fee-entitlement.dmn", "processes/funeral-basic-fees.dmn",
        "processes/funeral-eco-burial-amount.dmn"})
class FuneralBenefitsDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("bare-engine.cfg.xml").build();

    ProcessEngine engine;

    @ParameterizedTest(name = "特困 {0}, 低保 {1}, 优抚 {2}: {3}")
    @CsvSource({
            "true,  false, false, TEKUN",
            "false, true,  false, DIBAO",
            "false, false, true,  YOUFU",
            // several: the first row of the table
            "true,  true,  true,  TEKUN",
            "false, true,  true,  DIBAO",
            // none (高龄津贴 alone, or nothing): no waiver
            "false, false, false, ",
    })
    void entitlesTheGroupsByTheirEnrolmentsAtDeath(boolean tekun, boolean dibao, boolean youfu, String expected) {
        DmnDecisionResultEntries first = engine.getDecisionService().evaluateDecisionByKey(FuneralBenefitsService.ENTITLEMENT_DECISION)
                .variables(Map.of("tekun", tekun, "dibao", dibao, "youfu", youfu)).evaluate().getFirstResult();
        if (expected == null) {
            assertThat(first).isNull();
        } else {
            assertThat((String) first.getEntry("entitlement")).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "fees {0}/{1}/{2}/{3}: {4} waived")
    @CsvSource({
            // every fee under its cap: all of it, 380 + 120 + 550 + 200 = 1250
            "380.00, 120.00, 550.00, 200.00, 1250.00",
            // every fee over its cap: the caps, 400 + 150 + 600 + 300 = 1450
            "520.00, 300.00, 980.00, 600.00, 1450.00",
            // mixed: 400 (of 450.50) + 0 + 599.99 + 300 (of 360) = 1299.99
            "450.50, 0,      599.99, 360.00, 1299.99",
            // only the cremation: 600 (of 800)
            "0,      0,      800.00, 0,      600.00",
    })
    void waivesEachFeeUpToTheStandard(BigDecimal transport, BigDecimal storage, BigDecimal cremation, BigDecimal ash,
                                      BigDecimal expected) {
        Map<FeeService, BigDecimal> caps = new EnumMap<>(FeeService.class);
        for (FeeService service : FeeService.values()) {
            caps.put(service, Money.parse(engine.getDecisionService().evaluateDecisionByKey(FuneralBenefitsService.FEES_DECISION)
                    .variables(Map.of("service", service.name())).evaluate().getSingleResult().getEntry("cap"), "cap"));
        }
        assertThat(caps).containsEntry(FeeService.TRANSPORT, new BigDecimal("400.00"))
                .containsEntry(FeeService.ASH_STORAGE, new BigDecimal("300.00"));
        Map<FeeService, BigDecimal> fees = Map.of(FeeService.TRANSPORT, transport, FeeService.STORAGE, storage,
                FeeService.CREMATION, cremation, FeeService.ASH_STORAGE, ash);
        assertThat(FuneralRules.waived(fees, caps)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"TREE, 1000.00", "FLOWER, 1000.00", "SEA, 2000.00"})
    void rewardsEachKindOfEcoBurial(String kind, BigDecimal expected) {
        Object amount = engine.getDecisionService().evaluateDecisionByKey(FuneralBenefitsService.ECO_DECISION)
                .variables(Map.of("burialKind", kind)).evaluate().getSingleResult().getEntry("amount");
        assertThat(Money.parse(amount, "amount")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} on {1}: {2}")
    @CsvSource({
            "2026-11, 2026-12-05, ",
            "2025-12, 2026-01-01, ",
            "2026-12, 2026-12-31, 只能结算已结束的月份",
            "2027-01, 2026-12-05, 只能结算已结束的月份",
            "2026-13, 2026-12-05, 格式不正确",
            "'',      2026-12-05, 请填写结算月份",
    })
    void settlesOnlyAMonthThatHasEnded(String month, LocalDate today, String refusal) {
        if (refusal == null) {
            assertThat(FuneralRules.settlementMonth(month, today).toString()).isEqualTo(month);
        } else {
            assertThatThrownBy(() -> FuneralRules.settlementMonth(month, today)).isInstanceOf(RuleViolation.class)
                    .hasMessageContaining(refusal);
        }
    }

    @ParameterizedTest(name = "burial {0}, death {1}, today {2}: {3}")
    @CsvSource({
            "2026-12-01, 2026-12-01, 2026-12-05, ",
            "2026-12-05, 2026-11-20, 2026-12-05, ",
            "2026-11-30, 2026-12-01, 2026-12-05, 早于死亡日期",
            "2026-12-06, 2026-12-01, 2026-12-05, 晚于今天",
    })
    void buriesOnOrAfterTheDeathAndNotInTheFuture(LocalDate burial, LocalDate death, LocalDate today, String refusal) {
        if (refusal == null) {
            FuneralRules.checkBurialDate(burial, death, today);
        } else {
            assertThatThrownBy(() -> FuneralRules.checkBurialDate(burial, death, today)).isInstanceOf(RuleViolation.class)
                    .hasMessageContaining(refusal);
        }
    }
}
