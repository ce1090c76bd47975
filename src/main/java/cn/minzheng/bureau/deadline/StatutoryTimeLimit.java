package cn.minzheng.bureau.deadline;

import java.time.LocalDateTime;

/**
 * One statutory time limit of one subject (table statutory_time_limit): the subject is the thing the limit is about,
 * by its audit entity type and id (SOCIAL_ORGANISATION 12), with the name the supervision shows.
 */
public record StatutoryTimeLimit(long id, String subjectType, long subjectId, String subjectName, String limitKind,
                                 String processInstanceId, int workingDays, LocalDateTime startedAt, LocalDateTime dueAt,
                                 LocalDateTime metAt, LocalDateTime overrunAt, String supervisorGroup, String supervisedBy,
                                 LocalDateTime supervisedAt, String supervisionComment, String extendedBy,
                                 LocalDateTime extendedAt, String extensionReason) {
}
