package cn.minzheng.bureau.engine;

import java.util.Set;

import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;

/** The engine REST API's parts, as the application assembles and guards it. */
public final class EngineRest {

    /** The name of the engine's HTTP Basic login against its identity service, for the REST authentication filter. */
    public static final String HTTP_BASIC_PROVIDER = HttpBasicAuthenticationProvider.class.getName();

    private EngineRest() {
    }

    /** The REST API's resources (process definitions, tasks, …). */
    public static Set<Class<?>> resourceClasses() {
        return CamundaRestResources.getResourceClasses();
    }

    /** The REST API's providers (JSON mapping, exception mappers, …). */
    public static Set<Class<?>> configurationClasses() {
        return CamundaRestResources.getConfigurationClasses();
    }
}
