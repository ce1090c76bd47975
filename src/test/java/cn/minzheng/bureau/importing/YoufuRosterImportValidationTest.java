package cn.minzheng.bureau.importing;

import static cn.minzheng.bureau.program.roster.PersonRosterColumns.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.minzheng.bureau.household.Household.Member;
import cn.minzheng.bureau.importing.PersonRosterRuleTable.Expected;
import cn.minzheng.bureau.importing.PersonRosterRuleTable.Rule;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.support.Http;
import cn.minzheng.bureau.support.TestApplications;
import cn.minzheng.bureau.youfu.DisabilityCause;
import cn.minzheng.bureau.youfu.YoufuAllowance;
import cn.minzheng.bureau.youfu.YoufuCategory;
import cn.minzheng.bureau.youfu.YoufuRosterKind;

/**
 * The 优抚对象 roster's rules, table-driven: one workbook, a person per rule, uploaded once; each case checks its row of
 * the report (status, the Chinese reasons, the cells marked). The evidence is judged by the rules of a registration
 * (优抚对象认定), every problem of a row at its column; validation writes nothing, a batch with rejected rows is not
 * committed, and the downloaded report of this roster of persons has no 户编号.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class YoufuRosterImportValidationTest extends ImportApiTest {

    /** The first evidence column: 优抚对象类别. */
    private static final int COL = PROGRAM_FROM;

    @Autowired
    YoufuRosterKind kind;
    @Autowired
    YoufuAllowance allowance;

    private PersonRosterRuleTable<YoufuRosterImportValidationTest> table;
    private List<String[]> fileRows;
    private long batchId;

    private static final LocalDate OLD_SOLDIER = LocalDate.of(1932, 3, 1);

    static Stream<Rule<YoufuRosterImportValidationTest>> rules() {
        return Stream.of(
                new Rule<>("a 残疾军人 因战五级 not on record is accepted", t -> ok(PersonSheets.disabledSoldier("岳振国"))),
                new Rule<>("a 烈士遗属, the death date as Excel shows it", t -> ok(PersonSheets.youfu("郭秀兰",
                        LocalDate.now().minusYears(70), "烈士遗属", "豫烈字第000417号", null, null, null, "王建军",
                        "1979/2/17", null, null))),
                new Rule<>("an 在乡老复员军人 enlisted before November 1954", t -> ok(PersonSheets.youfu("冯老兵", OLD_SOLDIER,
                        "在乡老复员军人", "豫复字第000418号", null, null, null, null, null, "1950-03-01", "1955-06-30"))),
                new Rule<>("a 农村60周岁以上退役士兵 of 岳村乡", t -> ok(PersonSheets.youfu("韩退伍", LocalDate.now().minusYears(62),
                        "农村60周岁以上退役士兵", "冀退字第000419号", null, null, null, null, null, "1984-11-01", "1988-10-31"))),
                new Rule<>("no category", t -> broken(r -> r[COL] = null, "优抚对象类别不能为空", COL)),
                new Rule<>("a category not in the list", t -> broken(r -> r[COL] = "退伍军人", "优抚对象类别的取值“退伍军人”无效", COL)),
                new Rule<>("a certificate number out of form", t -> broken(r -> r[COL + 1] = "冀军残字第31588号",
                        "残疾军人证编号“冀军残字第31588号”格式不对", COL + 1)),
                new Rule<>("a 残疾军人 without grade", t -> broken(r -> r[COL + 2] = null, "请填写伤残等级", COL + 2)),
                new Rule<>("因病 seventh grade", t -> broken(r -> {
                    r[COL + 2] = "7";
                    r[COL + 3] = "因病";
                }, "因病致残的残疾军人只评定一级至六级，不能为七级", COL + 2)),
                new Rule<>("a 残疾军人 without cause", t -> broken(r -> r[COL + 3] = null, "请选择致残原因", COL + 3)),
                new Rule<>("assessed in the future", t -> broken(r -> r[COL + 4] = LocalDate.now().plusDays(3).toString(),
                        "不能晚于今天", COL + 4)),
                new Rule<>("assessed before the birth", t -> broken(r -> r[COL + 4] = "1950-01-01", "不能早于出生日期", COL + 4)),
                new Rule<>("a 烈士遗属 with a grade", t -> broken(r -> {
                    r[COL] = "烈士遗属";
                    r[COL + 1] = "豫烈字第000417号";
                    r[COL + 3] = null;
                    r[COL + 4] = null;
                    r[COL + 5] = "王建军";
                    r[COL + 6] = "1979-02-17";
                }, "烈士遗属没有伤残等级", COL + 2)),
                new Rule<>("a 病故军人遗属 without name and date: both reported", t -> rejected(PersonSheets.youfu("朱老太",
                        LocalDate.now().minusYears(80), "病故军人遗属", "豫病故字第000420号", null, null, null, null, null,
                        null, null), List.of("牺牲（病故）军人姓名不能为空", "请填写病故日期"), COL + 5, COL + 6)),
                new Rule<>("discharged before enlisting", t -> rejected(PersonSheets.youfu("秦退伍",
                        LocalDate.now().minusYears(66), "带病回乡退伍军人", "豫退字第000421号", null, null, null, null, null,
                        "1984-12-01", "1980-11-30"), List.of("须晚于入伍日期"), COL + 8)),
                new Rule<>("an 在乡老复员军人 enlisted in 1960", t -> rejected(PersonSheets.youfu("许老兵", OLD_SOLDIER,
                        "在乡老复员军人", "豫复字第000422号", null, null, null, null, null, "1960-03-01", "1964-06-30"),
                        List.of("须为1954年10月31日以前入伍"), COL + 7)),
                new Rule<>("a 农村退役士兵 of 55", t -> rejected(PersonSheets.youfu("何退伍", LocalDate.now().minusYears(55),
                        "农村60周岁以上退役士兵", "冀退字第000423号", null, null, null, null, null, "1990-11-01", "1994-10-31"),
                        List.of("农村退役士兵须年满60周岁"), COL)),
                new Rule<>("a 农村退役士兵 of a street office", t -> {
                    String[] row = PersonSheets.youfu("吕退伍", LocalDate.now().minusYears(63), "农村60周岁以上退役士兵",
                            "冀退字第000424号", null, null, null, null, null, "1984-11-01", "1988-10-31");
                    row[TOWNSHIP] = "任丘办事处";
                    row[COMMUNITY] = "清华苑社区";
                    return rejected(row, List.of("只发给农村户籍的退役士兵"), COL);
                }),
                new Rule<>("several problems of one row: all of them", t -> broken(r -> {
                    r[COL + 1] = "军残012345";
                    r[COL + 3] = "因伤";
                    r[COL + 4] = null;
                }, List.of("格式不对", "致残原因的取值“因伤”无效", "请填写评定伤残等级日期"), COL + 1, COL + 3, COL + 4)),
                new Rule<>("a start month in the future", t -> broken(r -> r[START_MONTH] = YearMonth.now().plusMonths(1).toString(),
                        "晚于本月", START_MONTH)),
                new Rule<>("not on record and no bank account", t -> broken(r -> r[BANK_ACCOUNT] = null, "尚无家庭档案", BANK_ACCOUNT)),
                new Rule<>("on the 优抚 register already: refused naming the enrolment", YoufuRosterImportValidationTest::inYoufu),
                new Rule<>("on record and in 低保 and 特困: the rules combine them", YoufuRosterImportValidationTest::inDibaoAndTekun),
                new Rule<>("on record as dead", YoufuRosterImportValidationTest::dead));
    }

    private static Expected ok(String[] row) {
        return Expected.accepted(row);
    }

    /** Rejected for {@code parts}: every problem of a row at its column, and no other cell marked. */
    private static Expected rejected(String[] row, List<String> parts, Integer... columns) {
        return Expected.rejectedMarkingOnly(row, parts, columns);
    }

    private static Expected broken(Consumer<String[]> breakIt, String part, int column) {
        return broken(breakIt, List.of(part), column);
    }

    private static Expected broken(Consumer<String[]> breakIt, List<String> parts, Integer... columns) {
        String[] row = PersonSheets.disabledSoldier("褚建军");
        breakIt.accept(row);
        return rejected(row, parts, columns);
    }

    /** A person of 66 on record (岳村乡), alone in a household. */
    private Member onRecord() {
        return people.aloneWithTheTemplateHeadsIncomes(TestApplications.idNumber(LocalDate.now().minusYears(66), true),
                "UNABLE_TO_WORK").member(0);
    }

    private String[] rowFor(Member m) {
        String[] row = PersonSheets.disabledSoldier(m.name());
        row[ID_NUMBER] = m.idNumber().value();
        row[TOWNSHIP] = "yuecun";
        row[COMMUNITY] = "yuecun-yuecun";
        row[BANK_ACCOUNT] = null; // paid to the household file's account
        return row;
    }

    Expected inYoufu() {
        Member m = onRecord();
        Enrolment e = people.enrolledOnTheirFile(m, Program.YOUFU);
        return rejected(rowFor(m), List.of("已在优抚对象定期抚恤补助中（享受中，自", "登记编号" + e.id() + "）",
                "同一人不能重复纳入优抚对象定期抚恤补助"), ID_NUMBER);
    }

    Expected inDibaoAndTekun() {
        Member m = onRecord();
        people.enrolledOnTheirFile(m, Program.DIBAO);
        people.enrolledOnTheirFile(m, Program.TEKUN);
        return ok(rowFor(m));
    }

    Expected dead() {
        Member m = onRecord();
        people.died(m.idNumber().value());
        return rejected(rowFor(m), List.of("已登记死亡"), ID_NUMBER);
    }

    @BeforeAll
    void uploadOneWorkbookWithAPersonPerRule() {
        table = PersonRosterRuleTable.uploaded(client, "YOUFU", "优抚名册.xlsx", rows -> PersonSheets.youfuWorkbook(kind, rows),
                List.of(), rules(), this);
        fileRows = table.fileRows();
        batchId = table.batchId();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRowIsJudgedByTheRulesOf优抚对象认定(Rule<YoufuRosterImportValidationTest> rule) {
        table.assertJudged(rule);
    }

    @Test
    void theAmountIsTheStandardOfTheCategoryAndNothingIsWrittenBeforeOrWithoutTheCommit() {
        assertThat(table.reportRows()).hasSize(fileRows.size());
        var staged = jdbc.sql("select category, monthly_amount from import_row where batch_id = ? and id_number = ?")
                .params(batchId, fileRows.get(0)[ID_NUMBER]).query((rs, n) -> List.of(rs.getString(1), rs.getBigDecimal(2)))
                .single();
        assertThat(staged.get(0)).isEqualTo("DISABLED_SOLDIER");
        assertThat((BigDecimal) staged.get(1)).isEqualByComparingTo(allowance.forMonth(YoufuCategory.DISABLED_SOLDIER,
                DisabilityCause.WAR, 5, YearMonth.now()).monthly());

        Http.Response commit = client.requestCommit(batchId, true);
        assertThat(commit.status()).isEqualTo(409);
        List<String> ids = fileRows.stream().map(r -> r[ID_NUMBER]).toList();
        assertThat(countOf("select count(*) from youfu_recipient where person_id_number in (:ids)", ids)).isZero();
        assertThat(countOf("select count(*) from enrolment where program_code = 'YOUFU' and program_case_id < 1000000000 "
                + "and person_id_number in (:ids)", ids)).isZero();
        assertThat(count("select count(*) from household where import_batch_id = ?", batchId)).isZero();
    }

    /** The downloaded report of a roster of persons: the template's columns as uploaded, no 户编号 nor R + row number. */
    @Test
    void theExcelReportMarksTheCellsAndHasNo户编号() throws IOException {
        Http.Download report = client.http().download("admin", "/api/imports/" + batchId + "/report.xlsx");
        assertThat(report.status()).isEqualTo(200);
        List<List<String>> sheet = RosterSheets.read(report.body());
        List<String> headers = new ArrayList<>(kind.headers());
        headers.add("校验结果");
        headers.add("说明");
        assertThat(sheet.get(0)).containsExactlyElementsOf(headers).doesNotContain("户编号");
        assertThat(sheet).hasSize(fileRows.size() + 1);
        for (int i = 1; i < sheet.size(); i++) {
            assertThat(sheet.get(i)).as("row " + (i + 1)).noneMatch(v -> v != null && v.matches("R[0-9]+"));
            assertThat(sheet.get(i).get(ID_NUMBER)).isEqualTo(fileRows.get(i - 1)[ID_NUMBER]);
        }
        int several = indexOf("several problems of one row: all of them") + 1;
        int accepted = indexOf("a 残疾军人 因战五级 not on record is accepted") + 1;
        assertThat(sheet.get(several).get(headers.size() - 2)).isEqualTo("拒绝");
        assertThat(sheet.get(accepted).get(headers.size() - 2)).isEqualTo("通过");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(report.body()))) {
            Row row = workbook.getSheetAt(0).getRow(several);
            for (int column : List.of(COL + 1, COL + 3, COL + 4)) {
                Cell cell = row.getCell(column);
                assertThat(cell.getCellStyle().getFillForegroundColor()).isEqualTo(IndexedColors.ROSE.getIndex());
                assertThat(cell.getCellComment().getString().getString()).contains("请填写评定伤残等级日期");
            }
            assertThat(row.getCell(COL).getCellComment()).isNull();
            assertThat(workbook.getSheetAt(0).getRow(accepted).getCell(COL + 1).getCellComment()).isNull();
        }
    }

    private int indexOf(String description) {
        return table.indexOf(description);
    }
}
