package cn.minzheng.bureau.linshi;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.common.RecordRows;

/** The one writer of {@code linshi_case}; every step with its audit entry (entity {@value #ENTITY}). */
@Repository
public class LinshiRepository {

    static final String ENTITY = "LINSHI_CASE";

    private static final String COLUMNS = """
            id, household_id, township_code, kind, hardship_level, reason, spending_type, spending_amount,
            spending_evidence, monthly_standard, standard_amount, advance_amount, advance_paid_at, paperwork_completed_at,
            paperwork_note, previous_grant_on, repeat_exception_reason, proposed_amount, case_by_case_reason,
            approval_level, status, granted_amount, paid_amount, township_reviewed_by, township_comment,
            district_approved_by, district_comment, second_approved_by, second_comment, decided_on, enrolment_id,
            process_instance_id, registered_by, registered_at""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    public LinshiRepository(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A 临时救助 case as stored. */
    public record LinshiCase(long id, long householdId, String townshipCode, AssistanceKind kind,
                             HardshipLevel hardshipLevel, String reason, SpendingType spendingType,
                             BigDecimal spendingAmount, String spendingEvidence, BigDecimal monthlyStandard,
                             BigDecimal standardAmount, BigDecimal advanceAmount, Timestamp advancePaidAt,
                             Timestamp paperworkCompletedAt, String paperworkNote, LocalDate previousGrantOn,
                             String repeatExceptionReason, BigDecimal proposedAmount, String caseByCaseReason,
                             ApprovalLevel approvalLevel, LinshiStatus status, BigDecimal grantedAmount,
                             BigDecimal paidAmount, String townshipReviewedBy, String townshipComment,
                             String districtApprovedBy, String districtComment, String secondApprovedBy,
                             String secondComment, LocalDate decidedOn, Long enrolmentId, String processInstanceId,
                             String registeredBy, Timestamp registeredAt) {

        /** The amount decided or proposed: the township's proposal, else the standard amount. */
        public BigDecimal amountToDecide() {
            return proposedAmount != null ? proposedAmount : standardAmount;
        }
    }

    /** What a clerk registers, already checked. */
    public record Registration(long householdId, String townshipCode, AssistanceKind kind, HardshipLevel hardshipLevel,
                               String reason, SpendingType spendingType, BigDecimal spendingAmount,
                               String spendingEvidence, BigDecimal monthlyStandard, BigDecimal standardAmount,
                               BigDecimal advanceAmount, LocalDate previousGrantOn, String repeatExceptionReason) {
    }

    public long register(Registration r, String processInstanceId, String actor) {
        Timestamp now = Timestamp.from(Instant.now());
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into linshi_case (household_id, township_code, kind, hardship_level, reason, spending_type,
                    spending_amount, spending_evidence, monthly_standard, standard_amount, advance_amount, advance_paid_at,
                    previous_grant_on, repeat_exception_reason, status, process_instance_id, registered_by, registered_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'REGISTERED', ?, ?, ?)""")
                .params(r.householdId(), r.townshipCode(), r.kind().name(), r.hardshipLevel().name(), r.reason(),
                        r.spendingType() == null ? null : r.spendingType().name(), r.spendingAmount(),
                        r.spendingEvidence(), r.monthlyStandard(), r.standardAmount(), r.advanceAmount(),
                        r.advanceAmount().signum() > 0 ? now : null, r.previousGrantOn(), r.repeatExceptionReason(),
                        processInstanceId, actor, now)
                .update(key, "id");
        long id = key.getKey().longValue();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("kind", r.kind().name());
        after.put("hardshipLevel", r.hardshipLevel().name());
        after.put("standardAmount", r.standardAmount());
        after.put("advanceAmount", r.advanceAmount());
        if (r.spendingType() != null) {
            after.put("spending", r.spendingType().name() + " " + r.spendingAmount());
        }
        if (r.repeatExceptionReason() != null) {
            after.put("previousGrantOn", r.previousGrantOn().toString());
        }
        audit.record(ENTITY, id, r.householdId(), null, "REGISTERED", actor, r.reason(), null, after);
        if (r.advanceAmount().signum() > 0) {
            audit.record(ENTITY, id, r.householdId(), null, "ADVANCE_PAID", actor, "先行救助", null,
                    Map.of("advanceAmount", r.advanceAmount()));
        }
        return id;
    }

    public Optional<LinshiCase> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from linshi_case where id = ?").param(id)
                .query(RecordRows.of(LinshiCase.class)).optional();
    }

    public List<LinshiCase> list(String townshipCode) {
        return jdbc.sql("select " + COLUMNS + " from linshi_case where (cast(? as varchar(40)) is null or township_code = ?) order by id desc")
                .params(townshipCode, townshipCode).query(RecordRows.of(LinshiCase.class)).list();
    }

    /** The day of the household's latest grant, if any. */
    public Optional<LocalDate> lastGrantOn(long householdId) {
        return jdbc.sql("""
                select decided_on from linshi_case where household_id = ? and status = 'GRANTED'
                order by decided_on desc""")
                .param(householdId).query(LocalDate.class).list().stream().findFirst();
    }

    /** Whether the household has a case still being handled. */
    public boolean hasOpenCase(long householdId) {
        return jdbc.sql("select count(*) from linshi_case where household_id = ? and status = 'REGISTERED'")
                .param(householdId).query(Long.class).single() > 0;
    }

    /** The household a registered person belongs to (read only: household_member is HouseholdRepository's). */
    public Optional<Long> householdOfMember(String idNumber) {
        return jdbc.sql("select household_id from household_member where id_number = ? order by id").param(idNumber)
                .query(Long.class).list().stream().findFirst();
    }

    public void paperworkCompleted(LinshiCase c, String note, String actor) {
        jdbc.sql("update linshi_case set paperwork_completed_at = ?, paperwork_note = ? where id = ?")
                .params(Timestamp.from(Instant.now()), note, c.id()).update();
        audit.record(ENTITY, c.id(), c.householdId(), null, "PAPERWORK_COMPLETED", actor, note, null, null);
    }

    public void reviewedByTownship(LinshiCase c, BigDecimal proposedAmount, String caseByCaseReason, ApprovalLevel level,
                                   boolean approved, String comment, String actor) {
        jdbc.sql("""
                update linshi_case set proposed_amount = ?, case_by_case_reason = ?, approval_level = ?,
                    township_reviewed_by = ?, township_comment = ? where id = ?""")
                .params(proposedAmount, caseByCaseReason, level == null ? null : level.name(), actor, comment, c.id())
                .update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("approved", approved);
        if (level != null) {
            after.put("amount", proposedAmount != null ? proposedAmount : c.standardAmount());
            after.put("approvalLevel", level.name());
        }
        audit.record(ENTITY, c.id(), c.householdId(), null, approved ? "TOWNSHIP_APPROVED" : "TOWNSHIP_REFUSED", actor,
                caseByCaseReason != null ? comment + "；一事一议：" + caseByCaseReason : comment, null, after);
    }

    public void approvedByDistrict(LinshiCase c, boolean approved, String comment, String actor) {
        jdbc.sql("update linshi_case set district_approved_by = ?, district_comment = ? where id = ?")
                .params(actor, comment, c.id()).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("approved", approved);
        if (c.repeatExceptionReason() != null) {
            after.put("repeatException", approved);
        }
        audit.record(ENTITY, c.id(), c.householdId(), null, approved ? "DISTRICT_APPROVED" : "DISTRICT_REFUSED", actor,
                comment, null, after);
    }

    public void approvedBySecond(LinshiCase c, boolean approved, String comment, String actor) {
        jdbc.sql("update linshi_case set second_approved_by = ?, second_comment = ? where id = ?")
                .params(actor, comment, c.id()).update();
        audit.record(ENTITY, c.id(), c.householdId(), null, approved ? "SECOND_APPROVED" : "SECOND_REFUSED", actor,
                comment, null, Map.of("approved", approved));
    }

    public void granted(LinshiCase c, BigDecimal granted, BigDecimal paid, long enrolmentId, LocalDate on, String actor) {
        int updated = jdbc.sql("""
                update linshi_case set status = 'GRANTED', granted_amount = ?, paid_amount = ?, enrolment_id = ?, decided_on = ?
                where id = ? and status = 'REGISTERED'""")
                .params(granted, paid, enrolmentId, on, c.id()).update();
        if (updated != 1) {
            throw new IllegalStateException("临时救助案件" + c.id() + "已经办结");
        }
        audit.record(ENTITY, c.id(), c.householdId(), null, "GRANTED", actor, null, null,
                Map.of("grantedAmount", granted, "paidAmount", paid, "enrolmentId", enrolmentId));
    }

    public void refused(LinshiCase c, LocalDate on, String actor) {
        jdbc.sql("update linshi_case set status = 'REFUSED', decided_on = ? where id = ? and status = 'REGISTERED'")
                .params(on, c.id()).update();
        audit.record(ENTITY, c.id(), c.householdId(), null, "REFUSED", actor, null, null, Map.of("status", "REFUSED"));
    }
}
