package cn.minzheng.bureau.youfu;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * One change of a registration (table youfu_change): what the register held before (old*), what it holds from
 * {@code effectiveMonth} (new*), or the move out of the district; with who applied and decided.
 */
public record YoufuChange(long id, String changeNumber, long recipientId, YoufuChangeKind kind,
                          YoufuChangeStatus status, String reason, YoufuCategory oldCategory,
                          String oldCertificateNumber, Integer oldDisabilityGrade, DisabilityCause oldDisabilityCause,
                          LocalDate oldAssessedDate, YoufuCategory newCategory, String newCertificateNumber,
                          Integer newDisabilityGrade, DisabilityCause newDisabilityCause, LocalDate newAssessedDate,
                          String newDeceasedName, LocalDate newDeathDate, LocalDate newEnlistmentDate,
                          LocalDate newDischargeDate, LocalDate movedOn, String destination, String effectiveMonth,
                          BigDecimal oldAmount, BigDecimal newAmount, String outcome, String processInstanceId,
                          String appliedBy, String decidedBy, LocalDateTime createdAt) {
}
