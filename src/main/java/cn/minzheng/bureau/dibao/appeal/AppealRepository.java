package cn.minzheng.bureau.dibao.appeal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.program.Program;

/** dibao_appeal, the back pay a reversal owes, and the facts of a case an appeal needs; audited. */
@Repository
public class AppealRepository {

    private static final String COLUMNS = """
            id, case_id, township_code, contested, notice_date, filed_on, grounds, handled_by, status, investigated_by,
            findings, proposed_amount, outcome, outcome_reason, effective_month, new_amount, process_instance_id,
            registered_by, decided_by, created_at, decided_at""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    public AppealRepository(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public long insert(long caseId, long householdId, String townshipCode, String contested, LocalDate noticeDate,
                       String grounds, String handledBy, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into dibao_appeal (case_id, township_code, contested, notice_date, filed_on, grounds, handled_by,
                        status, registered_by, created_at, open_case_id)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(caseId, townshipCode, contested, java.sql.Date.valueOf(noticeDate),
                            java.sql.Date.valueOf(LocalDate.now()), grounds, handledBy, AppealStatus.REGISTERED.name(),
                            actor, now(), caseId)
                    .update(key, "id");
        } catch (DuplicateKeyException open) {
            throw new RuleViolation("APPEAL_OPEN", "该案件已有正在办理的申诉", 409);
        }
        long id = key.getKey().longValue();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("contested", contested);
        after.put("noticeDate", noticeDate.toString());
        audit.record("APPEAL", id, householdId, caseId, "APPEAL_REGISTERED", actor, grounds, null, after);
        return id;
    }

    public Optional<Appeal> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from dibao_appeal where id = ?").param(id).query(RecordRows.of(Appeal.class)).optional();
    }

    public Appeal get(long id) {
        return find(id).orElseThrow(() -> RuleViolation.notFound("申诉" + id));
    }

    public void attachProcess(long id, String processInstanceId) {
        jdbc.sql("update dibao_appeal set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    public void recordFindings(Appeal appeal, long householdId, String findings, String actor) {
        jdbc.sql("update dibao_appeal set investigated_by = ?, findings = ?, status = ? where id = ?")
                .params(actor, findings, AppealStatus.DECIDING.name(), appeal.id()).update();
        audit.record("APPEAL", appeal.id(), householdId, appeal.caseId(), "REINVESTIGATED", actor, findings, null, null);
    }

    public void saveProposal(long id, BigDecimal amount) {
        jdbc.sql("update dibao_appeal set proposed_amount = ? where id = ?").params(amount, id).update();
    }

    public void decide(Appeal appeal, long householdId, String outcome, String reason, String effectiveMonth,
                       BigDecimal newAmount, String actor) {
        jdbc.sql("""
                update dibao_appeal set outcome = ?, outcome_reason = ?, effective_month = ?, new_amount = ?, decided_by = ?,
                    decided_at = ? where id = ?""")
                .params(outcome, reason, effectiveMonth, newAmount, actor, now(), appeal.id()).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("outcome", outcome);
        after.put("effectiveMonth", effectiveMonth);
        after.put("newAmount", newAmount);
        audit.record("APPEAL", appeal.id(), householdId, appeal.caseId(), "APPEAL_DECIDED", actor, reason,
                Map.of("status", appeal.status()), after);
    }

    /** Closes the appeal with its outcome; the case may be appealed again. */
    public void close(long id, AppealStatus status) {
        jdbc.sql("update dibao_appeal set status = ?, open_case_id = null where id = ?").params(status.name(), id).update();
    }

    /** Everyone who acted on the case: registered, surveyed, reviewed, approved, changed its status. */
    public List<String> handlersOf(long caseId) {
        return jdbc.sql("""
                select decided_by from dibao_decision where case_id = ?
                union select surveyed_by from dibao_survey where case_id = ?
                union select changed_by from dibao_case_status_history where case_id = ? and changed_by is not null""")
                .params(caseId, caseId, caseId).query(String.class).list().stream().sorted().toList();
    }

    /** When the case last took the status (REJECTED, CANCELLED), or when its amount was last set. */
    public Optional<LocalDateTime> decidedAt(long caseId, String contested) {
        if (AppealProcess.AMOUNT.equals(contested)) {
            return jdbc.sql("""
                    select max(occurred_at) from audit_event where case_id = ? and entity_type = 'DIBAO_CASE'
                      and action in ('REVIEWED_AMOUNT', 'START_MONTH_SET')""")
                    .param(caseId).query(LocalDateTime.class).optional();
        }
        return jdbc.sql("select max(changed_at) from dibao_case_status_history where case_id = ? and status = ?")
                .params(caseId, (AppealProcess.REJECTION.equals(contested) ? CaseStatus.REJECTED : CaseStatus.CANCELLED).name())
                .query(LocalDateTime.class).optional();
    }

    /** The latest benefit month the case was paid for, if any. */
    public Optional<String> lastPaidMonth(long caseId) {
        return jdbc.sql("select max(benefit_month) from payment where case_id = ?").param(caseId).query(String.class).optional();
    }

    /**
     * The last month already due: the current month, or next month if its payroll was computed already (finance
     * may run it early); later months are paid by the regular payroll.
     */
    public YearMonth lastDueMonth() {
        YearMonth now = YearMonth.now();
        boolean nextComputed = jdbc.sql("select count(*) from payroll where program_code = ? and payroll_month = ? and status <> 'COMPUTING'")
                .params(Program.DIBAO, now.plusMonths(1).toString()).query(Long.class).single() > 0;
        return nextComputed ? now.plusMonths(1) : now;
    }

    /** Back pay (补发) for each month from {@code from} to {@code until} the case was not paid for; returns them. */
    public List<String> owe(long caseId, long appealId, YearMonth from, YearMonth until, BigDecimal amount) {
        List<String> months = new java.util.ArrayList<>();
        for (YearMonth month = from; !month.isAfter(until); month = month.plusMonths(1)) {
            String m = month.toString();
            boolean paid = jdbc.sql("select count(*) from payment where case_id = ? and benefit_month = ?")
                    .params(caseId, m).query(Long.class).single() > 0;
            boolean owed = jdbc.sql("select count(*) from back_pay where case_id = ? and benefit_month = ?")
                    .params(caseId, m).query(Long.class).single() > 0;
            if (!paid && !owed) {
                jdbc.sql("insert into back_pay (case_id, appeal_id, benefit_month, amount, created_at) values (?, ?, ?, ?, ?)")
                        .params(caseId, appealId, m, amount, now()).update();
                months.add(m);
            }
        }
        return months;
    }

    public List<BackPay> backPay(long caseId) {
        return jdbc.sql("select benefit_month, amount, payroll_id from back_pay where case_id = ? order by benefit_month")
                .param(caseId).query(RecordRows.of(BackPay.class)).list();
    }

    public record BackPay(String benefitMonth, BigDecimal amount, Long payrollId) {
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
