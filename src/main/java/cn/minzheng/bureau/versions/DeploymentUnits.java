package cn.minzheng.bureau.versions;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Groups the files of processes/ and forms/ into deployments: each process with the forms its BPMN
 * names ({@code camunda:formRef="<form id>"}, the form file being named after its id), each decision
 * table alone, and forms that no process names in one deployment of their own. A task's form is bound
 * to its process's deployment ({@code camunda:formRefBinding="deployment"}), so a process and its forms
 * must always be deployed together.
 */
public final class DeploymentUnits {

    /** Name of the deployment of forms that no BPMN file names. */
    public static final String UNCLAIMED_FORMS = "forms";

    private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"$#{}]+)\"");

    private DeploymentUnits() {
    }

    /** @param files bare file name (such as {@code dibao-application.bpmn}) → content; returns deployment name → file names. */
    public static Map<String, List<String>> of(Map<String, String> files) {
        Map<String, List<String>> units = new TreeMap<>();
        Set<String> claimedForms = new LinkedHashSet<>();
        for (String name : new TreeMap<>(files).keySet()) {
            if (name.endsWith(".bpmn") || name.endsWith(".dmn")) {
                String deploymentName = baseName(name);
                if (units.containsKey(deploymentName)) {
                    throw new IllegalStateException("two files deploy under the name " + deploymentName + ": rename one of them");
                }
                List<String> unit = new ArrayList<>(List.of(name));
                if (name.endsWith(".bpmn")) {
                    for (String formId : formRefs(files.get(name))) {
                        String formFile = formId + ".form";
                        if (!files.containsKey(formFile)) {
                            throw new IllegalStateException(name + " names the form " + formId + ", but forms/" + formFile + " does not exist");
                        }
                        unit.add(formFile);
                        claimedForms.add(formFile);
                    }
                }
                units.put(deploymentName, unit);
            }
        }
        List<String> unclaimed = files.keySet().stream().filter(n -> n.endsWith(".form") && !claimedForms.contains(n))
                .sorted().toList();
        if (!unclaimed.isEmpty()) {
            units.put(UNCLAIMED_FORMS, new ArrayList<>(unclaimed));
        }
        return units;
    }

    public static Set<String> formRefs(String bpmn) {
        Set<String> ids = new LinkedHashSet<>();
        Matcher matcher = FORM_REF.matcher(bpmn);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    static String baseName(String fileName) {
        return fileName.substring(0, fileName.lastIndexOf('.'));
    }
}
