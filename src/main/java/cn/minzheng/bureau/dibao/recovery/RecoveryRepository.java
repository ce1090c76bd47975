package cn.minzheng.bureau.dibao.recovery;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
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

/** overpayment_recovery and its months, installments and receipts; every change audited. */
@Repository
public class RecoveryRepository {

    private static final String COLUMNS = """
            id, case_id, enrolment_id, township_code, source_type, source_id, reason, from_month, entitled_amount, total_amount, method,
            installment_amount, recovered_amount, status, decision_reason, decided_by, waiver_approved_by,
            process_instance_id, created_at, closed_at""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    public RecoveryRepository(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /**
     * A new recovery with its overpaid months; refused while the case (or, without a 低保 case, the enrolment) has
     * another open one.
     */
    public long insert(Long caseId, Long enrolmentId, long householdId, String townshipCode, String sourceType, Long sourceId,
                       String reason, String fromMonth, BigDecimal entitled, Overpayments.Result overpaid, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        boolean nothing = overpaid.total().signum() == 0;
        try {
            jdbc.sql("""
                    insert into overpayment_recovery (case_id, enrolment_id, township_code, source_type, source_id, reason,
                        from_month, entitled_amount, total_amount, status, created_by, created_at, open_case_id,
                        open_enrolment_id, closed_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(caseId, enrolmentId, townshipCode, sourceType, sourceId, reason, fromMonth, entitled,
                            overpaid.total(), (nothing ? RecoveryStatus.NONE : RecoveryStatus.OPEN).name(), actor, now(),
                            nothing ? null : caseId, nothing || caseId != null ? null : enrolmentId, nothing ? now() : null)
                    .update(key, "id");
        } catch (DuplicateKeyException open) {
            throw new RuleViolation("RECOVERY_OPEN", (caseId == null ? "该享受记录" : "该案件")
                    + "已有尚未追回完毕的多发款，请在原追回中处理", 409);
        }
        long id = key.getKey().longValue();
        for (Overpayments.OverpaidMonth month : overpaid.months()) {
            jdbc.sql("""
                    insert into overpayment_month (recovery_id, benefit_month, payment_id, paid_amount, entitled_amount,
                        overpaid_amount) values (?, ?, ?, ?, ?, ?)""")
                    .params(id, month.benefitMonth(), month.paymentId(), month.paid(), month.entitled(), month.overpaid())
                    .update();
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("fromMonth", fromMonth);
        after.put("entitledAmount", entitled);
        after.put("totalAmount", overpaid.total());
        after.put("months", overpaid.months().size());
        audit.record("RECOVERY", id, householdId, caseId, "OVERPAYMENT_COMPUTED", actor, reason, null, after);
        return id;
    }

    public Optional<Recovery> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from overpayment_recovery where id = ?").param(id).query(RecordRows.of(Recovery.class)).optional();
    }

    public Recovery get(long id) {
        return find(id).orElseThrow(() -> RuleViolation.notFound("追回记录" + id));
    }

    /** The recovery a process instance computed. */
    public Optional<Recovery> ofProcess(String processInstanceId) {
        return jdbc.sql("select id from overpayment_recovery where process_instance_id = ?").param(processInstanceId)
                .query(Long.class).optional().flatMap(this::find);
    }

    /** Every payment of the case for a benefit month from this one on, by month. */
    public List<Overpayments.PaidMonth> paidSince(long caseId, String fromMonth) {
        return jdbc.sql("""
                select id as payment_id, benefit_month, amount as paid from payment where case_id = ? and benefit_month >= ? order by benefit_month""")
                .params(caseId, fromMonth).query(RecordRows.of(Overpayments.PaidMonth.class)).list();
    }

    /** Every payment of the enrolment for a benefit month from this one on, by month. */
    public List<Overpayments.PaidMonth> paidSinceByEnrolment(long enrolmentId, String fromMonth) {
        return jdbc.sql("""
                select id as payment_id, benefit_month, amount as paid from payment
                where enrolment_id = ? and benefit_month >= ? and status = 'ISSUED' order by benefit_month""")
                .params(enrolmentId, fromMonth).query(RecordRows.of(Overpayments.PaidMonth.class)).list();
    }

    /** The recoveries of an enrolment, of whatever program. */
    public List<Recovery> ofEnrolment(long enrolmentId) {
        return jdbc.sql("select " + COLUMNS + " from overpayment_recovery where enrolment_id = ? order by id")
                .param(enrolmentId).query(RecordRows.of(Recovery.class)).list();
    }

    public List<Recovery> ofCase(long caseId) {
        return jdbc.sql("select " + COLUMNS + " from overpayment_recovery where case_id = ? order by id")
                .param(caseId).query(RecordRows.of(Recovery.class)).list();
    }

    public void attachProcess(long id, String processInstanceId) {
        jdbc.sql("update overpayment_recovery set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    public List<Overpayments.OverpaidMonth> months(long recoveryId) {
        return jdbc.sql("""
                select payment_id, benefit_month, paid_amount as paid, entitled_amount as entitled, overpaid_amount as overpaid from overpayment_month
                where recovery_id = ? order by benefit_month""")
                .param(recoveryId).query(RecordRows.of(Overpayments.OverpaidMonth.class)).list();
    }

    public List<Installment> installments(long recoveryId) {
        return jdbc.sql("""
                select i.payroll_id, p.payroll_month, i.payment_id, i.amount, i.created_at
                from recovery_installment i join payroll p on p.id = i.payroll_id
                where i.recovery_id = ? order by p.payroll_month""")
                .param(recoveryId).query(RecordRows.of(Installment.class)).list();
    }

    public List<Receipt> receipts(long recoveryId) {
        return jdbc.sql("""
                select amount, receipt_number, received_on, recorded_by, recorded_at from recovery_receipt
                where recovery_id = ? order by id""")
                .param(recoveryId).query(RecordRows.of(Receipt.class)).list();
    }

    public void decide(Recovery recovery, Long householdId, String method, BigDecimal installment, String reason, String actor) {
        jdbc.sql("""
                update overpayment_recovery set method = ?, installment_amount = ?, decision_reason = ?, decided_by = ?
                where id = ?""")
                .params(method, installment, reason, actor, recovery.id()).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("method", method);
        after.put("installmentAmount", installment);
        audit.record("RECOVERY", recovery.id(), householdId, recovery.caseId(), "RECOVERY_DECIDED", actor, reason,
                Map.of("status", recovery.status()), after);
    }

    public void startDeduction(Recovery recovery, Long householdId, String actor) {
        transition(recovery, householdId, RecoveryStatus.DEDUCTING, actor, "自下一次计算的工资单起按月抵扣", false);
    }

    public void recordReceipt(Recovery recovery, Long householdId, BigDecimal amount, String receiptNumber,
                              LocalDate receivedOn, String actor) {
        jdbc.sql("""
                insert into recovery_receipt (recovery_id, amount, receipt_number, received_on, recorded_by, recorded_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(recovery.id(), amount, receiptNumber, java.sql.Date.valueOf(receivedOn), actor, now()).update();
        jdbc.sql("update overpayment_recovery set recovered_amount = recovered_amount + ? where id = ?")
                .params(amount, recovery.id()).update();
        transition(recovery, householdId, RecoveryStatus.REPAID, actor, "退回" + amount.toPlainString() + "元，收据" + receiptNumber, true);
    }

    public void waive(Recovery recovery, Long householdId, String approvedBy, String comment) {
        jdbc.sql("update overpayment_recovery set waiver_approved_by = ? where id = ?").params(approvedBy, recovery.id()).update();
        transition(recovery, householdId, RecoveryStatus.WAIVED, approvedBy, comment, true);
    }

    private void transition(Recovery recovery, Long householdId, RecoveryStatus status, String actor, String reason,
                            boolean closes) {
        jdbc.sql("update overpayment_recovery set status = ?, closed_at = ?, open_case_id = ?, open_enrolment_id = ? where id = ?")
                .params(status.name(), closes ? now() : null, closes ? null : recovery.caseId(),
                        closes || !recovery.ofEnrolmentOnly() ? null : recovery.enrolmentId(), recovery.id()).update();
        audit.record("RECOVERY", recovery.id(), householdId, recovery.caseId(), "STATUS_CHANGED", actor, reason,
                Map.of("status", recovery.status()), Map.of("status", status.name()));
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }

    public record Installment(long payrollId, String payrollMonth, long paymentId, BigDecimal amount, LocalDateTime createdAt) {
    }

    public record Receipt(BigDecimal amount, String receiptNumber, LocalDate receivedOn, String recordedBy,
                          LocalDateTime recordedAt) {
    }
}
