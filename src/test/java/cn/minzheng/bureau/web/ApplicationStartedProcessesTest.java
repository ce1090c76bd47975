package cn.minzheng.bureau.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
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
 * engine API, by definition key, id or start message: refused in Chinese, and no instance is made.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApplicationStartedProcessesTest {

    static final String REFUSAL = "“低保动态管理复核”由系统在相关事项登记后自动发起，不能在任务列表或接口中直接启动；请在台账或业务页面中办理";

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    RepositoryService repositoryService;

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
