package cn.minzheng.bureau.importing;

import static cn.minzheng.bureau.program.roster.PersonRosterColumns.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.importing.PersonRosterRuleTable.Expected;
import cn.minzheng.bureau.importing.PersonRosterRuleTable.Rule;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.region.AreaType;
import cn.minzheng.bureau.support.TestApplications;
import cn.minzheng.bureau.tekun.SelfCareLevel;
import cn.minzheng.bureau.tekun.TekunAmounts;
import cn.minzheng.bureau.tekun.TekunRosterKind;

/**
 * The 特困供养人员 roster's rules, table-driven: one workbook, a person per rule (each broken in one way, or on record
 * in one way), uploaded once; each case checks its row of the report (status, the Chinese reason, the cell marked).
 * Validation writes nothing, and a batch with rejected rows cannot be committed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TekunRosterImportValidationTest extends ImportApiTest {

    private static final int COL = PROGRAM_FROM;

    @Autowired
    TekunRosterKind kind;
    @Autowired
    TekunAmounts amounts;

    private PersonRosterRuleTable<TekunRosterImportValidationTest> table;

    static Stream<Rule<TekunRosterImportValidationTest>> rules() {
        return Stream.of(
                new Rule<>("a person of 76 not on record is accepted", t -> Expected.accepted(PersonSheets.tekun("赵德顺"))),
                new Rule<>("a wrong check character", t -> broken(r -> r[ID_NUMBER] = flip(r[ID_NUMBER]), "校验位错误", ID_NUMBER)),
                new Rule<>("a township that does not exist", t -> broken(r -> r[TOWNSHIP] = "火星乡", "乡镇（街道）“火星乡”不存在", TOWNSHIP)),
                new Rule<>("a community of another township", t -> broken(r -> r[COMMUNITY] = "不存在村", "不属于岳村乡", COMMUNITY)),
                new Rule<>("a start month in the future", t -> broken(r -> r[START_MONTH] = YearMonth.now().plusMonths(1).toString(),
                        "晚于本月", START_MONTH)),
                new Rule<>("of working age and employed: able to work", t -> broken(r -> {
                    r[ID_NUMBER] = TestApplications.idNumber(LocalDate.now().minusYears(40), true);
                    r[EMPLOYMENT] = "在职";
                }, "有劳动能力，不符合特困人员认定条件", EMPLOYMENT)),
                new Rule<>("an income at the 低保 standard: an income source", t -> broken(r -> r[COL] = "5000",
                        "不低于当地低保标准", COL)),
                new Rule<>("a supporter unable to support, not explained", t -> broken(r -> r[COL + 1] = "义务人无赡养、抚养、扶养能力",
                        "须说明义务人情况", COL + 2)),
                new Rule<>("集中供养 without the institution", t -> broken(r -> r[COL + 3] = "集中供养", "供养服务机构名称不能为空", COL + 4)),
                new Rule<>("分散供养 without the carer", t -> broken(r -> r[COL + 5] = null, "照料人姓名不能为空", COL + 5)),
                new Rule<>("a self-care level not in the list", t -> broken(r -> r[COL + 7] = "半自理", "生活自理能力“半自理”无效", COL + 7)),
                new Rule<>("not on record and no bank account", t -> broken(r -> r[BANK_ACCOUNT] = null, "尚无家庭档案", BANK_ACCOUNT)),
                new Rule<>("a member of an open 低保 case: refused naming it", TekunRosterImportValidationTest::inDibao),
                new Rule<>("supported already: refused naming the enrolment", TekunRosterImportValidationTest::inTekun),
                new Rule<>("on record in another township", TekunRosterImportValidationTest::otherTownship));
    }

    private static Expected broken(Consumer<String[]> breakIt, String part, int column) {
        String[] row = PersonSheets.tekun("钱老汉");
        breakIt.accept(row);
        return Expected.rejected(row, List.of(part), column);
    }

    private static String flip(String id) {
        char last = id.charAt(17);
        return id.substring(0, 17) + (last == '0' ? '1' : '0');
    }

    /** A severely disabled member of a 低保 case in progress (岳村乡), on record. */
    Expected inDibao() {
        PeopleOnRecord.Filed household = people.household(2, "100");
        DibaoCase c = people.dibaoApplication(household);
        Enrolment e = people.enrolmentOfCase(Program.DIBAO, c.id());
        String[] row = onRecord(household.idNumberOf(1), "yuecun-yuecun");
        return Expected.rejected(row, List.of("已在最低生活保障中（申请办理中", "登记编号" + e.id() + "）",
                "低保家庭成员须先退出低保，才能纳入特困人员救助供养", "不能导入特困人员救助供养"), ID_NUMBER);
    }

    /** A person on record, supported in 特困供养 already. */
    Expected inTekun() {
        PeopleOnRecord.Filed household = people.household(1, "0");
        String id = household.idNumberOf(0);
        Enrolment e = people.enrolled(Program.TEKUN, household.id(), id, EnrolmentStatus.ACTIVE, "900.00",
                YearMonth.now().minusMonths(3));
        return Expected.rejected(onRecord(id, "yuecun-yuecun"), List.of("已在特困人员救助供养中（享受中，自",
                "登记编号" + e.id() + "）", "同一人不能重复纳入特困人员救助供养"), ID_NUMBER);
    }

    /** A person whose household file is in 岳村乡 while the roster says 孟轲乡. */
    Expected otherTownship() {
        String[] row = onRecord(people.household(1, "0").idNumberOf(0), null);
        String other = jdbc.sql("select code from region where kind = 'TOWNSHIP' and code <> 'yuecun' order by code")
                .query(String.class).list().get(0);
        row[TOWNSHIP] = other;
        row[COMMUNITY] = jdbc.sql("select min(code) from region where parent_code = ?").param(other).query(String.class).single();
        return Expected.rejected(row, List.of("的家庭档案在岳村乡", "与名册所填不一致"), TOWNSHIP);
    }

    /** A row for a person on record: severely disabled and unable to work (qualifies), the record's township. */
    private static String[] onRecord(String id, String community) {
        String[] row = PersonSheets.tekun("李秀英");
        row[ID_NUMBER] = id;
        row[TOWNSHIP] = "yuecun";
        row[COMMUNITY] = community;
        row[DISABILITY] = "重度（一、二级）";
        return row;
    }

    @BeforeAll
    void uploadOneWorkbookWithAPersonPerRule() {
        table = PersonRosterRuleTable.uploaded(client, "TEKUN", "特困名册.xlsx", rows -> PersonSheets.tekunWorkbook(kind, rows),
                List.of(), rules(), this);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRowIsJudgedByTheRulesOfAn特困Application(Rule<TekunRosterImportValidationTest> rule) {
        table.assertJudged(rule);
    }

    @Test
    void theAcceptedRowCarriesTheAmountOfTheDmnTablesAndNothingIsWrittenBeforeTheCommit() {
        long batchId = table.batchId();
        assertThat(table.reportRows()).hasSize(table.ruleCount());
        BigDecimal staged = jdbc.sql("select monthly_amount from import_row where batch_id = ? and row_number = ?")
                .params(batchId, table.reportRows().get(0).get("rowNumber").asInt()).query(BigDecimal.class).single();
        assertThat(staged).isEqualByComparingTo(amounts.amounts(AreaType.RURAL, SelfCareLevel.FULL_SELF_CARE).monthly());
        List<String> ids = table.fileRows().stream().map(r -> r[ID_NUMBER]).toList();
        assertThat(countOf("select count(*) from tekun_case where person_id_number in (:ids)", ids)).isZero();
        assertThat(count("select count(*) from household where import_batch_id = ?", batchId)).isZero();
        // rejected rows: the commit is refused and still writes nothing
        assertThat(client.requestCommit(batchId, true).status()).isEqualTo(409);
        assertThat(countOf("select count(*) from enrolment where program_code = 'TEKUN' and person_id_number in (:ids)", ids))
                .isEqualTo(1); // the fixture's own
    }

    @Test
    void theTemplateHasTheChineseHeadersOfTheKind() {
        var response = client.http().get("admin", "/api/imports/template.xlsx?kind=TEKUN");
        assertThat(response.status()).isEqualTo(200);
        assertThat(kind.headers()).contains("公民身份号码", "供养方式", "生活自理能力", "法定义务人情况");
    }
}
