package cn.minzheng.bureau.web;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ProcessEngineExceptionHandler;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.exception.RestExceptionHandler;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.EngineRest;

/**
 * The engine REST API (which Tasklist uses) as the starter configures it, except that a refused
 * form submission answers with the rule's own Chinese message and a 4xx instead of the engine's
 * wrapped "ENGINE-03051 … TaskListener" 500, and a submission that lost a race with another on the same process
 * answers 409 in Chinese ({@link SimultaneousChange}). The engine throws it wrapped in a ProcessEngineException
 * or, from form submission, in a RestException; Jersey cannot rank two mappers of one exception type,
 * so the engine's mappers for both are replaced by ones that fall back to them.
 */
@Component
public class EngineRestRuleViolations extends CamundaJerseyResourceConfig {

    @Override
    protected void registerCamundaRestResources() {
        registerClasses(EngineRest.resourceClasses());
        Set<Class<?>> configuration = new HashSet<>(EngineRest.configurationClasses());
        configuration.remove(ProcessEngineExceptionHandler.class);
        configuration.remove(RestExceptionHandler.class);
        registerClasses(configuration);
        register(EngineExceptions.class);
        register(RestExceptions.class);
        register(JacksonFeature.class);
    }

    public static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {

        private final ProcessEngineExceptionHandler engineDefault = new ProcessEngineExceptionHandler();

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return ruleViolation(exception).orElseGet(() -> engineDefault.toResponse(exception));
        }
    }

    public static class RestExceptions implements ExceptionMapper<RestException> {

        private final RestExceptionHandler engineDefault = new RestExceptionHandler();

        @Override
        public Response toResponse(RestException exception) {
            return ruleViolation(exception).orElseGet(() -> engineDefault.toResponse(exception));
        }
    }

    static Optional<Response> ruleViolation(Throwable thrown) {
        return RuleViolation.in(thrown).or(() -> SimultaneousChange.in(thrown)).map(violation -> Response.status(violation.getHttpStatus())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Map.of("type", "RuleViolation", "code", violation.getErrorCode(), "message", violation.getMessage()))
                .build());
    }
}
