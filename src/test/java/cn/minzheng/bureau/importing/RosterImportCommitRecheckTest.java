package cn.minzheng.bureau.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.roster.DibaoRosterColumns;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.roster.PersonRosterColumns;
import cn.minzheng.bureau.tekun.TekunRosterKind;

/**
 * The cross-program rules asked again at commit: a person enrolled, between validation and commit, in a program the
 * rules do not allow beside the roster's fails the commit as a whole (nothing written, the batch back to 已校验) with a
 * reason naming the row, the person and the enrolment; once the conflict is gone the same batch commits.
 */
class RosterImportCommitRecheckTest extends ImportApiTest {

    @Autowired
    TekunRosterKind tekunKind;

    @Test
    void aDibaoRosterWhosePersonEnteredTekunAfterValidationIsNotCommittedAndSaysWhoAndWhere() {
        // a household past the first chunk, so that a chunk has been written before the refusal and rolls back too
        int householdCount = ImportCommitter.CHUNK_ROWS / 2 + 5;
        RosterSheets.Ids ids = new RosterSheets.Ids();
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i <= householdCount; i++) {
            rows.addAll(RosterSheets.household("k" + i, ids, "640"));
        }
        PeopleOnRecord.Filed onRecord = people.household(1, "0");
        long householdId = onRecord.id();
        String person = onRecord.idNumberOf(0);
        rows.get(rows.size() - 1)[DibaoRosterColumns.ID_NUMBER] = person; // the last household's second member
        JsonNode batch = client.validated("复核名册.xlsx", RosterSheets.workbook(rows));
        long id = batch.get("id").asLong();
        assertThat(batch.get("rejected").asInt()).isZero();
        assertThat(batch.get("warnings").asInt()).isEqualTo(1); // on record, in no program: accepted at commit

        YearMonth from = YearMonth.now().minusMonths(1);
        String month = from.toString();
        Enrolment tekun = people.enrolled(Program.TEKUN, householdId, person, EnrolmentStatus.ACTIVE, "900.00", from);
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

        people.ended(tekun);
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
        DibaoCase dibao = people.dibaoApplication(people.aloneWithoutIncome(person));
        Enrolment enrolment = people.enrolmentOfCase(Program.DIBAO, dibao.id());

        JsonNode refused = client.commit(id, false);

        assertThat(refused.get("status").asText()).isEqualTo("VALIDATED");
        assertThat(refused.get("failure").asText()).contains("已全部回滚", "未写入任何数据", "第" + rowOf(id, person) + "行",
                "陈老汉（身份证号" + person + "）已在最低生活保障中（" + enrolment.status().label(),
                "登记编号" + enrolment.id() + "）", "低保家庭成员须先退出低保", "不能导入特困人员救助供养");
        List<String> persons = rows.stream().map(r -> r[PersonRosterColumns.ID_NUMBER]).toList();
        assertThat(count("select count(*) from household where import_batch_id = ?", id)).isZero();
        assertThat(countOf("select count(*) from tekun_case where person_id_number in (:ids)", persons)).isZero();
        assertThat(countOf("select count(*) from enrolment where program_code = 'TEKUN' and person_id_number in (:ids)",
                persons)).isZero();
        assertThat(count("select count(*) from household_member where id_number = ?", rows.get(0)[PersonRosterColumns.ID_NUMBER]))
                .isZero();
    }

    private int rowOf(long batchId, String idNumber) {
        return jdbc.sql("select row_number from import_row where batch_id = ? and id_number = ?").params(batchId, idNumber)
                .query(Integer.class).single();
    }
}
