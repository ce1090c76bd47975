package cn.minzheng.bureau.resettlement;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
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
import cn.minzheng.bureau.engine.EngineClock;

/**
 * The one writer of {@code veteran_resettlement}. The table keeps one registration per person while it is not
 * refused ({@code registered_for}, cleared on refusal) and one grant enrolment per registration; every change is
 * recorded in the audit trail (entity {@link ResettlementLimit#SUBJECT}).
 */
@Repository
public class ResettlementRepository {

    private static final String COLUMNS = """
            id, case_number, household_id, township_code, person_id_number, person_name, discharge_date, arrival_date,
            late_arrival, late_reason, service_branch, service_years, rank_kind, nco_grade, disability_grade,
            disability_cause, merit, wartime_merit, martyr_child, route, route_reason, grant_amount, grant_snapshot,
            status, review_comment, reviewed_by, receiving_unit, unit_assigned_by, reported_in_on, closing_note,
            enrolment_id, process_instance_id, registered_by""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    public ResettlementRepository(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** A registration as checked: the person, the service record and the route. */
    public record NewResettlement(long householdId, String townshipCode, String personIdNumber, String personName,
                                  ResettlementRules.ServiceRecord service, PlacementRoute route, String routeReason) {
    }

    public Resettlement insert(NewResettlement r, String processInstanceId, String actor) {
        Timestamp now = Timestamp.from(EngineClock.instant());
        ResettlementRules.ServiceRecord s = r.service();
        KeyHolder key = new GeneratedKeyHolder();
        try {
            jdbc.sql("""
                    insert into veteran_resettlement (case_number, household_id, township_code, person_id_number,
                        registered_for, person_name, discharge_date, arrival_date, late_arrival, late_reason,
                        service_branch, service_years, rank_kind, nco_grade, disability_grade, disability_cause, merit,
                        wartime_merit, martyr_child, route, route_reason, status, process_instance_id, registered_by,
                        registered_at, updated_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params("PENDING-" + UUID.randomUUID(), r.householdId(), r.townshipCode(), r.personIdNumber(),
                            r.personIdNumber(), r.personName(), Date.valueOf(s.dischargeDate()),
                            Date.valueOf(EngineClock.today()), s.lateArrival(), s.lateReason(), s.serviceBranch().name(),
                            s.serviceYears(), s.rankKind().name(), s.ncoGrade() == null ? null : s.ncoGrade().name(),
                            s.disabilityGrade(), s.disabilityCause() == null ? null : s.disabilityCause().name(),
                            s.merit().name(), s.wartimeMerit(), s.martyrChild(), r.route().name(), r.routeReason(),
                            ResettlementStatus.REGISTERED.name(), processInstanceId, actor, now, now)
                    .update(key, "id");
        } catch (DuplicateKeyException raceLost) {
            throw new RuleViolation("ALREADY_REGISTERED", r.personName() + "已办理退役士兵报到登记，不能重复登记", 409);
        }
        long id = key.getKey().longValue();
        String caseNumber = "TY" + EngineClock.today().getYear() + String.format("%06d", id);
        jdbc.sql("update veteran_resettlement set case_number = ? where id = ?").params(caseNumber, id).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("caseNumber", caseNumber);
        after.put("dischargeDate", s.dischargeDate().toString());
        after.put("rankKind", s.rankKind().name());
        after.put("serviceYears", s.serviceYears());
        after.put("lateArrival", s.lateArrival());
        after.put("route", r.route().name());
        audit.record(ResettlementLimit.SUBJECT, id, r.householdId(), null, "CREATED", actor,
                s.lateArrival() ? "逾期报到：" + s.lateReason() : null, null, after);
        return find(id).orElseThrow();
    }

    public Optional<Resettlement> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from veteran_resettlement where id = ?").param(id)
                .query(RecordRows.of(Resettlement.class)).optional();
    }

    public Optional<Resettlement> findByProcessInstance(String processInstanceId) {
        return jdbc.sql("select " + COLUMNS + " from veteran_resettlement where process_instance_id = ?")
                .param(processInstanceId).query(RecordRows.of(Resettlement.class)).optional();
    }

    /** The person's registration that is not refused, if any. */
    public Optional<Resettlement> findActive(String idNumber) {
        return jdbc.sql("select " + COLUMNS + " from veteran_resettlement where registered_for = ?").param(idNumber)
                .query(RecordRows.of(Resettlement.class)).optional();
    }

    public List<Resettlement> list(String townshipCode) {
        return jdbc.sql("select " + COLUMNS + " from veteran_resettlement where (cast(? as varchar(40)) is null or township_code = ?) order by id")
                .params(townshipCode, townshipCode).query(RecordRows.of(Resettlement.class)).list();
    }

    /** 退回: the person is free to be registered again (corrected). */
    public void refuse(long id, String reviewer, String comment) {
        change(id, ResettlementStatus.REFUSED, "REFUSED", reviewer, comment, """
                update veteran_resettlement set status = 'REFUSED', registered_for = null, reviewed_by = ?,
                    review_comment = ?, updated_at = ? where id = ? and status = 'REGISTERED'""",
                reviewer, comment);
    }

    /** 同意 the route: who and why, the status stays until the route's step. */
    public void approve(long id, String reviewer, String comment) {
        jdbc.sql("update veteran_resettlement set reviewed_by = ?, review_comment = ?, updated_at = ? where id = ?")
                .params(reviewer, comment, now(), id).update();
        audit.record(ResettlementLimit.SUBJECT, id, null, null, "ROUTE_APPROVED", reviewer, comment, null, null);
    }

    /** 自主就业: the grant and its enrolment, once. */
    public void listGrant(long id, BigDecimal amount, String snapshot, long enrolmentId, String actor) {
        int updated = jdbc.sql("""
                update veteran_resettlement set status = 'GRANT_LISTED', grant_amount = ?, grant_snapshot = ?,
                    enrolment_id = ?, updated_at = ? where id = ? and status = 'REGISTERED'""")
                .params(amount, snapshot, enrolmentId, now(), id).update();
        requireOne(updated, id);
        audit.record(ResettlementLimit.SUBJECT, id, null, null, "GRANT_LISTED", actor, null, null,
                Map.of("grantAmount", amount.toPlainString(), "enrolmentId", enrolmentId));
    }

    public void assignUnit(long id, String unit, String note, String actor) {
        int updated = jdbc.sql("""
                update veteran_resettlement set status = 'UNIT_ASSIGNED', receiving_unit = ?, unit_assigned_by = ?,
                    closing_note = ?, updated_at = ? where id = ? and status = 'REGISTERED'""")
                .params(unit, actor, note, now(), id).update();
        requireOne(updated, id);
        audit.record(ResettlementLimit.SUBJECT, id, null, null, "UNIT_ASSIGNED", actor, note, null,
                Map.of("receivingUnit", unit));
    }

    public void reportedIn(long id, LocalDate on, String note, String actor) {
        int updated = jdbc.sql("""
                update veteran_resettlement set status = 'REPORTED_IN', reported_in_on = ?, closing_note = ?,
                    updated_at = ? where id = ? and status = 'UNIT_ASSIGNED'""")
                .params(Date.valueOf(on), note, now(), id).update();
        requireOne(updated, id);
        audit.record(ResettlementLimit.SUBJECT, id, null, null, "REPORTED_IN", actor, note, null,
                Map.of("reportedInOn", on.toString()));
    }

    public void handOver(long id, String note, String actor) {
        change(id, ResettlementStatus.HANDED_OVER, "HANDED_OVER", actor, note, """
                update veteran_resettlement set status = 'HANDED_OVER', closing_note = ?, updated_at = ?
                where id = ? and status = 'REGISTERED'""", null, note);
    }

    private void change(long id, ResettlementStatus status, String action, String actor, String reason, String sql,
                        String reviewer, String note) {
        int updated = reviewer != null
                ? jdbc.sql(sql).params(reviewer, note, now(), id).update()
                : jdbc.sql(sql).params(note, now(), id).update();
        requireOne(updated, id);
        audit.record(ResettlementLimit.SUBJECT, id, null, null, action, actor, reason, null,
                Map.of("status", status.name()));
    }

    private static void requireOne(int updated, long id) {
        if (updated != 1) {
            throw new RuleViolation("ALREADY_DECIDED", "退役士兵报到登记" + id + "已办理，不能重复办理", 409);
        }
    }

    private static Timestamp now() {
        return Timestamp.from(EngineClock.instant());
    }
}
