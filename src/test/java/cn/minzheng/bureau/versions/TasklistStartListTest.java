package cn.minzheng.bureau.versions;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.junit.jupiter.api.Test;

/**
 * Tasklist's "启动流程" list offers every process a user may start unless its BPMN says otherwise. A process the
 * application starts itself, once the record it works on is registered (a review for an approved case, a plan, a
 * collapsed house), has no start form: offered in that list it would start with nothing to work on and fail.
 */
class TasklistStartListTest {

    @Test
    void everyProcessTasklistOffersHasAStartFormAndEveryOtherIsKeptOutOfTheList() throws IOException {
        List<Path> files;
        try (Stream<Path> listed = Files.list(Path.of("processes"))) {
            files = listed.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList();
        }
        int offered = 0;
        for (Path file : files) {
            BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
            for (Process process : model.getModelElementsByType(Process.class)) {
                boolean startForm = process.getChildElementsByType(StartEvent.class).stream()
                        .anyMatch(start -> start.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "formRef") != null);
                // read as an attribute: the Operaton build's model API names its getter differently
                if (!"false".equals(process.getAttributeValueNs(BpmnModelConstants.CAMUNDA_NS, "isStartableInTasklist"))) {
                    offered++;
                    assertThat(startForm).as(file.getFileName() + ": offered in Tasklist's start list, so it needs a start "
                            + "form, or camunda:isStartableInTasklist=\"false\" if the application starts it").isTrue();
                }
            }
        }
        assertThat(files).hasSizeGreaterThan(30);
        assertThat(offered).isGreaterThan(15);
    }
}
