package cn.minzheng.bureau.web;

import java.io.IOException;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.http.HttpServletResponse;

/**
 * A refusal written by one of the project's filters in front of the engine REST API or the webapps' engine API, in
 * the shape the engine's own refusals of a broken rule take there ({@link EngineRestRuleViolations}), which Tasklist
 * shows: {@code {"type": "RuleViolation", "code": …, "message": …}}.
 */
final class EngineApiRefusals {

    private EngineApiRefusals() {
    }

    static void refuse(HttpServletResponse response, ObjectMapper json, int status, String code, String message)
            throws IOException {
        byte[] answer = json.writeValueAsBytes(Map.of("type", "RuleViolation", "code", code, "message", message));
        response.setStatus(status);
        response.setContentType("application/json;charset=UTF-8");
        response.setContentLength(answer.length);
        response.getOutputStream().write(answer);
    }
}
