package cn.minzheng.bureau.audit;

import java.util.Map;

/**
 * One change to record with {@link AuditTrail#recordAll}: the same fields as {@link AuditTrail#record}. The actor
 * may be null (the logged-in user, else "system"); the states are maps, stored as JSON.
 */
public record AuditEntry(
        String entityType,
        long entityId,
        Long householdId,
        Long caseId,
        String action,
        String actor,
        String reason,
        Map<String, ?> before,
        Map<String, ?> after) {
}
