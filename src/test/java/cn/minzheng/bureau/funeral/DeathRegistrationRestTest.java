package cn.minzheng.bureau.funeral;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.support.Http;

/**
 * 死亡登记 over HTTP as Tasklist and scripts reach it: the start form through the engine REST API and POST
 * /api/funeral/deaths meet the same rules (a date in the future or before birth, an unknown ID number, a second record
 * of the same person: Chinese 4xx, nothing written); the reviewer's form completes it; the records are listed to their
 * own township and the district only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeathRegistrationRestTest {

    @LocalServerPort
    int port;
    @Autowired
    HouseholdRepository households;
    @Autowired
    JdbcClient jdbc;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void aDeathRecordedOverTheApiIsConfirmedThroughTheEngineRestApiAndListedForItsTownshipOnly() {
        String id = FuneralPeople.resident(households, "岳接口故", LocalDate.of(1941, 9, 9));
        LocalDate died = EngineClock.today().minusDays(5);
        var created = http.post("clerk.yuecun", "/api/funeral/deaths", DeathRegistrationProcessTest.form(id, died));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode record = created.json();
        assertThat(record.get("status").asText()).isEqualTo("REGISTERED");
        assertThat(record.get("deathDate").asText()).isEqualTo(died.toString());
        long recordId = record.get("id").asLong();

        // the same person again, through either way in: refused
        var again = http.post("clerk.yuecun", "/api/funeral/deaths", DeathRegistrationProcessTest.form(id, died));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("同一人只能登记一次");
        var againByForm = startForm("clerk.yuecun", DeathRegistrationProcessTest.form(id, died));
        assertThat(againByForm.status()).isIn(400, 409);
        assertThat(againByForm.json().get("message").asText()).contains("同一人只能登记一次");

        String task = taskId("reviewer.yuecun", record.get("processInstanceId").asText());
        var noReason = http.submitTaskForm("reviewer.yuecun", task, Map.of("reviewDecision", "REFUSE"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("message").asText()).contains("不予确认须写明理由");
        assertThat(http.submitTaskForm("reviewer.yuecun", task, Map.of("reviewDecision", "CONFIRM")).status()).isEqualTo(204);

        JsonNode confirmed = http.get("clerk.yuecun", "/api/funeral/deaths/" + recordId).json();
        assertThat(confirmed.at("/record/status").asText()).isEqualTo("CONFIRMED");
        assertThat(confirmed.at("/record/effects").asText()).contains("标记为已故");
        assertThat(http.get("approver", "/api/funeral/deaths").json())
                .anySatisfy(r -> assertThat(r.get("id").asLong()).isEqualTo(recordId));
        assertThat(http.get("clerk.renqiu", "/api/funeral/deaths").json())
                .noneSatisfy(r -> assertThat(r.get("id").asLong()).isEqualTo(recordId));
        assertThat(http.get("clerk.renqiu", "/api/funeral/deaths/" + recordId).status()).isEqualTo(404);
    }

    @Test
    void badRecordsAreRefusedInChineseTheSameWayOverTheApiAndTheEngineRestApiAndNothingIsWritten() {
        LocalDate born = LocalDate.of(1955, 5, 5);
        String id = FuneralPeople.resident(households, "岳坏数据", born);
        LocalDate today = EngineClock.today();
        long before = count();

        Map<String, String> refusals = Map.of(
                "future", "晚于今天",
                "beforeBirth", "早于出生日期" + born,
                "unknown", "不是登记在册的家庭成员");
        for (var entry : refusals.entrySet()) {
            Map<String, Object> form = switch (entry.getKey()) {
                case "future" -> DeathRegistrationProcessTest.form(id, today.plusDays(3));
                case "beforeBirth" -> DeathRegistrationProcessTest.form(id, born.minusYears(1));
                default -> DeathRegistrationProcessTest.form(FuneralPeople.unregisteredIdNumber(households, born), today);
            };
            var api = http.post("clerk.yuecun", "/api/funeral/deaths", form);
            assertThat(api.status()).as(entry.getKey()).isBetween(400, 499);
            assertThat(api.json().get("detail").asText()).as(entry.getKey()).contains(entry.getValue());
            var engine = startForm("clerk.yuecun", form);
            assertThat(engine.status()).as(entry.getKey()).isBetween(400, 499);
            assertThat(engine.json().get("message").asText()).as(entry.getKey()).contains(entry.getValue());
        }
        var otherTownship = http.post("clerk.mengke", "/api/funeral/deaths", DeathRegistrationProcessTest.form(id, today));
        assertThat(otherTownship.status()).isIn(400, 403);
        assertThat(otherTownship.json().get("detail").asText()).contains("只能登记本乡镇（街道）居民");
        var notAClerk = startForm("reviewer.yuecun", DeathRegistrationProcessTest.form(id, today));
        assertThat(notAClerk.status()).isIn(403, 404);
        assertThat(http.post("clerk.yuecun", "/api/funeral/deaths", null).status()).isEqualTo(400);
        assertThat(count()).isEqualTo(before);
    }

    private long count() {
        return jdbc.sql("select count(*) from death_record").query(Long.class).single();
    }

    private Http.Response startForm(String user, Map<String, Object> values) {
        return http.submitStartForm(user, DeathRegistrationProcess.KEY, values);
    }

    private String taskId(String user, String instance) {
        JsonNode tasks = http.get(user, "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey="
                + DeathRegistrationProcess.TASK_REVIEW).json();
        assertThat(tasks).as("%s sees the review", user).hasSize(1);
        return tasks.get(0).get("id").asText();
    }
}
