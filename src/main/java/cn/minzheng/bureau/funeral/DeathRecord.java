package cn.minzheng.bureau.funeral;

import java.sql.Timestamp;
import java.time.LocalDate;

/** A death as recorded (table death_record); {@code effects} is what every program did on hearing it. */
public record DeathRecord(long id, String recordNumber, String idNumber, String personName, long householdId,
                          String townshipCode, LocalDate birthDate, LocalDate deathDate, String deathPlace,
                          DeathSource source, String sourceReference, boolean cremated, BurialKind burialKind,
                          DeathStatus status, String reviewComment, String reviewedBy, String effects,
                          String processInstanceId, String registeredBy, Timestamp registeredAt, Timestamp decidedAt) {
}
