package cn.minzheng.bureau.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minzheng.bureau.dibao.CaseCategory;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.roster.DibaoRosterColumns;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdForm.MemberForm;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramCase;
import cn.minzheng.bureau.program.roster.PersonRosterColumns;
import cn.minzheng.bureau.support.TestApplications;
import cn.minzheng.bureau.tekun.TekunRosterKind;

/**
 * The cross-program rules asked again at commit: a person enrolled, between validation and commit, in a program the
 * rules do not allow beside the roster's fails the commit as a whole (nothing written, the batch back to 已校验) with a
 * reason naming the row, the person and the enrolment; once the conflict is gone the same batch commits.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RosterImportCommitRecheckTest {

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
    DibaoCaseRepository dibaoCases;
    @Autowired
    TekunRosterKind tekunKind;

    private ImportClient client;

    @BeforeEach
    void client() {
        client = new ImportClient(port);
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    @Test
    void aDibaoRosterWhosePersonEnteredTekunAfterValidationIsNotCommittedAndSaysWhoAndWhere() {
        // a household past the first chunk, so that a chunk has been written before the refusal and rolls back too
        int householdCount = ImportCommitter.CHUNK_ROWS / 2 + 5;
        RosterSheets.Ids ids = new RosterSheets.Ids();
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i <= householdCount; i++) {
            rows.addAll(RosterSheets.household("k" + i, ids, "640"));
        }
        Household onRecord = validator.validate(TestApplications.yuecunHousehold(1, "0").household());
        long householdId = households.insert(onRecord);
        String person = onRecord.members().get(0).idNumber().value();
        rows.get(rows.size() - 1)[DibaoRosterColumns.ID_NUMBER] = person; // the last household's second member
        JsonNode batch = client.validated("复核名册.xlsx", RosterSheets.workbook(rows));
        long id = batch.get("id").asLong();
        assertThat(batch.get("rejected").asInt()).isZero();
        assertThat(batch.get("warnings").asInt()).isEqualTo(1); // on record, in no program: accepted at commit

        String month = YearMonth.now().minusMonths(1).toString();
        long tekunCaseId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        Enrolment tekun = enrolments.mirror(new ProgramCase(Program.TEKUN, tekunCaseId, householdId, person, "yuecun",
                EnrolmentStatus.ACTIVE, new BigDecimal("900.00"), month, null), "test", null);
        long householdsBefore = count("select count(*) from household");

        JsonNode refused = client.commit(id, true);

        assertThat(refused.get("status").asText()).isEqualTo("VALIDATED");
        int row = rowOf(id, person);
        assertThat(refused.get("failure").asText()).contains("已全部回滚", "未写入任何数据", "第" + row + "行",
                "李秀英（身份证号" + person + "）已在特困人员救助供养中（享受中，自" + month + "起，登记编号" + tekun.id() + "）",
                "特困供养人员不能同时纳入低保", "不能导入低保", "冲突消除后可重新提交本批次，或删去这些行后重新上传名册校验")
                .doesNotEndWith("可重新提交");
        assertThat(count("select count(*) from household")).isEqualTo(householdsBefore);
        assertThat(count("select count(*) from household where import_batch_id = ?", id)).isZero();
        assertThat(count("select count(*) from dibao_case where import_batch_id = ?", id)).isZero();
        assertThat(count("select count(*) from household_member where id_number = ?", rows.get(0)[DibaoRosterColumns.ID_NUMBER]))
                .isZero();

        enrolments.mirror(new ProgramCase(Program.TEKUN, tekunCaseId, householdId, person, "yuecun",
                EnrolmentStatus.ENDED, new BigDecimal("900.00"), month, null), "test", "测试：终止");
        JsonNode committed = client.commit(id, true);
        assertThat(committed.get("status").asText()).isEqualTo("COMMITTED");
        assertThat(count("select count(*) from dibao_case where import_batch_id = ?", id)).isEqualTo(householdCount);
    }

    @Test
    void aTekunRosterWhosePersonEnteredDibaoAfterValidationIsNotCommittedAndSaysWhoAndWhere() {
        List<String[]> rows = List.of(PersonSheets.tekun("冯老汉"), PersonSheets.tekun("陈老汉"));
        JsonNode batch = client.validated("TEKUN", "复核特困名册.xlsx", PersonSheets.tekunWorkbook(tekunKind, rows));
        long id = batch.get("id").asLong();
        assertThat(batch.get("accepted").asInt()).isEqualTo(2);

        String person = rows.get(1)[PersonRosterColumns.ID_NUMBER];
        DibaoCase dibao = dibaoApplicationHolding(person);
        Enrolment enrolment = enrolments.forProgramCase(Program.DIBAO, dibao.id()).orElseThrow();

        JsonNode refused = client.commit(id, false);

        assertThat(refused.get("status").asText()).isEqualTo("VALIDATED");
        assertThat(refused.get("failure").asText()).contains("已全部回滚", "未写入任何数据", "第" + rowOf(id, person) + "行",
                "陈老汉（身份证号" + person + "）已在最低生活保障中（" + enrolment.status().label(),
                "登记编号" + enrolment.id() + "）", "低保家庭成员须先退出低保", "不能导入特困人员救助供养");
        List<String> persons = rows.stream().map(r -> r[PersonRosterColumns.ID_NUMBER]).toList();
        assertThat(count("select count(*) from household where import_batch_id = ?", id)).isZero();
        assertThat(jdbc.sql("select count(*) from tekun_case where person_id_number in (:ids)").param("ids", persons)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from enrolment where program_code = 'TEKUN' and person_id_number in (:ids)")
                .param("ids", persons).query(Long.class).single()).isZero();
        assertThat(count("select count(*) from household_member where id_number = ?", rows.get(0)[PersonRosterColumns.ID_NUMBER]))
                .isZero();
    }

    /** A 低保 application (申请办理中) of a household of one: the person. */
    private DibaoCase dibaoApplicationHolding(String idNumber) {
        var form = TestApplications.yuecunHousehold(1, "0");
        var head = form.household().members().get(0);
        MemberForm member = new MemberForm(head.name(), idNumber, head.relation(), "UNABLE_TO_WORK", "NONE", List.of());
        Household household = validator.validate(TestApplications.withMembers(form, List.of(member)).household());
        long householdId = households.insert(household);
        return dibaoCases.insert(householdId, household, CaseCategory.ORDINARY, false, null, null, "clerk.yuecun", null);
    }

    private int rowOf(long batchId, String idNumber) {
        return jdbc.sql("select row_number from import_row where batch_id = ? and id_number = ?").params(batchId, idNumber)
                .query(Integer.class).single();
    }
}
