package cn.minzheng.bureau.household;

import java.util.List;

/**
 * A household as a clerk or a REST client submits it: raw values, checked by {@link HouseholdValidator}.
 * Amounts are monthly yuan.
 */
public record HouseholdForm(
        String townshipCode,
        String communityCode,
        String address,
        String bankName,
        String bankAccount,
        String assetsDescription,
        Object assetsValue,
        Object waterMonthly,
        Object electricityMonthly,
        Object gasMonthly,
        Object heatingMonthly,
        List<MemberForm> members) {

    public record MemberForm(
            String name,
            String idNumber,
            String relation,
            String employmentStatus,
            String disabilityLevel,
            List<IncomeForm> incomes) {
    }

    public record IncomeForm(String type, Object monthlyAmount) {
    }
}
