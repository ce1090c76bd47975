package cn.minzheng.bureau.web;

import java.util.HashSet;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The variables a Camunda Form only shows (bound by read-only or disabled fields, and by no field the
 * user can edit), and those it lets the user write. A field inside a group or list with a {@code path} binds the variable named by that path.
 */
final class ReadOnlyFormFields {

    private ReadOnlyFormFields() {
    }

    static Set<String> variables(JsonNode form) {
        Set<String> shown = new HashSet<>();
        Set<String> edited = new HashSet<>();
        collect(form, null, shown, edited);
        shown.removeAll(edited);
        return shown;
    }

    /** The variables a Camunda Form lets the user write: bound by a field that is neither read-only nor disabled. */
    static Set<String> editable(JsonNode form) {
        Set<String> shown = new HashSet<>();
        Set<String> edited = new HashSet<>();
        collect(form, null, shown, edited);
        return edited;
    }

    private static void collect(JsonNode container, String boundTo, Set<String> shown, Set<String> edited) {
        for (JsonNode component : container.path("components")) {
            String path = text(component, "path");
            String variable = boundTo != null ? boundTo : path != null ? topLevel(path) : null;
            String key = text(component, "key");
            if (key != null) {
                String name = variable != null ? variable : topLevel(key);
                // only a literal true: a FEEL condition ("=…") may make the field editable
                boolean readOnly = component.path("readonly").isBoolean() && component.path("readonly").booleanValue()
                        || component.path("disabled").isBoolean() && component.path("disabled").booleanValue();
                (readOnly ? shown : edited).add(name);
            }
            collect(component, variable, shown, edited);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static String topLevel(String path) {
        int dot = path.indexOf('.');
        return dot < 0 ? path : path.substring(0, dot);
    }
}
