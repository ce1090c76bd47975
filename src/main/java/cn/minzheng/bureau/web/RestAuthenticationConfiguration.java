package cn.minzheng.bureau.web;

import jakarta.servlet.Filter;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import cn.minzheng.bureau.engine.EngineRest;

/**
 * HTTP Basic login against the engine's identity service for the engine REST API, the project's
 * own API, the Prometheus scrape and the OpenAPI description: anonymous requests get 401, and the
 * engine then checks authorizations as the logged-in user and their groups.
 */
@Configuration
public class RestAuthenticationConfiguration {

    @Bean
    public FilterRegistrationBean<Filter> restAuthenticationFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("bureau-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                EngineRest.HTTP_BASIC_PROVIDER);
        // everything but the load balancer's health check and the Swagger UI's static page needs a login
        registration.addUrlPatterns("/engine-rest/*", "/api/*", "/actuator/prometheus", "/v3/api-docs", "/v3/api-docs/*");
        registration.setOrder(10);
        return registration;
    }
}
