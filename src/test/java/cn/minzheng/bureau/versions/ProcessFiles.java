package cn.minzheng.bureau.versions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The files a process manager edits in Camunda Modeler, read from the repository's processes/ and forms/. */
final class ProcessFiles {

    private ProcessFiles() {
    }

    static String text(String folder, String fileName) {
        try {
            return Files.readString(Path.of(folder, fileName), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A process's BPMN, changed by {@code from → to} replacements, with the forms it names: what a
     * process manager deploys from Modeler (the BPMN plus its forms as additional files).
     */
    static Map<String, byte[]> processWithForms(String key, String... replacements) {
        String bpmn = text("processes", key + ".bpmn");
        for (int i = 0; i < replacements.length; i += 2) {
            if (!bpmn.contains(replacements[i])) {
                throw new IllegalArgumentException(key + ".bpmn has no " + replacements[i]);
            }
            bpmn = bpmn.replace(replacements[i], replacements[i + 1]);
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(key + ".bpmn", bpmn.getBytes(StandardCharsets.UTF_8));
        for (String formId : DeploymentUnits.formRefs(bpmn)) {
            files.put(formId + ".form", text("forms", formId + ".form").getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }
}
