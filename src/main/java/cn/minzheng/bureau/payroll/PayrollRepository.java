package cn.minzheng.bureau.payroll;

import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.audit.AuditTrail;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.engine.EngineClock;

/** The payroll rows; status changes are conditional updates, so a step out of order changes nothing. */
@Repository
public class PayrollRepository {

    private static final String COLUMNS = """
            id, payroll_month, status, household_count, people_count, total_amount, reissued_count, reissued_amount,
            new_count, raised_count, lowered_count, cancelled_count, process_instance_id, checked_by, approved_by,
            rejection_reason, computed_at, approved_at, issued_at, reconciled_at, program_code""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    public PayrollRepository(JdbcClient jdbc, AuditTrail audit) {
        this.audit = audit;
        this.jdbc = jdbc;
    }

    /** Inserts the 低保 payroll of the month (see {@link #insert(String, YearMonth)}). */
    public long insert(YearMonth month) {
        return insert(Program.DIBAO, month);
    }

    /**
     * Inserts the program's payroll of the month; the unique (program, month) refuses a second one
     * (DuplicateKeyException).
     */
    public long insert(String programCode, YearMonth month) {
        Timestamp now = Timestamp.from(EngineClock.instant());
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into payroll (program_code, payroll_month, status, created_at, updated_at) values (?, ?, ?, ?, ?)")
                .params(programCode, month.toString(), PayrollStatus.COMPUTING.name(), now, now)
                .update(key, "id");
        return key.getKey().longValue();
    }

    public Optional<Payroll> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from payroll where id = ?").param(id).query(RecordRows.of(Payroll.class)).optional();
    }

    public Payroll get(long id) {
        return find(id).orElseThrow(() -> RuleViolation.notFound("工资单" + id));
    }

    /** The 低保 payroll of the month. */
    public Optional<Payroll> findByMonth(YearMonth month) {
        return findByMonth(Program.DIBAO, month);
    }

    public Optional<Payroll> findByMonth(String programCode, YearMonth month) {
        return jdbc.sql("select " + COLUMNS + " from payroll where program_code = ? and payroll_month = ?")
                .params(programCode, month.toString()).query(RecordRows.of(Payroll.class)).optional();
    }

    /** 低保 payrolls by month, the latest first: {@code limit} of them from {@code offset}. */
    public List<Payroll> byMonthDescending(int limit, long offset) {
        return byMonthDescending(Program.DIBAO, limit, offset);
    }

    /** The program's payrolls by month, the latest first: {@code limit} of them from {@code offset}. */
    public List<Payroll> byMonthDescending(String programCode, int limit, long offset) {
        return jdbc.sql("select " + COLUMNS + " from payroll where program_code = ? order by payroll_month desc limit ? offset ?")
                .params(programCode, limit, offset).query(RecordRows.of(Payroll.class)).list();
    }

    /** How many 低保 payrolls there are. */
    public long count() {
        return count(Program.DIBAO);
    }

    /** How many payrolls the program has. */
    public long count(String programCode) {
        return jdbc.sql("select count(*) from payroll where program_code = ?").param(programCode).query(Long.class).single();
    }

    /** Locks the row for the rest of the transaction, so two computations of one payroll run one after the other. */
    public Payroll lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from payroll where id = ? for update").param(id).query(RecordRows.of(Payroll.class))
                .optional().orElseThrow(() -> RuleViolation.notFound("工资单" + id));
    }

    /** Ties the payroll to its process instance once; false when another instance already has it. */
    public boolean attachProcess(long id, String processInstanceId) {
        jdbc.sql("update payroll set process_instance_id = ? where id = ? and process_instance_id is null")
                .params(processInstanceId, id).update();
        return processInstanceId.equals(get(id).processInstanceId());
    }

    /** Moves the payroll from one status to the next; false (nothing changed) when it is not in {@code from}. */
    public boolean transition(long id, PayrollStatus from, PayrollStatus to) {
        boolean moved = jdbc.sql("update payroll set status = ?, updated_at = ? where id = ? and status = ?")
                .params(to.name(), now(), id, from.name()).update() == 1;
        if (moved) {
            audit.record("PAYROLL", id, null, null, "STATUS_CHANGED", null, null,
                    Map.of("status", from.name()), Map.of("status", to.name()));
        }
        return moved;
    }

    public void recordCheck(long id, String checkedBy) {
        jdbc.sql("update payroll set checked_by = ?, rejection_reason = null, updated_at = ? where id = ?")
                .params(checkedBy, now(), id).update();
        audit.record("PAYROLL", id, null, null, "CHECKED", checkedBy, null, null, Map.of("checkedBy", checkedBy));
    }

    public void recordApproval(long id, String approvedBy) {
        jdbc.sql("update payroll set approved_by = ?, approved_at = ?, updated_at = ? where id = ?")
                .params(approvedBy, now(), now(), id).update();
        audit.record("PAYROLL", id, null, null, "APPROVED", approvedBy, null, null, Map.of("approvedBy", approvedBy));
    }

    public void recordRejection(long id, String reason) {
        jdbc.sql("update payroll set rejection_reason = ?, updated_at = ? where id = ?").params(reason, now(), id).update();
        audit.record("PAYROLL", id, null, null, "REJECTED", null, reason, null, null);
    }

    public void markIssued(long id) {
        jdbc.sql("update payroll set issued_at = ?, updated_at = ? where id = ?").params(now(), now(), id).update();
    }

    public void markReconciled(long id) {
        jdbc.sql("update payroll set reconciled_at = ?, updated_at = ? where id = ?").params(now(), now(), id).update();
    }

    public List<Payroll.TownshipTotal> townshipTotals(long id) {
        return jdbc.sql("""
                select t.township_code, r.name as township_name, t.household_count, t.people_count, t.total_amount
                from payroll_township_total t join region r on r.code = t.township_code
                where t.payroll_id = ? order by t.township_code""")
                .param(id).query(RecordRows.of(Payroll.TownshipTotal.class)).list();
    }

    private static Timestamp now() {
        return Timestamp.from(EngineClock.instant());
    }
}
