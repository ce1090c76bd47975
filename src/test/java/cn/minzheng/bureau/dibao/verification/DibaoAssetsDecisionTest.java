package cn.minzheng.bureau.dibao.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * dibao-assets.dmn as deployed to a bare engine, with hand-worked numbers: the line is 24 months of the standard in
 * town, 36 in the country, per capita; at the line the household is still eligible, one cent above it is not.
 */
@Deployment(resources = "processes/dibao-assets.dmn")
class DibaoAssetsDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("bare-engine.cfg.xml").build();

    ProcessEngine engine;

    @ParameterizedTest(name = "{0}: per capita {1} at standard {2}, {3} vehicles, {4} homes, {5} commercial → {6}")
    @CsvSource(delimiter = '|', textBlock = """
            # urban standard 700: 24 × 700 = 16800.00 per capita
            URBAN | 16800.00 | 700.00 | 0 | 1 | 0 | true  | 家庭财产状况符合规定
            URBAN | 16800.01 | 700.00 | 0 | 1 | 0 | false | 家庭人均金融资产超过当地24个月的城市低保标准
            URBAN | 16799.99 | 700.00 | 0 | 0 | 0 | true  | 家庭财产状况符合规定
            # rural standard 520: 36 × 520 = 18720.00 per capita; the urban line (12480.00) does not apply
            RURAL | 18720.00 | 520.00 | 0 | 1 | 0 | true  | 家庭财产状况符合规定
            RURAL | 18720.01 | 520.00 | 0 | 1 | 0 | false | 家庭人均金融资产超过当地36个月的农村低保标准
            RURAL | 12480.01 | 520.00 | 0 | 1 | 0 | true  | 家庭财产状况符合规定
            # a vehicle (not a disabled member's mobility vehicle, which the report does not count), whatever the money
            URBAN | 0.00     | 700.00 | 1 | 1 | 0 | false | 家庭成员名下有机动车辆（残疾人功能性补偿代步机动车除外）
            # one home is allowed, a second is not
            RURAL | 0.00     | 520.00 | 0 | 2 | 0 | false | 家庭拥有两套及以上住房
            # a shop or other commercial property
            RURAL | 0.00     | 520.00 | 0 | 0 | 1 | false | 家庭拥有商铺、写字楼、厂房等非居住类房产
            # several at once: the first rule names the reason
            URBAN | 99999.00 | 700.00 | 2 | 3 | 1 | false | 家庭成员名下有机动车辆（残疾人功能性补偿代步机动车除外）
            """)
    void decidesByTheLinesOfTheLocality(String area, BigDecimal perCapita, BigDecimal standard, int vehicles, int homes,
                                        int commercial, boolean eligible, String reason) {
        Map<String, Object> result = engine.getDecisionService().evaluateDecisionByKey(AssetRule.DECISION)
                .variables(Variables.createVariables().putValue("areaType", area)
                        .putValue("perCapitaFinancialAssets", perCapita).putValue("monthlyStandard", standard)
                        .putValue("vehicles", vehicles).putValue("homes", homes)
                        .putValue("commercialProperties", commercial))
                .evaluate().getSingleResult().getEntryMap();
        assertThat(result).containsEntry("assetsEligible", eligible).containsEntry("assetsReason", reason);
    }
}
