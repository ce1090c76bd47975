package cn.minzheng.bureau.web;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Camunda webapps' pages, each with its own Content-Security-Policy nonce ({@link WebappPageNonceFilter}), and
 * their APIs' answer to a request whose login has ended ({@link LoginEndedFilter}).
 */
@Configuration
public class WebappPageConfiguration {

    @Bean
    public FilterRegistrationBean<WebappPageNonceFilter> webappPageNonceFilter(CamundaBpmProperties camunda) {
        FilterRegistrationBean<WebappPageNonceFilter> registration = new FilterRegistrationBean<>(new WebappPageNonceFilter());
        registration.setName("bureau-webapp-page-nonce");
        // Camunda registers its filters to match after the application's, so this one wraps the request for them
        registration.addUrlPatterns(camunda.getWebapp().getApplicationPath() + "/app/*");
        return registration;
    }

    @Bean
    public FilterRegistrationBean<LoginEndedFilter> loginEndedFilter(CamundaBpmProperties camunda, ObjectMapper json) {
        FilterRegistrationBean<LoginEndedFilter> registration = new FilterRegistrationBean<>(new LoginEndedFilter(json));
        registration.setName("bureau-webapp-login-ended");
        registration.addUrlPatterns(camunda.getWebapp().getApplicationPath() + "/api/*");
        return registration;
    }
}
