package cn.minzheng.bureau.dibao;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.IncomeType;

/** The household of a case as the calculation sees it: declared incomes plus hidden income the survey found. */
@Service
public class HouseholdIncomeService {

    private final HouseholdRepository households;
    private final SurveyRepository surveys;

    public HouseholdIncomeService(HouseholdRepository households, SurveyRepository surveys) {
        this.households = households;
        this.surveys = surveys;
    }

    /**
     * What the calculation sees of a case's household, read once: the household as declared, the same
     * household with the hidden income of the latest survey added to the head, and the utilities spending
     * (as the survey verified it, else as declared).
     */
    public record Assessed(Household declared, Household assessed, BigDecimal utilitiesMonthly) {
    }

    public Assessed assess(long caseId) {
        return assess(caseId, surveys.latest(caseId));
    }

    /** As {@link #assess(long)}, with the case's latest survey in hand (just recorded in this transaction). */
    public Assessed assess(long caseId, Optional<Survey> survey) {
        Household declared = households.findForCase(caseId).orElseThrow();
        BigDecimal hidden = survey.map(Survey::hiddenIncomeMonthly).orElse(Money.ZERO);
        BigDecimal utilities = survey.map(Survey::utilitiesMonthlyVerified).orElse(declared.utilities().total());
        return new Assessed(declared, withHiddenIncome(declared, hidden), utilities);
    }

    /** The household with its declared incomes and the hidden income of the latest survey. */
    public Household assessedHousehold(long caseId) {
        return assess(caseId).assessed();
    }

    private static Household withHiddenIncome(Household household, BigDecimal hidden) {
        if (hidden.signum() == 0) {
            return household;
        }
        Household.Member head = household.head();
        List<Household.Income> headIncomes = new ArrayList<>(head.incomes());
        headIncomes.add(new Household.Income(IncomeType.HIDDEN, hidden));
        List<Household.Member> members = household.members().stream()
                .map(m -> m == head ? new Household.Member(m.id(), m.name(), m.idNumber(), m.relation(),
                        m.employmentStatus(), m.disabilityLevel(), List.copyOf(headIncomes)) : m)
                .toList();
        return new Household(household.id(), household.townshipCode(), household.communityCode(), household.address(),
                household.bankName(), household.bankAccount(), household.assetsDescription(), household.assetsValue(),
                household.utilities(), members);
    }
}
