package cn.minzheng.bureau.dibao.deadline;

import java.time.LocalDateTime;

/** One statutory time limit of one case (table dibao_time_limit). */
public record TimeLimit(long id, long caseId, String townshipCode, LimitKind kind, String processInstanceId,
                        int workingDays, LocalDateTime startedAt, LocalDateTime dueAt, LocalDateTime metAt,
                        LocalDateTime overrunAt, String extendedBy, LocalDateTime extendedAt, String extensionReason,
                        String supervisedBy, LocalDateTime supervisedAt, String supervisionComment) {
}
