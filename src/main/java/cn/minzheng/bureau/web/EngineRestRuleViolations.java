package cn.minzheng.bureau.web;

import java.util.Map;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.RuleViolation;

/**
 * The engine REST API (which Tasklist uses) answers a refused form submission with the rule's own
 * Chinese message and a 4xx, instead of the engine's wrapped "ENGINE-03051 … TaskListener" 500.
 */
@Component
public class EngineRestRuleViolations implements ResourceConfigCustomizer {

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(Mapper.class);
    }

    @Priority(1)
    public static class Mapper implements ExceptionMapper<ProcessEngineException> {

        private final ProcessEngineExceptionHandler engineDefault = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return RuleViolation.in(exception)
                    .map(violation -> Response.status(violation.getHttpStatus())
                            .type(MediaType.APPLICATION_JSON_TYPE)
                            .entity(Map.of("type", "RuleViolation", "code", violation.getErrorCode(),
                                    "message", violation.getMessage()))
                            .build())
                    .orElseGet(() -> engineDefault.toResponse(exception));
        }
    }
}
