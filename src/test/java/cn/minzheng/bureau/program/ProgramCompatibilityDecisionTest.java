package cn.minzheng.bureau.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cross-program rules table as deployed to a bare engine: every pair of programs of the registry. */
@Deployment(resources = "processes/program-compatibility.dmn")
class ProgramCompatibilityDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("bare-engine.cfg.xml").build();

    ProcessEngine engine;

    @ParameterizedTest(name = "{0} beside {1}: allowed {2}")
    @CsvSource({
            "TEKUN,   DIBAO,   false, 低保家庭成员须先退出低保，才能纳入特困人员救助供养",
            "DIBAO,   TEKUN,   false, 特困供养人员不能同时纳入低保，也不计入低保家庭",
            "TEKUN,   TEKUN,   false, 同一人不能重复纳入特困人员救助供养",
            "TEKUN,   GAOLING, true,  ''",
            "GAOLING, TEKUN,   true,  ''",
            "TEKUN,   LINSHI,  true,  ''",
            "LINSHI,  TEKUN,   true,  ''",
            "DIBAO,   GAOLING, true,  ''",
            "GAOLING, DIBAO,   true,  ''",
            "DIBAO,   LINSHI,  true,  ''",
            "LINSHI,  DIBAO,   true,  ''",
            "LINSHI,  LINSHI,  true,  ''",
            "GAOLING, GAOLING, true,  ''",
    })
    void decidesEveryPairOfPrograms(String enrolling, String existing, boolean allowed, String reason) {
        DmnDecisionResultEntries result = engine.getDecisionService()
                .evaluateDecisionByKey(CrossProgramRules.DECISION)
                .variables(Map.of("enrollingProgram", enrolling, "existingProgram", existing))
                .evaluate().getFirstResult();
        assertThat(result.<Boolean>getEntry("allowed")).isEqualTo(allowed);
        assertThat(result.<String>getEntry("reason")).isEqualTo(reason);
    }
}
