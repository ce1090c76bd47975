package cn.minzheng.bureau.audit;

import java.sql.Timestamp;
import java.sql.Types;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.common.BatchInserts;
import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.engine.EngineAuthentication;
import cn.minzheng.bureau.engine.EngineClock;

/**
 * Writes and reads the audit trail. Called by the repositories in the same transaction as the change
 * they record, so a change and its audit entry are stored together or not at all.
 */
@Repository
public class AuditTrail {

    private static final String INSERT = """
            insert into audit_event (occurred_at, actor, entity_type, entity_id, household_id, case_id, action,
                reason, before_state, after_state)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";
    /** The SQL types of {@link #INSERT}'s parameters, so that a null is bound the same on every database. */
    private static final int[] COLUMN_TYPES = {Types.TIMESTAMP, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.BIGINT,
            Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR};

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ObjectMapper json;
    private final IdentityService identityService;

    public AuditTrail(JdbcClient jdbc, JdbcTemplate template, ObjectMapper json, IdentityService identityService) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
        this.identityService = identityService;
    }

    /** Records a change; the actor defaults to the logged-in user, else "system" (timers, jobs). */
    public void record(String entityType, long entityId, Long householdId, Long caseId, String action, String actor,
                       String reason, Map<String, ?> before, Map<String, ?> after) {
        jdbc.sql(INSERT)
                .params(Timestamp.from(EngineClock.instant()), actor != null ? actor : currentUser(), entityType, entityId,
                        householdId, caseId, action, truncate(reason, 1000), toJson(before), toJson(after))
                .update();
    }

    /**
     * Records many changes in one JDBC batch (an import's thousands of rows), all at the same moment; each entry
     * is stored as {@link #record} would store it. The caller's transaction holds them with the changes they record.
     */
    public void recordAll(List<AuditEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(EngineClock.instant());
        String user = currentUser();
        List<Object[]> rows = entries.stream().map(e -> new Object[] {now, e.actor() != null ? e.actor() : user,
                e.entityType(), e.entityId(), e.householdId(), e.caseId(), e.action(), truncate(e.reason(), 1000),
                toJson(e.before()), toJson(e.after())}).toList();
        BatchInserts.insert(template, INSERT, rows, COLUMN_TYPES);
    }

    /** Records a change of a 低保 case; the household is the case's, looked up by the insert itself. */
    public void recordForCase(long caseId, String action, String actor, String reason, Map<String, ?> before,
                              Map<String, ?> after) {
        jdbc.sql("""
                insert into audit_event (occurred_at, actor, entity_type, entity_id, household_id, case_id, action,
                    reason, before_state, after_state)
                values (?, ?, 'DIBAO_CASE', ?, (select household_id from dibao_case where id = ?), ?, ?, ?, ?, ?)""")
                .params(Timestamp.from(EngineClock.instant()), actor != null ? actor : currentUser(), caseId, caseId, caseId,
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
                .params(Timestamp.from(EngineClock.instant()), actor != null ? actor : currentUser(), truncate(reason, 1000),
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
        String userId = EngineAuthentication.userId(identityService);
        return userId != null ? userId : "system";
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
}
