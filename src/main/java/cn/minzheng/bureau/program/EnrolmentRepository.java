package cn.minzheng.bureau.program;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.common.BatchInserts;
import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.engine.EngineClock;

/**
 * The one writer of {@code enrolment} and {@code enrolment_status_history}. A program that keeps its own case
 * (低保) mirrors it here after every change ({@link #mirror}); the dated history gets an entry whenever the
 * enrolment status changes, and an enrolment that ends gets its end month.
 */
@Repository
public class EnrolmentRepository {

    private static final String COLUMNS = """
            id, program_code, household_id, person_id_number, township_code, status, amount, start_month, end_month,
            calculation_snapshot, program_case_id, created_at""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public EnrolmentRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    public Optional<Enrolment> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from enrolment where id = ?").param(id)
                .query(RecordRows.of(Enrolment.class)).optional();
    }

    public Optional<Enrolment> forProgramCase(String programCode, long programCaseId) {
        return jdbc.sql("select " + COLUMNS + " from enrolment where program_code = ? and program_case_id = ?")
                .params(programCode, programCaseId).query(RecordRows.of(Enrolment.class)).optional();
    }

    /** The household's enrolments of every program, the newest first. */
    public List<Enrolment> forHousehold(long householdId) {
        return jdbc.sql("select " + COLUMNS + " from enrolment where household_id = ? order by id desc").param(householdId)
                .query(RecordRows.of(Enrolment.class)).list();
    }

    /**
     * The enrolments of a household's file: the household's own, and every enrolment of one of these people (its
     * members) kept on another household (a person enrolled where the newest household record of the ID number is),
     * the newest first.
     */
    public List<Enrolment> forHouseholdAndMembers(long householdId, List<String> memberIdNumbers) {
        if (memberIdNumbers.isEmpty()) {
            return forHousehold(householdId);
        }
        List<Object> params = new ArrayList<>();
        params.add(householdId);
        params.addAll(memberIdNumbers);
        return jdbc.sql("select " + COLUMNS + " from enrolment where household_id = ? or person_id_number in ("
                        + String.join(",", memberIdNumbers.stream().map(m -> "?").toList()) + ") order by id desc")
                .params(params).query(RecordRows.of(Enrolment.class)).list();
    }

    public record StatusChange(EnrolmentStatus status, LocalDateTime changedAt, String changedBy, String reason) {
    }

    public List<StatusChange> history(long enrolmentId) {
        return jdbc.sql("""
                select status, changed_at, changed_by, reason from enrolment_status_history
                where enrolment_id = ? order by changed_at, id""")
                .param(enrolmentId).query(RecordRows.of(StatusChange.class)).list();
    }

    /**
     * Brings the case's enrolment up to date with the case: inserts it the first time, else copies township,
     * amount, start month and snapshot; a change of status is entered in the history (with the actor and
     * reason), an end sets the end month, a return from an end clears it.
     */
    public Enrolment mirror(ProgramCase programCase, String actor, String reason) {
        Timestamp now = Timestamp.from(EngineClock.instant());
        Optional<Enrolment> existing = forProgramCase(programCase.programCode(), programCase.programCaseId());
        if (existing.isEmpty()) {
            insertAll(List.of(programCase), actor, List.of(reason == null ? "" : reason), now);
            return forProgramCase(programCase.programCode(), programCase.programCaseId()).orElseThrow();
        }
        Enrolment before = existing.get();
        boolean statusChanged = before.status() != programCase.status();
        String endMonth = programCase.status() == EnrolmentStatus.ENDED
                ? (before.endMonth() != null && !statusChanged ? before.endMonth() : YearMonth.from(EngineClock.today()).toString())
                : null;
        if (unchanged(before, programCase, endMonth)) {
            return before; // most steps of an application keep the enrolment as it is (APPLIED from 受理 to 公示)
        }
        jdbc.sql("""
                update enrolment set household_id = ?, person_id_number = ?, township_code = ?, status = ?, amount = ?,
                    start_month = ?, end_month = ?, calculation_snapshot = ?, updated_at = ?
                where id = ?""")
                .params(programCase.householdId(), programCase.personIdNumber(), programCase.townshipCode(),
                        programCase.status().name(), programCase.amount(), programCase.startMonth(), endMonth,
                        programCase.calculationSnapshot(), now, before.id())
                .update();
        if (statusChanged) {
            recordStatus(before.id(), programCase.status(), now, actor, reason);
        }
        return find(before.id()).orElseThrow();
    }

    /** Whether the enrolment already holds everything the update would write (its time stamp aside). */
    private static boolean unchanged(Enrolment before, ProgramCase now, String endMonth) {
        return before.householdId() == now.householdId()
                && Objects.equals(before.personIdNumber(), now.personIdNumber())
                && Objects.equals(before.townshipCode(), now.townshipCode())
                && before.status() == now.status()
                && sameAmount(before.amount(), now.amount())
                && Objects.equals(before.startMonth(), now.startMonth())
                && Objects.equals(before.endMonth(), endMonth)
                && Objects.equals(before.calculationSnapshot(), now.calculationSnapshot());
    }

    private static boolean sameAmount(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /**
     * Dates an ended enrolment's end back to the month its benefit was last due (a death recorded after the month of
     * death: the benefit ended at the end of that month, not in the month the death was recorded).
     */
    public void backdateEnd(long enrolmentId, String endMonth) {
        jdbc.sql("update enrolment set end_month = ? where id = ? and status = 'ENDED'").params(endMonth, enrolmentId).update();
    }

    /**
     * Inserts the enrolments of many new cases (a roster import) with their first status entries, in two batched
     * statements; {@code reasons} are the entries' reasons, in order.
     */
    public void insertAll(List<ProgramCase> cases, String actor, List<String> reasons, Timestamp now) {
        List<Object[]> rows = new ArrayList<>();
        List<Object[]> history = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            ProgramCase c = cases.get(i);
            String endMonth = c.status() == EnrolmentStatus.ENDED ? YearMonth.from(EngineClock.today()).toString() : null;
            rows.add(new Object[] {c.programCode(), c.householdId(), c.personIdNumber(), c.townshipCode(),
                    c.status().name(), c.amount(), c.startMonth(), endMonth, c.calculationSnapshot(), c.programCaseId(),
                    now, now});
            String reason = reasons.get(i);
            history.add(new Object[] {null, c.status().name(), now, actor,
                    reason == null || reason.isEmpty() ? null : reason});
        }
        List<Long> ids = BatchInserts.insertReturningIds(template, """
                insert into enrolment (program_code, household_id, person_id_number, township_code, status, amount,
                    start_month, end_month, calculation_snapshot, program_case_id, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        for (int i = 0; i < ids.size(); i++) {
            history.get(i)[0] = ids.get(i); // the enrolment's id as a value, not looked up again per row
        }
        BatchInserts.insert(template, """
                insert into enrolment_status_history (enrolment_id, status, changed_at, changed_by, reason)
                values (?, ?, ?, ?, ?)""", history);
    }

    /**
     * Enters a dated entry in the history with the enrolment's current status: a change that keeps the status but
     * matters to the person (特困's yearly re-assessment continuing support with a new amount), with who and why.
     */
    public void recordEntry(long enrolmentId, String actor, String reason) {
        Enrolment e = find(enrolmentId).orElseThrow();
        recordStatus(enrolmentId, e.status(), Timestamp.from(EngineClock.instant()), actor, reason);
    }

    private void recordStatus(long enrolmentId, EnrolmentStatus status, Timestamp at, String actor, String reason) {
        jdbc.sql("insert into enrolment_status_history (enrolment_id, status, changed_at, changed_by, reason) values (?, ?, ?, ?, ?)")
                .params(enrolmentId, status.name(), at, actor, reason).update();
    }
}
