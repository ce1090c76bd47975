package cn.minzheng.bureau.relief;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.support.Http;

/**
 * A whole disaster over HTTP as the demo users work it in Tasklist (engine REST submit-form), on
 * the configured database (H2, or PostgreSQL with -Dtest.db=postgres): registration, reports,
 * township rosters with a 低保 household linked, the .xlsx rosters downloaded and read back, the
 * city's fund allocated by priority, approval, payment once, receipts.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DisasterReliefRestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RosterRepository roster;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    record DibaoPerson(String idNumber, String communityCode) {
    }

    @Test
    void aWholeDisasterFromRegistrationToPayment() throws IOException {
        // a demo household with an approved 低保 case in 任丘办事处 is hit by the disaster
        DibaoPerson dibao = jdbc.sql("""
                select p.id_number, h.community_code from dibao_case c join dibao_case_person p on p.case_id = c.id
                join household h on h.id = c.household_id
                where c.status = 'APPROVED' and c.township_code = 'renqiu' and p.open_id_number is not null
                order by c.id""").query(DibaoPerson.class).list().get(0);
        String village = dibao.communityCode();

        var started = http.post("approver", "/engine-rest/process-definition/key/disaster-relief/submit-form",
                Map.of("variables", Map.of(
                        "disasterKind", typed("WATERLOGGING", "String"),
                        "disasterName", typed("七月内涝", "String"),
                        "occurredAt", typed(LocalDateTime.now().minusMinutes(40)
                                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")), "String"),
                        "affectedVillages", typed(JSON.writeValueAsString(List.of(village, "mengke-mengke")), "Json"),
                        "cropAreaMu", typed(1200.5, "Double"), "housesDamaged", typed(8, "Long"),
                        "housesCollapsed", typed(2, "Long"), "peopleAffected", typed(350, "Long"))));
        assertThat(started.status()).as(started.body()).isEqualTo(200);
        String instance = started.json().get("id").asText();
        long disasterId = jdbc.sql("select id from relief_disaster where process_instance_id = ?").param(instance)
                .query(Long.class).single();
        assertThat(http.post("clerk.renqiu", "/engine-rest/process-definition/key/disaster-relief/submit-form",
                Map.of("variables", Map.of())).status()).isEqualTo(403);

        assertThat(submit("approver", taskId("approver", instance, "Task_InitialReport"),
                Map.of("reportContent", "7月10日6时起暴雨，岳村乡、孟轲乡部分村庄内涝"))).isEqualTo(204);
        assertThat(submit("approver", taskId("approver", instance, "Task_FollowUpReport"),
                Map.of("reportContent", "积水已退，灾情稳定", "situationStable", true))).isEqualTo(204);

        // each township sees only its own registration task
        String renqiuTask = taskId("clerk.renqiu", instance, "Task_RegisterHouseholds");
        String mengkeTask = taskId("clerk.mengke", instance, "Task_RegisterHouseholds");
        assertThat(renqiuTask).isNotEqualTo(mengkeTask);

        Map<String, Object> dibaoRow = DisasterWalker.household(village, "ORDINARY", "GENERAL", 1, 2000);
        dibaoRow.put("idNumber", dibao.idNumber());
        Map<String, Object> collapsed = DisasterWalker.household(village, "FIVE_GUARANTEE", "COLLAPSED", 3, 5000);
        collapsed.put("deaths", 1);
        collapsed.put("deceasedNames", "王某");
        var outside = submitJson("clerk.renqiu", renqiuTask, List.of(dibaoRow, DisasterWalker.household("yuecun-none", "ORDINARY", "NONE", 0, 1)));
        assertThat(outside.status()).isEqualTo(400);
        assertThat(outside.json().get("message").asText()).contains("不在本次灾害");
        assertThat(submitJson("clerk.renqiu", renqiuTask, List.of(dibaoRow, collapsed)).status()).isEqualTo(204);
        assertThat(submitJson("clerk.mengke", mengkeTask,
                List.of(DisasterWalker.household("mengke-mengke", "SEVERELY_AFFECTED", "GENERAL", 1, 4000))).status()).isEqualTo(204);
        assertThat(submit("reviewer.renqiu", taskId("reviewer.renqiu", instance, "Task_SignOffRoster"),
                Map.of("rosterDecision", "APPROVE"))).isEqualTo(204);
        assertThat(submit("reviewer.mengke", taskId("reviewer.mengke", instance, "Task_SignOffRoster"),
                Map.of("rosterDecision", "APPROVE"))).isEqualTo(204);

        // the township's roster for its reviewer, the district's for the district; nobody else's
        var renqiuRoster = http.download("reviewer.renqiu", "/api/relief/disasters/" + disasterId + "/rosters.xlsx?township=renqiu");
        assertThat(renqiuRoster.status()).as(new String(renqiuRoster.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(renqiuRoster.contentType()).contains("spreadsheetml");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(renqiuRoster.body()))) {
            Sheet households = book.getSheet(RosterWorkbook.SHEET_ROSTER);
            assertThat(households.getLastRowNum()).isEqualTo(4);
            assertThat(households.getRow(4).getCell(1).getStringCellValue()).isEqualTo("2户");
            assertThat(book.getSheet(RosterWorkbook.SHEET_COLLAPSED).getLastRowNum()).isEqualTo(3);
            assertThat(book.getSheet(RosterWorkbook.SHEET_DEATHS).getRow(2).getCell(7).getStringCellValue()).isEqualTo("王某");
            // the 低保 household was linked to its case
            assertThat(List.of(households.getRow(2).getCell(8).getStringCellValue(),
                    households.getRow(3).getCell(8).getStringCellValue())).containsExactlyInAnyOrder("是", "否");
        }
        assertThat(http.download("clerk.mengke", "/api/relief/disasters/" + disasterId + "/rosters.xlsx?township=renqiu").status())
                .isEqualTo(403);
        assertThat(http.download("clerk.renqiu", "/api/relief/disasters/" + disasterId + "/rosters.xlsx").status()).isEqualTo(403);
        var district = http.download("approver", "/api/relief/disasters/" + disasterId + "/rosters.xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(district.body()))) {
            Sheet totals = book.getSheet(RosterWorkbook.SHEET_TOTALS);
            assertThat(totals.getRow(6).getCell(0).getStringCellValue()).isEqualTo("合计");
            assertThat(totals.getRow(6).getCell(1).getNumericCellValue()).isEqualTo(3);
            assertThat(totals.getRow(6).getCell(7).getNumericCellValue()).isEqualTo(11000);
        }

        assertThat(submit("approver", taskId("approver", instance, "Task_VerifyLosses"),
                Map.of("verificationNote", "经核实属实"))).isEqualTo(204);
        assertThat(submit("approver", taskId("approver", instance, "Task_VerifiedReport"),
                Map.of("reportContent", "核报：受灾3户", "fundRequested", 11000))).isEqualTo(204);
        assertThat(submit("approver", taskId("approver", instance, "Task_RecordCityFund"), Map.of("cityFund", 8000)))
                .isEqualTo(204);
        // 8000: the collapsed house 5000, the 低保 household 2000, the 重灾户 the remaining 1000
        Map<String, BigDecimal> allocated = new HashMap<>();
        roster.list(disasterId, null).forEach(h -> allocated.put(h.idNumber().value(), h.allocatedAmount()));
        assertThat(allocated.get(dibao.idNumber())).isEqualByComparingTo("2000");
        assertThat(allocated.get((String) collapsed.get("idNumber"))).isEqualByComparingTo("5000");
        assertThat(allocated.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("8000");

        String approval = taskId("reliefhead", instance, "Task_ApproveAllocation");
        assertThat(submit("approver", approval, Map.of("allocationDecision", "APPROVE"))).isIn(403, 404);
        assertThat(submit("reliefhead", approval, Map.of("allocationDecision", "APPROVE"))).isEqualTo(204);
        assertThat(submit("finance", taskId("finance", instance, "Task_PayRelief"), Map.of("paymentIssued", true))).isEqualTo(204);
        assertThat(roster.pay(disasterId, "finance")).as("a household is never paid twice").isZero();
        assertThat(submit("clerk.renqiu", taskId("clerk.renqiu", instance, "Task_ConfirmReceipt"),
                Map.of("receiptsConfirmed", true))).isEqualTo(204);
        assertThat(submit("clerk.mengke", taskId("clerk.mengke", instance, "Task_ConfirmReceipt"),
                Map.of("receiptsConfirmed", true))).isEqualTo(204);

        // the collapsed house is rebuilt (倒房重建, a called process per household)
        String rebuilding = jdbc.sql("""
                select r.process_instance_id from relief_rebuilding r join relief_household h on h.id = r.household_id
                where h.disaster_id = ?""").param(disasterId).query(String.class).single();
        assertThat(submit("clerk.renqiu", taskId("clerk.renqiu", rebuilding, "Task_ApplyOrNominate"),
                Map.of("source", "NOMINATION", "rooms", 3))).isEqualTo(204);
        assertThat(submit("clerk.renqiu", taskId("clerk.renqiu", rebuilding, "Task_DemocraticAppraisal"),
                Map.of("appraisalAttendees", 11, "appraisalVotesFor", 11, "appraisalMinutes", "居民代表一致同意"))).isEqualTo(204);
        JsonNode timers = http.get("procmgr", "/engine-rest/job?timers=true&processInstanceId=" + rebuilding).json();
        assertThat(http.post("procmgr", "/engine-rest/job/" + timers.get(0).get("id").asText() + "/execute", "{}").status())
                .isEqualTo(204);
        assertThat(submit("reviewer.renqiu", taskId("reviewer.renqiu", rebuilding, "Task_ReviewRebuildingByTownship"),
                Map.of("townshipDecision", "APPROVE"))).isEqualTo(204);
        String approveRebuilding = taskId("reliefhead", rebuilding, "Task_ApproveRebuilding");
        assertThat(http.get("reliefhead", "/engine-rest/task/" + approveRebuilding + "/variables/grantAmount")
                .json().get("value").asText()).isEqualTo("24000.00");
        assertThat(submit("reliefhead", approveRebuilding, Map.of("districtDecision", "APPROVE"))).isEqualTo(204);
        assertThat(submit("clerk.renqiu", taskId("clerk.renqiu", rebuilding, "Task_ConfirmRebuilt"),
                Map.of("rebuiltOn", java.time.LocalDate.now().toString(), "inspectionNote", "验收合格"))).isEqualTo(204);

        assertThat(jdbc.sql("select status from relief_disaster where id = ?").param(disasterId).query(String.class).single())
                .isEqualTo("CLOSED");
        assertThat(roster.list(disasterId, null)).allMatch(h -> h.paid() && h.receiptConfirmed());
    }

    @Test
    void demoDataGivesTheReliefSectionAndTheTownshipsWork() {
        assertThat(taskKeys("approver")).contains("Task_FollowUpReport", "Task_RegisterDonation");
        assertThat(taskKeys("reviewer.yuecun")).contains("Task_SignOffRoster");
        assertThat(taskKeys("clerk.mengke")).contains("Task_RegisterHouseholds");
    }

    private List<String> taskKeys(String user) {
        List<String> keys = new java.util.ArrayList<>();
        http.get(user, "/engine-rest/task?maxResults=500").json().forEach(t -> keys.add(t.get("taskDefinitionKey").asText()));
        return keys;
    }

    private static Map<String, Object> typed(Object value, String type) {
        return Map.of("value", value, "type", type);
    }

    private String taskId(String user, String instance, String key) {
        JsonNode tasks = http.get(user, "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key).json();
        assertThat(tasks).as("%s sees %s", user, key).hasSize(1);
        return tasks.get(0).get("id").asText();
    }

    private int submit(String user, String taskId, Map<String, Object> values) {
        Map<String, Object> variables = new HashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return http.post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables", variables)).status();
    }

    private Http.Response submitJson(String user, String taskId, List<Map<String, Object>> households) throws IOException {
        return http.post(user, "/engine-rest/task/" + taskId + "/submit-form", Map.of("variables",
                Map.of("households", typed(JSON.writeValueAsString(households), "Json"))));
    }
}
