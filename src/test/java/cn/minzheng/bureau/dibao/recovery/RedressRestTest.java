package cn.minzheng.bureau.dibao.recovery;

import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.APPROVE;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.report.ReportProcess;
import cn.minzheng.bureau.support.Http;
import cn.minzheng.bureau.support.TestApplications;

/** Reports, appeals and recoveries over HTTP: area isolation, the reporter's identity, refusals in Chinese. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RedressRestTest {

    @LocalServerPort
    int port;
    @Autowired
    DibaoWalker walker;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;

    Http http;

    @Autowired
    org.camunda.bpm.engine.IdentityService identityService;

    @BeforeEach
    void client() {
        http = new Http(port);
        RedressProcessTest.clerkOfYuecun(identityService, "clerk2.yuecun");
    }

    @Test
    void aNamedReportShowsTheReporterToTheInvestigatorOnly() {
        DibaoCase dibaoCase = activeCase();
        Map<String, Object> body = new HashMap<>(Map.of("caseId", dibaoCase.id(), "channel", "PUBLIC_NOTICE",
                "anonymous", false, "reporterName", "张举报", "reporterContact", "13900001111",
                "factKind", "HIDDEN_INCOME", "allegation", "该户在县城开有小卖部"));
        assertThat(http.post("clerk.mengke", "/api/dibao/reports", body).status()).isEqualTo(404);
        Map<String, Object> nameless = new HashMap<>(body);
        nameless.remove("reporterName");
        Http.Response refused = http.post("clerk.yuecun", "/api/dibao/reports", nameless);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).contains("举报人姓名不能为空");

        Http.Response created = http.post("clerk.yuecun", "/api/dibao/reports", body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode report = created.json();
        assertThat(report.path("reporterName").isMissingNode() || report.get("reporterName").isNull()).isTrue();
        String path = "/api/dibao/reports/" + report.get("id").asLong();
        String instance = report.get("processInstanceId").asText();
        assertThat(http.get("reviewer.yuecun", "/engine-rest/task?processInstanceId=" + instance).json()
                .findValuesAsText("name")).containsExactly("指派调查人员");

        walker.as("reviewer.yuecun", () -> {
            Task assign = taskService.createTaskQuery().processInstanceId(instance).singleResult();
            taskService.claim(assign.getId(), "reviewer.yuecun");
            taskService.complete(assign.getId(), Map.of(ReportProcess.VAR_INVESTIGATOR, "clerk2.yuecun"));
            return null;
        });
        JsonNode forInvestigator = http.get("clerk2.yuecun", path).json();
        assertThat(forInvestigator.get("reporterShown").asBoolean()).isTrue();
        assertThat(forInvestigator.get("reporterName").asText()).isEqualTo("张举报");
        assertThat(forInvestigator.get("reporterContact").asText()).isEqualTo("13900001111");
        for (String other : new String[] {"clerk.yuecun", "reviewer.yuecun", "approver"}) {
            JsonNode seen = http.get(other, path).json();
            assertThat(seen.get("reporterShown").asBoolean()).as(other).isFalse();
            assertThat(seen.path("reporterName").isMissingNode() || seen.get("reporterName").isNull()).as(other).isTrue();
            assertThat(seen.toString()).doesNotContain("张举报", "13900001111");
            assertThat(seen.get("allegation").asText()).isEqualTo("该户在县城开有小卖部");
        }
        assertThat(http.get("clerk.mengke", path).status()).isEqualTo(404);
        // nor does the engine hold it: no process variable, current or historic, carries the name or the phone
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance).list())
                .map(HistoricVariableInstance::getValue).map(String::valueOf)
                .noneMatch(v -> v.contains("张举报") || v.contains("13900001111"));
        assertThat(http.get("approver", "/engine-rest/process-instance/" + instance + "/variables").body())
                .doesNotContain("张举报");
    }

    @Test
    void appealsAndRecoveriesOverHttp() {
        DibaoCase dibaoCase = walker.submit("clerk.yuecun", TestApplications.yuecunHousehold(1, "100"));
        walker.accept("clerk.yuecun", dibaoCase);
        walker.survey("clerk.yuecun", dibaoCase, Map.of());
        walker.reviewByTownship("reviewer.yuecun", dibaoCase, APPROVE, "同意");
        walker.endNotice(dibaoCase);
        walker.approveByDistrict("approver", dibaoCase, "REJECT", "有赡养人且赡养能力足够");

        Map<String, Object> appeal = new HashMap<>(Map.of("caseId", dibaoCase.id(), "contested", "REJECTION", "grounds", ""));
        Http.Response missing = http.post("clerk.yuecun", "/api/dibao/appeals", appeal);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asText()).contains("申诉理由不能为空");
        appeal.put("grounds", "赡养人自身也是低保户，无赡养能力");
        assertThat(http.post("clerk.renqiu", "/api/dibao/appeals", appeal).status()).isEqualTo(404);
        Http.Response created = http.post("clerk.yuecun", "/api/dibao/appeals", appeal);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode registered = created.json().get("appeal");
        assertThat(registered.get("status").asText()).isEqualTo("REGISTERED");
        String path = "/api/dibao/appeals/" + registered.get("id").asLong();
        assertThat(http.get("reviewer.yuecun", path).json().get("appeal").get("grounds").asText()).contains("无赡养能力");
        assertThat(http.get("clerk.renqiu", path).status()).isEqualTo(404);
        Http.Response again = http.post("clerk.yuecun", "/api/dibao/appeals", appeal);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("已有正在办理的申诉");

        // a recovery of a case never paid: nothing overpaid
        Http.Response recovery = http.post("reviewer.yuecun", "/api/dibao/cases/" + dibaoCase.id() + "/recoveries",
                Map.of("fromMonth", "2026-01", "entitledAmount", 0, "reason", "核查"));
        assertThat(recovery.status()).as(recovery.body()).isEqualTo(201);
        assertThat(recovery.json().get("statusLabel").asText()).isEqualTo("无多发");
        assertThat(http.get("reviewer.yuecun", "/api/dibao/cases/" + dibaoCase.id() + "/recoveries").json()).hasSize(1);
        assertThat(http.get("clerk.mengke", "/api/dibao/recoveries/" + recovery.json().get("recovery").get("id").asLong())
                .status()).isEqualTo(404);
        Http.Response badMonth = http.post("reviewer.yuecun", "/api/dibao/cases/" + dibaoCase.id() + "/recoveries",
                Map.of("fromMonth", "2026/01", "entitledAmount", 0, "reason", "核查"));
        assertThat(badMonth.status()).isEqualTo(400);
        assertThat(badMonth.json().get("detail").asText()).contains("格式不正确");
    }

    private DibaoCase activeCase() {
        return walker.approved("clerk.yuecun", "reviewer.yuecun", "approver", TestApplications.yuecunHousehold(2, "300"));
    }
}
