package cn.minzheng.bureau.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.roster.DibaoRosterColumns;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;

/**
 * The 低保 roster meets the rules of every enrolment in 低保, table-driven: one workbook, a household per case whose
 * second member is a person already on record in a given way; each case checks that member's row (status, the reason
 * naming the conflicting case or enrolment, the cell marked).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RosterImportCrossProgramTest extends ImportApiTest {

    private Map<String, List<JsonNode>> rowsByKey;
    /** case key → the reason parts its member's row must show, known once the fixture is on record. */
    private final Map<String, List<String>> expected = new HashMap<>();

    /** A person already on record in one way; {@code onRecord} puts them there and returns the expected parts. */
    record Row(String key, String description, Function<RosterImportCrossProgramTest, OnRecord> onRecord,
               String expectedStatus) {
        @Override
        public String toString() {
            return description;
        }
    }

    record OnRecord(String idNumber, List<String> messageParts) {
    }

    static Stream<Row> rows() {
        return Stream.of(
                new Row("fresh", "a person not on record is accepted", t -> null, "ACCEPTED"),
                new Row("tekun", "a person in 特困供养 is rejected, the enrolment named",
                        t -> t.enrolled(Program.TEKUN, EnrolmentStatus.ACTIVE, false, "特困人员救助供养中（享受中，自"),
                        "REJECTED"),
                new Row("tekunApplied", "a person applying for 特困供养 is rejected, the enrolment named",
                        t -> t.enrolled(Program.TEKUN, EnrolmentStatus.APPLIED, false, "特困人员救助供养中（申请办理中，自"),
                        "REJECTED"),
                new Row("gaoling", "a person in 高龄津贴 combines with 低保: a warning naming the enrolment",
                        t -> t.enrolled(Program.GAOLING, EnrolmentStatus.ACTIVE, false, "另在高龄津贴中（享受中，自"),
                        "WARNING"),
                new Row("tekunEnded", "a person whose 特困供养 ended is on record only: a warning",
                        t -> t.enrolled(Program.TEKUN, EnrolmentStatus.ENDED, true, "目前不在任何救助项目中"),
                        "WARNING"),
                new Row("dibaoActive", "a member of an active 低保 case is rejected, the case named",
                        t -> t.inDibaoCase(CaseStatus.APPROVED), "REJECTED"),
                new Row("dibaoApplied", "a member of a 低保 application in progress is rejected, the case named",
                        t -> t.inDibaoCase(CaseStatus.APPLIED), "REJECTED"),
                new Row("dibaoClosed", "a member of a cancelled 低保 case is on record only: a warning",
                        t -> t.inDibaoCase(CaseStatus.CANCELLED), "WARNING"));
    }

    /** A person on record in a household of their own, enrolled in {@code program} with {@code status}. */
    OnRecord enrolled(String program, EnrolmentStatus status, boolean ended, String describes) {
        PeopleOnRecord.Filed household = people.household(1, "0");
        String id = household.idNumberOf(0);
        YearMonth from = YearMonth.now().minusMonths(2);
        String month = from.toString();
        Enrolment e = people.enrolled(program, household.id(), id, ended ? EnrolmentStatus.ACTIVE : status, "900.00",
                from);
        if (ended) {
            people.ended(e);
            return new OnRecord(id, List.of("公民身份号码" + id + "已有家庭档案", describes, "须管理员确认"));
        }
        String named = describes + month + "起，登记编号" + e.id() + "）";
        return new OnRecord(id, program.equals(Program.TEKUN)
                ? List.of("李秀英（身份证号" + id + "）已在" + named, // the person as the file names them
                        "特困供养人员不能同时纳入低保", "不能导入低保")
                : List.of("公民身份号码" + id + "已有家庭档案", named, "按跨项目规则可同时享受低保", "须管理员确认"));
    }

    /** A member of a 低保 case of the given status. */
    OnRecord inDibaoCase(CaseStatus status) {
        PeopleOnRecord.Filed household = people.household(2, "100");
        DibaoCase c = people.dibaoApplication(household);
        if (status != CaseStatus.APPLIED) {
            people.moveDibaoCase(c, status);
        }
        String id = household.idNumberOf(1);
        String number = people.caseNumberOf(c);
        return new OnRecord(id, status.holdsMembers()
                ? List.of("公民身份号码" + id + "已在低保案件" + number + "中（在办或在保）", "不能导入")
                : List.of("公民身份号码" + id + "已有家庭档案", "目前不在任何救助项目中", "须管理员确认"));
    }

    @BeforeAll
    void uploadOneWorkbookWithAHouseholdPerCase() {
        RosterSheets.Ids ids = new RosterSheets.Ids();
        List<String[]> all = new ArrayList<>();
        rows().forEach(row -> {
            List<String[]> household = RosterSheets.household(row.key(), ids, "640");
            OnRecord onRecord = row.onRecord().apply(this);
            if (onRecord != null) {
                household.get(1)[DibaoRosterColumns.ID_NUMBER] = onRecord.idNumber();
                expected.put(row.key(), onRecord.messageParts());
            }
            all.addAll(household);
        });
        JsonNode batch = client.validated("跨项目.xlsx", RosterSheets.workbook(all));
        rowsByKey = client.reportRowsByHousehold(batch.get("id").asLong());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachPersonOnRecordIsJudgedByTheRulesOfEveryEnrolment(Row row) {
        List<JsonNode> rows = rowsByKey.get(row.key());
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).get("status").asText()).isEqualTo("ACCEPTED");
        JsonNode member = rows.get(1);
        assertThat(member.get("status").asText()).isEqualTo(row.expectedStatus());
        if (expected.containsKey(row.key())) {
            assertThat(member.get("messages").asText()).contains(expected.get(row.key()));
            assertThat(member.get("badColumns").asText().split(","))
                    .contains(String.valueOf(DibaoRosterColumns.ID_NUMBER));
        }
    }

    @Test
    void theImportPageSaysWhichProgramsEachRosterImportsAndHowPersonsOnRecordAreJudged() {
        cn.minzheng.bureau.support.WebappSession admin = new cn.minzheng.bureau.support.WebappSession(port);
        admin.login("admin", "demo");
        assertThat(admin.get("/ledger/import").body()).contains("只导入最低生活保障（低保）在保家庭")
                .contains("特困供养人员、高龄津贴发放对象和优抚对象各有名册")
                .contains("临时救助等其他救助项目不经名册导入")
                .contains("优抚对象（定期抚恤补助）：已在享受优抚对象定期抚恤补助的人员，每人一行")
                .contains("特困供养人员：已在享受特困人员救助供养的人员，每人一行");
    }
}
