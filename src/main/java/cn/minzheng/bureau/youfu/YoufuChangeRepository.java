package cn.minzheng.bureau.youfu;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.common.RuleViolation;

/** The one writer of {@code youfu_change}: the dated history of a registration's changes. */
@Repository
public class YoufuChangeRepository {

    private static final String COLUMNS = """
            id, change_number, recipient_id, kind, status, reason, old_category, old_certificate_number,
            old_disability_grade, old_disability_cause, old_assessed_date, new_category, new_certificate_number,
            new_disability_grade, new_disability_cause, new_assessed_date, new_deceased_name, new_death_date,
            new_enlistment_date, new_discharge_date, moved_on, destination, effective_month, old_amount, new_amount,
            outcome, process_instance_id, applied_by, decided_by, created_at""";

    private final JdbcClient jdbc;

    public YoufuChangeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Enters an application; a second open one of the same registration is refused by the database too. */
    public YoufuChange insert(YoufuRecipient current, YoufuChangeRules.Checked c, String processInstanceId, String actor) {
        Timestamp now = Timestamp.from(Instant.now());
        YoufuRules.Evidence e = c.evidence();
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into youfu_change (change_number, recipient_id, open_recipient_id, kind, status, reason,
                        old_category, old_certificate_number, old_disability_grade, old_disability_cause, old_assessed_date,
                        new_category, new_certificate_number, new_disability_grade, new_disability_cause, new_assessed_date,
                        new_deceased_name, new_death_date, new_enlistment_date, new_discharge_date, moved_on, destination,
                        old_amount, process_instance_id, applied_by, created_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params("PENDING-" + UUID.randomUUID(), current.id(), current.id(), c.kind().name(),
                            YoufuChangeStatus.APPLIED.name(), c.reason(), current.category().name(),
                            current.certificateNumber(), current.disabilityGrade(),
                            current.disabilityCause() == null ? null : current.disabilityCause().name(),
                            date(current.assessedDate()),
                            e == null ? null : e.category().name(), e == null ? null : e.certificateNumber(),
                            e == null ? null : e.disabilityGrade(),
                            e == null || e.disabilityCause() == null ? null : e.disabilityCause().name(),
                            e == null ? null : date(e.assessedDate()), e == null ? null : e.deceasedName(),
                            e == null ? null : date(e.deathDate()), e == null ? null : date(e.enlistmentDate()),
                            e == null ? null : date(e.dischargeDate()), date(c.movedOn()), c.destination(),
                            current.monthlyAmount(), processInstanceId, actor, now, now)
                    .update(key, "id");
        } catch (DuplicateKeyException raceLost) {
            throw new RuleViolation("CHANGE_OPEN", current.personName() + "已有正在办理的变更，不能重复申请", 409);
        }
        long id = key.getKey().longValue();
        jdbc.sql("update youfu_change set change_number = ? where id = ?")
                .params("YFBG" + Year.now() + String.format("%06d", id), id).update();
        return find(id).orElseThrow();
    }

    public Optional<YoufuChange> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from youfu_change where id = ?").param(id)
                .query(RecordRows.of(YoufuChange.class)).optional();
    }

    public Optional<YoufuChange> findByProcessInstance(String processInstanceId) {
        return jdbc.sql("select " + COLUMNS + " from youfu_change where process_instance_id = ?").param(processInstanceId)
                .query(RecordRows.of(YoufuChange.class)).optional();
    }

    /** The open application of the registration, if any. */
    public Optional<YoufuChange> findOpen(long recipientId) {
        return jdbc.sql("select " + COLUMNS + " from youfu_change where open_recipient_id = ?").param(recipientId)
                .query(RecordRows.of(YoufuChange.class)).optional();
    }

    /** The registration's changes, oldest first: its dated history. */
    public List<YoufuChange> ofRecipient(long recipientId) {
        return jdbc.sql("select " + COLUMNS + " from youfu_change where recipient_id = ? order by id").param(recipientId)
                .query(RecordRows.of(YoufuChange.class)).list();
    }

    /**
     * The first approved change of the evidence that takes effect after {@code month}: its old values are what the
     * register held in that month.
     */
    public Optional<YoufuChange> firstEffectiveAfter(long recipientId, String month) {
        return jdbc.sql("select " + COLUMNS + " " + """
                from youfu_change where recipient_id = ? and status = 'APPROVED' and kind <> 'MOVE_OUT'
                    and effective_month > ? order by effective_month, id""")
                .params(recipientId, month).query(RecordRows.of(YoufuChange.class)).list().stream().findFirst();
    }

    /** The decision: approved (from {@code effectiveMonth}, the new amount) or refused; the registration is free. */
    public YoufuChange decide(long id, YoufuChangeStatus status, String effectiveMonth, BigDecimal newAmount,
                              String outcome, String actor) {
        int changed = jdbc.sql("""
                update youfu_change set status = ?, open_recipient_id = null, effective_month = ?, new_amount = ?,
                    outcome = ?, decided_by = ?, updated_at = ? where id = ? and status = 'APPLIED'""")
                .params(status.name(), effectiveMonth, newAmount, outcome, actor, Timestamp.from(Instant.now()), id)
                .update();
        if (changed != 1) {
            throw new RuleViolation("CHANGE_STATUS", "优抚对象变更申请" + id + "已办结，不能再次决定", 409);
        }
        return find(id).orElseThrow();
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
