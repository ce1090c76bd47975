package cn.minzheng.bureau.common;

import java.util.List;
import java.util.Map;

import org.camunda.spin.json.SpinJsonNode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The rows of a form's dynamic list, whether they arrive as a Json variable, a JSON string or a Java list. */
public final class JsonRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonRows() {
    }

    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> of(Object value, String listLabel) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return (List<Map<String, Object>>) list;
        }
        String json = value instanceof SpinJsonNode node ? node.toString() : value.toString();
        try {
            return JSON.readValue(json, new TypeReference<List<Map<String, Object>>>() {
            });
        } catch (JsonProcessingException e) {
            throw new RuleViolation("INVALID_LIST", listLabel + "格式不正确");
        }
    }

    public static String text(Map<String, Object> row, String key) {
        Object value = row.get(key);
        return value == null || value.toString().isBlank() ? null : value.toString().trim();
    }

    public static boolean flag(Map<String, Object> row, String key) {
        Object value = row.get(key);
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }
}
