package cn.minzheng.bureau.ledger;

import java.math.BigDecimal;

/** One line of the household search: the head, the area, the latest case. ID number masked. */
public record HouseholdRow(long householdId, String headName, String headIdMasked, String townshipName,
                           String communityName, String address, int members, Long caseId, String caseNumber,
                           String caseStatus, String caseStatusLabel, BigDecimal monthlyAmount) {
}
