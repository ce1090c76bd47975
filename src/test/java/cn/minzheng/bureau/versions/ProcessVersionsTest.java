package cn.minzheng.bureau.versions;

import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.support.Http;
import cn.minzheng.bureau.support.TestApplications;

/**
 * What a process manager does without a rebuild: deploys a changed BPMN or DMN from Camunda Modeler
 * (the engine REST deployment endpoint, as Modeler calls it), and moves running cases onto the new
 * version. Every test removes the versions it deployed, so the shared application stays as it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProcessVersionsTest {

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    DibaoWalker walker;
    @Autowired
    InstanceMigration migration;

    Http http;
    final List<String> deployments = new ArrayList<>();

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @AfterEach
    void removeDeployedVersions() {
        for (String id : deployments) {
            repositoryService.deleteDeployment(id, true);
        }
    }

    @Test
    void onlyTheProcessManagerDeploysAndNewInstancesUseTheNewVersion() {
        ProcessDefinition before = latest();
        Map<String, byte[]> files = ProcessFiles.processWithForms(KEY,
                "name=\"受理申请\"", "name=\"受理申请（2027版）\"", "camunda:versionTag=\"2026.2\"", "camunda:versionTag=\"2027.1\"");

        var refused = deploy("clerk.yuecun", KEY, files);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(latest().getId()).isEqualTo(before.getId());

        var deployed = deploy("procmgr", KEY, files);
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        deployments.add(deployed.json().get("id").asText());
        ProcessDefinition after = latest();
        assertThat(after.getVersion()).isEqualTo(before.getVersion() + 1);
        assertThat(after.getVersionTag()).isEqualTo("2027.1");

        // the same files again: duplicate filtering makes no further version
        assertThat(deploy("procmgr", KEY, files).status()).isEqualTo(200);
        assertThat(latest().getId()).isEqualTo(after.getId());

        var applied = http.post("clerk.yuecun", "/api/dibao/applications", TestApplications.yuecunHousehold(1, "100"));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        String instance = applied.json().get("processInstanceId").asText();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult()
                .getProcessDefinitionId()).isEqualTo(after.getId());
        var tasks = http.get("clerk.yuecun", "/engine-rest/task?processInstanceId=" + instance).json();
        assertThat(tasks.get(0).get("name").asText()).isEqualTo("受理申请（2027版）");
        // the new version finds the forms deployed with it
        var form = http.get("clerk.yuecun", "/engine-rest/task/" + tasks.get(0).get("id").asText() + "/deployed-form");
        assertThat(form.status()).as(form.body()).isEqualTo(200);
        assertThat(form.json().get("id").asText()).isEqualTo("dibao-accept");
    }

    @Test
    void aProcessDeployedWithoutItsFormsIsRefusedInChineseAndMakesNoVersion() {
        ProcessDefinition before = latest();
        long deploymentsBefore = repositoryService.createDeploymentQuery().deploymentName(KEY).count();
        Map<String, byte[]> files = ProcessFiles.processWithForms(KEY, "name=\"受理申请\"", "name=\"受理申请（缺表单）\"");
        // what Modeler's rocket sends when no file is attached, and with only one of the forms attached
        var alone = deploy("procmgr", KEY, Map.of(KEY + ".bpmn", files.get(KEY + ".bpmn")));
        var oneForm = deploy("procmgr", KEY, Map.of(KEY + ".bpmn", files.get(KEY + ".bpmn"),
                "dibao-accept.form", files.get("dibao-accept.form")));

        assertThat(alone.status()).as(alone.body()).isEqualTo(400);
        assertThat(alone.json().get("message").asText()).contains("流程文件 dibao-application.bpmn 使用的表单没有随本次部署提交",
                "dibao-application-start（低保申请提交）", "dibao-accept（受理申请（缺表单））", "dibao-refusal-notice（送达不予批准书面通知）",
                "在 Camunda Modeler 的部署对话框中添加为附加文件", "本次部署未生效");
        assertThat(oneForm.status()).as(oneForm.body()).isEqualTo(400);
        assertThat(oneForm.json().get("message").asText()).contains("dibao-survey（入户调查）").doesNotContain("dibao-accept");
        assertThat(latest().getId()).isEqualTo(before.getId());
        assertThat(repositoryService.createDeploymentQuery().deploymentName(KEY).count()).isEqualTo(deploymentsBefore);

        // with all its forms the same change deploys
        var whole = deploy("procmgr", KEY, files);
        assertThat(whole.status()).as(whole.body()).isEqualTo(200);
        deployments.add(whole.json().get("id").asText());
        assertThat(latest().getVersion()).isEqualTo(before.getVersion() + 1);
    }

    @Test
    void runningApplicationsAtTownshipReviewMoveToTheNewVersionAndFinishThere() {
        ProcessDefinition v1 = latest();
        List<DibaoCase> waiting = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            DibaoCase dibaoCase = walker.submit("clerk.mengke",
                    TestApplications.household("mengke", "mengke-mengke", "ORDINARY", 2, "300"));
            walker.accept("clerk.mengke", dibaoCase);
            walker.survey("clerk.mengke", dibaoCase, Map.of());
            waiting.add(dibaoCase);
        }
        var deployed = deploy("procmgr", KEY, ProcessFiles.processWithForms(KEY,
                "name=\"公示（登记异议）\"", "name=\"公示（登记异议，2027版）\"", "camunda:versionTag=\"2026.2\"", "camunda:versionTag=\"2027.2\""));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        deployments.add(deployed.json().get("id").asText());
        ProcessDefinition v2 = latest();
        String request = "{\"fromVersion\": %d, \"toVersion\": %d}".formatted(v1.getVersion(), v2.getVersion());

        assertThat(http.post("reviewer.mengke", "/api/admin/migrations/" + KEY, request).status()).isEqualTo(403);
        var migrated = http.post("procmgr", "/api/admin/migrations/" + KEY, request);
        assertThat(migrated.status()).as(migrated.body()).isEqualTo(200);
        assertThat(migrated.json().get("instances").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(migrated.json().get("toVersion").asInt()).isEqualTo(v2.getVersion());
        try {
            for (DibaoCase dibaoCase : waiting) {
                assertThat(definitionOf(dibaoCase)).isEqualTo(v2.getId());
                walker.reviewByTownship("reviewer.mengke", dibaoCase, APPROVE, "同意");
                assertThat(taskService.createTaskQuery().processInstanceId(dibaoCase.processInstanceId()).singleResult()
                        .getName()).isEqualTo("公示（登记异议，2027版）");
                walker.endNotice(dibaoCase);
                walker.approveByDistrict("approver", dibaoCase, APPROVE, "同意");
                var finished = historyService.createHistoricProcessInstanceQuery()
                        .processInstanceId(dibaoCase.processInstanceId()).singleResult();
                assertThat(finished.getState()).isEqualTo("COMPLETED");
                assertThat(finished.getProcessDefinitionId()).isEqualTo(v2.getId());
            }
        } finally {
            // give the other running cases (demo data) back their version before the test version is removed
            migration.migrate(KEY, v2.getVersion(), v1.getVersion());
        }
    }

    @Test
    void aMigrationToTheSameVersionIsRefusedInChinese() {
        int version = latest().getVersion();
        var refused = http.post("procmgr", "/api/admin/migrations/" + KEY,
                "{\"fromVersion\": %d, \"toVersion\": %d}".formatted(version, version));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asText()).contains("无需迁移");
        assertThat(http.post("procmgr", "/api/admin/migrations/" + KEY, "{\"fromVersion\": 999}").status()).isEqualTo(404);
        for (String versions : java.util.List.of("{\"fromVersion\": 0}", "{\"fromVersion\": 1, \"toVersion\": -3}")) {
            var invalid = http.post("procmgr", "/api/admin/migrations/" + KEY, versions);
            assertThat(invalid.status()).as(versions).isEqualTo(400);
            assertThat(invalid.json().get("detail").asText()).startsWith("版本号应为从1开始的整数");
        }
    }

    @Test
    void aNewYearsStandardsInTheDecisionTableChangeTheNextCalculation() {
        // rural ordinary: 3 people, head earns 600 => per capita 200; standard 520 => (520-200) x 3 = 960
        assertThat(amountOfNewApplication()).isEqualTo("960.00");

        String dmn = ProcessFiles.text("processes", "dibao-standard.dmn")
                .replace("<outputEntry id=\"OutputEntry_RuralOrdinary_Standard\"><text>520</text>",
                        "<outputEntry id=\"OutputEntry_RuralOrdinary_Standard\"><text>560</text>")
                .replace("camunda:versionTag=\"2026\"", "camunda:versionTag=\"2027\"");
        var refused = deploy("clerk.yuecun", "dibao-standard", Map.of("dibao-standard.dmn", dmn.getBytes(StandardCharsets.UTF_8)));
        assertThat(refused.status()).isEqualTo(403);
        var deployed = deploy("procmgr", "dibao-standard", Map.of("dibao-standard.dmn", dmn.getBytes(StandardCharsets.UTF_8)));
        assertThat(deployed.status()).as(deployed.body()).isEqualTo(200);
        deployments.add(deployed.json().get("id").asText());

        // the new standard 560 => (560-200) x 3 = 1080, without a line of Java changed
        assertThat(amountOfNewApplication()).isEqualTo("1080.00");
    }

    private String amountOfNewApplication() {
        DibaoCase dibaoCase = walker.submit("clerk.yuecun", TestApplications.yuecunHousehold(3, "600"));
        walker.accept("clerk.yuecun", dibaoCase);
        walker.survey("clerk.yuecun", dibaoCase, Map.of());
        return (String) runtimeService.getVariable(dibaoCase.processInstanceId(), "monthlyAmount");
    }

    private String definitionOf(DibaoCase dibaoCase) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(dibaoCase.processInstanceId())
                .singleResult().getProcessDefinitionId();
    }

    private ProcessDefinition latest() {
        return repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).latestVersion().singleResult();
    }

    /** As Camunda Modeler deploys: POST /engine-rest/deployment/create, multipart, with the user's login. */
    private Http.Response deploy(String user, String name, Map<String, byte[]> files) {
        return http.postMultipart(user, "/engine-rest/deployment/create", Map.of(
                "deployment-name", name,
                "deployment-source", "Camunda Modeler",
                "enable-duplicate-filtering", "true",
                "deploy-changed-only", "false"), files);
    }
}
