package cn.minzheng.bureau.ledger;

import java.math.BigDecimal;
import java.util.List;

/**
 * One line of the household search: the head, the area, the latest 低保 case, and the household's programs
 * ({@code programs}: one entry per program it has an enrolment in, with the statuses, e.g. 高龄津贴（享受中）).
 * ID number masked.
 */
public record HouseholdRow(long householdId, String headName, String headIdMasked, String townshipName,
                           String communityName, String address, int members, Long caseId, String caseNumber,
                           String caseStatus, String caseStatusLabel, BigDecimal monthlyAmount, List<String> programs) {

    public HouseholdRow {
        programs = List.copyOf(programs);
    }

    HouseholdRow withPrograms(List<String> programs) {
        return new HouseholdRow(householdId, headName, headIdMasked, townshipName, communityName, address, members,
                caseId, caseNumber, caseStatus, caseStatusLabel, monthlyAmount, programs);
    }

    /** The programs in one cell: 最低生活保障（享受中）；高龄津贴（享受中）. */
    public String programsText() {
        return String.join("；", programs);
    }
}
