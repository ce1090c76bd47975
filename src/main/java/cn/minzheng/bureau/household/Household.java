package cn.minzheng.bureau.household;

import java.math.BigDecimal;
import java.util.List;

/** A household (家庭) as recorded: validated, with its members and their income items. */
public record Household(
        Long id,
        String townshipCode,
        String communityCode,
        String address,
        String bankName,
        String bankAccount,
        String assetsDescription,
        BigDecimal assetsValue,
        UtilitySpending utilities,
        List<Member> members) {

    public record UtilitySpending(BigDecimal water, BigDecimal electricity, BigDecimal gas, BigDecimal heating) {

        public BigDecimal total() {
            return water.add(electricity).add(gas).add(heating);
        }
    }

    public record Member(
            Long id,
            String name,
            ResidentIdNumber idNumber,
            Relation relation,
            EmploymentStatus employmentStatus,
            DisabilityLevel disabilityLevel,
            List<Income> incomes) {
    }

    public record Income(IncomeType type, BigDecimal monthlyAmount) {
    }

    public int size() {
        return members.size();
    }

    public Member head() {
        return members.stream().filter(m -> m.relation() == Relation.HEAD).findFirst().orElse(members.get(0));
    }
}
