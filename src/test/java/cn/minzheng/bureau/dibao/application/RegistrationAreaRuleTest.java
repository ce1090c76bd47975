package cn.minzheng.bureau.dibao.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.support.Http;
import cn.minzheng.bureau.support.TestApplications;

/**
 * One registration path, one area rule: a 岳村乡 clerk registering a household of 孟轲乡 is refused the same
 * way through the project's API and the engine REST API's start form submission — 403, code OUTSIDE_AREA,
 * the same Chinese message — and nothing is written. (Tasklist's own engine API answers a refusal alike:
 * DibaoApplicationBrowserTest submits a refused start form there.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RegistrationAreaRuleTest {

    private static final String MESSAGE = "您只能登记本乡镇（街道）的申请，孟轲乡不在您的工作范围内";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void everyPathRefusesAnotherTownshipsHouseholdAlikeAndWritesNothing() throws Exception {
        String headId = TestApplications.idNumber(true);
        Http http = new Http(port);
        long casesBefore = count("dibao_case");
        long householdsBefore = count("household");

        var form = TestApplications.household("mengke", "mengke-mengke", "ORDINARY", 1, "200");
        Map<String, Object> application = json.convertValue(form, Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> household = (Map<String, Object>) application.get("household");
        ((List<Map<String, Object>>) household.get("members")).get(0).put("idNumber", headId);
        Http.Response api = http.post("clerk.yuecun", "/api/dibao/applications", application);
        assertThat(api.status()).isEqualTo(403);
        assertThat(api.json().get("code").asText()).isEqualTo("OUTSIDE_AREA");
        assertThat(api.json().get("detail").asText()).isEqualTo(MESSAGE);

        Map<String, Object> startForm = Map.of("variables", Map.of(
                "townshipCode", Map.of("value", "mengke"), "communityCode", Map.of("value", "mengke-mengke"),
                "address", Map.of("value", "孟轲村8号"), "caseCategory", Map.of("value", "ORDINARY"),
                "bankName", Map.of("value", "中国农业银行"), "bankAccount", Map.of("value", "6228480012345678901"),
                "members", Map.of("type", "Json", "value", json.writeValueAsString(List.of(Map.of("name", "钱多多",
                        "idNumber", headId, "relation", "HEAD", "employmentStatus", "FARMING", "disabilityLevel", "NONE",
                        "wageIncome", 200))))));
        Http.Response engineRest = http.post("clerk.yuecun",
                "/engine-rest/process-definition/key/dibao-application/submit-form", startForm);
        assertThat(engineRest.status()).isEqualTo(403);
        assertThat(engineRest.json().get("code").asText()).isEqualTo("OUTSIDE_AREA");
        assertThat(engineRest.json().get("message").asText()).isEqualTo(MESSAGE);

        assertThat(count("dibao_case")).isEqualTo(casesBefore);
        assertThat(count("household")).isEqualTo(householdsBefore);
        assertThat(jdbc.sql("select count(*) from household_member where id_number = ?").param(headId)
                .query(Long.class).single()).isZero();
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }
}
