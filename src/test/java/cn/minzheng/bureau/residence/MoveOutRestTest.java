package cn.minzheng.bureau.residence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
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
 * 户籍迁出登记 over HTTP: POST /api/households/move-outs and the start form through the engine REST API meet the same
 * rules (a date in the future or before birth, an unknown ID number, another township, a second move: Chinese 4xx,
 * nothing written); the records are listed to their own township and the district only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class MoveOutRestTest {

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
    void aMoveOutRecordedOverTheApiIsListedForItsTownshipOnlyAndNotRecordedTwice() {
        String id = MovingPeople.resident(households, "任接口迁", LocalDate.of(1961, 4, 4));
        LocalDate movedOn = EngineClock.today().minusDays(2);
        var created = http.post("clerk.renqiu", "/api/households/move-outs", MoveOutProcessTest.form(id, movedOn));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode record = created.json();
        assertThat(record.get("movedOn").asText()).isEqualTo(movedOn.toString());
        assertThat(record.get("effects").asText()).contains("标记为已迁出本区");
        long recordId = record.get("id").asLong();

        var again = http.post("clerk.renqiu", "/api/households/move-outs", MoveOutProcessTest.form(id, movedOn));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("登记迁出本区");
        var againByForm = http.submitStartForm("clerk.renqiu", MoveOutProcess.KEY, MoveOutProcessTest.form(id, movedOn));
        assertThat(againByForm.status()).isIn(400, 409);
        assertThat(againByForm.json().get("message").asText()).contains("登记迁出本区");

        assertThat(http.get("approver", "/api/households/move-outs").json())
                .anySatisfy(r -> assertThat(r.get("id").asLong()).isEqualTo(recordId));
        assertThat(http.get("clerk.yuecun", "/api/households/move-outs").json())
                .noneSatisfy(r -> assertThat(r.get("id").asLong()).isEqualTo(recordId));
        assertThat(http.get("clerk.yuecun", "/api/households/move-outs/" + recordId).status()).isEqualTo(404);
        assertThat(http.get("clerk.renqiu", "/api/households/move-outs/" + recordId).status()).isEqualTo(200);
    }

    @Test
    void badRecordsAreRefusedInChineseTheSameWayOverTheApiAndTheEngineRestApiAndNothingIsWritten() {
        LocalDate born = LocalDate.of(1956, 6, 6);
        String id = MovingPeople.resident(households, "任坏数据", born);
        LocalDate today = EngineClock.today();
        long before = count();
        Map<String, Map<String, Object>> forms = new LinkedHashMap<>();
        forms.put("晚于今天", MoveOutProcessTest.form(id, today.plusDays(3)));
        forms.put("早于出生日期" + born, MoveOutProcessTest.form(id, born.minusYears(1)));
        Map<String, Object> noDestination = MoveOutProcessTest.form(id, today);
        noDestination.put("destination", "");
        forms.put("迁往地", noDestination);
        Map<String, Object> badId = MoveOutProcessTest.form(id, today);
        badId.put("personIdNumber", "410305195606061234");
        forms.put("无效", badId);
        for (var entry : forms.entrySet()) {
            var api = http.post("clerk.renqiu", "/api/households/move-outs", entry.getValue());
            assertThat(api.status()).as(entry.getKey()).isBetween(400, 499);
            assertThat(api.json().get("detail").asText()).as(entry.getKey()).contains(entry.getKey());
            var engine = http.submitStartForm("clerk.renqiu", MoveOutProcess.KEY, entry.getValue());
            assertThat(engine.status()).as(entry.getKey()).isBetween(400, 499);
            assertThat(engine.json().get("message").asText()).as(entry.getKey()).contains(entry.getKey());
        }
        var otherTownship = http.post("clerk.yuecun", "/api/households/move-outs", MoveOutProcessTest.form(id, today));
        assertThat(otherTownship.status()).isEqualTo(403);
        assertThat(otherTownship.json().get("detail").asText()).contains("只能登记本乡镇（街道）居民");
        var notAClerk = http.submitStartForm("reviewer.renqiu", MoveOutProcess.KEY, MoveOutProcessTest.form(id, today));
        assertThat(notAClerk.status()).isIn(403, 404);
        assertThat(http.post("clerk.renqiu", "/api/households/move-outs", null).status()).isEqualTo(400);
        assertThat(count()).isEqualTo(before);
        assertThat(jdbc.sql("select moved_out_on from household_member where id_number = ?").param(id)
                .query(LocalDate.class).list()).containsOnlyNulls();
    }

    private long count() {
        return jdbc.sql("select count(*) from household_move_out").query(Long.class).single();
    }
}
