package cn.minzheng.bureau.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.common.Money;

/** The minimum registered funds per kind as deployed to a bare engine (bare-engine.cfg.xml). */
@Deployment(resources = "processes/organisation-minimum-funds.dmn")
class OrganisationMinimumFundsDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("bare-engine.cfg.xml").build();

    ProcessEngine engine;

    @ParameterizedTest(name = "{0}: at least {1} yuan")
    @CsvSource({
            "SOCIAL_GROUP,           30000.00",
            "PRIVATE_NON_ENTERPRISE, 50000.00",
    })
    void givesTheMinimumPerKind(String kind, BigDecimal minimum) {
        Object result = engine.getDecisionService()
                .evaluateDecisionByKey(OrganisationRegistrationProcess.MINIMUM_FUNDS_DECISION)
                .variables(Map.of("organisationKind", kind)).evaluate().getSingleResult().getEntryMap().get("minimumFunds");
        assertThat(Money.parse(result, "最低注册资金")).isEqualTo(minimum);
    }
}
