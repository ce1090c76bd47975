package cn.minzheng.bureau.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.management.Metrics;
import org.camunda.bpm.engine.rest.impl.DefaultProcessEngineRestServiceImpl;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.mock.web.MockHttpSession;

import cn.minzheng.bureau.calendar.WorkingDays;

/**
 * The adapters in engine/ beyond the clock and the acting user, each reading or extending internals of Camunda
 * 7.24 (see {@link EngineAdaptersTest}): what they rely on is pinned here.
 */
@SpringBootTest
class EngineInternalsAdaptersTest {

    @Autowired
    ProcessEngine engine;

    @Autowired
    WorkingDays workingDays;

    @AfterEach
    void reset() {
        engine.getIdentityService().clearAuthentication();
    }

    private ProcessEngineConfigurationImpl configuration() {
        return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    @Test
    void anAuthenticationWithoutAUserIsStillPresent() {
        assertThat(EngineAuthentication.isPresent(engine.getIdentityService())).isFalse();
        engine.getIdentityService().setAuthentication(null, List.of("district-approver"));
        assertThat(EngineAuthentication.isPresent(engine.getIdentityService())).isTrue();
        assertThat(EngineAuthentication.userId(engine.getIdentityService())).isNull();
    }

    @Test
    void workingDaysAreDueDatesAndDurationsOfTheEngine() {
        Date start = Date.from(LocalDate.of(2026, 2, 13).atTime(9, 0).atZone(ZoneId.systemDefault()).toInstant());
        for (String calendar : List.of(DurationBusinessCalendar.NAME, DueDateBusinessCalendar.NAME)) {
            var businessCalendar = configuration().getBusinessCalendarManager().getBusinessCalendar(calendar);
            assertThat(businessCalendar).isInstanceOf(DueDateRulesPlugin.RulesFirst.class);
            assertThat(businessCalendar.resolveDuedate("P2WD", start)).isEqualTo(workingDays.deadline(start, 2));
        }
        assertThat(configuration().getBusinessCalendarManager().getBusinessCalendar(DurationBusinessCalendar.NAME)
                .resolveDuedate("P7D", start)).isEqualTo(Date.from(start.toInstant().plusSeconds(7 * 86400)));
    }

    @Test
    void theTaskAuthorizationsAreTheApplications() {
        assertThat(configuration().getResourceAuthorizationProvider()).isInstanceOf(TaskAuthorizationProvider.class);
    }

    @Test
    void usersAreFoundWithoutTheCallersAuthorizations() {
        User user = engine.getIdentityService().newUser("adapter.test");
        user.setFirstName("测试");
        engine.getIdentityService().saveUser(user);
        engine.getIdentityService().saveGroup(engine.getIdentityService().newGroup("adapter-test"));
        engine.getIdentityService().createMembership("adapter.test", "adapter-test");
        try {
            engine.getIdentityService().setAuthentication("nobody", List.of());
            assertThat(UserDirectory.find(engine.getProcessEngineConfiguration(), "adapter.test").getFirstName())
                    .isEqualTo("测试");
            assertThat(UserDirectory.find(engine.getProcessEngineConfiguration(), "no.such.user")).isNull();
            assertThat(UserDirectory.membersOf(engine.getProcessEngineConfiguration(), "adapter-test"))
                    .extracting(User::getId).containsExactly("adapter.test");
        } finally {
            engine.getIdentityService().clearAuthentication();
            engine.getIdentityService().deleteGroup("adapter-test");
            engine.getIdentityService().deleteUser("adapter.test");
        }
    }

    @Test
    void unreportedMetricsAreCountedOnThisNode() {
        long before = EngineMeters.unreported(engine.getProcessEngineConfiguration(), Metrics.ACTIVTY_INSTANCE_START);
        configuration().getMetricsRegistry().markOccurrence(Metrics.ACTIVTY_INSTANCE_START);
        assertThat(EngineMeters.unreported(engine.getProcessEngineConfiguration(), Metrics.ACTIVTY_INSTANCE_START))
                .isGreaterThanOrEqualTo(before + 1);
        assertThat(EngineMeters.unreported(engine.getProcessEngineConfiguration(), "no-such-metric")).isZero();
    }

    @Test
    void theRestApiIsTheEnginesAndLogsInWithHttpBasic() throws ClassNotFoundException {
        assertThat(EngineRest.resourceClasses()).contains(DefaultProcessEngineRestServiceImpl.class);
        assertThat(EngineRest.configurationClasses()).isNotEmpty();
        assertThat(AuthenticationProvider.class.isAssignableFrom(Class.forName(EngineRest.HTTP_BASIC_PROVIDER))).isTrue();
    }

    @Test
    void theWebappsSessionNamesItsUser() {
        assertThat(WebappLogin.of(null)).isEmpty();
        MockHttpSession session = new MockHttpSession();
        assertThat(WebappLogin.of(session)).isEmpty();
        Authentications authentications = new Authentications();
        UserAuthentication login = new UserAuthentication("clerk.yuecun", "default");
        login.setGroupIds(List.of("clerk-yuecun"));
        authentications.addOrReplace(login);
        AuthenticationUtil.updateSession(session, authentications);
        assertThat(WebappLogin.of(session)).contains(new WebappLogin.User("clerk.yuecun", List.of("clerk-yuecun")));
    }

    @Test
    void theProcessesAreDeployedOnceTheEngineIsBuilt() {
        assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey("dibao-application")
                .count()).isPositive();
    }

    @Test
    void storedValuesAreReadOnlyWhileTheCommandHasNotTouchedTheInstance() {
        String key = "stored-variables-test";
        String deployment = engine.getRepositoryService().createDeployment().addModelInstance(key + ".bpmn",
                org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1)
                        .startEvent().userTask("Wait").endEvent().done()).deploy().getId();
        try {
            ProcessInstance instance = engine.getRuntimeService().startProcessInstanceByKey(key,
                    Map.of("registeredBy", "clerk.a", "empty", ""));
            Task task = engine.getTaskService().createTaskQuery().processInstanceId(instance.getId()).singleResult();
            Map<String, Object> untouched = configuration().getCommandExecutorTxRequired().execute(context ->
                    StoredVariables.readIfCurrent(delegate(context.getTaskManager().findTaskById(task.getId())),
                            List.of("registeredBy", "reviewedBy")).orElseThrow());
            assertThat(untouched).containsExactly(Map.entry("registeredBy", "clerk.a"));

            var touched = configuration().getCommandExecutorTxRequired().execute(context -> {
                engine.getRuntimeService().setVariable(instance.getId(), "reviewedBy", "reviewer.a");
                return StoredVariables.readIfCurrent(delegate(context.getTaskManager().findTaskById(task.getId())),
                        List.of("registeredBy", "reviewedBy"));
            });
            assertThat(touched).isEmpty();
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    private static DelegateTask delegate(TaskEntity task) {
        return task;
    }
}
