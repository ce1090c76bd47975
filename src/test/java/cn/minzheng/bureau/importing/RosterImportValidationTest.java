package cn.minzheng.bureau.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
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

import com.fasterxml.jackson.databind.JsonNode;

import cn.minzheng.bureau.dibao.roster.DibaoRosterColumns;

/**
 * Every validation rule, table-driven: one workbook holds a household per rule (each broken in one way),
 * uploaded once; each case checks its household's rows in the report (status, reason, the cell marked).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RosterImportValidationTest extends ImportApiTest {

    private JsonNode batch;
    /** household key → the rows of the report for it (head first). */
    private Map<String, List<JsonNode>> rowsByKey;
    private final Map<String, Integer> firstRowOf = new HashMap<>();

    record Rule(String key, String description, Consumer<List<String[]>> breakIt, String expectedStatus,
                int rowIndex, String messagePart, int column) {
        @Override
        public String toString() {
            return description;
        }
    }

    static Stream<Arguments> rules() {
        String future = YearMonth.now().plusMonths(1).toString();
        return Stream.of(
                new Rule("ok", "a correct household is accepted", rows -> { }, "ACCEPTED", 0, null, -1),
                new Rule("check", "wrong check digit", rows -> rows.get(1)[7] = flipCheck(rows.get(1)[7]),
                        "REJECTED", 1, "校验位错误", 7),
                new Rule("short", "ID number too short", rows -> rows.get(1)[7] = "11010519491231",
                        "REJECTED", 1, "应为18位", 7),
                new Rule("month", "start month not a month", rows -> rows.get(0)[15] = "2024/13",
                        "REJECTED", 0, "起始月份", 15),
                new Rule("future", "start month in the future", rows -> rows.get(0)[15] = future,
                        "REJECTED", 0, "晚于本月", 15),
                new Rule("negative", "negative income", rows -> rows.get(1)[12] = "-5",
                        "REJECTED", 1, "不能为负数", 12),
                new Rule("text", "amount not a number", rows -> rows.get(0)[14] = "六百",
                        "REJECTED", 0, "必须是数字", 14),
                new Rule("fen", "amount below the fen", rows -> rows.get(0)[11] = "300.123",
                        "REJECTED", 0, "两位小数", 11),
                new Rule("zero", "case amount zero", rows -> rows.get(0)[14] = "0",
                        "REJECTED", 0, "须大于0元", 14),
                new Rule("category", "unknown category", rows -> rows.get(0)[13] = "特困供养",
                        "REJECTED", 0, "低保类别", 13),
                new Rule("township", "township that does not exist", rows -> rows.get(0)[1] = "不存在乡",
                        "REJECTED", 0, "不存在", 1),
                new Rule("community", "community of another township", rows -> rows.get(0)[2] = "京东社区",
                        "REJECTED", 0, "不属于岳村乡", 2),
                new Rule("relation", "unknown relation", rows -> rows.get(1)[8] = "邻居",
                        "REJECTED", 1, "与户主关系", 8),
                new Rule("heads", "two heads", rows -> rows.get(1)[8] = "户主",
                        "REJECTED", 0, "有且只有一位户主", 8),
                new Rule("bank", "bank account too short", rows -> rows.get(0)[5] = "12345",
                        "REJECTED", 0, "银行账号", 5),
                new Rule("name", "name missing", rows -> rows.get(1)[6] = null,
                        "REJECTED", 1, "姓名不能为空", 6),
                new Rule("twice", "the same person twice in the file", rows -> rows.get(1)[7] = SAME_PERSON,
                        "REJECTED", 1, "在文件中重复出现", 7),
                new Rule("known", "a member of an open 低保 case", rows -> rows.get(1)[7] = KNOWN_PERSON,
                        "REJECTED", 1, "中（在办或在保），同一人不能重复纳入低保", 7),
                new Rule("standard", "amount disagrees with the current standard", rows -> rows.get(0)[14] = "650",
                        "WARNING", 0, "与按现行标准测算的640.00元不一致", 14)
        ).map(Arguments::of);
    }

    static String SAME_PERSON;
    static String KNOWN_PERSON;

    private static String flipCheck(String id) {
        char check = id.charAt(17);
        return id.substring(0, 17) + (check == '1' ? '2' : '1');
    }

    @BeforeAll
    void uploadOneWorkbookWithAHouseholdPerRule() {
        RosterSheets.Ids ids = new RosterSheets.Ids();
        // a member of an open 低保 case (the cases of other programs: RosterImportCrossProgramTest)
        PeopleOnRecord.Filed household = people.household(2, "100");
        people.dibaoApplication(household);
        KNOWN_PERSON = household.idNumberOf(1);
        List<String[]> all = new ArrayList<>();
        int row = 2;
        for (Arguments arguments : rules().toList()) {
            Rule rule = (Rule) arguments.get()[0];
            List<String[]> rows = RosterSheets.household(rule.key(), ids, "640");
            if (rule.key().equals("ok")) {
                SAME_PERSON = rows.get(0)[7];
            }
            rule.breakIt().accept(rows);
            firstRowOf.put(rule.key(), row);
            row += rows.size();
            all.addAll(rows);
        }
        // a household whose rows are not together: its second part comes after another household
        List<String[]> split = RosterSheets.household("split", ids, "640");
        all.add(split.get(0));
        all.addAll(RosterSheets.household("between", ids, "640"));
        all.add(split.get(1));
        batch = client.validated("规则.xlsx", RosterSheets.workbook(all));
        rowsByKey = client.reportRowsByHousehold(batch.get("id").asLong());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRuleGivesItsResultOnItsRow(Rule rule) {
        List<JsonNode> rows = rowsByKey.get(rule.key());
        assertThat(rows).hasSize(2);
        JsonNode row = rows.get(rule.rowIndex());
        assertThat(row.get("rowNumber").asInt()).isEqualTo(firstRowOf.get(rule.key()) + rule.rowIndex());
        assertThat(row.get("status").asText()).isEqualTo(rule.expectedStatus());
        if (rule.messagePart() == null) {
            assertThat(rows).allSatisfy(r -> assertThat(r.get("status").asText()).isEqualTo("ACCEPTED"));
        } else {
            assertThat(row.get("messages").asText()).contains(rule.messagePart());
            assertThat(row.get("badColumns").asText().split(",")).contains(String.valueOf(rule.column()));
        }
    }

    @Test
    void householdRowsMustBeTogether() {
        List<JsonNode> split = rowsByKey.get("split");
        assertThat(split.get(1).get("status").asText()).isEqualTo("REJECTED");
        assertThat(split.get(1).get("messages").asText()).contains("须上下相邻");
    }

    @Test
    void aFileWithRejectedRowsCannotBeCommittedAndTheReportMarksTheCells() {
        long id = batch.get("id").asLong();
        assertThat(batch.get("status").asText()).isEqualTo("VALIDATED");
        assertThat(batch.get("rejected").asInt()).isGreaterThan(0);
        assertThat(batch.get("committable").asBoolean()).isFalse();
        var refused = client.requestCommit(id, true);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asText()).contains("被拒绝").contains("不能导入");
        assertThat(count("select count(*) from household where import_batch_id = ?", id)).isZero();

        var report = client.http().download("admin", "/api/imports/" + id + "/report.xlsx");
        assertThat(report.status()).isEqualTo(200);
        List<List<String>> sheet = RosterSheets.read(report.body());
        assertThat(sheet.get(0)).endsWith("校验结果", "说明");
        int checkRow = firstRowOf.get("check"); // its spouse row is the next one
        assertThat(sheet.get(checkRow)).contains("拒绝");
        assertThat(String.join("", sheet.get(checkRow))).contains("校验位错误");
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(report.body()))) {
            var cell = workbook.getSheetAt(0).getRow(checkRow).getCell(7);
            assertThat(cell.getCellStyle().getFillForegroundColor())
                    .isEqualTo(org.apache.poi.ss.usermodel.IndexedColors.ROSE.getIndex());
            assertThat(cell.getCellComment().getString().getString()).contains("校验位错误");
            var okCell = workbook.getSheetAt(0).getRow(firstRowOf.get("ok") - 1).getCell(7);
            assertThat(okCell.getCellComment()).isNull();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void onlyTheAdministratorImports() {
        var clerk = client.upload("clerk.yuecun", "名册.xlsx", RosterSheets.workbook(List.of()));
        assertThat(clerk.status()).isEqualTo(403);
        assertThat(clerk.json().get("detail").asText()).contains("只有系统管理员");
        assertThat(client.http().get("approver", "/api/imports/" + batch.get("id").asLong()).status()).isEqualTo(403);
    }

    @Test
    void aWorkbookNotMadeFromTheTemplateIsRefusedWithTheReason() {
        List<String[]> rows = RosterSheets.household("1", new RosterSheets.Ids(), "640");
        byte[] xlsx = RosterSheets.workbook(rows);
        List<String> oldHeaders = new ArrayList<>(DibaoRosterColumns.HEADERS);
        oldHeaders.set(0, "编号");
        JsonNode wrong = client.validated("旧表.xlsx", RosterSheets.workbook(oldHeaders, rows));
        assertThat(wrong.get("status").asText()).isEqualTo("FAILED");
        assertThat(wrong.get("failure").asText()).contains("表头与导入模板不一致").contains("户编号");
        JsonNode garbage = client.validated("坏文件.xlsx", "not a workbook".getBytes());
        assertThat(garbage.get("status").asText()).isEqualTo("FAILED");
        assertThat(garbage.get("failure").asText()).contains("无法读取该文件");
        assertThat(client.upload("admin", "名册.xls", xlsx).json().get("detail").asText()).contains(".xlsx");
    }

    @Test
    void theTemplateHasChineseHeadersAndAnExampleThatValidates() {
        var template = client.http().download("clerk.yuecun", "/api/imports/template.xlsx");
        assertThat(template.status()).isEqualTo(200);
        List<List<String>> rows = RosterSheets.read(template.body());
        assertThat(rows.get(0)).containsExactlyElementsOf(DibaoRosterColumns.HEADERS);
        assertThat(rows).hasSize(3);
    }
}
