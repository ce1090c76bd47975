package cn.minzheng.bureau.elderly;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.support.Http;

/**
 * 老年人优待证 over HTTP as Tasklist and scripts reach it: the start and review forms through the engine REST API
 * meet the service's rules (Chinese 4xx, nothing written), and /api/elderly/cards lists a card to its own township
 * and the district only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ElderlyCardRestTest {

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
    void aCardIssuedThroughTheEngineRestApiIsListedForItsTownshipAndTheDistrictOnly() {
        String id = ElderlyResidents.register(households, "岳接口", EngineClock.today().minusYears(66));
        var started = startForm("clerk.yuecun", Map.of("applicantIdNumber", id, "kind", "NEW"));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String instance = started.json().get("id").asText();

        String review = taskId("reviewer.yuecun", instance);
        var noReason = http.submitTaskForm("reviewer.yuecun", review, Map.of("reviewDecision", "REFUSE"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("message").asText()).contains("不予发证须写明理由");
        assertThat(http.submitTaskForm("clerk.yuecun", review, Map.of("reviewDecision", "APPROVE")).status()).isIn(403, 404);
        assertThat(http.submitTaskForm("reviewer.yuecun", review, Map.of("reviewDecision", "APPROVE", "reviewComment", "属实"))
                .status()).isEqualTo(204);

        String number = jdbc.sql("select card_number from elderly_card where valid_holder = ?").param(id)
                .query(String.class).single();
        JsonNode mine = http.get("clerk.yuecun", "/api/elderly/cards").json();
        assertThat(mine).anySatisfy(card -> assertThat(card.get("cardNumber").asText()).isEqualTo(number))
                .allSatisfy(card -> assertThat(card.get("townshipCode").asText()).isEqualTo("yuecun"));
        assertThat(http.get("reviewer.yuecun", "/api/elderly/cards?township=yuecun").json())
                .anySatisfy(card -> assertThat(card.get("cardNumber").asText()).isEqualTo(number));
        assertThat(http.get("approver", "/api/elderly/cards").json())
                .anySatisfy(card -> assertThat(card.get("cardNumber").asText()).isEqualTo(number));
        assertThat(http.get("clerk.renqiu", "/api/elderly/cards").json())
                .noneSatisfy(card -> assertThat(card.get("townshipCode").asText()).isEqualTo("yuecun"));

        JsonNode card = http.get("clerk.yuecun", "/api/elderly/cards/" + number).json();
        assertThat(card.at("/card/holderName").asText()).isEqualTo("岳接口");
        assertThat(card.at("/card/status").asText()).isEqualTo("VALID");
        assertThat(card.at("/history/0/event").asText()).isEqualTo("ISSUED");
        var elsewhere = http.get("clerk.renqiu", "/api/elderly/cards/" + number);
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.json().get("detail").asText()).contains("老年人优待证" + number);
        assertThat(http.get(null, "/api/elderly/cards").status()).isEqualTo(401);
    }

    @Test
    void badStartFormsAreRefusedInChineseAndNothingIsWritten() {
        String young = ElderlyResidents.register(households, "岳年轻", EngineClock.today().minusYears(60).plusDays(1));
        String elderly = ElderlyResidents.register(households, "岳外乡", EngineClock.today().minusYears(75));
        long before = jdbc.sql("select count(*) from elderly_card_application").query(Long.class).single();

        var underAge = startForm("clerk.yuecun", Map.of("applicantIdNumber", young, "kind", "NEW"));
        assertThat(underAge.status()).isEqualTo(400);
        assertThat(underAge.json().get("message").asText()).contains("未满60周岁");
        var stranger = startForm("clerk.yuecun", Map.of("applicantIdNumber",
                ElderlyResidents.idNumber(EngineClock.today().minusYears(70)), "kind", "NEW"));
        assertThat(stranger.status()).isIn(400, 404);
        assertThat(stranger.json().get("message").asText()).contains("不是登记在册的家庭成员");
        var otherTownship = startForm("clerk.mengke", Map.of("applicantIdNumber", elderly, "kind", "NEW"));
        assertThat(otherTownship.status()).isIn(400, 403);
        assertThat(otherTownship.json().get("message").asText()).contains("只能登记本乡镇（街道）居民");
        var notAClerk = startForm("reviewer.yuecun", Map.of("applicantIdNumber", elderly, "kind", "NEW"));
        assertThat(notAClerk.status()).isIn(403, 404);
        assertThat(jdbc.sql("select count(*) from elderly_card_application").query(Long.class).single()).isEqualTo(before);
    }

    private Http.Response startForm(String user, Map<String, Object> values) {
        return http.submitStartForm(user, ElderlyCardProcess.KEY, values);
    }

    private String taskId(String user, String instance) {
        JsonNode tasks = http.get(user, "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey="
                + ElderlyCardProcess.TASK_REVIEW).json();
        assertThat(tasks).as("%s sees the review", user).hasSize(1);
        return tasks.get(0).get("id").asText();
    }
}
