package cn.minzheng.bureau.web;

import jakarta.servlet.Filter;

import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * HTTP Basic login against the engine's identity service for the engine REST API and the
 * project's own API: anonymous requests get 401, and the engine then checks authorizations
 * as the logged-in user and their groups.
 */
@Configuration
public class RestAuthenticationConfiguration {

    @Bean
    public FilterRegistrationBean<Filter> restAuthenticationFilter() {
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
        registration.setName("bureau-rest-authentication");
        registration.addInitParameter(ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
                HttpBasicAuthenticationProvider.class.getName());
        registration.addUrlPatterns("/engine-rest/*", "/api/*");
        registration.setOrder(10);
        return registration;
    }
}
