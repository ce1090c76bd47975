package cn.minzheng.bureau.linshi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.support.Http;

/**
 * 临时救助 over HTTP as Tasklist and scripts reach it: the start form and task forms through the engine REST
 * API meet the service's rules (Chinese 4xx, nothing written), and /api/linshi/cases shows a case to its own
 * township and the district only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LinshiRestTest {

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
    void anApplicationThroughTheEngineRestApiIsReviewedAndReadByItsTownshipOnly() {
        Household household = LinshiHouseholds.register(households, LinshiHouseholds.YUECUN,
                LinshiHouseholds.YUECUN_VILLAGE, 2);
        var started = startForm("clerk.yuecun", Map.of("applicantIdNumber", household.head().idNumber().value(),
                "kind", "EXPENDITURE", "hardshipLevel", "SERIOUS", "reason", "子女上大学学费无力负担",
                "spendingType", "EDUCATION", "spendingAmount", 2500, "spendingEvidence", "录取通知书、缴费通知单"));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String instance = started.json().get("id").asText();
        long caseId = jdbc.sql("select id from linshi_case where process_instance_id = ?").param(instance)
                .query(Long.class).single();

        JsonNode c = http.get("clerk.yuecun", "/api/linshi/cases/" + caseId).json();
        // rural 520 × 6 = 3120, more than the 2500 spent: 2500
        assertThat(c.get("standardAmount").decimalValue()).isEqualByComparingTo("2500.00");
        assertThat(c.get("kind").asText()).isEqualTo("EXPENDITURE");
        assertThat(http.get("approver", "/api/linshi/cases/" + caseId).status()).isEqualTo(200);
        var elsewhere = http.get("clerk.renqiu", "/api/linshi/cases/" + caseId);
        assertThat(elsewhere.status()).isEqualTo(404);
        assertThat(elsewhere.json().get("detail").asText()).contains("临时救助案件" + caseId);
        assertThat(http.get("clerk.renqiu", "/api/linshi/cases").json())
                .allSatisfy(row -> assertThat(row.get("townshipCode").asText()).isEqualTo("renqiu"));
        assertThat(http.get(null, "/api/linshi/cases").status()).isEqualTo(401);

        String review = taskId("reviewer.yuecun", instance, LinshiProcess.TASK_TOWNSHIP_REVIEW);
        var aboveCap = http.submitTaskForm("reviewer.yuecun", review, Map.of("reviewDecision", "APPROVE", "proposedAmount", 12000,
                "reviewComment", "同意"));
        assertThat(aboveCap.status()).isEqualTo(400);
        assertThat(aboveCap.json().get("message").asText()).contains("超过一般程序上限10000.00元", "一事一议");
        assertThat(http.get("approver", "/api/linshi/cases/" + caseId).json().path("proposedAmount").isNumber()).isFalse();
        assertThat(http.submitTaskForm("reviewer.yuecun", review, Map.of("reviewDecision", "APPROVE", "reviewComment", "同意"))
                .status()).isEqualTo(204);
        JsonNode granted = http.get("clerk.yuecun", "/api/linshi/cases/" + caseId).json();
        assertThat(granted.get("status").asText()).isEqualTo("GRANTED");
        assertThat(granted.get("paidAmount").decimalValue()).isEqualByComparingTo("2500.00");
        assertThat(granted.get("enrolmentId").isNumber()).isTrue();
    }

    @Test
    void badStartFormsAreRefusedInChineseAndNothingIsWritten() {
        Household household = LinshiHouseholds.register(households, LinshiHouseholds.YUECUN,
                LinshiHouseholds.YUECUN_VILLAGE, 1);
        long before = jdbc.sql("select count(*) from linshi_case").query(Long.class).single();
        var noEvidence = startForm("clerk.yuecun", Map.of("applicantIdNumber", household.head().idNumber().value(),
                "kind", "EXPENDITURE", "hardshipLevel", "GENERAL", "reason", "住院", "spendingType", "MEDICAL",
                "spendingAmount", 4000));
        assertThat(noEvidence.status()).isEqualTo(400);
        assertThat(noEvidence.json().get("message").asText()).contains("支出型临时救助须写明支出凭证");
        var otherTownship = startForm("clerk.mengke", Map.of("applicantIdNumber", household.head().idNumber().value(),
                "kind", "EMERGENCY", "hardshipLevel", "GENERAL", "reason", "失火"));
        assertThat(otherTownship.status()).isIn(400, 403);
        assertThat(otherTownship.json().get("message").asText()).contains("只能登记本乡镇（街道）家庭");
        var notAClerk = startForm("reviewer.yuecun", Map.of("applicantIdNumber", household.head().idNumber().value(),
                "kind", "EMERGENCY", "hardshipLevel", "GENERAL", "reason", "失火"));
        assertThat(notAClerk.status()).isIn(403, 404);
        assertThat(jdbc.sql("select count(*) from linshi_case").query(Long.class).single()).isEqualTo(before);
    }

    /** A new household on the start form with a member's ID number that fails its check: a Chinese 400, nothing written. */
    @Test
    void aNewHouseholdWithABadIdNumberIsRefusedInChineseAndNothingIsWritten() {
        String head = LinshiHouseholds.freshIdNumber().value();
        String badChild = LinshiHouseholds.freshIdNumber().value().substring(0, 17) + "Y";
        long cases = jdbc.sql("select count(*) from linshi_case").query(Long.class).single();
        long householdCount = jdbc.sql("select count(*) from household").query(Long.class).single();
        Map<String, Object> form = new java.util.HashMap<>(Map.of("applicantIdNumber", head, "kind", "EMERGENCY",
                "hardshipLevel", "GENERAL", "reason", "房屋倒塌", "newHousehold", true, "townshipCode", "yuecun",
                "communityCode", "yuecun-yuecun", "address", "岳村九组3号", "bankName", "中国农业银行",
                "bankAccount", "6228480011223344556"));
        form.put("members", """
                [{"name":"岳一","idNumber":"%s","relation":"HEAD","employmentStatus":"FARMING","disabilityLevel":"NONE"},
                 {"name":"岳二","idNumber":"%s","relation":"CHILD","employmentStatus":"STUDENT","disabilityLevel":"NONE"}]"""
                .formatted(head, badChild));
        var refused = startForm("clerk.yuecun", form);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("第2位成员");
        assertThat(jdbc.sql("select count(*) from linshi_case").query(Long.class).single()).isEqualTo(cases);
        assertThat(jdbc.sql("select count(*) from household").query(Long.class).single()).isEqualTo(householdCount);
        assertThat(jdbc.sql("select count(*) from household_member where id_number = ?").param(head).query(Long.class)
                .single()).isZero();
    }

    private Http.Response startForm(String user, Map<String, Object> values) {
        return http.submitStartForm(user, LinshiProcess.KEY, values);
    }

    private String taskId(String user, String instance, String key) {
        JsonNode tasks = http.get(user, "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key).json();
        assertThat(tasks).as("%s sees %s", user, key).hasSize(1);
        return tasks.get(0).get("id").asText();
    }
}
