package cn.minzheng.bureau.youfu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.common.JsonRows;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.support.Http;

/**
 * 优抚's yearly work over HTTP as the demo users do it: a clerk registers a conscript over /api (bad input in
 * Chinese, nothing written; another township's clerk refused), the 优抚安置科 starts the year's 优待金 and the 年审,
 * the clerk answers both tasks over the engine REST API as Tasklist submits them, and confirms a suspended
 * recipient later over /api.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class YoufuYearlyRestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    HouseholdRepository households;
    @Autowired
    HouseholdValidator validator;
    @Autowired
    YoufuRepository recipients;
    @Autowired
    TaskService tasks;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aClerkRegistersAConscriptAndTheFamilyIsGrantedTheYearOnce() throws Exception {
        YoufuFamilies.Family f = YoufuFamilies.conscriptFamily(households, validator, "renqiu", "renqiu-qinghuayuan",
                "郑桂芝", "郑浩", 20);
        String enlisted = LocalDate.now().minusMonths(2).toString();
        long before = jdbc.sql("select count(*) from youfu_conscript").query(Long.class).single();
        Map<String, Object> form = new LinkedHashMap<>(Map.of("idNumber", f.conscriptIdNumber(),
                "payeeIdNumber", f.conscriptIdNumber(), "enlistmentDate", enlisted));
        var self = http.post("clerk.renqiu", "/api/youfu/conscripts", form);
        assertThat(self.status()).isEqualTo(400);
        assertThat(self.json().get("detail").asText()).contains("领取人不能是义务兵本人");
        form.put("payeeIdNumber", f.motherIdNumber());
        assertThat(http.post("clerk.mengke", "/api/youfu/conscripts", form).status()).isEqualTo(403);
        assertThat(http.post("youfu", "/api/youfu/conscripts", form).status()).isEqualTo(403);
        assertThat(jdbc.sql("select count(*) from youfu_conscript").query(Long.class).single()).isEqualTo(before);

        var created = http.post("clerk.renqiu", "/api/youfu/conscripts", form);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("payeeName").asText()).isEqualTo("郑桂芝");
        var again = http.post("clerk.renqiu", "/api/youfu/conscripts", form);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("已登记为义务兵");

        LocalDate e = LocalDate.parse(enlisted);
        int year = e.isAfter(YoufuConscriptService.dueDay(e.getYear())) ? e.getYear() + 1 : e.getYear();
        assertThat(http.post("clerk.renqiu", "/api/youfu/conscript-grants", Map.of("year", year)).status()).isEqualTo(403);
        var started = http.post("youfu", "/api/youfu/conscript-grants", Map.of("year", year));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String instance = started.json().get("processInstanceId").asText();
        String task = taskOf("clerk.renqiu", instance);
        assertThat(http.get("clerk.renqiu", "/engine-rest/task/" + task + "/deployed-form").json().get("id").asText())
                .isEqualTo("youfu-conscript-confirm");
        List<Map<String, Object>> rows = rows(task, "conscripts");
        rows.forEach(r -> r.put("decision", "GRANT"));
        var submitted = submit(task, "conscripts", rows);
        assertThat(submitted.status()).as(submitted.body()).isEqualTo(204);

        // 任丘办事处 is urban: 15000 yuan from 2026
        JsonNode listed = http.get("clerk.renqiu", "/api/youfu/conscripts?township=renqiu").json();
        JsonNode mine = null;
        for (JsonNode c : listed) {
            if (c.get("id").asLong() == created.json().get("id").asLong()) {
                mine = c;
            }
        }
        assertThat(mine).isNotNull();
        assertThat(mine.get("grants").get(0).get("amount").asText()).isEqualTo("15000.00");
        assertThat(mine.get("grants").get(0).get("status").asText()).isEqualTo("GRANTED");
        assertThat(http.get("clerk.mengke", "/api/youfu/conscripts").json().findValuesAsText("personName")).doesNotContain("郑浩");
    }

    @Test
    void theSectionStartsTheReviewAndALateConfirmationResumesTheRecipient() throws Exception {
        YoufuRecipient r = YoufuFamilies.activeRecipient(recipients, jdbc, households, validator, "褚未见",
                java.time.YearMonth.now().toString());
        int year = ThreadLocalRandom.current().nextInt(2000, 2026);
        assertThat(http.post("clerk.yuecun", "/api/youfu/annual-reviews", Map.of("year", year)).status()).isEqualTo(403);
        var wrongYear = http.post("youfu", "/api/youfu/annual-reviews", Map.of("year", 3000));
        assertThat(wrongYear.status()).isEqualTo(400);
        assertThat(wrongYear.json().get("detail").asText()).contains("年度3000");
        var started = http.post("youfu", "/api/youfu/annual-reviews", Map.of("year", year));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String instance = started.json().get("processInstanceId").asText();
        String task = taskOf("clerk.yuecun", instance);
        List<Map<String, Object>> rows = rows(task, "recipients");
        for (Map<String, Object> row : rows) {
            row.put("decision", r.personIdNumber().equals(row.get("idNumber")) ? "NOT_CONFIRMED" : "CONFIRMED");
        }
        var noReason = submit(task, "recipients", rows);
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("message").asText()).contains("褚未见未能确认，请填写原因");
        rows.stream().filter(row -> r.personIdNumber().equals(row.get("idNumber"))).forEach(row -> row.put("reason", "联系不上"));
        assertThat(submit(task, "recipients", rows).status()).isEqualTo(204);
        for (var t : tasks.createTaskQuery().processInstanceId(instance).list()) {
            String township = (String) tasks.getVariable(t.getId(), "townshipCode");
            List<Map<String, Object>> others = rows(t.getId(), "recipients");
            others.forEach(row -> row.put("decision", "CONFIRMED"));
            assertThat(http.post("clerk." + township, "/engine-rest/task/" + t.getId() + "/submit-form", Map.of("variables",
                    Map.of("recipients", Map.of("value", JSON.writeValueAsString(others), "type", "Json")))).status()).isEqualTo(204);
        }
        assertThat(recipients.find(r.id()).orElseThrow().status()).isEqualTo(YoufuStatus.SUSPENDED);

        long checkId = jdbc.sql("select id from youfu_annual_check where recipient_id = ? and check_year = ?")
                .params(r.id(), year).query(Long.class).single();
        String path = "/api/youfu/annual-checks/" + checkId + "/confirmation";
        assertThat(http.post("clerk.renqiu", path, Map.of("note", "本人到场")).status()).isEqualTo(403);
        assertThat(http.post("youfu", path, Map.of("note", "本人到场")).status()).isEqualTo(403);
        var confirmed = http.post("clerk.yuecun", path, Map.of("note", "本人到乡政府现场认证"));
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(200);
        assertThat(confirmed.json().get("status").asText()).isEqualTo("ACTIVE");
        var twice = http.post("clerk.yuecun", path, Map.of("note", "再次认证"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("detail").asText()).contains("本年度已通过年审");
    }

    private String taskOf(String user, String instance) {
        JsonNode list = http.get(user, "/engine-rest/task?processInstanceId=" + instance).json();
        assertThat(list).as("%s sees a task of %s", user, instance).isNotEmpty();
        return list.get(0).get("id").asText();
    }

    private List<Map<String, Object>> rows(String taskId, String variable) {
        return new ArrayList<>(JsonRows.of(tasks.getVariable(taskId, variable), "rows").stream()
                .map(LinkedHashMap::new).toList());
    }

    private Http.Response submit(String taskId, String variable, List<Map<String, Object>> rows) throws Exception {
        String user = "clerk." + tasks.getVariable(taskId, "townshipCode");
        return http.post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables",
                Map.of(variable, Map.of("value", JSON.writeValueAsString(rows), "type", "Json"))));
    }
}
