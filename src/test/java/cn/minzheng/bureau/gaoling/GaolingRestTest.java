package cn.minzheng.bureau.gaoling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.support.Http;

/**
 * 高龄津贴 over HTTP as the real users: the allowance of an age that does not qualify is a Chinese 422; a clerk
 * starts the month's proposal and sees the own township's; Tasklist's submit-form of the confirmation refuses a
 * 未确认 without reason in Chinese with nothing written, and enrols the person when answered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GaolingRestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    ProcessEngine engine;
    @Autowired
    DibaoWalker walker;
    @Autowired
    HouseholdRepository households;
    @Autowired
    GaolingRepository repository;

    private Http http;
    private GaolingTestSupport support;

    @BeforeEach
    void init() {
        http = new Http(port);
        support = new GaolingTestSupport(households, engine, walker);
    }

    @Test
    void theAllowanceOfAnAgeThatDoesNotQualifyIsRefusedInChinese() {
        YearMonth month = YearMonth.of(2026, 12);
        String almost80 = support.resident("许差一天", java.time.LocalDate.of(1947, 1, 1));
        String ninety = support.resident("何九十", java.time.LocalDate.of(1936, 12, 4));

        Http.Response refused = http.get("clerk.renqiu", "/api/gaoling/allowance?idNumber=" + almost80 + "&month=" + month);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("code").asText()).isEqualTo("GAOLING_AGE_NOT_QUALIFIED");
        assertThat(refused.json().get("detail").asText()).contains("未满80周岁（79周岁）");

        JsonNode allowed = http.get("clerk.renqiu", "/api/gaoling/allowance?idNumber=" + ninety + "&month=" + month).json();
        assertThat(allowed.get("age").asInt()).isEqualTo(90);
        assertThat(allowed.get("tierLabel").asText()).isEqualTo("90至99周岁");
        assertThat(allowed.get("monthlyAmount").asText()).isEqualTo("200.00");

        Http.Response badId = http.get("clerk.renqiu", "/api/gaoling/allowance?idNumber=123&month=" + month);
        assertThat(badId.status()).isEqualTo(400);
        assertThat(badId.json().get("detail").asText()).contains("公民身份号码应为18位");
        assertThat(http.get("committee.qinghuayuan", "/api/gaoling/allowance?idNumber=" + ninety).status()).isEqualTo(403);
    }

    @Test
    void aClerkStartsTheProposalAndAConfirmationWithoutReasonIsRefusedWithNothingWritten() throws Exception {
        YearMonth month = YearMonth.now();
        String person = support.resident("吕八十", month.atDay(1).minusYears(80));

        Http.Response started = http.post("clerk.renqiu", "/api/gaoling/proposals", Map.of("month", month.toString()));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String instance = started.json().get("processInstanceId").asText();
        assertThat(started.json().get("proposed").asInt()).isPositive();
        assertThat(http.post("committee.qinghuayuan", "/api/gaoling/proposals", Map.of()).status()).isEqualTo(403);
        assertThat(http.post("clerk.renqiu", "/api/gaoling/proposals", Map.of("month", "2026-13")).json()
                .get("detail").asText()).contains("不存在");

        JsonNode own = http.get("clerk.renqiu", "/api/gaoling/proposals?month=" + month).json();
        assertThat(own.findValuesAsText("personName")).contains("吕八十");
        assertThat(http.get("clerk.yuecun", "/api/gaoling/proposals?month=" + month).json().findValuesAsText("townshipCode"))
                .doesNotContain("renqiu");

        Task task = support.task(instance, GaolingTestSupport.TOWNSHIP);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Map<String, Object> row : support.rows(task)) {
            Map<String, Object> answered = new LinkedHashMap<>(row);
            answered.put("decision", "NOT_CONFIRMED");
            if (!person.equals(row.get("idNumber"))) {
                answered.put("reason", "不属于本测试");
            }
            rows.add(answered);
        }
        Http.Response refused = submit(task.getId(), rows);
        assertThat(refused.status()).isBetween(400, 499);
        assertThat(refused.body()).contains("吕八十未确认，请填写原因");
        assertThat(repository.proposalsOfMonth(month.toString())).filteredOn(p -> p.personIdNumber().equals(person))
                .singleElement().satisfies(p -> assertThat(p.status()).isEqualTo(GaolingRepository.ProposalStatus.PROPOSED));

        rows.forEach(row -> {
            if (person.equals(row.get("idNumber"))) {
                row.put("decision", "CONFIRM");
            }
        });
        Http.Response confirmed = submit(task.getId(), rows);
        assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(204);
        assertThat(repository.recipientOf(person)).get().satisfies(r -> assertThat(r.amount()).isEqualByComparingTo("100.00"));
        support.answerAll(instance, Map.of());
    }

    private Http.Response submit(String taskId, List<Map<String, Object>> rows) throws Exception {
        return http.post("clerk.renqiu", "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables",
                Map.of("people", Map.of("value", JSON.writeValueAsString(rows), "type", "Json"))));
    }
}
