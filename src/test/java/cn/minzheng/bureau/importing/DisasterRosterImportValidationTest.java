package cn.minzheng.bureau.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.relief.AffectedHousehold;
import cn.minzheng.bureau.relief.Disaster;
import cn.minzheng.bureau.relief.DisasterRepository;
import cn.minzheng.bureau.relief.DisasterRosterColumns;
import cn.minzheng.bureau.relief.DisasterStatus;
import cn.minzheng.bureau.relief.HouseDamage;
import cn.minzheng.bureau.relief.HouseholdCategory;
import cn.minzheng.bureau.relief.RosterRepository;

/**
 * Every validation rule of the disaster roster kind, table-driven: one workbook holds a row per rule
 * (each broken in one way), uploaded once for one disaster; each case checks its row in the report.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisasterRosterImportValidationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.camunda.bpm.engine.ProcessEngine engine;
    @Autowired
    DisasterRepository disasters;
    @Autowired
    RosterRepository roster;

    private ImportClient client;
    private Disaster disaster;
    private JsonNode batch;
    private final Map<Integer, JsonNode> reportRows = new HashMap<>();
    private final Map<String, Integer> rowOf = new HashMap<>();

    record Rule(String key, String description, Consumer<String[]> breakIt, String expectedStatus, String messagePart,
                int column) {
        @Override
        public String toString() {
            return description;
        }
    }

    static String SAME_PERSON;
    static String ON_ROSTER;

    static Stream<Arguments> rules() {
        return Stream.of(
                new Rule("ok", "a correct row is accepted", r -> { }, "ACCEPTED", null, -1),
                new Rule("collapsed", "a collapsed house with its rooms and a death with the name is accepted", r -> {
                    r[9] = "倒塌";
                    r[10] = "2";
                    r[11] = "1";
                    r[12] = "王老汉";
                    r[7] = "是";
                }, "ACCEPTED", null, -1),
                new Rule("codes", "codes instead of names are accepted", r -> {
                    r[0] = "mengke";
                    r[1] = "mengke-mengke";
                    r[6] = "FIVE_GUARANTEE";
                }, "ACCEPTED", null, -1),
                new Rule("check", "wrong check digit", r -> r[3] = flipCheck(r[3]), "REJECTED", "校验位错误", 3),
                new Rule("short", "ID number too short", r -> r[3] = "11010519491231", "REJECTED", "应为18位", 3),
                new Rule("twice", "the same person twice in the file", r -> r[3] = SAME_PERSON, "REJECTED", "在文件中重复出现", 3),
                new Rule("known", "a person already on this disaster's roster", r -> r[3] = ON_ROSTER, "REJECTED",
                        "已在本次灾害的登记册中", 3),
                new Rule("township", "township that does not exist", r -> r[0] = "不存在乡", "REJECTED", "不存在", 0),
                new Rule("spared", "township the disaster did not hit", r -> {
                    r[0] = "任丘办事处";
                    r[1] = "京东社区";
                }, "REJECTED", "不是本次灾害的受灾乡镇", 0),
                new Rule("other", "village of another township", r -> r[1] = "孟轲村", "REJECTED", "不属于岳村乡", 1),
                new Rule("outside", "village outside the affected area", r -> r[1] = "岳村", "REJECTED",
                        "不在本次灾害的受灾村（社区）范围内", 1),
                new Rule("name", "head's name missing", r -> r[2] = null, "REJECTED", "户主姓名不能为空", 2),
                new Rule("address", "address missing", r -> r[4] = " ", "REJECTED", "住址不能为空", 4),
                new Rule("persons", "no people", r -> r[5] = "0", "REJECTED", "家庭人口不能小于1", 5),
                new Rule("half", "half a person", r -> r[5] = "2.5", "REJECTED", "必须是整数", 5),
                new Rule("many", "more than 30 people", r -> r[5] = "31", "REJECTED", "家庭人口不能大于30", 5),
                new Rule("category", "unknown category", r -> r[6] = "贫困户", "REJECTED", "受灾户类别“贫困户”无效", 6),
                new Rule("disabled", "disabled member neither yes nor no", r -> r[7] = "可能", "REJECTED", "请填写“是”或“否”", 7),
                new Rule("crop", "negative crop loss", r -> r[8] = "-1", "REJECTED", "不能为负数", 8),
                new Rule("damage", "unknown house damage", r -> r[9] = "全毁", "REJECTED", "房屋受损情况“全毁”无效", 9),
                new Rule("degree", "damage without its degree", r -> r[9] = "损坏", "REJECTED",
                        "房屋受损情况“损坏”无效，请按损坏程度填写：倒塌、严重损坏、一般损坏、无", 9),
                new Rule("norooms", "collapsed house without rooms", r -> {
                    r[9] = "倒塌";
                    r[10] = "0";
                }, "REJECTED", "房屋倒塌的，须填写倒塌的房屋间数（至少1间）", 10),
                new Rule("blankrooms", "severely damaged house, rooms blank", r -> {
                    r[9] = "严重损坏";
                    r[10] = null;
                }, "REJECTED", "房屋严重损坏的，须填写严重损坏的房屋间数（至少1间）", 10),
                new Rule("rooms", "rooms damaged though the house stands", r -> {
                    r[9] = "无";
                    r[10] = "2";
                }, "REJECTED", "房屋无损的，受损房屋间数应为0", 10),
                new Rule("toomanyrooms", "more than 50 rooms", r -> r[10] = "51", "REJECTED", "受损房屋间数不能大于50", 10),
                new Rule("deaths", "more deaths than people", r -> {
                    r[11] = "4";
                    r[12] = "甲、乙、丙、丁";
                }, "REJECTED", "因灾死亡人数不能大于3", 11),
                new Rule("deceased", "a death without the name", r -> r[11] = "1", "REJECTED", "须填写死亡人员姓名", 12),
                new Rule("winter", "more winter relief than people", r -> r[13] = "5", "REJECTED", "冬春需政府救济人口不能大于3", 13),
                new Rule("needs", "unknown need", r -> r[14] = "口粮、药品", "REJECTED", "生活需求“药品”无效", 14),
                new Rule("amount", "need above the limit", r -> r[15] = "2000000", "REJECTED", "不能大于1000000", 15),
                new Rule("fraction", "need with fen", r -> r[15] = "100.5", "REJECTED", "必须是整数", 15)
        ).map(Arguments::of);
    }

    private static String flipCheck(String id) {
        char check = id.charAt(17);
        return id.substring(0, 17) + (check == '1' ? '2' : '1');
    }

    @BeforeAll
    void uploadOneWorkbookWithARowPerRule() {
        // a test context started in between (other settings) registers its own engine as "default", and the
        // REST login filter looks the engine up by that name: make it this context's engine again
        org.camunda.bpm.engine.ProcessEngines.registerProcessEngine(engine);
        client = new ImportClient(port);
        disaster = DisasterSheets.disaster(disasters);
        RosterSheets.Ids ids = new RosterSheets.Ids();
        ON_ROSTER = ids.next();
        roster.insert(disaster.id(), new AffectedHousehold(null, "yuecun", "yuecun-dongyue", "李登记",
                ResidentIdNumber.parse(ON_ROSTER), "东岳村9号", 2, HouseholdCategory.ORDINARY, null, false, BigDecimal.ZERO,
                HouseDamage.DAMAGED, 0, 0, null, 0, false, false, false, false, new BigDecimal("500.00"), null, false, false),
                "clerk.yuecun");
        List<String[]> all = new ArrayList<>();
        int row = 2;
        for (Arguments arguments : rules().toList()) {
            Rule rule = (Rule) arguments.get()[0];
            String[] cells = DisasterSheets.row(ids.next());
            if (rule.key().equals("ok")) {
                SAME_PERSON = cells[3];
            }
            rule.breakIt().accept(cells);
            rowOf.put(rule.key(), row++);
            all.add(cells);
        }
        batch = client.validatedDisasterRoster("admin", disaster.id(), "受灾户.xlsx", DisasterSheets.workbook(all));
        for (JsonNode r : client.http().get("admin", "/api/imports/" + batch.get("id").asLong()
                + "/rows?problems=false&limit=1000").json()) {
            reportRows.put(r.get("rowNumber").asInt(), r);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleGivesItsResultOnItsRow(Rule rule) {
        JsonNode row = reportRows.get(rowOf.get(rule.key()));
        assertThat(row).as(rule.key()).isNotNull();
        assertThat(row.get("status").asText()).isEqualTo(rule.expectedStatus());
        if (rule.messagePart() == null) {
            assertThat(row.get("messages") == null || row.get("messages").isNull()).isTrue();
            assertThat(row.get("badColumns") == null || row.get("badColumns").isNull()).isTrue();
        } else {
            assertThat(row.get("messages").asText()).contains(rule.messagePart());
            assertThat(row.get("badColumns").asText().split(",")).containsExactly(String.valueOf(rule.column()));
        }
    }

    @Test
    void aFileWithRejectedRowsCannotBeCommittedAndTheReportMarksTheCells() {
        long id = batch.get("id").asLong();
        assertThat(batch.get("kind").asText()).isEqualTo("DISASTER");
        assertThat(batch.get("disasterId").asLong()).isEqualTo(disaster.id());
        assertThat(batch.get("status").asText()).isEqualTo("VALIDATED");
        assertThat(batch.get("accepted").asInt()).isEqualTo(3);
        assertThat(batch.get("committable").asBoolean()).isFalse();
        var refused = client.http().post("admin", "/api/imports/" + id + "/commit", "{\"acceptWarnings\":true}");
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("被拒绝");
        assertThat(roster.count(disaster.id(), "yuecun")).isEqualTo(1);

        var report = client.http().download("admin", "/api/imports/" + id + "/report.xlsx");
        assertThat(report.status()).isEqualTo(200);
        List<List<String>> sheet = RosterSheets.read(report.body());
        assertThat(sheet.get(0)).startsWith("乡镇（街道）", "村（社区）", "户主姓名").endsWith("校验结果", "说明");
        int outside = rowOf.get("outside") - 1;
        assertThat(sheet.get(outside)).contains("拒绝", "岳村");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(report.body()))) {
            var cell = workbook.getSheetAt(0).getRow(outside).getCell(1);
            assertThat(cell.getCellStyle().getFillForegroundColor())
                    .isEqualTo(org.apache.poi.ss.usermodel.IndexedColors.ROSE.getIndex());
            assertThat(cell.getCellComment().getString().getString()).contains("不在本次灾害的受灾村");
            assertThat(workbook.getSheetAt(0).getRow(rowOf.get("ok") - 1).getCell(1).getCellComment()).isNull();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theAdministratorAndTheHeadOfReliefImportTheDisasterRosterNobodyElse() {
        byte[] xlsx = DisasterSheets.workbook(List.<String[]>of(DisasterSheets.row(new RosterSheets.Ids().next())));
        var clerk = client.uploadDisasterRoster("clerk.yuecun", disaster.id(), "受灾户.xlsx", xlsx);
        assertThat(clerk.status()).isEqualTo(403);
        assertThat(clerk.json().get("detail").asText()).contains("区救灾科负责人");
        assertThat(client.http().get("clerk.yuecun", "/api/imports/" + batch.get("id").asLong()).status()).isEqualTo(403);
        var head = client.uploadDisasterRoster("reliefhead", disaster.id(), "受灾户.xlsx", xlsx);
        assertThat(head.status()).isEqualTo(202);
        assertThat(client.http().get("reliefhead", "/api/imports/" + batch.get("id").asLong()).status()).isEqualTo(200);
        // the head of relief does not take over the 低保 roster, nor sees its batches
        assertThat(client.upload("reliefhead", "名册.xlsx", RosterSheets.workbook(List.of())).status()).isEqualTo(403);
        assertThat(client.http().get("reliefhead", "/api/imports").json())
                .allSatisfy(b -> assertThat(b.get("kind").asText()).isEqualTo("DISASTER"));
    }

    @Test
    void aDisasterIsRequiredAndItsRosterMustStillBeOpen() {
        byte[] xlsx = DisasterSheets.workbook(List.<String[]>of(DisasterSheets.row(new RosterSheets.Ids().next())));
        var none = client.upload("admin", "受灾户.xlsx", xlsx, "?kind=DISASTER");
        assertThat(none.status()).isEqualTo(400);
        assertThat(none.json().get("detail").asText()).contains("须选择所属的灾害事件");
        Disaster verified = DisasterSheets.disaster(disasters);
        disasters.changeStatus(verified.id(), DisasterStatus.VERIFIED);
        var closed = client.uploadDisasterRoster("admin", verified.id(), "受灾户.xlsx", xlsx);
        assertThat(closed.status()).isEqualTo(409);
        assertThat(closed.json().get("detail").asText()).contains("登记造册已结束");
    }

    @Test
    void aLowBenefitRosterIsRefusedAsTheWrongTemplate() {
        byte[] dibao = RosterSheets.workbook(RosterSheets.household("1", new RosterSheets.Ids(), "640"));
        JsonNode wrong = client.validatedDisasterRoster("admin", disaster.id(), "低保.xlsx", dibao);
        assertThat(wrong.get("status").asText()).isEqualTo("FAILED");
        assertThat(wrong.get("failure").asText()).contains("表头与导入模板不一致（受灾户名册）").contains("户主姓名");
    }

    @Test
    void theTemplateHasChineseHeadersAnExampleThatValidatesAndAnExplanationSheet() throws Exception {
        var template = client.http().download("reliefhead", "/api/imports/template.xlsx?kind=DISASTER");
        assertThat(template.status()).isEqualTo(200);
        List<List<String>> rows = RosterSheets.read(template.body());
        assertThat(rows.get(0)).containsExactlyElementsOf(DisasterRosterColumns.HEADERS);
        assertThat(rows).hasSize(2);
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(template.body()))) {
            assertThat(workbook.getSheet("填写说明").getPhysicalNumberOfRows()).isEqualTo(DisasterRosterColumns.COUNT);
        }
        // the example row validates (its ID number is the template's example: already used by other tests, so a new one)
        String[] example = rows.get(1).toArray(new String[0]);
        example[3] = new RosterSheets.Ids().next();
        JsonNode checked = client.validatedDisasterRoster("admin", disaster.id(), "示例.xlsx",
                DisasterSheets.workbook(List.<String[]>of(example)));
        assertThat(checked.get("accepted").asInt()).as(checked.toString()).isEqualTo(1);
    }
}
