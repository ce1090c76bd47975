package cn.minzheng.bureau.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Which deployments the check refuses: a process whose forms, bound to its deployment, are not in it. */
class FormsDeployedWithTheirProcessTest {

    private final FormsDeployedWithTheirProcess check = new FormsDeployedWithTheirProcess();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            form bound to the deployment, deployed with it      | camunda:formRef="accept" camunda:formRefBinding="deployment" | accept | true
            form bound to the deployment, missing               | camunda:formRef="accept" camunda:formRefBinding="deployment" |        | false
            another form deployed, not the one named            | camunda:formRef="accept" camunda:formRefBinding="deployment" | survey | false
            form bound to its latest version, missing           | camunda:formRef="accept" camunda:formRefBinding="latest"     |        | true
            form without a binding (latest), missing            | camunda:formRef="accept"                                     |        | true
            form named by an expression, missing                | camunda:formRef="${formId}" camunda:formRefBinding="deployment" |     | true
            form file of the deployment, deployed with it       | camunda:formKey="camunda-forms:deployment:accept.form"       | accept | true
            form file of the deployment, missing                | camunda:formKey="camunda-forms:deployment:accept.form"       |        | false
            embedded form, not a deployed one                   | camunda:formKey="embedded:app:forms/accept.html"             |        | true
            no form                                             |                                                              |        | true
            """)
    void aNewDeploymentIsRefusedWhereAFormBoundToItIsMissing(String description, String formAttributes, String deployedForm,
                                                            boolean accepted) {
        Map<String, byte[]> deployment = new HashMap<>(Map.of("p.bpmn", process(formAttributes == null ? "" : formAttributes)));
        if (deployedForm != null) {
            deployment.put(deployedForm + ".form", form(deployedForm));
        }
        if (accepted) {
            assertThatCode(() -> check.check(deployment)).doesNotThrowAnyException();
        } else {
            ParseException refused = catchThrowableOfType(ParseException.class, () -> check.check(deployment));
            assertThat(refused).isNotNull();
            assertThat(refused.getMessage()).contains("流程文件 p.bpmn 使用的表单没有随本次部署提交", "accept", "受理申请", "本次部署未生效");
            assertThat(refused.getResorceReports()).singleElement().satisfies(report -> {
                assertThat(report.getResourceName()).isEqualTo("p.bpmn");
                assertThat(report.getErrors()).extracting(Problem::getMainElementId, Problem::getLine)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("Task_Accept", 5));
            });
        }
    }

    @Test
    void aFormIsFoundByItsIdWhateverItsFileIsCalled() {
        Map<String, byte[]> deployment = Map.of(
                "p.bpmn", process("camunda:formRef=\"accept\" camunda:formRefBinding=\"deployment\""),
                "forms/受理表单-2027.form", form("accept"));
        assertThatCode(() -> check.check(deployment)).doesNotThrowAnyException();
    }

    @Test
    void aFormThatIsNotJsonIsRefusedInChinese() {
        Map<String, byte[]> deployment = Map.of("broken.form", "{ not json".getBytes(StandardCharsets.UTF_8));
        assertThat(catchThrowableOfType(ParseException.class, () -> check.check(deployment)).getMessage())
                .contains("表单文件 broken.form 不是有效的 Camunda 表单");
    }

    private static byte[] process(String formAttributes) {
        return ("""
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d">
                  <bpmn:process id="p" isExecutable="true">
                    <bpmn:startEvent id="StartEvent_Submitted" />
                    <bpmn:userTask id="Task_Accept" name="受理申请" %s />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(formAttributes)).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] form(String id) {
        return ("{\"id\": \"" + id + "\", \"type\": \"default\", \"components\": []}").getBytes(StandardCharsets.UTF_8);
    }
}
