package cn.minzheng.bureau.youfu;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramCase;

/**
 * The one writer of {@code youfu_recipient}. Every change is mirrored into the person's enrolment (program YOUFU)
 * in the same transaction, and recorded in the audit trail.
 */
@Repository
public class YoufuRepository {

    static final String ENTITY = "YOUFU_RECIPIENT";

    private static final String COLUMNS = """
            id, case_number, household_id, township_code, person_id_number, person_name, category, certificate_number,
            disability_grade, disability_cause, assessed_date, deceased_name, death_date, enlistment_date,
            discharge_date, monthly_amount, start_month, status, closing_reason, process_instance_id,
            calculation_snapshot, created_at""";

    private final JdbcClient jdbc;
    private final EnrolmentRepository enrolments;
    private final AuditTrail audit;

    public YoufuRepository(JdbcClient jdbc, EnrolmentRepository enrolments, AuditTrail audit) {
        this.jdbc = jdbc;
        this.enrolments = enrolments;
        this.audit = audit;
    }

    /** A registration as the township enters it. */
    public record NewRecipient(long householdId, String townshipCode, String personIdNumber, String personName,
                               YoufuRules.Evidence evidence) {
    }

    public YoufuRecipient insert(NewRecipient r, String processInstanceId, String actor) {
        Timestamp now = Timestamp.from(Instant.now());
        YoufuRules.Evidence e = r.evidence();
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into youfu_recipient (case_number, household_id, township_code, person_id_number,
                        open_person_id_number, person_name, category, certificate_number, disability_grade,
                        disability_cause, assessed_date, deceased_name, death_date, enlistment_date, discharge_date,
                        status, process_instance_id, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params("PENDING-" + UUID.randomUUID(), r.householdId(), r.townshipCode(), r.personIdNumber(),
                            r.personIdNumber(), r.personName(), e.category().name(), e.certificateNumber(),
                            e.disabilityGrade(), e.disabilityCause() == null ? null : e.disabilityCause().name(),
                            date(e.assessedDate()), e.deceasedName(), date(e.deathDate()), date(e.enlistmentDate()),
                            date(e.dischargeDate()), YoufuStatus.APPLIED.name(), processInstanceId, now, now)
                    .update(key, "id");
        } catch (DuplicateKeyException raceLost) {
            throw new RuleViolation("ALREADY_REGISTERED", r.personName() + "已在优抚对象名册中（认定办理中或享受中），不能重复登记", 409);
        }
        long id = key.getKey().longValue();
        String caseNumber = "YF" + Year.now() + String.format("%06d", id);
        jdbc.sql("update youfu_recipient set case_number = ? where id = ?").params(caseNumber, id).update();
        YoufuRecipient created = find(id).orElseThrow();
        mirror(created, actor, null);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("caseNumber", caseNumber);
        after.put("category", e.category().name());
        after.put("certificateNumber", e.certificateNumber());
        if (e.disabilityGrade() != null) {
            after.put("disabilityGrade", e.disabilityGrade());
            after.put("disabilityCause", e.disabilityCause().name());
        }
        audit.record(ENTITY, id, r.householdId(), null, "CREATED", actor, null, null, after);
        return created;
    }

    /**
     * A 优抚对象 taken over from the old ledger (roster import): on the register 享受中 from {@code startMonth} at the
     * amount of the standard, as 认定 leaves a registration; the enrolment's one status entry names the import.
     */
    public YoufuRecipient importActive(NewRecipient r, YoufuAllowance.Amount amount, String startMonth, String actor,
                                       String reason) {
        Timestamp now = Timestamp.from(Instant.now());
        YoufuRules.Evidence e = r.evidence();
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into youfu_recipient (case_number, household_id, township_code, person_id_number,
                    open_person_id_number, person_name, category, certificate_number, disability_grade,
                    disability_cause, assessed_date, deceased_name, death_date, enlistment_date, discharge_date,
                    monthly_amount, start_month, status, calculation_snapshot, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params("PENDING-" + UUID.randomUUID(), r.householdId(), r.townshipCode(), r.personIdNumber(),
                        r.personIdNumber(), r.personName(), e.category().name(), e.certificateNumber(),
                        e.disabilityGrade(), e.disabilityCause() == null ? null : e.disabilityCause().name(),
                        date(e.assessedDate()), e.deceasedName(), date(e.deathDate()), date(e.enlistmentDate()),
                        date(e.dischargeDate()), amount.monthly(), startMonth, YoufuStatus.ACTIVE.name(),
                        amount.snapshot(), now, now)
                .update(key, "id");
        long id = key.getKey().longValue();
        String caseNumber = "YF" + Year.now() + String.format("%06d", id);
        jdbc.sql("update youfu_recipient set case_number = ? where id = ?").params(caseNumber, id).update();
        YoufuRecipient created = find(id).orElseThrow();
        mirror(created, actor, reason + "，" + e.category().label() + "，自" + startMonth + "起按月发放");
        Map<String, Object> after = new LinkedHashMap<>(evidenceOf(created));
        after.put("caseNumber", caseNumber);
        after.put("startMonth", startMonth);
        audit.record(ENTITY, id, r.householdId(), null, "IMPORTED", actor, reason, null, after);
        return created;
    }

    public Optional<YoufuRecipient> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from youfu_recipient where id = ?").param(id)
                .query(RecordRows.of(YoufuRecipient.class)).optional();
    }

    /** The registration a recognition process made. */
    public Optional<YoufuRecipient> findByProcessInstance(String processInstanceId) {
        return jdbc.sql("select " + COLUMNS + " from youfu_recipient where process_instance_id = ?").param(processInstanceId)
                .query(RecordRows.of(YoufuRecipient.class)).optional();
    }

    /** The person's open registration (认定办理中 or 享受中), if any. */
    public Optional<YoufuRecipient> findOpen(String idNumber) {
        return jdbc.sql("select " + COLUMNS + " from youfu_recipient where open_person_id_number = ?").param(idNumber)
                .query(RecordRows.of(YoufuRecipient.class)).optional();
    }

    public List<YoufuRecipient> list(String townshipCode) {
        return jdbc.sql("select " + COLUMNS + " from youfu_recipient where (cast(? as varchar(40)) is null or township_code = ?) order by id")
                .params(townshipCode, townshipCode).query(RecordRows.of(YoufuRecipient.class)).list();
    }

    /** The recipients a payroll of {@code month} pays. */
    public List<YoufuRecipient> payable(String month) {
        return jdbc.sql("select " + COLUMNS + " from youfu_recipient where status = ? and start_month <= ? order by id")
                .params(YoufuStatus.ACTIVE.name(), month).query(RecordRows.of(YoufuRecipient.class)).list();
    }

    /** A step's decision (乡镇审核, 区级审批) in the audit trail. */
    public void recordDecision(long id, String step, String decision, String comment, String actor) {
        YoufuRecipient r = find(id).orElseThrow();
        audit.record(ENTITY, id, r.householdId(), null, step, actor, comment, null, Map.of("decision", decision));
    }

    /** 认定: on the register, paid from {@code startMonth} at the amount of that month's standard. */
    public YoufuRecipient activate(long id, String startMonth, BigDecimal amount, String snapshot, String actor) {
        jdbc.sql("""
                update youfu_recipient set status = ?, start_month = ?, monthly_amount = ?, calculation_snapshot = ?,
                    updated_at = ? where id = ?""")
                .params(YoufuStatus.ACTIVE.name(), startMonth, amount, snapshot, Timestamp.from(Instant.now()), id)
                .update();
        YoufuRecipient active = find(id).orElseThrow();
        mirror(active, actor, "自" + startMonth + "起按月发放");
        audit.record(ENTITY, id, active.householdId(), null, "ACTIVATED", actor, null, null,
                Map.of("startMonth", startMonth, "monthlyAmount", amount));
        return active;
    }

    /** A new year's standard (the payroll of a month in it): the amount and snapshot follow the table. */
    public void changeAmount(long id, BigDecimal amount, String snapshot, String month) {
        jdbc.sql("update youfu_recipient set monthly_amount = ?, calculation_snapshot = ?, updated_at = ? where id = ?")
                .params(amount, snapshot, Timestamp.from(Instant.now()), id).update();
        YoufuRecipient changed = find(id).orElseThrow();
        mirror(changed, null, null);
        audit.record(ENTITY, id, changed.householdId(), null, "STANDARD_CHANGED", null, null, null,
                Map.of("month", month, "monthlyAmount", amount));
    }

    /** 不予认定: the registration closes and no longer holds the person. */
    public YoufuRecipient close(long id, YoufuStatus status, String reason, String actor) {
        int changed = jdbc.sql("""
                update youfu_recipient set status = ?, closing_reason = ?, open_person_id_number = null, updated_at = ?
                where id = ?""")
                .params(status.name(), reason, Timestamp.from(Instant.now()), id).update();
        if (changed != 1) {
            throw RuleViolation.notFound("优抚对象登记" + id);
        }
        YoufuRecipient closed = find(id).orElseThrow();
        mirror(closed, actor, reason);
        audit.record(ENTITY, id, closed.householdId(), null, status.name(), actor, reason, null, Map.of("status", status.name()));
        return closed;
    }

    /**
     * 年审 not confirmed (youfu-annual-review): ACTIVE → SUSPENDED, paid no more; false when the recipient was not
     * active.
     */
    public boolean suspend(long id, String reason, String actor) {
        return changeStatus(id, YoufuStatus.ACTIVE, YoufuStatus.SUSPENDED, "SUSPENDED", reason, actor);
    }

    /** Confirmed again after a suspension: SUSPENDED → ACTIVE; false when the recipient was not suspended. */
    public boolean resume(long id, String reason, String actor) {
        return changeStatus(id, YoufuStatus.SUSPENDED, YoufuStatus.ACTIVE, "RESUMED", reason, actor);
    }

    private boolean changeStatus(long id, YoufuStatus from, YoufuStatus to, String event, String reason, String actor) {
        int changed = jdbc.sql("update youfu_recipient set status = ?, updated_at = ? where id = ? and status = ?")
                .params(to.name(), Timestamp.from(Instant.now()), id, from.name()).update();
        if (changed != 1) {
            return false;
        }
        YoufuRecipient r = find(id).orElseThrow();
        mirror(r, actor, reason);
        audit.record(ENTITY, id, r.householdId(), null, event, actor, reason, Map.of("status", from.name()),
                Map.of("status", to.name()));
        return true;
    }

    /**
     * A grade or category change (youfu-change): the register holds the new evidence, and the amount of the month
     * the change takes effect; the enrolment follows, the audit trail keeps before and after.
     */
    public YoufuRecipient changeEvidence(long id, YoufuRules.Evidence e, BigDecimal amount, String snapshot,
                                         String changeNumber, String actor) {
        YoufuRecipient before = find(id).orElseThrow();
        jdbc.sql("""
                update youfu_recipient set category = ?, certificate_number = ?, disability_grade = ?, disability_cause = ?,
                    assessed_date = ?, deceased_name = ?, death_date = ?, enlistment_date = ?, discharge_date = ?,
                    monthly_amount = ?, calculation_snapshot = ?, updated_at = ?
                where id = ?""")
                .params(e.category().name(), e.certificateNumber(), e.disabilityGrade(),
                        e.disabilityCause() == null ? null : e.disabilityCause().name(), date(e.assessedDate()),
                        e.deceasedName(), date(e.deathDate()), date(e.enlistmentDate()), date(e.dischargeDate()),
                        amount, snapshot, Timestamp.from(Instant.now()), id)
                .update();
        YoufuRecipient changed = find(id).orElseThrow();
        mirror(changed, actor, null);
        audit.record(ENTITY, id, changed.householdId(), null, "EVIDENCE_CHANGED", actor, changeNumber,
                evidenceOf(before), evidenceOf(changed));
        return changed;
    }

    /** Moved out of the district: the registration ends and the enrolment ends with {@code endMonth}. */
    public YoufuRecipient endMovedOut(long id, String endMonth, String reason, String actor) {
        YoufuRecipient ended = close(id, YoufuStatus.ENDED, reason, actor);
        enrolments.forProgramCase(Program.YOUFU, id).ifPresent(e -> enrolments.backdateEnd(e.id(), endMonth));
        return ended;
    }

    private static Map<String, Object> evidenceOf(YoufuRecipient r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("category", r.category().name());
        m.put("certificateNumber", r.certificateNumber());
        if (r.disabilityGrade() != null) {
            m.put("disabilityGrade", r.disabilityGrade());
            m.put("disabilityCause", r.disabilityCause().name());
        }
        if (r.monthlyAmount() != null) {
            m.put("monthlyAmount", r.monthlyAmount());
        }
        return m;
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }

    private void mirror(YoufuRecipient r, String actor, String reason) {
        EnrolmentStatus status = switch (r.status()) {
            case APPLIED -> EnrolmentStatus.APPLIED;
            case ACTIVE -> EnrolmentStatus.ACTIVE;
            case SUSPENDED -> EnrolmentStatus.SUSPENDED;
            case ENDED -> EnrolmentStatus.ENDED;
            case REFUSED -> EnrolmentStatus.REFUSED;
        };
        enrolments.mirror(new ProgramCase(Program.YOUFU, r.id(), r.householdId(), r.personIdNumber(), r.townshipCode(),
                status, r.monthlyAmount(), r.startMonth(), r.calculationSnapshot()), actor, reason);
    }
}
