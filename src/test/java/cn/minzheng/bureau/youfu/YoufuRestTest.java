package cn.minzheng.bureau.youfu;

import static org.assertj.core.api.Assertions.assertThat;

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
 * 优抚对象 over HTTP as the demo users work it: /api to register, the engine REST API (what Tasklist calls) for the
 * start form and the tasks, ending on the register; bad input answered in Chinese with nothing written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class YoufuRestTest {

    @LocalServerPort
    int port;
    @Autowired
    HouseholdRepository households;
    @Autowired
    HouseholdValidator validator;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aRegistrationWalksThroughTheTownshipAndTheDistrictOntoTheRegister() {
        String id = YoufuPeople.register(households, validator, "renqiu", "renqiu-qinghuayuan", "冯振国", 71);
        var response = http.post("clerk.renqiu", "/api/youfu/recipients", YoufuPeople.disabledSoldier(id, 1, "WAR"));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        long recipientId = response.json().get("id").asLong();
        String instance = response.json().get("processInstanceId").asText();
        assertThat(response.json().get("status").asText()).isEqualTo("APPLIED");
        assertThat(response.json().get("disabilityGrade").asInt()).isEqualTo(1);
        assertThat(http.get("clerk.mengke", "/api/youfu/recipients/" + recipientId).status()).isEqualTo(404);
        assertThat(http.get("clerk.mengke", "/engine-rest/task?processInstanceId=" + instance).json()).isEmpty();

        String review = taskId("reviewer.renqiu", instance, YoufuProcess.TASK_REVIEW_BY_TOWNSHIP);
        assertThat(http.get("reviewer.renqiu", "/engine-rest/task/" + review + "/deployed-form").json().get("id").asText())
                .isEqualTo("youfu-township-review");
        // 因战一级: 109260 / 12 = 9105.00
        assertThat(http.get("reviewer.renqiu", "/engine-rest/task/" + review + "/variables/amountSummary").json()
                .get("value").asText()).endsWith("年标准109260.00元/年，每月9105.00元");
        var noDecision = http.submitTaskForm("reviewer.renqiu", review, Map.of("townshipComment", "属实"));
        assertThat(noDecision.status()).isEqualTo(400);
        assertThat(noDecision.json().get("message").asText()).contains("请选择审核意见");
        assertThat(http.submitTaskForm("reviewer.renqiu", review, Map.of("townshipDecision", "APPROVE")).status()).isEqualTo(204);

        assertThat(http.get("reviewer.renqiu", "/engine-rest/task?processInstanceId=" + instance).json()).isEmpty();
        String approval = taskId("youfu", instance, YoufuProcess.TASK_APPROVE_BY_DISTRICT);
        assertThat(http.submitTaskForm("youfu", approval, Map.of("districtDecision", "APPROVE", "districtComment", "同意")).status())
                .isEqualTo(204);
        JsonNode active = http.get("youfu", "/api/youfu/recipients/" + recipientId).json();
        assertThat(active.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.get("monthlyAmount").decimalValue()).isEqualByComparingTo("9105.00");
        assertThat(active.get("startMonth").asText()).isEqualTo(YearMonth.now().plusMonths(1).toString());
        assertThat(http.get("clerk.renqiu", "/api/youfu/recipients?township=renqiu").json().findValuesAsText("personIdNumber"))
                .contains(id);
        assertThat(jdbc.sql("select amount from enrolment where program_code = 'YOUFU' and program_case_id = ?")
                .param(recipientId).query(java.math.BigDecimal.class).single()).isEqualByComparingTo("9105.00");
    }

    /** A start through the API keeps only what the start form lets the clerk write: no decision can come with it. */
    @Test
    void aStartFormSubmissionCannotBringTheReviewersDecisionsAlong() {
        String id = YoufuPeople.register(households, validator, "yuecun", "yuecun-yuecun", "庞秀兰", 71);
        Map<String, Object> values = YoufuPeople.martyrSurvivor(id);
        values.put("townshipDecision", "APPROVE");
        values.put("districtDecision", "APPROVE");
        values.put("recipientId", 1);

        var started = http.submitStartForm("clerk.yuecun", "youfu-recognition", values);

        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String instance = started.json().get("id").asText();
        assertThat(runtimeService.getVariable(instance, "townshipDecision")).isNull();
        assertThat(runtimeService.getVariable(instance, "districtDecision")).isNull();
        assertThat(runtimeService.getVariable(instance, "recipientId")).isNotEqualTo(1L).isNotEqualTo(1);
        assertThat(runtimeService.getVariable(instance, "deceasedName")).isEqualTo("王建军");
    }

    @Test
    void badRegistrationsAreRefusedInChineseWithNothingWritten() {
        long before = jdbc.sql("select count(*) from youfu_recipient").query(Long.class).single();
        String id = YoufuPeople.register(households, validator, "yuecun", "yuecun-yuecun", "卫国强", 67);

        Map<String, Object> badCertificate = YoufuPeople.disabledSoldier(id, 3, "DUTY");
        badCertificate.put("certificateNumber", "军残字第031588号");
        var certificate = http.post("clerk.yuecun", "/api/youfu/recipients", badCertificate);
        assertThat(certificate.status()).isEqualTo(400);
        assertThat(certificate.json().get("code").asText()).isEqualTo("INVALID_CERTIFICATE");
        assertThat(certificate.json().get("detail").asText()).startsWith("残疾军人证编号“军残字第031588号”格式不对");

        var grade = http.post("clerk.yuecun", "/api/youfu/recipients", YoufuPeople.disabledSoldier(id, 0, "DUTY"));
        assertThat(grade.status()).isEqualTo(400);
        assertThat(grade.json().get("detail").asText()).isEqualTo("伤残等级须为1至10级，填写的是0");

        Map<String, Object> survivorWithGrade = YoufuPeople.martyrSurvivor(id);
        survivorWithGrade.put("disabilityGrade", 2);
        var gradeOnSurvivor = http.post("clerk.yuecun", "/api/youfu/recipients", survivorWithGrade);
        assertThat(gradeOnSurvivor.status()).isEqualTo(400);
        assertThat(gradeOnSurvivor.json().get("code").asText()).isEqualTo("GRADE_NOT_APPLICABLE");

        Map<String, Object> noDeath = YoufuPeople.martyrSurvivor(id);
        noDeath.remove("deathDate");
        var missing = http.post("clerk.yuecun", "/api/youfu/recipients", noDeath);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asText()).isEqualTo("请填写牺牲日期");

        // Tasklist's way in: the start form through the engine REST API, the same rule and the same answer
        var startForm = http.submitStartForm("clerk.yuecun", "youfu-recognition", YoufuPeople.disabledSoldier(id, 11, "WAR"));
        assertThat(startForm.status()).isEqualTo(400);
        assertThat(startForm.json().get("message").asText()).contains("伤残等级须为1至10级，填写的是11");

        assertThat(http.post("clerk.yuecun", "/api/youfu/recipients", YoufuPeople.martyrSurvivor(id)).status()).isEqualTo(201);
        var twice = http.post("clerk.yuecun", "/api/youfu/recipients", YoufuPeople.martyrSurvivor(id));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asText()).isEqualTo("ALREADY_REGISTERED");
        assertThat(twice.json().get("detail").asText()).contains("卫国强").contains("已在优抚对象名册中：烈士遗属");

        assertThat(http.post("clerk.mengke", "/api/youfu/recipients", YoufuPeople.martyrSurvivor(id)).status()).isEqualTo(403);
        assertThat(http.post(null, "/api/youfu/recipients", "{}").status()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from youfu_recipient").query(Long.class).single()).isEqualTo(before + 1);
    }

    private String taskId(String user, String instance, String key) {
        JsonNode tasks = http.get(user, "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key).json();
        assertThat(tasks).as("%s sees %s", user, key).hasSize(1);
        return tasks.get(0).get("id").asText();
    }
}
