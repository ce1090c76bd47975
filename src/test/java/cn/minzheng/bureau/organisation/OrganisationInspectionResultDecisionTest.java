package cn.minzheng.bureau.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The annual inspection's result over the findings, worked by hand from the table (first matching rule wins), on a
 * bare engine. Minimum funds 30000 (社会团体).
 */
@Deployment(resources = "processes/organisation-inspection-result.dmn")
class OrganisationInspectionResultDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("bare-engine.cfg.xml").build();

    ProcessEngine engine;

    @ParameterizedTest(name = "charter {0}, {1} activities, net assets {2}, opinion {3}: {4}")
    @CsvSource({
            // everything in order, net assets exactly the minimum
            "true,  12, 30000.00,  true,  QUALIFIED,           各项检查均符合要求",
            "true,   1, 85000.00,  true,  QUALIFIED,           各项检查均符合要求",
            // one short of the minimum, 29999.99 < 30000
            "true,  12, 29999.99,  true,  BASICALLY_QUALIFIED, 年末净资产低于该类型最低注册资金",
            "true,  12, 85000.00,  false, BASICALLY_QUALIFIED, 业务主管单位未出具初审意见",
            // both basic faults: the opinion's rule comes first
            "true,  12, 100.00,    false, BASICALLY_QUALIFIED, 业务主管单位未出具初审意见",
            "true,  12, 0.00,      true,  BASICALLY_QUALIFIED, 年末净资产低于该类型最低注册资金",
            "true,  12, -0.01,     true,  UNQUALIFIED,         资不抵债（年末净资产为负）",
            "true,   0, 85000.00,  true,  UNQUALIFIED,         年度内未开展业务活动",
            "false, 12, 85000.00,  true,  UNQUALIFIED,         未按照章程开展活动",
            // every fault: the charter's rule comes first
            "false,  0, -500.00,   false, UNQUALIFIED,         未按照章程开展活动",
    })
    void givesTheResultOfTheFirstMatchingRule(boolean charter, int activities, double netAssets, boolean opinion,
                                              String result, String reason) {
        Map<String, Object> outcome = engine.getDecisionService()
                .evaluateDecisionByKey(AnnualInspectionProcess.RESULT_DECISION)
                .variables(Map.of("charterFollowed", charter, "activitiesHeld", activities, "netAssets", netAssets,
                        "supervisorOpinion", opinion, "minimumFunds", 30000.0))
                .evaluate().getSingleResult().getEntryMap();
        assertThat(outcome).containsEntry("inspectionResult", result).containsEntry("resultReason", reason);
    }
}
