package cn.minzheng.bureau.resettlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
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
 * 退役士兵安置 over HTTP as the demo users work it: /api and the engine REST API (Tasklist's start form) refuse bad
 * registrations in Chinese with nothing written; a registration goes to the 优抚安置科's review, seen by nobody of
 * another township.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ResettlementRestTest {

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
    void badRegistrationsAreRefusedInChineseWithNothingWritten() {
        String id = ResettlementPeople.register(households, validator, "岳报到", 21);
        LocalDate today = LocalDate.now();
        long before = count();

        var future = post(ResettlementPeople.conscript(id, today.plusDays(3)));
        assertThat(future.status()).isEqualTo(400);
        assertThat(future.json().get("code").asText()).isEqualTo("DISCHARGE_IN_FUTURE");
        assertThat(future.json().get("detail").asText()).isEqualTo("退役日期" + today.plusDays(3) + "晚于今天，尚未退出现役的不能报到登记");

        Map<String, Object> officer = ResettlementPeople.conscript(id, today.minusDays(2));
        officer.put("rankKind", "OFFICER");
        var refusedOfficer = post(officer);
        assertThat(refusedOfficer.status()).isEqualTo(400);
        assertThat(refusedOfficer.json().get("code").asText()).isEqualTo("OFFICER_NOT_HANDLED");

        var late = post(ResettlementPeople.conscript(id, today.minusDays(31)));
        assertThat(late.status()).isEqualTo(400);
        assertThat(late.json().get("code").asText()).isEqualTo("LATE_REASON_MISSING");
        assertThat(late.json().get("detail").asText()).contains("自退役之日起已31天，超过30天的报到期限");

        Map<String, Object> badId = ResettlementPeople.conscript(id.substring(0, 17) + (id.charAt(17) == '1' ? '2' : '1'), today);
        var wrongCheck = post(badId);
        assertThat(wrongCheck.status()).isEqualTo(400);
        assertThat(wrongCheck.json().get("code").asText()).isEqualTo("INVALID_ID_NUMBER");

        Map<String, Object> badGrade = ResettlementPeople.conscript(id, today);
        badGrade.put("disabilityGrade", 12);
        badGrade.put("disabilityCause", "WAR");
        assertThat(post(badGrade).json().get("detail").asText()).isEqualTo("残疾等级须为1至10级，填写的是12");

        // Tasklist's way in: the start form through the engine REST API, the same rule and the same answer
        var startForm = http.submitStartForm("clerk.yuecun", ResettlementProcess.KEY, ResettlementPeople.conscript(id, today.plusDays(1)));
        assertThat(startForm.status()).isEqualTo(400);
        assertThat(startForm.json().get("message").asText()).contains("晚于今天，尚未退出现役的不能报到登记");

        assertThat(http.post("clerk.mengke", "/api/resettlement/registrations", ResettlementPeople.conscript(id, today)).status())
                .isEqualTo(403);
        assertThat(http.post(null, "/api/resettlement/registrations", "{}").status()).isEqualTo(401);
        assertThat(count()).isEqualTo(before);

        var registered = post(ResettlementPeople.conscript(id, today.minusDays(1)));
        assertThat(registered.status()).as(registered.body()).isEqualTo(201);
        assertThat(registered.json().get("route").asText()).isEqualTo("SELF_EMPLOYMENT");
        assertThat(registered.json().get("status").asText()).isEqualTo("REGISTERED");
        var twice = post(ResettlementPeople.conscript(id, today.minusDays(1)));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("code").asText()).isEqualTo("ALREADY_REGISTERED");
        assertThat(twice.json().get("detail").asText()).contains("岳报到").contains("已办理退役士兵报到登记");
        assertThat(count()).isEqualTo(before + 1);

        long resettlementId = registered.json().get("id").asLong();
        String instance = registered.json().get("processInstanceId").asText();
        assertThat(http.get("clerk.mengke", "/api/resettlement/registrations/" + resettlementId).status()).isEqualTo(404);
        assertThat(http.get("youfu", "/api/resettlement/registrations/" + resettlementId).status()).isEqualTo(200);
        JsonNode tasks = http.get("youfu", "/engine-rest/task?processInstanceId=" + instance).json();
        assertThat(tasks).hasSize(1);
        String review = tasks.get(0).get("id").asText();
        assertThat(http.get("youfu", "/engine-rest/task/" + review + "/deployed-form").json().get("id").asText())
                .isEqualTo("resettlement-district-review");
        var noReason = http.submitTaskForm("youfu", review, Map.of("reviewDecision", "REJECT"));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("message").asText()).contains("退回须写明理由");
        assertThat(http.get("clerk.mengke", "/engine-rest/task?processInstanceId=" + instance).json()).isEmpty();
    }

    private Http.Response post(Map<String, Object> form) {
        return http.post("clerk.yuecun", "/api/resettlement/registrations", form);
    }

    private long count() {
        return jdbc.sql("select count(*) from veteran_resettlement").query(Long.class).single();
    }
}
