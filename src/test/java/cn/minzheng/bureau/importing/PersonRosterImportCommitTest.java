package cn.minzheng.bureau.importing;

import static cn.minzheng.bureau.program.roster.PersonRosterColumns.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minzheng.bureau.gaoling.GaolingAllowance;
import cn.minzheng.bureau.gaoling.GaolingRosterKind;
import cn.minzheng.bureau.payroll.PayrollComputation;
import cn.minzheng.bureau.payroll.PayrollRepository;
import cn.minzheng.bureau.payroll.PayrollStatus;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.region.AreaType;
import cn.minzheng.bureau.support.TestApplications;
import cn.minzheng.bureau.tekun.SelfCareLevel;
import cn.minzheng.bureau.tekun.TekunAmounts;
import cn.minzheng.bureau.tekun.TekunRosterKind;
import cn.minzheng.bureau.youfu.DisabilityCause;
import cn.minzheng.bureau.youfu.YoufuAllowance;
import cn.minzheng.bureau.youfu.YoufuCategory;
import cn.minzheng.bureau.youfu.YoufuRosterKind;

/**
 * The person rosters committed: 特困供养人员, 高龄津贴发放对象 and 优抚对象 become enrolments 享受中 as the programs' approvals leave
 * them (the program's case row, one status entry naming the import, the calculation frozen), a person on record on
 * their household file, a person not on record on a household of their own; the next month's payroll of the program
 * pays each of them the DMN amount exactly once; the same roster again is refused naming the enrolments; a failure
 * leaves nothing behind.
 */
class PersonRosterImportCommitTest extends ImportApiTest {

    @Autowired
    EnrolmentRepository enrolments;
    @Autowired
    TekunRosterKind tekunKind;
    @Autowired
    GaolingRosterKind gaolingKind;
    @Autowired
    TekunAmounts tekunAmounts;
    @Autowired
    GaolingAllowance allowance;
    @Autowired
    PayrollRepository payrolls;
    @Autowired
    PayrollComputation computation;
    @Autowired
    ImportCommitter committer;
    @Autowired
    YoufuRosterKind youfuKind;
    @Autowired
    YoufuAllowance youfuAllowance;

    @AfterEach
    void noInjectedFailure() {
        committer.afterChunk = (chunk, last) -> { };
    }

    @Test
    void aTekunRosterBecomesSupportedPersonsPaidByTheNextPayrollOnce() {
        long knownHousehold = personOnRecord(LocalDate.now().minusYears(70));
        String knownId = people.onlyMemberOf(knownHousehold);
        String[] known = PersonSheets.tekun("李秀英");
        known[TOWNSHIP] = "yuecun";
        known[COMMUNITY] = "yuecun-yuecun";
        known[ID_NUMBER] = knownId;
        known[BANK_ACCOUNT] = null; // on record: paid to the household file's account
        String[] centralised = PersonSheets.tekun("赵德顺");
        centralised[PROGRAM_FROM + 3] = "集中供养";
        centralised[PROGRAM_FROM + 4] = "岳村乡敬老院";
        centralised[PROGRAM_FROM + 5] = null;
        centralised[PROGRAM_FROM + 6] = null;
        centralised[PROGRAM_FROM + 7] = "全护理";
        String[] dispersed = PersonSheets.tekun("钱老汉");
        List<String[]> rows = List.of(known, centralised, dispersed);
        byte[] file = PersonSheets.tekunWorkbook(tekunKind, rows);

        long batchId = committed("TEKUN", "特困名册.xlsx", file);

        List<Enrolment> imported = new ArrayList<>();
        for (String[] row : rows) {
            SelfCareLevel level = "全护理".equals(row[PROGRAM_FROM + 7]) ? SelfCareLevel.FULL_CARE : SelfCareLevel.FULL_SELF_CARE;
            BigDecimal dmn = tekunAmounts.amounts(AreaType.RURAL, level).monthly();
            var c = jdbc.sql("select id, status, monthly_amount, start_month, household_id, care_mode from tekun_case where person_id_number = ?")
                    .param(row[ID_NUMBER]).query((rs, n) -> List.of(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3),
                            rs.getString(4), rs.getLong(5), rs.getString(6))).single();
            assertThat(c.get(1)).isEqualTo("ACTIVE");
            assertThat((BigDecimal) c.get(2)).isEqualByComparingTo(dmn);
            assertThat(c.get(3)).isEqualTo(YearMonth.now().toString());
            Enrolment e = enrolments.forProgramCase(Program.TEKUN, (Long) c.get(0)).orElseThrow();
            assertImported(e, batchId, dmn);
            assertThat(e.calculationSnapshot()).contains("\"selfCareLevel\":\"" + level.name() + "\"");
            imported.add(e);
        }
        assertThat(imported.get(0).householdId()).isEqualTo(knownHousehold); // linked to the household file
        assertThat(enrolments.forHouseholdAndMembers(knownHousehold, List.of(knownId)))
                .extracting(Enrolment::programCode).contains(Program.TEKUN);
        assertThat(count("select count(*) from household where import_batch_id = ?", batchId))
                .isEqualTo(2); // the two persons not on record
        assertThat(jdbc.sql("select care_institution from tekun_case where person_id_number = ?").param(centralised[ID_NUMBER])
                .query(String.class).single()).isEqualTo("岳村乡敬老院");

        paidOnceByTheNextPayroll(Program.TEKUN, imported);
        importedAgainIsRefused("TEKUN", file, imported, "同一人不能重复纳入特困人员救助供养");
        assertThat(countOf("select count(*) from tekun_case where person_id_number in (:ids)",
                rows.stream().map(r -> r[ID_NUMBER]).toList())).isEqualTo(3);
    }

    @Test
    void aGaolingRosterBecomesRecipientsAtTheTierOfTheirBirthDatePaidByTheNextPayrollOnce() {
        long knownHousehold = personOnRecord(LocalDate.now().minusYears(85));
        String knownId = people.onlyMemberOf(knownHousehold);
        String[] known = PersonSheets.gaoling("李秀英", LocalDate.now());
        known[TOWNSHIP] = "yuecun";
        known[COMMUNITY] = "yuecun-yuecun";
        known[ID_NUMBER] = knownId;
        known[BANK_ACCOUNT] = null; // on record: paid to the household file's account
        known[START_MONTH] = YearMonth.now().minusMonths(6).toString();
        List<String[]> rows = List.of(known, PersonSheets.gaoling("孙大爷", LocalDate.now().minusYears(86)),
                PersonSheets.gaoling("周奶奶", LocalDate.now().minusYears(95)));
        byte[] file = PersonSheets.gaolingWorkbook(gaolingKind, rows);

        long batchId = committed("GAOLING", "高龄名册.xlsx", file);

        List<Enrolment> imported = new ArrayList<>();
        for (String[] row : rows) {
            GaolingAllowance.Entitlement due = allowance.require(row[ID_NUMBER], YearMonth.now());
            var r = jdbc.sql("select id, tier, amount, start_month, status from gaoling_recipient where person_id_number = ?")
                    .param(row[ID_NUMBER]).query((rs, n) -> List.of(rs.getLong(1), rs.getString(2), rs.getBigDecimal(3),
                            rs.getString(4), rs.getString(5))).single();
            assertThat(r.get(1)).isEqualTo(due.tier().name());
            assertThat((BigDecimal) r.get(2)).isEqualByComparingTo(due.amount());
            assertThat(r.get(3)).isEqualTo(row[START_MONTH]);
            assertThat(r.get(4)).isEqualTo("ACTIVE");
            Enrolment e = enrolments.forProgramCase(Program.GAOLING, (Long) r.get(0)).orElseThrow();
            assertImported(e, batchId, due.amount());
            assertThat(e.calculationSnapshot()).contains("\"tier\":\"" + due.tier().name() + "\"");
            imported.add(e);
        }
        assertThat(imported.get(2).calculationSnapshot()).contains("AGE_90");
        assertThat(imported.get(0).householdId()).isEqualTo(knownHousehold);

        paidOnceByTheNextPayroll(Program.GAOLING, imported);
        importedAgainIsRefused("GAOLING", file, imported, "同一人不能重复纳入高龄津贴");
    }

    @Test
    void aYoufuRosterBecomesRecipientsAtTheirCategorysStandardPaidByTheNextPayrollOnceWithoutBackPay() {
        long knownHousehold = personOnRecord(LocalDate.now().minusYears(66));
        String knownId = people.onlyMemberOf(knownHousehold);
        String[] known = PersonSheets.youfu("李卫国", LocalDate.now(), "残疾军人", "冀军残字第006218号", "6", "因病",
                "1988-08-01", null, null, null, null);
        known[TOWNSHIP] = "yuecun";
        known[COMMUNITY] = "yuecun-yuecun";
        known[ID_NUMBER] = knownId;
        known[BANK_ACCOUNT] = null; // on record: paid to the household file's account
        known[START_MONTH] = YearMonth.now().minusMonths(6).toString(); // paid by the old ledger until now
        String[] survivor = PersonSheets.youfu("郭秀珍", LocalDate.now().minusYears(72), "烈士遗属", "豫烈字第000417号",
                null, null, null, "王建军", "1979-02-17", null, null);
        String[] veteran = PersonSheets.youfu("孟退伍", LocalDate.now().minusYears(68), "带病回乡退伍军人",
                "豫退字第000431号", null, null, null, null, null, "1976-03-01", "1980-01-31");
        veteran[TOWNSHIP] = "任丘办事处";
        veteran[COMMUNITY] = "清华苑社区";
        List<String[]> rows = List.of(known, survivor, veteran);
        List<YoufuCategory> categories = List.of(YoufuCategory.DISABLED_SOLDIER, YoufuCategory.MARTYR_SURVIVOR,
                YoufuCategory.ILL_DISCHARGED_VETERAN);
        byte[] file = PersonSheets.youfuWorkbook(youfuKind, rows);

        long batchId = committed("YOUFU", "优抚名册.xlsx", file);

        List<Enrolment> imported = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            String[] row = rows.get(i);
            YoufuCategory category = categories.get(i);
            DisabilityCause cause = i == 0 ? DisabilityCause.ILLNESS : null;
            Integer grade = i == 0 ? 6 : null;
            BigDecimal standard = youfuAllowance.forMonth(category, cause, grade, YearMonth.now()).monthly();
            var r = jdbc.sql("""
                    select id, category, certificate_number, disability_grade, status, monthly_amount, start_month,
                        household_id, case_number from youfu_recipient where person_id_number = ?""")
                    .param(row[ID_NUMBER]).query((rs, n) -> List.of(rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getInt(4), rs.getString(5), rs.getBigDecimal(6), rs.getString(7), rs.getLong(8),
                            rs.getString(9))).single();
            assertThat(r.get(1)).isEqualTo(category.name());
            assertThat(r.get(2)).isEqualTo(row[PROGRAM_FROM + 1]);
            assertThat(r.get(3)).isEqualTo(grade == null ? 0 : grade);
            assertThat(r.get(4)).isEqualTo("ACTIVE");
            assertThat((BigDecimal) r.get(5)).isEqualByComparingTo(standard);
            assertThat(r.get(6)).isEqualTo(row[START_MONTH]);
            assertThat((String) r.get(8)).startsWith("YF");
            Enrolment e = enrolments.forProgramCase(Program.YOUFU, (Long) r.get(0)).orElseThrow();
            assertImported(e, batchId, standard);
            assertThat(e.startMonth()).isEqualTo(row[START_MONTH]);
            assertThat(e.householdId()).isEqualTo((Long) r.get(7));
            assertThat(e.calculationSnapshot()).contains("\"decision\":\"youfu-allowance\"")
                    .contains("\"category\":\"" + category.name() + "\"");
            assertThat(enrolments.history(e.id()).get(0).reason()).contains(category.label());
            assertThat(jdbc.sql("select action from audit_event where entity_type = 'YOUFU_RECIPIENT' and entity_id = ?")
                    .param((Long) r.get(0)).query(String.class).list()).containsExactly("IMPORTED");
            imported.add(e);
        }
        assertThat(imported.get(0).householdId()).isEqualTo(knownHousehold); // linked to the household file
        assertThat(imported.get(0).calculationSnapshot()).contains("\"disabilityCause\":\"ILLNESS\"")
                .contains("\"disabilityGrade\":6");
        assertThat(count("select count(*) from household where import_batch_id = ?", batchId))
                .isEqualTo(2); // the two persons not on record

        // the next 优抚 payroll computed after the import (of a month no other test uses: the 优抚 tests run next
        // month's and the ones after) pays each the standard of its month once, and no month before it
        YearMonth month = monthWithoutPayroll(Program.YOUFU, YearMonth.now().plusYears(2));
        paidOnceByThePayrollOf(Program.YOUFU, month, imported, i -> youfuAllowance.forMonth(categories.get(i),
                i == 0 ? DisabilityCause.ILLNESS : null, i == 0 ? 6 : null, month).monthly());
        importedAgainIsRefused("YOUFU", file, imported, "同一人不能重复纳入优抚对象定期抚恤补助");
        assertThat(countOf("select count(*) from youfu_recipient where person_id_number in (:ids)",
                rows.stream().map(r -> r[ID_NUMBER]).toList())).isEqualTo(3);
    }

    @Test
    void aFailureInTheCommitLeavesNothingBehindAndTheCommitCanBeRepeated() {
        List<String[]> rows = List.of(PersonSheets.tekun("吴老汉"), PersonSheets.tekun("郑老汉"));
        JsonNode batch = client.validated("TEKUN", "失败名册.xlsx", PersonSheets.tekunWorkbook(tekunKind, rows));
        long id = batch.get("id").asLong();
        assertThat(batch.get("accepted").asInt()).isEqualTo(2);
        committer.afterChunk = (chunk, last) -> {
            throw new IllegalStateException("injected: the database went away");
        };
        JsonNode failed = client.commit(id, false);
        assertThat(failed.get("status").asText()).isEqualTo("VALIDATED");
        List<String> ids = rows.stream().map(r -> r[ID_NUMBER]).toList();
        assertThat(countOf("select count(*) from tekun_case where person_id_number in (:ids)", ids)).isZero();
        assertThat(countOf("select count(*) from enrolment where person_id_number in (:ids)", ids)).isZero();
        assertThat(countOf("select count(*) from household_member where id_number in (:ids)", ids)).isZero();

        committer.afterChunk = (chunk, last) -> { };
        assertThat(client.commit(id, false).get("status").asText()).isEqualTo("COMMITTED");
        assertThat(countOf("select count(*) from enrolment where program_code = 'TEKUN' and status = 'ACTIVE' "
                + "and person_id_number in (:ids)", ids)).isEqualTo(2);
    }

    private long committed(String kind, String fileName, byte[] file) {
        JsonNode batch = client.validated(kind, fileName, file);
        assertThat(batch.get("rejected").asInt()).as(batch.toString()).isZero();
        long id = batch.get("id").asLong();
        JsonNode done = client.commit(id, false);
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("COMMITTED");
        return id;
    }

    private void assertImported(Enrolment e, long batchId, BigDecimal amount) {
        assertThat(e.status()).isEqualTo(EnrolmentStatus.ACTIVE);
        assertThat(e.amount()).isEqualByComparingTo(amount);
        assertThat(e.calculationSnapshot()).isNotBlank();
        List<EnrolmentRepository.StatusChange> history = enrolments.history(e.id());
        assertThat(history).singleElement().satisfies(h -> {
            assertThat(h.status()).isEqualTo(EnrolmentStatus.ACTIVE);
            assertThat(h.reason()).contains("导入：批次#" + batchId).contains("起按月发放");
            assertThat(h.changedBy()).isEqualTo("admin");
        });
    }

    /**
     * The program's payroll of next month, computed after the import (a payroll of that month computed before it, by
     * another test, is computed again): one payment per imported enrolment at its amount; computing again adds none.
     */
    private void paidOnceByTheNextPayroll(String program, List<Enrolment> imported) {
        YearMonth next = YearMonth.now().plusMonths(1);
        long payrollId = payrolls.findByMonth(program, next).map(p -> {
            if (p.status() == PayrollStatus.CHECKING) {
                computation.discard(p.id());
            }
            return p.id();
        }).orElseGet(() -> payrolls.insert(program, next));
        computedTwicePaysEachOnce(payrollId, next, imported, i -> imported.get(i).amount());
    }

    /** The first month from {@code from} on (shuffled over five years) without a payroll of the program. */
    private YearMonth monthWithoutPayroll(String program, YearMonth from) {
        List<Integer> offsets = new ArrayList<>(java.util.stream.IntStream.range(0, 60).boxed().toList());
        java.util.Collections.shuffle(offsets);
        return offsets.stream().map(from::plusMonths).filter(m -> payrolls.findByMonth(program, m).isEmpty()).findFirst()
                .orElseThrow(() -> new IllegalStateException("no month from " + from + " without a " + program + " payroll"));
    }

    /** The program's payroll of {@code month}, computed twice: one payment per enrolment, the amount {@code due}. */
    private void paidOnceByThePayrollOf(String program, YearMonth month, List<Enrolment> imported,
                                        java.util.function.IntFunction<BigDecimal> due) {
        computedTwicePaysEachOnce(payrolls.insert(program, month), month, imported, due);
    }

    /** The payroll computed, then computed again: one payment per enrolment, the amount {@code due}, no back pay. */
    private void computedTwicePaysEachOnce(long payrollId, YearMonth month, List<Enrolment> imported,
                                           java.util.function.IntFunction<BigDecimal> due) {
        computation.compute(payrollId);
        jdbc.sql("update payroll set status = 'COMPUTING' where id = ?").param(payrollId).update();
        computation.compute(payrollId); // a second run pays nobody twice
        for (int i = 0; i < imported.size(); i++) {
            Enrolment e = imported.get(i);
            List<BigDecimal> paid = jdbc.sql("select amount from payment where enrolment_id = ? and benefit_month = ?")
                    .params(e.id(), month.toString()).query(BigDecimal.class).list();
            BigDecimal expected = due.apply(i);
            assertThat(paid).as("payments of enrolment " + e.id()).singleElement()
                    .satisfies(a -> assertThat(a).isEqualByComparingTo(expected));
            assertThat(count("select count(*) from payment where enrolment_id = ?", e.id())).as("no back pay").isEqualTo(1);
        }
    }

    private void importedAgainIsRefused(String kind, byte[] file, List<Enrolment> imported, String reason) {
        JsonNode again = client.validated(kind, "再次导入.xlsx", file);
        assertThat(again.get("rejected").asInt()).isEqualTo(imported.size());
        List<String> messages = new ArrayList<>();
        client.reportRows(again.get("id").asLong()).forEach(r -> messages.add(r.get("messages").asText()));
        for (int i = 0; i < imported.size(); i++) {
            assertThat(messages.get(i)).contains(reason).contains("登记编号" + imported.get(i).id() + "）");
        }
        assertThat(client.requestCommit(again.get("id").asLong(), true).status()).isEqualTo(409);
    }

    /** A household of 岳村乡 of one person born on {@code birth}; its id. */
    private long personOnRecord(LocalDate birth) {
        return people.aloneWithoutIncome(TestApplications.idNumber(birth, false)).id();
    }
}
