package cn.minzheng.bureau.tekun;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.HashMap;
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
 * 特困供养 over HTTP as the demo users work it: /api to apply, the engine REST API (what Tasklist calls) for the
 * tasks, ending in an active enrolment; bad input answered in Chinese with nothing written.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TekunRestTest {

    @LocalServerPort
    int port;
    @Autowired
    HouseholdRepository households;
    @Autowired
    HouseholdValidator validator;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void anApplicationWalksThroughEveryLevelToAnActiveEnrolment() {
        // urban (任丘办): 910 + 2100 × 30 % = 910 + 630 = 1540
        String id = TekunPeople.register(households, validator, "renqiu", "renqiu-qinghuayuan", "冯老太", 82, "RETIRED", "NONE", null);
        var response = http.post("clerk.renqiu", "/api/tekun/applications", application(id));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        long caseId = response.json().get("id").asLong();
        String instance = response.json().get("processInstanceId").asText();
        assertThat(response.json().get("status").asText()).isEqualTo("APPLIED");
        assertThat(response.json().get("qualifyingCondition").asText()).isEqualTo("ELDERLY");
        assertThat(http.get("clerk.mengke", "/api/tekun/cases/" + caseId).status()).isEqualTo(404);
        assertThat(http.get("clerk.mengke", "/engine-rest/task?processInstanceId=" + instance).json()).isEmpty();

        String survey = taskId("clerk.renqiu", instance, TekunProcess.TASK_SURVEY);
        assertThat(http.get("clerk.renqiu", "/engine-rest/task/" + survey + "/deployed-form").json().get("id").asText())
                .isEqualTo("tekun-survey");
        var noLevel = http.submitTaskForm("clerk.renqiu", survey, Map.of("surveyFinding", "独居"));
        assertThat(noLevel.status()).isEqualTo(400);
        assertThat(noLevel.json().get("message").asText()).isEqualTo("请评估生活自理能力（全自理、半护理或全护理）");
        assertThat(http.submitTaskForm("clerk.renqiu", survey, Map.of("selfCareLevel", "PARTIAL_CARE", "surveyFinding", "独居，行动不便"))
                .status()).isEqualTo(204);

        String review = taskId("reviewer.renqiu", instance, TekunProcess.TASK_REVIEW_BY_TOWNSHIP);
        assertThat(http.get("reviewer.renqiu", "/engine-rest/task/" + review + "/variables/amountSummary").json()
                .get("value").asText()).isEqualTo("半护理；基本生活标准910.00元 + 照料护理标准630.00元 = 每月1540.00元");
        assertThat(http.submitTaskForm("reviewer.renqiu", review, Map.of("townshipDecision", "APPROVE")).status()).isEqualTo(204);

        JsonNode timers = http.get("procmgr", "/engine-rest/job?timers=true&activityId=" + TekunProcess.TIMER_NOTICE_OVER
                + "&processInstanceId=" + instance).json();
        assertThat(timers).hasSize(1);
        assertThat(http.post("procmgr", "/engine-rest/job/" + timers.get(0).get("id").asText() + "/execute", "{}").status())
                .isEqualTo(204);

        String decision = taskId("approver", instance, TekunProcess.TASK_DECIDE_BY_DISTRICT);
        assertThat(http.submitTaskForm("approver", decision, Map.of("districtDecision", "APPROVE", "districtComment", "同意认定")).status())
                .isEqualTo(204);
        JsonNode active = http.get("clerk.renqiu", "/api/tekun/cases/" + caseId).json();
        assertThat(active.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(active.get("monthlyAmount").decimalValue()).isEqualByComparingTo("1540.00");
        assertThat(active.get("startMonth").asText()).isEqualTo(YearMonth.now().plusMonths(1).toString());
        assertThat(jdbc.sql("select status from enrolment where program_code = 'TEKUN' and program_case_id = ?")
                .param(caseId).query(String.class).single()).isEqualTo("ACTIVE");

        var badEnd = http.post("clerk.renqiu", "/api/tekun/cases/" + caseId + "/end", Map.of("reason", ""));
        assertThat(badEnd.status()).isEqualTo(400);
        var ended = http.post("clerk.renqiu", "/api/tekun/cases/" + caseId + "/end",
                Map.of("reason", "LEFT_AREA", "note", "户籍迁往外区"));
        assertThat(ended.status()).as(ended.body()).isEqualTo(200);
        assertThat(ended.json().get("status").asText()).isEqualTo("ENDED");
        assertThat(ended.json().get("closingReason").asText()).isEqualTo("迁出本区：户籍迁往外区");
    }

    @Test
    void badApplicationsAreRefusedInChineseWithNothingWritten() {
        long before = jdbc.sql("select count(*) from tekun_case").query(Long.class).single();
        String young = TekunPeople.register(households, validator, "yuecun", "yuecun-yuecun", "卫五", 30, "UNEMPLOYED", "NONE", null);
        var tooYoung = http.post("clerk.yuecun", "/api/tekun/applications", application(young));
        assertThat(tooYoung.status()).isEqualTo(400);
        assertThat(tooYoung.json().get("code").asText()).isEqualTo("TEKUN_NOT_ELIGIBLE");
        assertThat(tooYoung.json().get("detail").asText()).contains("卫五30周岁").contains("不符合特困人员认定条件");

        String old = TekunPeople.register(households, validator, "yuecun", "yuecun-yuecun", "卫六", 66, "RETIRED", "NONE", null);
        Map<String, Object> noCare = application(old);
        noCare.remove("careMode");
        var missing = http.post("clerk.yuecun", "/api/tekun/applications", noCare);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("detail").asText()).contains("供养方式");

        assertThat(http.post("clerk.yuecun", "/api/tekun/applications", application(old)).status()).isEqualTo(201);
        var twice = http.post("clerk.yuecun", "/api/tekun/applications", application(old));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asText()).isEqualTo("PROGRAM_CONFLICT");
        assertThat(twice.json().get("detail").asText()).contains("卫六").contains("已在特困人员救助供养中（申请办理中")
                .endsWith("同一人不能重复纳入特困人员救助供养");

        var otherTownship = http.post("clerk.mengke", "/api/tekun/applications", application(old));
        assertThat(otherTownship.status()).isEqualTo(403);
        assertThat(http.post(null, "/api/tekun/applications", "{}").status()).isEqualTo(401);
        assertThat(jdbc.sql("select count(*) from tekun_case").query(Long.class).single()).isEqualTo(before + 1);
    }

    private static Map<String, Object> application(String idNumber) {
        Map<String, Object> form = new HashMap<>();
        form.put("idNumber", idNumber);
        form.put("supporterSituation", "UNABLE");
        form.put("supporterNote", "唯一的儿子为重度残疾人，无赡养能力");
        form.put("careMode", "CENTRALISED");
        form.put("careInstitution", "任丘社会福利中心");
        return form;
    }

    private String taskId(String user, String instance, String key) {
        JsonNode tasks = http.get(user, "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key).json();
        assertThat(tasks).as("%s sees %s", user, key).hasSize(1);
        return tasks.get(0).get("id").asText();
    }
}
