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

import cn.minzheng.bureau.gaoling.GaolingAllowance;
import cn.minzheng.bureau.gaoling.GaolingRosterKind;
import cn.minzheng.bureau.household.Household.Member;
import cn.minzheng.bureau.importing.PersonRosterRuleTable.Expected;
import cn.minzheng.bureau.importing.PersonRosterRuleTable.Rule;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.support.TestApplications;

/**
 * The 高龄津贴发放对象 roster's rules, table-driven: one workbook, a person per rule, uploaded once; each case checks its
 * row of the report (status, the Chinese reason, the cell marked). Validation writes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GaolingRosterImportValidationTest extends ImportApiTest {

    @Autowired
    GaolingRosterKind kind;
    @Autowired
    GaolingAllowance allowance;

    private PersonRosterRuleTable<GaolingRosterImportValidationTest> table;

    private static final String TWIN = TestApplications.idNumber(LocalDate.now().minusYears(88), false);

    static Stream<Rule<GaolingRosterImportValidationTest>> rules() {
        return Stream.of(
                new Rule<>("a person of 86 not on record is accepted",
                        t -> Expected.accepted(PersonSheets.gaoling("孙大爷", LocalDate.now().minusYears(86)))),
                new Rule<>("a person of 75: no tier", t -> broken(r -> r[ID_NUMBER] = TestApplications.idNumber(
                        LocalDate.now().minusYears(75), true), "未满80周岁", START_MONTH)),
                new Rule<>("paid from a month before the 80th birthday", t -> broken(r -> {
                    r[ID_NUMBER] = TestApplications.idNumber(LocalDate.now().minusYears(80).minusMonths(2), true);
                    r[START_MONTH] = YearMonth.now().minusYears(1).toString();
                }, "时未满80周岁（", START_MONTH)),
                new Rule<>("a wrong check character", t -> broken(r -> r[ID_NUMBER] = r[ID_NUMBER].substring(0, 17)
                        + (r[ID_NUMBER].charAt(17) == '0' ? '1' : '0'), "校验位错误", ID_NUMBER)),
                new Rule<>("twice in the file", t -> broken(r -> r[ID_NUMBER] = TWIN, "在文件中重复出现", ID_NUMBER)),
                new Rule<>("not on record without 就业状况", t -> broken(r -> r[EMPLOYMENT] = null, "须填写就业状况", EMPLOYMENT)),
                new Rule<>("a recipient already: refused naming the enrolment", GaolingRosterImportValidationTest::recipient),
                new Rule<>("on record and in 特困供养: the rules combine them", GaolingRosterImportValidationTest::inTekun),
                new Rule<>("on record as dead", GaolingRosterImportValidationTest::dead),
                new Rule<>("on record with another bank account: a warning", GaolingRosterImportValidationTest::otherAccount));
    }

    private static Expected broken(Consumer<String[]> breakIt, String part, int column) {
        String[] row = PersonSheets.gaoling("周奶奶", LocalDate.now().minusYears(88));
        breakIt.accept(row);
        return Expected.rejected(row, List.of(part), column);
    }

    /** A person of 85 on record (岳村乡), alone in a household. */
    private Member elder() {
        return people.aloneWithTheTemplateHeadsIncomes(TestApplications.idNumber(LocalDate.now().minusYears(85), true),
                "RETIRED").member(0);
    }

    private String[] rowFor(Member m) {
        String[] row = PersonSheets.gaoling(m.name(), LocalDate.now().minusYears(85));
        row[ID_NUMBER] = m.idNumber().value();
        row[TOWNSHIP] = "yuecun";
        row[COMMUNITY] = "yuecun-yuecun";
        row[BANK_ACCOUNT] = "6228480000000000001"; // the record's
        return row;
    }

    Expected recipient() {
        Member m = elder();
        Enrolment e = people.enrolledOnTheirFile(m, Program.GAOLING);
        return Expected.rejected(rowFor(m), List.of("已在高龄津贴中（享受中，自", "登记编号" + e.id() + "）",
                "同一人不能重复纳入高龄津贴"), ID_NUMBER);
    }

    Expected inTekun() {
        Member m = elder();
        people.enrolledOnTheirFile(m, Program.TEKUN);
        return Expected.accepted(rowFor(m));
    }

    Expected dead() {
        Member m = elder();
        people.died(m.idNumber().value());
        return Expected.rejected(rowFor(m), List.of("已登记死亡"), ID_NUMBER);
    }

    Expected otherAccount() {
        Member m = elder();
        String[] row = rowFor(m);
        row[BANK_ACCOUNT] = "6228480099999999999";
        return Expected.warned(row, List.of("按家庭档案中的账号发放"), BANK_ACCOUNT);
    }

    @BeforeAll
    void uploadOneWorkbookWithAPersonPerRule() {
        String[] twin = PersonSheets.gaoling("吴奶奶", LocalDate.now().minusYears(88));
        twin[ID_NUMBER] = TWIN; // its twin row is rejected
        table = PersonRosterRuleTable.uploaded(client, "GAOLING", "高龄名册.xlsx",
                rows -> PersonSheets.gaolingWorkbook(kind, rows), List.<String[]>of(twin), rules(), this);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRowIsJudgedByTheRulesOf高龄津贴(Rule<GaolingRosterImportValidationTest> rule) {
        table.assertJudged(rule);
    }

    @Test
    void theTierAndAmountFollowTheBirthDateAndTheDmnAndNothingIsWrittenBeforeTheCommit() {
        long batchId = table.batchId();
        List<String[]> fileRows = table.fileRows();
        assertThat(table.reportRows()).hasSize(fileRows.size());
        // a person's row has no 户编号: the report's rows through the API carry none (the checker's key is internal)
        assertThat(table.reportRows()).allSatisfy(r -> assertThat(r.path("householdKey").isNull()
                || r.path("householdKey").isMissingNode()).as("householdKey of row " + r.get("rowNumber")).isTrue());
        String id = fileRows.get(1)[ID_NUMBER];
        var staged = jdbc.sql("select category, monthly_amount from import_row where batch_id = ? and id_number = ?")
                .params(batchId, id).query((rs, n) -> List.of(rs.getString(1), rs.getBigDecimal(2))).single();
        GaolingAllowance.Entitlement entitlement = allowance.require(id, YearMonth.now());
        assertThat(staged.get(0)).isEqualTo(entitlement.tier().name());
        assertThat((BigDecimal) staged.get(1)).isEqualByComparingTo(entitlement.amount());
        List<String> ids = fileRows.stream().map(r -> r[ID_NUMBER]).toList();
        assertThat(countOf("select count(*) from gaoling_recipient where person_id_number in (:ids)", ids)).isZero();
        assertThat(count("select count(*) from household where import_batch_id = ?", batchId)).isZero();
    }
}
