package cn.minzheng.bureau.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minzheng.bureau.support.Http;
import cn.minzheng.bureau.support.WebappSession;

/**
 * 民间组织 over HTTP on the demo data: the section's register and name check, the start form through the engine REST
 * API refused in Chinese with nothing written, each role's tasks, and the anonymous public register showing the public
 * fields of registered organisations only.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OrganisationRestTest {

    private static final String START = "/engine-rest/process-definition/key/organisation-registration/submit-form";
    private static final String INSPECTION_START = "/engine-rest/process-definition/key/organisation-annual-inspection/submit-form";

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OrganisationRepository register;
    @Autowired
    OrganisationDocumentRepository documents;

    Http http;

    @BeforeEach
    void client() {
        http = new Http(port);
    }

    @Test
    void theSectionReadsTheRegisterAndOthersDoNot() {
        JsonNode all = http.get("orgclerk", "/api/organisations").json();
        assertThat(all.findValuesAsText("name")).contains("中原区摄影家协会", "中原区老年书画研究会");
        long id = 0;
        for (JsonNode organisation : all) {
            if (organisation.get("name").asText().equals("中原区摄影家协会")) {
                id = organisation.get("id").asLong();
                assertThat(organisation.get("status").asText()).isEqualTo("REGISTERED");
                assertThat(organisation.get("creditCode").asText()).isEqualTo("51410102MJY00011XN");
            }
        }
        JsonNode one = http.get("orghead", "/api/organisations/" + id).json();
        assertThat(one.get("history").findValuesAsText("status")).containsExactly("APPLIED", "REGISTERED");

        Http.Response township = http.get("clerk.yuecun", "/api/organisations");
        assertThat(township.status()).isEqualTo(403);
        assertThat(township.json().get("detail").asText()).isEqualTo("只有区民政局民间组织管理科的工作人员可以办理民间组织登记");
        assertThat(http.get(null, "/api/organisations").status()).isEqualTo(401);
        assertThat(http.get("orgclerk", "/api/organisations/999999").status()).isEqualTo(404);
    }

    @Test
    void theNameCheckAndReservationAnswerInChinese() {
        Http.Response taken = http.get("orgclerk", "/api/organisations/name-check?name=" + enc("中原区摄影家协会") + "&kind=SOCIAL_GROUP");
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("code").asText()).isEqualTo("NAME_TAKEN");
        assertThat(taken.json().get("detail").asText()).contains("已被其他组织登记");
        Http.Response forbidden = http.get("orgclerk", "/api/organisations/name-check?name=" + enc("中国摄影家协会") + "&kind=SOCIAL_GROUP");
        assertThat(forbidden.status()).isEqualTo(400);
        assertThat(forbidden.json().get("detail").asText()).isEqualTo("区级民间组织的名称不得使用“中国”字样");
        String name = OrganisationRegistrationProcessTest.uniqueName("钓鱼协会");
        Http.Response free = http.get("orgclerk", "/api/organisations/name-check?name=" + enc(name) + "&kind=SOCIAL_GROUP");
        assertThat(free.status()).isEqualTo(200);
        assertThat(free.json().get("message").asText()).contains("符合命名规则");

        Http.Response reserved = http.post("orgclerk", "/api/organisations/name-reservations", Map.of("name", name, "kind", "SOCIAL_GROUP"));
        assertThat(reserved.status()).as(reserved.body()).isEqualTo(201);
        assertThat(reserved.json().get("reservationNo").asText()).startsWith("名核");
        Http.Response again = http.post("orghead", "/api/organisations/name-reservations", Map.of("name", name, "kind", "SOCIAL_GROUP"));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("detail").asText()).contains("已被预先核准保留");
        assertThat(http.get("orgclerk", "/api/organisations/minimum-funds").json().get("SOCIAL_GROUP").asText()).isEqualTo("30000.00");
    }

    @Test
    void theStartFormThroughEngineRestMeetsTheSameRules() {
        long before = organisations();
        Map<String, Object> belowMinimum = startForm(OrganisationRegistrationProcessTest.uniqueName("钓鱼协会"), "29000");
        Http.Response refused = http.post("orgclerk", START, Map.of("variables", belowMinimum));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("message").asText()).contains("社会团体的注册资金不得少于30000.00元");
        Map<String, Object> noApproval = startForm(OrganisationRegistrationProcessTest.uniqueName("钓鱼协会"), "30000");
        noApproval.remove("supervisorApprovalNo");
        Http.Response missing = http.post("orgclerk", START, Map.of("variables", noApproval));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("message").asText()).contains("缺少业务主管单位");
        Http.Response duplicate = http.post("orgclerk", START, Map.of("variables", startForm("中原区摄影家协会", "30000")));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.json().get("message").asText()).contains("已被其他组织登记");
        assertThat(organisations()).isEqualTo(before);
        assertThat(http.post("clerk.yuecun", START, Map.of("variables", startForm(OrganisationRegistrationProcessTest.uniqueName("钓鱼协会"),
                "30000"))).status()).isEqualTo(403);

        Http.Response accepted = http.post("orgclerk", START, Map.of("variables",
                startForm(OrganisationRegistrationProcessTest.uniqueName("钓鱼协会"), "30000")));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        assertThat(organisations()).isEqualTo(before + 1);
    }

    @Test
    void eachRoleFindsItsOrganisationWorkInTasklist() {
        assertThat(taskNames("orgclerk")).contains("民间组织管理科审查").doesNotContain("科负责人审批");
        assertThat(taskNames("orghead")).contains("科负责人审批");
        assertThat(taskNames("clerk.yuecun")).doesNotContain("民间组织管理科审查", "科负责人审批");
    }

    @Test
    void thePublicRegisterShowsPublicFieldsOfRegisteredOrganisationsOnly() {
        // a document kept for a public organisation: never shown nor served to the public
        long photographers = register.findByCreditCode("51410102MJY00011XN").orElseThrow().id();
        String secretName = "理事会内部纪要" + System.nanoTime() + ".pdf";
        String sha256 = OrganisationDocumentService.sha256(OrganisationDocumentTest.PDF);
        long documentId = documents.add(photographers, OrganisationDocumentKind.OTHER, secretName, "application/pdf",
                OrganisationDocumentTest.PDF, sha256, java.time.LocalDateTime.now(), "orgclerk");
        WebappSession anonymous = new WebappSession(port);
        var response = anonymous.get("/public/organisations");
        assertThat(response.statusCode()).isEqualTo(200);
        String page = response.body();
        assertThat(page).contains("中原区摄影家协会", "社会团体", "51410102MJY00011XN", "周建民", "中原区建设路18号",
                "中原区文化广电和旅游局", "区民社证字（", "正常", "中原区康乐居家养老服务中心", "民办非企业单位", "52410102MJY00027XF");
        // applications in review are not public, nor funds, approval numbers, staff, ids or process instances
        assertThat(page).doesNotContain("中原区老年书画研究会", "中原区阳光社会工作服务中心", "50000", "80000", "〔",
                "orgclerk", "orghead", "谢婷", "韩永刚", "APPLIED", "REGISTERED", "SOCIAL_GROUP");
        for (Map<String, Object> row : jdbc.sql("select id, process_instance_id from social_organisation").query().listOfRows()) {
            assertThat(page).doesNotContain("/" + row.get("id") + "\"", String.valueOf(row.get("process_instance_id")));
        }

        String byName = anonymous.get("/public/organisations?q=" + enc("摄影")).body();
        assertThat(byName).contains("中原区摄影家协会").doesNotContain("中原区康乐居家养老服务中心");
        String byCode = anonymous.get("/public/organisations?q=52410102mjy").body();
        assertThat(byCode).contains("中原区康乐居家养老服务中心").doesNotContain("中原区摄影家协会");
        String nothing = anonymous.get("/public/organisations?q=" + enc("<script>")).body();
        assertThat(nothing).contains("没有找到与“&lt;script&gt;”相符的民间组织").doesNotContain("<script>");

        for (String shown : new String[] {page, byName}) {
            assertThat(shown).doesNotContain(secretName, sha256, "/documents", "登记材料", "SHA-256", "orgclerk");
        }
        assertThat(anonymous.get("/public/organisations?q=" + enc("理事会内部纪要")).body()).doesNotContain(secretName);
        for (String path : new String[] {"/public/organisations/" + photographers + "/documents",
                "/public/organisations/" + photographers + "/documents/" + documentId,
                "/ledger/organisations/" + photographers + "/documents",
                "/ledger/organisations/" + photographers + "/documents/" + documentId,
                "/api/organisations/" + photographers + "/documents",
                "/api/organisations/" + photographers + "/documents/" + documentId + "/content"}) {
            var served = anonymous.download(path);
            assertThat(served.statusCode()).as(path).isNotEqualTo(200);
            assertThat(new String(served.body(), java.nio.charset.StandardCharsets.ISO_8859_1)).as(path)
                    .doesNotContain("%PDF", sha256);
        }
    }

    @Test
    void anAnnualInspectionStartsAndIsReportedThroughEngineRestAndApiWithTheSameRules() {
        // before the report deadline of 2024 (31 May 2025), or the job executor would find the inspection missed
        ClockUtil.setCurrentTime(java.sql.Timestamp.valueOf("2025-03-03 10:00:00"));
        try {
            inspectionThroughRestAndApi();
        } finally {
            ClockUtil.reset();
        }
    }

    private void inspectionThroughRestAndApi() {
        String code = registeredIn2024();
        long organisation = register.findByCreditCode(code).orElseThrow().id();
        long before = inspections();
        String wrongCheck = code.substring(0, 17) + (code.charAt(17) == '0' ? '1' : '0');
        Http.Response badCode = http.post("orgclerk", INSPECTION_START, Map.of("variables", inspectionStart(wrongCheck, 2024)));
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.json().get("message").asText()).contains("校验码错误");
        Http.Response badYear = http.post("orgclerk", "/api/organisations/inspections", Map.of("creditCode", code, "inspectionYear", 2099));
        assertThat(badYear.status()).isEqualTo(400);
        assertThat(badYear.json().get("detail").asText()).startsWith("检查年度不能大于");
        Http.Response tooEarly = http.post("orgclerk", "/api/organisations/inspections", Map.of("creditCode", code, "inspectionYear", 2023));
        assertThat(tooEarly.json().get("detail").asText()).contains("不参加2023年度检查");
        assertThat(http.post("clerk.yuecun", "/api/organisations/inspections", Map.of("creditCode", code, "inspectionYear", 2024))
                .status()).isEqualTo(403);
        assertThat(http.post("clerk.yuecun", INSPECTION_START, Map.of("variables", inspectionStart(code, 2024))).status()).isEqualTo(403);
        assertThat(inspections()).isEqualTo(before);

        Http.Response started = http.post("orgclerk", "/api/organisations/inspections", Map.of("creditCode", code, "inspectionYear", 2024));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        Http.Response twice = http.post("orgclerk", INSPECTION_START, Map.of("variables", inspectionStart(code, 2024)));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("message").asText()).contains("2024年度的年度检查已经开展，不能重复开展");
        assertThat(inspections()).isEqualTo(before + 1);

        String instance = started.json().get("processInstanceId").asText();
        String task = http.get("orgclerk", "/engine-rest/task?processInstanceId=" + instance).json().get(0).get("id").asText();
        Map<String, Object> report = new HashMap<>();
        report.put("income", typed(1000.0, "Double"));
        report.put("expenditure", typed(800.0, "Double"));
        report.put("netAssets", typed(31000.0, "Double"));
        report.put("activitiesHeld", typed(2.5, "Double"));
        report.put("charterFollowed", typed("YES", "String"));
        report.put("supervisorOpinion", typed("YES", "String"));
        Http.Response fractional = http.post("orgclerk", "/engine-rest/task/" + task + "/submit-form", Map.of("variables", report));
        assertThat(fractional.status()).isEqualTo(400);
        assertThat(fractional.json().get("message").asText()).contains("年度开展活动次数必须是整数");
        assertThat(http.get("orgclerk", "/api/organisations/" + organisation + "/inspections").json().get(0).hasNonNull("income")).isFalse();
        report.put("activitiesHeld", typed(6, "Integer"));
        Http.Response reported = http.post("orgclerk", "/engine-rest/task/" + task + "/submit-form", Map.of("variables", report));
        assertThat(reported.status()).as(reported.body()).isEqualTo(204);
        JsonNode inspection = http.get("orghead", "/api/organisations/" + organisation + "/inspections").json().get(0);
        assertThat(inspection.get("result").asText()).isEqualTo("QUALIFIED");
        assertThat(inspection.get("status").asText()).isEqualTo("REPORTED");
        // not published yet: nothing of it on the public page, and never the figures
        String page = new WebappSession(port).get("/public/organisations?q=" + code).body();
        assertThat(page).contains(code).doesNotContain("2024年度", "合格", "31000", "800.00", "1000.00");
    }

    @Test
    void aChangeOrCancellationThroughEngineRestMeetsTheSameRules() {
        String code = registeredIn2024();
        long organisation = register.findByCreditCode(code).orElseThrow().id();
        String start = "/engine-rest/process-definition/key/organisation-change/submit-form";
        Http.Response lowFunds = http.post("orgclerk", start, Map.of("variables", Map.of("creditCode", typed(code, "String"),
                "changeKind", typed("FUNDS", "String"), "newValue", typed(20000.0, "Double"), "changeReason", typed("减资", "String"))));
        assertThat(lowFunds.status()).isEqualTo(400);
        assertThat(lowFunds.json().get("message").asText()).contains("社会团体的注册资金不得少于30000.00元");
        Http.Response noReport = http.post("orgclerk", start, Map.of("variables", Map.of("creditCode", typed(code, "String"),
                "changeKind", typed("CANCELLATION", "String"), "changeReason", typed("解散", "String"))));
        assertThat(noReport.status()).isEqualTo(400);
        assertThat(noReport.json().get("message").asText()).contains("注销登记须有清算报告");
        Http.Response takenName = http.post("orgclerk", start, Map.of("variables", Map.of("creditCode", typed(code, "String"),
                "changeKind", typed("NAME", "String"), "newValue", typed("中原区摄影家协会", "String"), "changeReason", typed("更名", "String"))));
        assertThat(takenName.status()).isEqualTo(409);
        assertThat(http.get("orgclerk", "/api/organisations/" + organisation + "/changes").json()).isEmpty();
        assertThat(http.post("clerk.yuecun", start, Map.of("variables", Map.of("creditCode", typed(code, "String")))).status())
                .isEqualTo(403);

        Http.Response accepted = http.post("orgclerk", start, Map.of("variables", Map.of("creditCode", typed(code, "String"),
                "changeKind", typed("DOMICILE", "String"), "newValue", typed("中原区桐柏路8号", "String"),
                "changeReason", typed("原住所租期届满", "String"))));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
        JsonNode changes = http.get("orghead", "/api/organisations/" + organisation + "/changes").json();
        assertThat(changes.findValuesAsText("status")).containsExactly("PENDING");
        assertThat(changes.get(0).get("oldValue").asText()).isEqualTo("中原区淮河路1号");
    }

    private String registeredIn2024() {
        LocalDate on = LocalDate.of(2024, 6, 10);
        long id = register.apply(new OrganisationRepository.Application(OrganisationRegistrationProcessTest.uniqueName("棋牌协会"),
                OrganisationKind.SOCIAL_GROUP, "钱进", "中原区淮河路1号", new BigDecimal("30000"), "棋牌交流", "中原区体育局",
                "中体〔2024〕1号", on), null, on, null, "orgclerk");
        String code = OrganisationRegistrationProcessTest.creditCode('1');
        register.registered(id, code, on, "orgclerk");
        register.announced(id, on);
        return code;
    }

    private static Map<String, Object> inspectionStart(String code, int year) {
        return Map.of("creditCode", typed(code, "String"), "inspectionYear", typed(year, "Integer"));
    }

    private long inspections() {
        return jdbc.sql("select count(*) from social_organisation_inspection").query(Long.class).single();
    }

    private static final String FILING_START = "/engine-rest/process-definition/key/community-organisation-filing/submit-form";

    /** 社区社会组织备案 over engine REST: the same rules as the Tasklist form, refused in Chinese with nothing written. */
    @Test
    void theChangeTimeLimitExtensionIsTheHeadsAndNeedsARunningLimit() {
        long photographers = register.findByCreditCode("51410102MJY00011XN").orElseThrow().id();
        String path = "/api/organisations/" + photographers + "/change-time-limit-extension";
        Http.Response clerk = http.post("orgclerk", path, Map.of("reason", "材料需核实"));
        assertThat(clerk.status()).isEqualTo(403);
        assertThat(clerk.json().get("detail").asText()).isEqualTo("只有民间组织管理科负责人可以批准延长变更、注销登记的办理期限");
        assertThat(http.post("clerk.yuecun", path, Map.of("reason", "材料需核实")).status()).isEqualTo(403);
        Http.Response noReason = http.post("orghead", path, Map.of("reason", ""));
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.json().get("detail").asText()).isEqualTo("延长期限的理由不能为空");
        Http.Response nothingRunning = http.post("orghead", path, Map.of("reason", "材料需核实"));
        assertThat(nothingRunning.status()).isEqualTo(409);
        assertThat(nothingRunning.json().get("detail").asText()).contains("尚未受理或已办结");
        assertThat(http.post("orghead", "/api/organisations/999999/change-time-limit-extension", Map.of("reason", "材料需核实"))
                .status()).isEqualTo(404);
        assertThat(http.get("orghead", "/api/organisations/" + photographers + "/time-limits").json().findValuesAsText("extendedBy"))
                .isEmpty();
    }

    @Test
    void aFilingThroughEngineRestIsRefusedInChineseWithNothingWritten() {
        long before = organisations();
        long names = jdbc.sql("select count(*) from social_organisation_name").query(Long.class).single();

        Http.Response wrongEnding = http.post("clerk.yuecun", FILING_START, Map.of("variables", filingForm("岳村乡幸福社区广场舞", "岳秀兰")));
        assertThat(wrongEnding.status()).isEqualTo(400);
        assertThat(wrongEnding.json().get("message").asText()).contains("社区社会组织的名称应以“协会”");
        Http.Response taken = http.post("clerk.yuecun", FILING_START, Map.of("variables", filingForm("中原区摄影家协会", "岳秀兰")));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("message").asText()).contains("已被登记、备案或预先核准保留");
        Http.Response badLeader = http.post("clerk.yuecun", FILING_START, Map.of("variables",
                filingForm(OrganisationRegistrationProcessTest.uniqueName("舞蹈队"), "x<script>")));
        assertThat(badLeader.status()).isEqualTo(400);
        assertThat(badLeader.json().get("message").asText()).contains("负责人");
        Http.Response kindAtTheBureau = http.post("orgclerk", START, Map.of("variables", registrationAsCommunity()));
        assertThat(kindAtTheBureau.status()).isEqualTo(400);
        assertThat(kindAtTheBureau.json().get("message").asText()).contains("社区社会组织由街道办事处（乡镇人民政府）备案");
        assertThat(http.post("orgclerk", FILING_START, Map.of("variables",
                filingForm(OrganisationRegistrationProcessTest.uniqueName("舞蹈队"), "岳秀兰"))).status()).isEqualTo(403);

        assertThat(organisations()).isEqualTo(before);
        assertThat(jdbc.sql("select count(*) from social_organisation_name").query(Long.class).single()).isEqualTo(names);
    }

    private Map<String, Object> filingForm(String name, String leader) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("organisationName", typed(name, "String"));
        variables.put("leaderName", typed(leader, "String"));
        variables.put("activityPlace", typed("岳村乡幸福社区活动室", "String"));
        variables.put("activities", typed("组织广场舞和文艺演出", "String"));
        return variables;
    }

    private Map<String, Object> registrationAsCommunity() {
        Map<String, Object> variables = startForm(OrganisationRegistrationProcessTest.uniqueName("协会"), "30000");
        variables.put("organisationKind", typed("COMMUNITY_ORGANISATION", "String"));
        return variables;
    }

    private Map<String, Object> startForm(String name, String funds) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("organisationName", typed(name, "String"));
        variables.put("organisationKind", typed("SOCIAL_GROUP", "String"));
        variables.put("legalRepresentative", typed("赵明", "String"));
        variables.put("domicile", typed("中原区淮河路9号", "String"));
        variables.put("registeredFunds", typed(Double.valueOf(funds), "Double"));
        variables.put("businessScope", typed("组织钓鱼比赛和交流", "String"));
        variables.put("supervisorUnit", typed("中原区体育局", "String"));
        variables.put("supervisorApprovalNo", typed("中体〔2026〕3号", "String"));
        variables.put("supervisorApprovedOn", typed("2026-01-05", "String"));
        for (String material : List.of("charterProvided", "fundsProofProvided", "domicileProofProvided", "representativeIdProvided")) {
            variables.put(material, typed(true, "Boolean"));
        }
        return variables;
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Map<String, Object> typed(Object value, String type) {
        return Map.of("value", value, "type", type);
    }

    private List<String> taskNames(String user) {
        Http.Response response = http.get(user, "/engine-rest/task?maxResults=500");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json().findValuesAsText("name");
    }

    private long organisations() {
        return jdbc.sql("select count(*) from social_organisation").query(Long.class).single();
    }
}
