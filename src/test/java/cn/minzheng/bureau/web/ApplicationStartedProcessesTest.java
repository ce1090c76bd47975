package cn.minzheng.bureau.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.minzheng.bureau.dibao.review.ReviewProcess;
import cn.minzheng.bureau.support.Http;
import cn.minzheng.bureau.support.WebappSession;

/**
 * A process the application starts itself cannot be started around it, through the engine REST API or the webapps'
 * engine API, by definition key, id or start message: refused in Chinese, and no instance is made. So is the start
 * of a process a process manager has suspended, until it is activated again.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationStartedProcessesTest {

    static final String REFUSAL = "“低保动态管理复核”由系统在相关事项登记后自动发起，不能在任务列表或接口中直接启动；请在台账或业务页面中办理";

    static final String SUSPENDED = "test-suspended-start";
    static final String SUSPENDED_REFUSAL = "“暂停测试流程”已由流程管理员暂停，暂时不能发起；您的提交未保存，请待流程恢复后再提交";

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    AuthorizationService authorizationService;

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(textBlock = """
            clerk.yuecun, /engine-rest/process-definition/key/dibao-review/start,        '{"variables":{}}'
            clerk.yuecun, /engine-rest/process-definition/key/dibao-review/submit-form,  '{"variables":{}}'
            admin,        /engine-rest/process-definition/ID/start,                       '{}'
            admin,        /engine-rest/message,                                           '{"messageName":"dibao-review-start"}'
            """)
    void aStartThroughTheEngineRestApiIsRefused(String user, String path, String body) {
        long before = instances();
        String latestId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(ReviewProcess.KEY)
                .latestVersion().singleResult().getId();
        Http.Response refused = new Http(port).post(user, path.replace("ID", latestId), body);
        assertThat(refused.status()).as(refused.body()).isEqualTo(403);
        assertThat(refused.json().get("code").asText()).isEqualTo("STARTED_BY_THE_APPLICATION");
        assertThat(refused.json().get("message").asText()).isEqualTo(REFUSAL);
        assertThat(instances()).isEqualTo(before);
    }

    @Test
    void aStartThroughTheWebappsEngineApiIsRefused() {
        long before = instances();
        WebappSession clerk = new WebappSession(port);
        clerk.login("clerk.yuecun", "demo");
        var refused = clerk.postJson("/camunda/api/engine/engine/default/process-definition/key/" + ReviewProcess.KEY
                + "/submit-form", "{\"variables\":{}}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        assertThat(refused.body()).contains(REFUSAL);
        assertThat(instances()).isEqualTo(before);
    }

    /** Suspended in Cockpit while a clerk's start form stood open, or started over the REST API meanwhile. */
    @Test
    void aStartOfAProcessAProcessManagerSuspendedIsRefusedInChineseAndGoesThroughOnceItIsActivated() {
        BpmnModelInstance model = Bpmn.createExecutableProcess(SUSPENDED).name("暂停测试流程").camundaHistoryTimeToLive(1)
                .camundaStartableInTasklist(true).startEvent().userTask("Task_Any").name("任一任务")
                .camundaCandidateGroups("clerk-yuecun").endEvent().done();
        String deployment = repositoryService.createDeployment().addModelInstance(SUSPENDED + ".bpmn", model).deploy().getId();
        Authorization startable = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        startable.setUserId("clerk.yuecun");
        startable.setResource(Resources.PROCESS_DEFINITION);
        startable.setResourceId(SUSPENDED);
        startable.addPermission(Permissions.READ);
        startable.addPermission(Permissions.CREATE_INSTANCE);
        String authorization = authorizationService.saveAuthorization(startable).getId();
        try {
            repositoryService.suspendProcessDefinitionByKey(SUSPENDED);
            WebappSession clerk = new WebappSession(port);
            clerk.login("clerk.yuecun", "demo");

            Http.Response restRefused = new Http(port).post("clerk.yuecun",
                    "/engine-rest/process-definition/key/" + SUSPENDED + "/submit-form", "{\"variables\":{}}");
            var tasklistRefused = clerk.postJson("/camunda/api/engine/engine/default/process-definition/key/" + SUSPENDED
                    + "/submit-form", "{\"variables\":{}}");

            assertThat(restRefused.status()).as(restRefused.body()).isEqualTo(409);
            assertThat(restRefused.json().get("code").asText()).isEqualTo("PROCESS_SUSPENDED");
            assertThat(restRefused.json().get("message").asText()).isEqualTo(SUSPENDED_REFUSAL);
            assertThat(tasklistRefused.statusCode()).as(tasklistRefused.body()).isEqualTo(409);
            assertThat(tasklistRefused.body()).contains(SUSPENDED_REFUSAL);
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(SUSPENDED).count()).isZero();

            repositoryService.activateProcessDefinitionByKey(SUSPENDED);
            // as Tasklist does, the start form is read first: that answer carries the session's CSRF token
            assertThat(clerk.get("/camunda/api/engine/engine/default/process-definition/key/" + SUSPENDED + "/startForm")
                    .statusCode()).isEqualTo(200);
            var started = clerk.postJson("/camunda/api/engine/engine/default/process-definition/key/" + SUSPENDED
                    + "/submit-form", "{\"variables\":{}}");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(SUSPENDED).count()).isOne();
        } finally {
            authorizationService.deleteAuthorization(authorization);
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    @Test
    void aMessageThatStartsNoSuchProcessGoesToTheEngineAsBefore() {
        Http.Response answered = new Http(port).post("admin", "/engine-rest/message", "{\"messageName\":\"no-such-message\"}");
        assertThat(answered.status()).isEqualTo(400);
        assertThat(answered.body()).contains("no-such-message");
    }

    private long instances() {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(ReviewProcess.KEY).count();
    }
}
