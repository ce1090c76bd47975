package cn.minzheng.bureau.web;

import jakarta.servlet.Filter;

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

import cn.minzheng.bureau.access.StaffNames;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * Camunda Forms as the engine REST API and Tasklist serve them: a task submission keeps only the fields its form lets
 * the user write, and a task's variables are not written any other way; a task is claimed by the user who works on
 * it, and what only an administrator may change of a task is refused in Chinese; township and village lists are filled from
 * the region table for the user; a process the application starts itself is not started through these APIs.
 */
@Configuration
public class FormSubmissionConfiguration {

    /** The REST API's login (HTTP Basic) runs at order 10: a filter after it acts as the user who sends the request. */
    private static final int AFTER_THE_REST_LOGIN = 12;

    @Bean
    public FilterRegistrationBean<ReadOnlyFieldsSubmissionFilter> readOnlyFieldsSubmissionFilter(
            FormService formService, TaskService taskService, RepositoryService repositoryService, ObjectMapper json,
            CamundaBpmProperties camunda) {
        // the form is read as the user who submits; inside the refusals' filter (15)
        return inFrontOfTheEngineApis(new ReadOnlyFieldsSubmissionFilter(formService, taskService, repositoryService, json),
                "bureau-read-only-form-fields", 20, camunda);
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
        // the definition is looked up as the user who starts it
        return inFrontOfTheEngineApis(new ApplicationStartedProcessesFilter(repositoryService, json),
                "bureau-application-started-processes", AFTER_THE_REST_LOGIN, camunda);
    }

    @Bean
    public FilterRegistrationBean<TaskVariablesWriteFilter> taskVariablesWriteFilter(ObjectMapper json,
                                                                                    CamundaBpmProperties camunda) {
        return inFrontOfTheEngineApis(new TaskVariablesWriteFilter(json), "bureau-task-variables-by-form-only",
                AFTER_THE_REST_LOGIN, camunda);
    }

    @Bean
    public FilterRegistrationBean<TaskClaimFilter> taskClaimFilter(WebUsers users, AuthorizationService authorizations,
                                                                   TaskService taskService, IdentityService identityService,
                                                                   StaffNames staffNames, ObjectMapper json,
                                                                   CamundaBpmProperties camunda) {
        // the claim is compared with the user who sends it, who also returns it
        return inFrontOfTheEngineApis(new TaskClaimFilter(users, authorizations, taskService, identityService, staffNames, json),
                "bureau-task-claim-for-oneself", AFTER_THE_REST_LOGIN, camunda);
    }

    @Bean
    public FilterRegistrationBean<TaskSubmissionStateFilter> taskSubmissionStateFilter(WebUsers users, TaskService taskService,
                                                                                       IdentityService identityService,
                                                                                       ObjectMapper json,
                                                                                       CamundaBpmProperties camunda) {
        return inFrontOfTheEngineApis(new TaskSubmissionStateFilter(users, taskService, identityService, json),
                "bureau-task-submission-state", AFTER_THE_REST_LOGIN, camunda);
    }

    @Bean
    public FilterRegistrationBean<TaskManagementRefusalFilter> taskManagementRefusalFilter(ObjectMapper json,
                                                                                           CamundaBpmProperties camunda) {
        return inFrontOfTheEngineApis(new TaskManagementRefusalFilter(json), "bureau-task-management-refusals",
                AFTER_THE_REST_LOGIN, camunda);
    }

    @Bean
    public FilterRegistrationBean<RegionOptionsFormFilter> regionOptionsFormFilter(
            RegionRepository regions, WebUsers users, ObjectMapper json, CamundaBpmProperties camunda) {
        return inFrontOfTheEngineApis(new RegionOptionsFormFilter(regions, users, json), "bureau-region-options", 20,
                camunda);
    }

    /** The filter in front of the engine REST API and of the webapps' engine API, which Tasklist calls. */
    private static <F extends Filter> FilterRegistrationBean<F> inFrontOfTheEngineApis(F filter, String name, int order,
                                                                                      CamundaBpmProperties camunda) {
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setName(name);
        registration.addUrlPatterns("/engine-rest/*", camunda.getWebapp().getApplicationPath() + "/api/engine/*");
        registration.setOrder(order);
        return registration;
    }
}
