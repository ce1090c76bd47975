package cn.minzheng.bureau.youfu;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** A person on the register of 优抚对象 (table youfu_recipient): who, the category and its evidence, the amount. */
public record YoufuRecipient(long id, String caseNumber, long householdId, String townshipCode, String personIdNumber,
                             String personName, YoufuCategory category, String certificateNumber,
                             Integer disabilityGrade, DisabilityCause disabilityCause, LocalDate assessedDate,
                             String deceasedName, LocalDate deathDate, LocalDate enlistmentDate,
                             LocalDate dischargeDate, BigDecimal monthlyAmount, String startMonth, YoufuStatus status,
                             String closingReason, String processInstanceId, String calculationSnapshot,
                             LocalDateTime createdAt) {
}
