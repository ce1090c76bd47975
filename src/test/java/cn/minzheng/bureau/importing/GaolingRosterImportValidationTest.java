package cn.minzheng.bureau.importing;

import static cn.minzheng.bureau.program.roster.PersonRosterColumns.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minzheng.bureau.gaoling.GaolingAllowance;
import cn.minzheng.bureau.gaoling.GaolingRosterKind;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.household.Household.Member;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramCase;
import cn.minzheng.bureau.support.TestApplications;

/**
 * The 高龄津贴发放对象 roster's rules, table-driven: one workbook, a person per rule, uploaded once; each case checks its
 * row of the report (status, the Chinese reason, the cell marked). Validation writes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GaolingRosterImportValidationTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HouseholdValidator validator;
    @Autowired
    HouseholdRepository households;
    @Autowired
    EnrolmentRepository enrolments;
    @Autowired
    GaolingRosterKind kind;
    @Autowired
    GaolingAllowance allowance;

    private ImportClient client;
    private long batchId;
    private final List<JsonNode> reportRows = new ArrayList<>();
    private final List<Expected> expected = new ArrayList<>();
    private final List<String[]> fileRows = new ArrayList<>();

    record Expected(String[] row, String status, List<String> parts, int column) {
    }

    record Rule(String description, Function<GaolingRosterImportValidationTest, Expected> make) {
        @Override
        public String toString() {
            return description;
        }
    }

    private static final String TWIN = TestApplications.idNumber(LocalDate.now().minusYears(88), false);

    static Stream<Rule> rules() {
        return Stream.of(
                new Rule("a person of 86 not on record is accepted",
                        t -> new Expected(PersonSheets.gaoling("孙大爷", LocalDate.now().minusYears(86)), "ACCEPTED", List.of(), -1)),
                new Rule("a person of 75: no tier", t -> broken(r -> r[ID_NUMBER] = TestApplications.idNumber(
                        LocalDate.now().minusYears(75), true), "未满80周岁", START_MONTH)),
                new Rule("paid from a month before the 80th birthday", t -> broken(r -> {
                    r[ID_NUMBER] = TestApplications.idNumber(LocalDate.now().minusYears(80).minusMonths(2), true);
                    r[START_MONTH] = YearMonth.now().minusYears(1).toString();
                }, "时未满80周岁（", START_MONTH)),
                new Rule("a wrong check character", t -> broken(r -> r[ID_NUMBER] = r[ID_NUMBER].substring(0, 17)
                        + (r[ID_NUMBER].charAt(17) == '0' ? '1' : '0'), "校验位错误", ID_NUMBER)),
                new Rule("twice in the file", t -> broken(r -> r[ID_NUMBER] = TWIN, "在文件中重复出现", ID_NUMBER)),
                new Rule("not on record without 就业状况", t -> broken(r -> r[EMPLOYMENT] = null, "须填写就业状况", EMPLOYMENT)),
                new Rule("a recipient already: refused naming the enrolment", GaolingRosterImportValidationTest::recipient),
                new Rule("on record and in 特困供养: the rules combine them", GaolingRosterImportValidationTest::inTekun),
                new Rule("on record as dead", GaolingRosterImportValidationTest::dead),
                new Rule("on record with another bank account: a warning", GaolingRosterImportValidationTest::otherAccount));
    }

    private static Expected broken(java.util.function.Consumer<String[]> breakIt, String part, int column) {
        String[] row = PersonSheets.gaoling("周奶奶", LocalDate.now().minusYears(88));
        breakIt.accept(row);
        return new Expected(row, "REJECTED", List.of(part), column);
    }

    /** A person of 85 on record (岳村乡), alone in a household. */
    private Member elder() {
        var form = TestApplications.yuecunHousehold(1, "0");
        var head = form.household().members().get(0);
        var elder = new cn.minzheng.bureau.household.HouseholdForm.MemberForm(head.name(),
                TestApplications.idNumber(LocalDate.now().minusYears(85), true), head.relation(), "RETIRED", "NONE",
                head.incomes());
        Household household = validator.validate(TestApplications.withMembers(form, List.of(elder)).household());
        households.insert(household);
        return household.members().get(0);
    }

    private String[] rowFor(Member m) {
        String[] row = PersonSheets.gaoling(m.name(), LocalDate.now().minusYears(85));
        row[ID_NUMBER] = m.idNumber().value();
        row[TOWNSHIP] = "yuecun";
        row[COMMUNITY] = "yuecun-yuecun";
        row[BANK_ACCOUNT] = "6228480000000000001"; // the record's
        return row;
    }

    private Enrolment enrolled(Member m, String program) {
        long householdId = jdbc.sql("select max(household_id) from household_member where id_number = ?")
                .param(m.idNumber().value()).query(Long.class).single();
        return enrolments.mirror(new ProgramCase(program, ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L),
                householdId, m.idNumber().value(), "yuecun", EnrolmentStatus.ACTIVE, new BigDecimal("100.00"),
                YearMonth.now().minusMonths(5).toString(), null), "test", null);
    }

    Expected recipient() {
        Member m = elder();
        Enrolment e = enrolled(m, Program.GAOLING);
        return new Expected(rowFor(m), "REJECTED", List.of("已在高龄津贴中（享受中，自", "登记编号" + e.id() + "）",
                "同一人不能重复纳入高龄津贴"), ID_NUMBER);
    }

    Expected inTekun() {
        Member m = elder();
        enrolled(m, Program.TEKUN);
        return new Expected(rowFor(m), "ACCEPTED", List.of(), -1);
    }

    Expected dead() {
        Member m = elder();
        households.recordDeath(m.idNumber().value(), LocalDate.now().minusDays(3), "test", "测试");
        return new Expected(rowFor(m), "REJECTED", List.of("已登记死亡"), ID_NUMBER);
    }

    Expected otherAccount() {
        Member m = elder();
        String[] row = rowFor(m);
        row[BANK_ACCOUNT] = "6228480099999999999";
        return new Expected(row, "WARNING", List.of("按家庭档案中的账号发放"), BANK_ACCOUNT);
    }

    @BeforeAll
    void uploadOneWorkbookWithAPersonPerRule() {
        client = new ImportClient(port);
        fileRows.add(PersonSheets.gaoling("吴奶奶", LocalDate.now().minusYears(88)));
        fileRows.get(0)[ID_NUMBER] = TWIN; // its twin row is rejected
        rules().forEach(rule -> {
            Expected e = rule.make().apply(this);
            expected.add(e);
            fileRows.add(e.row());
        });
        JsonNode batch = client.validated("GAOLING", "高龄名册.xlsx", PersonSheets.gaolingWorkbook(kind, fileRows));
        batchId = batch.get("id").asLong();
        client.http().get("admin", "/api/imports/" + batchId + "/rows?problems=false&limit=1000").json()
                .forEach(reportRows::add);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rules")
    void eachRowIsJudgedByTheRulesOf高龄津贴(Rule rule) {
        int index = rules().map(Rule::description).toList().indexOf(rule.description());
        Expected e = expected.get(index);
        JsonNode row = reportRows.get(index + 1);
        assertThat(row.get("status").asText()).as(row.toString()).isEqualTo(e.status());
        if (e.column() >= 0) {
            assertThat(row.get("messages").asText()).contains(e.parts());
            assertThat(row.get("badColumns").asText().split(",")).contains(String.valueOf(e.column()));
        }
    }

    @Test
    void theTierAndAmountFollowTheBirthDateAndTheDmnAndNothingIsWrittenBeforeTheCommit() {
        assertThat(reportRows).hasSize(fileRows.size());
        String id = fileRows.get(1)[ID_NUMBER];
        var staged = jdbc.sql("select category, monthly_amount from import_row where batch_id = ? and id_number = ?")
                .params(batchId, id).query((rs, n) -> List.of(rs.getString(1), rs.getBigDecimal(2))).single();
        GaolingAllowance.Entitlement entitlement = allowance.require(id, YearMonth.now());
        assertThat(staged.get(0)).isEqualTo(entitlement.tier().name());
        assertThat((BigDecimal) staged.get(1)).isEqualByComparingTo(entitlement.amount());
        List<String> ids = fileRows.stream().map(r -> r[ID_NUMBER]).toList();
        assertThat(jdbc.sql("select count(*) from gaoling_recipient where person_id_number in (:ids)").param("ids", ids)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from household where import_batch_id = ?").param(batchId)
                .query(Long.class).single()).isZero();
    }
}
