package cn.minzheng.bureau.versions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeploymentUnitsTest {

    private static final String BPMN_A = "<bpmn:userTask camunda:formRef=\"a-review\" camunda:formRefBinding=\"deployment\"/>"
            + "<bpmn:startEvent camunda:formRef=\"a-start\"/>";
    private static final String BPMN_B = "<bpmn:userTask camunda:formRef=\"shared-form\"/>";

    /** unit: the deployment name; files: what it holds, in order */
    @ParameterizedTest(name = "{0} holds {1}")
    @CsvSource(delimiter = '|', value = {
            "a            | a.bpmn a-review.form a-start.form",
            "b            | b.bpmn shared-form.form",
            "standard     | standard.dmn",
            "forms        | a-old.form orphan.form",
    })
    void eachProcessIsDeployedWithTheFormsItNamesAndEachDecisionAlone(String unit, String expectedFiles) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("a.bpmn", BPMN_A);
        files.put("b.bpmn", BPMN_B);
        files.put("standard.dmn", "<definitions/>");
        for (String form : List.of("a-start", "a-review", "a-old", "shared-form", "orphan")) {
            files.put(form + ".form", "{\"id\":\"" + form + "\"}");
        }
        assertThat(DeploymentUnits.of(files)).containsEntry(unit, Arrays.asList(expectedFiles.split(" ")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "a.bpmn | <x camunda:formRef=\"missing\"/> | missing.form does not exist",
            "a.dmn  | <definitions/>                    | two files deploy under the name a",
    })
    void inconsistentFilesStopTheStart(String secondFile, String content, String message) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("a.bpmn".equals(secondFile) ? "a.bpmn" : "a.bpmn", "a.bpmn".equals(secondFile) ? content : "<x/>");
        if (!"a.bpmn".equals(secondFile)) {
            files.put(secondFile, content);
        }
        assertThatThrownBy(() -> DeploymentUnits.of(files)).hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "camunda:formRef=\"dibao-accept\" camunda:formRefBinding=\"deployment\" | dibao-accept",
            "camunda:formRef=\"${formName}\"                                          | ''",
            "camunda:formKey=\"embedded:app:x.html\"                                  | ''",
    })
    void formReferencesAreReadFromTheBpmn(String bpmn, String expected) {
        assertThat(String.join(",", DeploymentUnits.formRefs(bpmn))).isEqualTo(expected);
    }
}
