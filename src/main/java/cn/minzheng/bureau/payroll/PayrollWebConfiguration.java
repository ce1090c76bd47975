package cn.minzheng.bureau.payroll;

import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The payroll task forms' stale warning, refreshed whenever a form is loaded (engine REST API and the webapps' own). */
@Configuration
class PayrollWebConfiguration {

    @Bean
    FilterRegistrationBean<PayrollFormVariablesFilter> payrollFormVariablesFilter(PayrollRepository payrolls,
            PayrollTaskForm taskForm, ObjectMapper json, CamundaBpmProperties camunda) {
        FilterRegistrationBean<PayrollFormVariablesFilter> registration =
                new FilterRegistrationBean<>(new PayrollFormVariablesFilter(payrolls, taskForm, json));
        registration.setName("bureau-payroll-form-variables");
        registration.addUrlPatterns("/engine-rest/*", camunda.getWebapp().getApplicationPath() + "/api/engine/*");
        registration.setOrder(20);
        return registration;
    }
}
