package cn.minzheng.bureau.resettlement;

import java.math.BigDecimal;
import java.time.LocalDate;

import cn.minzheng.bureau.youfu.DisabilityCause;

/** A discharged soldier's arrival registration and its placement (table veteran_resettlement). */
public record Resettlement(long id, String caseNumber, long householdId, String townshipCode, String personIdNumber,
                           String personName, LocalDate dischargeDate, LocalDate arrivalDate, boolean lateArrival,
                           String lateReason, ServiceBranch serviceBranch, int serviceYears, RankKind rankKind,
                           NcoGrade ncoGrade, Integer disabilityGrade, DisabilityCause disabilityCause, Merit merit,
                           boolean wartimeMerit, boolean martyrChild, PlacementRoute route, String routeReason,
                           BigDecimal grantAmount, String grantSnapshot, ResettlementStatus status, String reviewComment,
                           String reviewedBy, String receivingUnit, String unitAssignedBy, LocalDate reportedInOn,
                           String closingNote, Long enrolmentId, String processInstanceId, String registeredBy) {
}
