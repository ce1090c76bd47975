package cn.minzheng.bureau.audit;

import java.time.LocalDateTime;

/** One entry of the audit trail. States are JSON; ID numbers and bank accounts in them are masked. */
public record AuditEvent(
        long id,
        LocalDateTime occurredAt,
        String actor,
        String entityType,
        long entityId,
        Long householdId,
        Long caseId,
        String action,
        String reason,
        String beforeState,
        String afterState) {
}
