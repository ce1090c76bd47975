package cn.minzheng.bureau.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.common.RecordRows;

/**
 * Writes and reads the audit trail. Called by the repositories in the same transaction as the change
 * they record, so a change and its audit entry are stored together or not at all.
 */
@Repository
public class AuditTrail {

    private final JdbcClient jdbc;
    private final ObjectMapper json;
    private final IdentityService identityService;

    public AuditTrail(JdbcClient jdbc, ObjectMapper json, IdentityService identityService) {
        this.jdbc = jdbc;
        this.json = json;
        this.identityService = identityService;
    }

    /** Records a change; the actor defaults to the logged-in user, else "system" (timers, jobs). */
    public void record(String entityType, long entityId, Long householdId, Long caseId, String action, String actor,
                       String reason, Map<String, ?> before, Map<String, ?> after) {
        jdbc.sql("""
                insert into audit_event (occurred_at, actor, entity_type, entity_id, household_id, case_id, action,
                    reason, before_state, after_state)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(Instant.now()), actor != null ? actor : currentUser(), entityType, entityId,
                        householdId, caseId, action, truncate(reason, 1000), toJson(before), toJson(after))
                .update();
    }

    /** Records a change of a 低保 case; the household is the case's, looked up by the insert itself. */
    public void recordForCase(long caseId, String action, String actor, String reason, Map<String, ?> before,
                              Map<String, ?> after) {
        jdbc.sql("""
                insert into audit_event (occurred_at, actor, entity_type, entity_id, household_id, case_id, action,
                    reason, before_state, after_state)
                values (?, ?, 'DIBAO_CASE', ?, (select household_id from dibao_case where id = ?), ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(Instant.now()), actor != null ? actor : currentUser(), caseId, caseId, caseId,
                        action, truncate(reason, 1000), toJson(before), toJson(after))
                .update();
    }

    /**
     * Records a status change of a 低保 case, before the case row is updated: the entry takes the household and
     * the status before the change from the row itself (one statement, no read first). Status names are
     * enum constants, so the before state is built as JSON in SQL.
     */
    public void recordStatusChange(long caseId, String newStatus, String actor, String reason) {
        jdbc.sql("""
                insert into audit_event (occurred_at, actor, entity_type, entity_id, household_id, case_id, action,
                    reason, before_state, after_state)
                select ?, ?, 'DIBAO_CASE', id, household_id, id, 'STATUS_CHANGED', ?,
                    '{"status":"' || status || '"}', ?
                from dibao_case where id = ?""")
                .params(Timestamp.from(Instant.now()), actor != null ? actor : currentUser(), truncate(reason, 1000),
                        toJson(Map.of("status", newStatus)), caseId)
                .update();
    }

    public List<AuditEvent> forCase(long caseId) {
        return jdbc.sql("select * from audit_event where case_id = ? order by id").param(caseId)
                .query(RecordRows.of(AuditEvent.class)).list();
    }

    public List<AuditEvent> forHousehold(long householdId) {
        return jdbc.sql("select * from audit_event where household_id = ? order by id").param(householdId)
                .query(RecordRows.of(AuditEvent.class)).list();
    }

    private String currentUser() {
        Authentication authentication = identityService.getCurrentAuthentication();
        return authentication != null && authentication.getUserId() != null ? authentication.getUserId() : "system";
    }

    private String toJson(Map<String, ?> state) {
        if (state == null) {
            return null;
        }
        try {
            return truncate(json.writeValueAsString(state), 4000);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("audit state not serializable", e);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    // reliefimport: a minimal batch form for imports, until infrab's recordAll lands (then this one goes)

    /** One change of a batch, recorded with {@link #recordAll}. */
    public record Entry(String entityType, long entityId, Long householdId, Long caseId, String action, String reason,
                        Map<String, ?> after) {
    }

    private org.springframework.jdbc.core.JdbcTemplate batch;

    @org.springframework.beans.factory.annotation.Autowired
    void batchTemplate(org.springframework.jdbc.core.JdbcTemplate template) {
        this.batch = template;
    }

    /** Records many changes by one actor in one batched statement (an import's thousands of cases). */
    public void recordAll(List<Entry> entries, String actor) {
        Timestamp now = Timestamp.from(Instant.now());
        String who = actor != null ? actor : currentUser();
        batch.batchUpdate("""
                insert into audit_event (occurred_at, actor, entity_type, entity_id, household_id, case_id, action,
                    reason, before_state, after_state)
                values (?, ?, ?, ?, ?, ?, ?, ?, null, ?)""", entries.stream().map(e -> new Object[] {now, who,
                e.entityType(), e.entityId(), e.householdId(), e.caseId(), e.action(), truncate(e.reason(), 1000),
                toJson(e.after())}).toList());
    }
}
