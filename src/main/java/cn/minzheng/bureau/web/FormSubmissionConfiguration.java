package cn.minzheng.bureau.web;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.region.RegionRepository;

/**
 * Camunda Forms as the engine REST API and Tasklist serve them: a task submission keeps only the fields its form lets
 * the user write, and a task's variables are not written any other way; a task is claimed by the user who works on
 * it, and what only an administrator may change of a task is refused in Chinese; township and village lists are filled from
 * the region table for the user; a process the application starts itself is not started through these APIs.
 */
@Configuration
public class FormSubmissionConfiguration {

    @Bean
    public FilterRegistrationBean<ReadOnlyFieldsSubmissionFilter> readOnlyFieldsSubmissionFilter(
            FormService formService, TaskService taskService, RepositoryService repositoryService, ObjectMapper json,
            CamundaBpmProperties camunda) {
        FilterRegistrationBean<ReadOnlyFieldsSubmissionFilter> registration = new FilterRegistrationBean<>(
                new ReadOnlyFieldsSubmissionFilter(formService, taskService, repositoryService, json));
        registration.setName("bureau-read-only-form-fields");
        registration.addUrlPatterns("/engine-rest/*", camunda.getWebapp().getApplicationPath() + "/api/engine/*");
        // after the REST login (order 10), so the form is read as the user who submits
        registration.setOrder(20);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<EngineApiRefusalFilter> engineApiRefusalFilter(ObjectMapper json, CamundaBpmProperties camunda) {
        FilterRegistrationBean<EngineApiRefusalFilter> registration = new FilterRegistrationBean<>(new EngineApiRefusalFilter(json));
        registration.setName("bureau-engine-api-refusals");
        registration.addUrlPatterns(camunda.getWebapp().getApplicationPath() + "/api/engine/*");
        // outside the read-only filter, so it sees what that filter's chain answers
        registration.setOrder(15);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<ApplicationStartedProcessesFilter> applicationStartedProcessesFilter(
            RepositoryService repositoryService, ObjectMapper json, CamundaBpmProperties camunda) {
        FilterRegistrationBean<ApplicationStartedProcessesFilter> registration =
                new FilterRegistrationBean<>(new ApplicationStartedProcessesFilter(repositoryService, json));
        registration.setName("bureau-application-started-processes");
        registration.addUrlPatterns("/engine-rest/*", camunda.getWebapp().getApplicationPath() + "/api/engine/*");
        // after the REST login (order 10): the definition is looked up as the user who starts it
        registration.setOrder(12);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<TaskVariablesWriteFilter> taskVariablesWriteFilter(ObjectMapper json,
                                                                                    CamundaBpmProperties camunda) {
        FilterRegistrationBean<TaskVariablesWriteFilter> registration =
                new FilterRegistrationBean<>(new TaskVariablesWriteFilter(json));
        registration.setName("bureau-task-variables-by-form-only");
        registration.addUrlPatterns("/engine-rest/*", camunda.getWebapp().getApplicationPath() + "/api/engine/*");
        registration.setOrder(12);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<TaskClaimFilter> taskClaimFilter(WebUsers users, AuthorizationService authorizations,
                                                                   TaskService taskService, IdentityService identityService,
                                                                   ObjectMapper json, CamundaBpmProperties camunda) {
        FilterRegistrationBean<TaskClaimFilter> registration = new FilterRegistrationBean<>(
                new TaskClaimFilter(users, authorizations, taskService, identityService, json));
        registration.setName("bureau-task-claim-for-oneself");
        registration.addUrlPatterns("/engine-rest/*", camunda.getWebapp().getApplicationPath() + "/api/engine/*");
        // after the REST login (order 10): the claim is compared with the user who sends it, who also returns it
        registration.setOrder(12);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<TaskManagementRefusalFilter> taskManagementRefusalFilter(ObjectMapper json,
                                                                                           CamundaBpmProperties camunda) {
        FilterRegistrationBean<TaskManagementRefusalFilter> registration =
                new FilterRegistrationBean<>(new TaskManagementRefusalFilter(json));
        registration.setName("bureau-task-management-refusals");
        registration.addUrlPatterns("/engine-rest/*", camunda.getWebapp().getApplicationPath() + "/api/engine/*");
        registration.setOrder(12);
        return registration;
    }

    @Bean
    public FilterRegistrationBean<RegionOptionsFormFilter> regionOptionsFormFilter(
            RegionRepository regions, WebUsers users, ObjectMapper json, CamundaBpmProperties camunda) {
        FilterRegistrationBean<RegionOptionsFormFilter> registration =
                new FilterRegistrationBean<>(new RegionOptionsFormFilter(regions, users, json));
        registration.setName("bureau-region-options");
        registration.addUrlPatterns("/engine-rest/*", camunda.getWebapp().getApplicationPath() + "/api/engine/*");
        registration.setOrder(20);
        return registration;
    }
}
