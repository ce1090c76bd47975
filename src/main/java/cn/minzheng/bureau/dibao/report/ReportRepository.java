package cn.minzheng.bureau.dibao.report;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
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
import cn.minzheng.bureau.common.RuleViolation;

/** dibao_report; the audit trail records every step but never the reporter's identity. */
@Repository
public class ReportRepository {

    private static final String COLUMNS = """
            id, case_id, township_code, channel, anonymous, reporter_name, reporter_contact, fact_kind, allegation, status,
            investigator, findings, fact_from_month, proposed_amount, outcome, outcome_reason, recovery_id,
            process_instance_id, registered_by, decided_by, created_at, decided_at""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    public ReportRepository(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public long insert(long caseId, long householdId, String townshipCode, String channel, boolean anonymous,
                       String reporterName, String reporterContact, String factKind, String allegation, String actor) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into dibao_report (case_id, township_code, channel, anonymous, reporter_name, reporter_contact,
                    fact_kind, allegation, status, registered_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(caseId, townshipCode, channel, anonymous, reporterName, reporterContact, factKind, allegation,
                        ReportStatus.REGISTERED.name(), actor, now())
                .update(key, "id");
        long id = key.getKey().longValue();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("channel", channel);
        after.put("anonymous", anonymous);
        after.put("factKind", factKind);
        audit.record("REPORT", id, householdId, caseId, "REPORT_REGISTERED", actor, null, null, after);
        return id;
    }

    public Optional<Report> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from dibao_report where id = ?").param(id).query(RecordRows.of(Report.class)).optional();
    }

    public Report get(long id) {
        return find(id).orElseThrow(() -> RuleViolation.notFound("举报" + id));
    }

    public void attachProcess(long id, String processInstanceId) {
        jdbc.sql("update dibao_report set process_instance_id = ? where id = ?").params(processInstanceId, id).update();
    }

    public void assign(Report report, long householdId, String investigator, String actor) {
        jdbc.sql("update dibao_report set investigator = ?, status = ? where id = ?")
                .params(investigator, ReportStatus.INVESTIGATING.name(), report.id()).update();
        audit.record("REPORT", report.id(), householdId, report.caseId(), "INVESTIGATOR_ASSIGNED", actor, null,
                null, Map.of("investigator", investigator));
    }

    public void recordFindings(Report report, long householdId, boolean founded, String factFromMonth, String findings,
                               String actor) {
        jdbc.sql("update dibao_report set findings = ?, fact_from_month = ?, status = ? where id = ?")
                .params(findings, factFromMonth, ReportStatus.DECIDING.name(), report.id()).update();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("founded", founded);
        after.put("factFromMonth", factFromMonth);
        audit.record("REPORT", report.id(), householdId, report.caseId(), "INVESTIGATED", actor, findings, null, after);
    }

    public void saveProposal(long id, BigDecimal amount) {
        jdbc.sql("update dibao_report set proposed_amount = ? where id = ?").params(amount, id).update();
    }

    public void decide(Report report, long householdId, String outcome, String reason, String actor) {
        jdbc.sql("""
                update dibao_report set outcome = ?, outcome_reason = ?, decided_by = ?, decided_at = ?
                where id = ?""")
                .params(outcome, reason, actor, now(), report.id()).update();
        audit.record("REPORT", report.id(), householdId, report.caseId(), "REPORT_DECIDED", actor, reason,
                Map.of("status", report.status()), Map.of("outcome", outcome));
    }

    /** Closes the report as UNFOUNDED or FOUNDED (with the recovery a founded report started). */
    public void close(long id, ReportStatus status, Long recoveryId) {
        jdbc.sql("update dibao_report set status = ?, recovery_id = ? where id = ?").params(status.name(), recoveryId, id).update();
    }

    /** A township's clerks and reviewers, as (user id, name, post): who may investigate its reports. */
    public List<Staff> clerksAndReviewers(String clerkGroup, String reviewerGroup) {
        return jdbc.sql("""
                        select distinct u.id_ as user_id, u.first_ as name, u.last_ as post from act_id_user u
                        join act_id_membership m on m.user_id_ = u.id_ where m.group_id_ in (?, ?) order by u.id_""")
                .params(clerkGroup, reviewerGroup)
                .query((rs, row) -> new Staff(rs.getString("user_id"), rs.getString("name"), rs.getString("post")))
                .list();
    }

    public boolean isMemberOfEither(String userId, String clerkGroup, String reviewerGroup) {
        return jdbc.sql("select count(*) from act_id_membership where user_id_ = ? and group_id_ in (?, ?)")
                .params(userId, clerkGroup, reviewerGroup).query(Long.class).single() > 0;
    }

    /** A staff member: user id, name (the engine's first name) and post (its last name). */
    public record Staff(String userId, String name, String post) {
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
