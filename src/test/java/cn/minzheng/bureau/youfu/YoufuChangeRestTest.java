package cn.minzheng.bureau.youfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.support.Http;

/**
 * 优抚对象变更 over HTTP as the demo users work it: bad applications through /api and through the engine REST API
 * (what Tasklist's start form calls) answered in Chinese with nothing written; a move out of the district through
 * /api, the township's review and the district's approval on the engine REST API, ending on the register.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class YoufuChangeRestTest {

    @LocalServerPort
    int port;
    @Autowired
    HouseholdRepository households;
    @Autowired
    HouseholdValidator validator;
    @Autowired
    YoufuRepository recipients;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void badApplicationsAreRefusedInChineseAndAMoveOutEndsTheRegistration() {
        YoufuRecipient r = activeSoldier("renqiu", "renqiu-qinghuayuan", "邵卫平");
        String id = r.personIdNumber();
        long before = jdbc.sql("select count(*) from youfu_change").query(Long.class).single();

        var grade = http.post("clerk.renqiu", "/api/youfu/changes", YoufuChangeProcessTest.gradeChange(id, 12, "WAR"));
        assertThat(grade.status()).isEqualTo(400);
        assertThat(grade.json().get("code").asText()).isEqualTo("INVALID_GRADE");
        assertThat(grade.json().get("detail").asText()).isEqualTo("伤残等级须为1至10级，填写的是12");
        Map<String, Object> badCertificate = YoufuChangeProcessTest.gradeChange(id, 3, "WAR");
        badCertificate.put("certificateNumber", "豫军残字031588号");
        // Tasklist's way in: the start form through the engine REST API, the same rule and the same answer
        var startForm = http.submitStartForm("clerk.renqiu", YoufuChangeProcess.KEY, badCertificate);
        assertThat(startForm.status()).isEqualTo(400);
        assertThat(startForm.json().get("message").asText()).contains("残疾军人证编号“豫军残字031588号”格式不对");
        var outside = http.post("clerk.yuecun", "/api/youfu/changes",
                YoufuChangeProcessTest.moveOut(id, LocalDate.now()));
        assertThat(outside.status()).isEqualTo(403);
        assertThat(outside.json().get("detail").asText()).contains("您只能办理本乡镇（街道）优抚对象的变更");
        assertThat(jdbc.sql("select count(*) from youfu_change").query(Long.class).single()).isEqualTo(before);

        var moved = http.post("clerk.renqiu", "/api/youfu/changes", YoufuChangeProcessTest.moveOut(id, LocalDate.now()));
        assertThat(moved.status()).as(moved.body()).isEqualTo(201);
        long changeId = moved.json().get("id").asLong();
        String instance = moved.json().get("processInstanceId").asText();
        assertThat(moved.json().get("kind").asText()).isEqualTo("MOVE_OUT");
        var twice = http.post("clerk.renqiu", "/api/youfu/changes", YoufuChangeProcessTest.gradeChange(id, 3, "WAR"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asText()).isEqualTo("CHANGE_OPEN");

        String review = taskId("reviewer.renqiu", instance, YoufuChangeProcess.TASK_REVIEW_BY_TOWNSHIP);
        assertThat(http.get("reviewer.renqiu", "/engine-rest/task/" + review + "/deployed-form").json().get("id").asText())
                .isEqualTo("youfu-change-township-review");
        var noDecision = http.submitTaskForm("reviewer.renqiu", review, Map.of("townshipComment", "属实"));
        assertThat(noDecision.status()).isEqualTo(400);
        assertThat(noDecision.json().get("message").asText()).contains("请选择审核意见");
        assertThat(http.submitTaskForm("reviewer.renqiu", review, Map.of("townshipDecision", "APPROVE")).status()).isEqualTo(204);
        String approval = taskId("youfu", instance, YoufuChangeProcess.TASK_APPROVE_BY_DISTRICT);
        assertThat(http.submitTaskForm("youfu", approval, Map.of("districtDecision", "APPROVE")).status()).isEqualTo(204);

        JsonNode ended = http.get("clerk.renqiu", "/api/youfu/recipients/" + r.id()).json();
        assertThat(ended.get("status").asText()).isEqualTo("ENDED");
        assertThat(ended.get("closingReason").asText()).contains("迁出本区（迁往山东省济南市历下区）");
        assertThat(jdbc.sql("select status || ' ' || end_month from enrolment where program_code = 'YOUFU' and program_case_id = ?")
                .param(r.id()).query(String.class).single()).isEqualTo("ENDED " + YearMonth.now());
        JsonNode history = http.get("clerk.renqiu", "/api/youfu/recipients/" + r.id() + "/changes").json();
        assertThat(history).hasSize(1);
        assertThat(history.get(0).get("status").asText()).isEqualTo("APPROVED");
        assertThat(history.get(0).get("effectiveMonth").asText()).isEqualTo(YearMonth.now().toString());
        assertThat(http.get("clerk.mengke", "/api/youfu/changes/" + changeId).status()).isEqualTo(404);
        assertThat(http.post(null, "/api/youfu/changes", "{}").status()).isEqualTo(401);
    }

    private YoufuRecipient activeSoldier(String township, String community, String name) {
        String id = YoufuPeople.register(households, validator, township, community, name, 66);
        long household = jdbc.sql("select household_id from household_member where id_number = ?").param(id)
                .query(Long.class).single();
        YoufuRecipient r = recipients.insert(new YoufuRepository.NewRecipient(household, township, id, name,
                new YoufuRules.Evidence(YoufuCategory.DISABLED_SOLDIER, "豫军残字第031577号", 7, DisabilityCause.WAR,
                        LocalDate.of(1990, 1, 1), null, null, null, null)), null, "clerk." + township);
        return recipients.activate(r.id(), "2025-11", new BigDecimal("2731.67"), "{}", "youfu");
    }

    private String taskId(String user, String instance, String key) {
        JsonNode tasks = http.get(user, "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key).json();
        assertThat(tasks).as("%s sees %s", user, key).hasSize(1);
        return tasks.get(0).get("id").asText();
    }
}
