package cn.minzheng.bureau.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers {@link CsrfProtectionFilter} for every path, before the REST login: it leaves Camunda's own paths alone. */
@Configuration
public class CsrfConfiguration {

    @Bean
    public FilterRegistrationBean<CsrfProtectionFilter> csrfProtectionFilter() {
        FilterRegistrationBean<CsrfProtectionFilter> registration = new FilterRegistrationBean<>(new CsrfProtectionFilter());
        registration.setName("bureau-csrf-protection");
        registration.addUrlPatterns("/*");
        registration.setOrder(5);
        return registration;
    }
}
