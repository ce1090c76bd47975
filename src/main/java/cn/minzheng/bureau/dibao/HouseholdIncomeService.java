package cn.minzheng.bureau.dibao;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.IncomeType;

/** The household of a case as the calculation sees it: declared incomes plus hidden income the survey found. */
@Service
public class HouseholdIncomeService {

    private final DibaoCaseRepository cases;
    private final HouseholdRepository households;
    private final SurveyRepository surveys;

    public HouseholdIncomeService(DibaoCaseRepository cases, HouseholdRepository households, SurveyRepository surveys) {
        this.cases = cases;
        this.households = households;
        this.surveys = surveys;
    }

    /** The household with the incomes it declared. */
    public Household declaredHousehold(long caseId) {
        DibaoCase dibaoCase = cases.find(caseId).orElseThrow();
        return households.find(dibaoCase.householdId()).orElseThrow();
    }

    /** The household with its declared incomes and the hidden income of the latest survey. */
    public Household assessedHousehold(long caseId) {
        Household household = declaredHousehold(caseId);
        BigDecimal hidden = surveys.latest(caseId).map(Survey::hiddenIncomeMonthly).orElse(Money.ZERO);
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

    public BigDecimal verifiedUtilities(long caseId, Household household) {
        return surveys.latest(caseId).map(Survey::utilitiesMonthlyVerified).orElse(household.utilities().total());
    }
}
