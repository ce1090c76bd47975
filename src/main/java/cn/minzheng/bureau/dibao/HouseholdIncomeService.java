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
import cn.minzheng.bureau.region.AreaType;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * The household of a case as the calculation sees it: declared incomes, plus hidden income the survey found and
 * what the supporters outside the household must contribute (on the head), less the employment-cost deduction of
 * each member in work (docs/dibao-rules.md).
 */
@Service
public class HouseholdIncomeService {

    private final HouseholdRepository households;
    private final SurveyRepository surveys;
    private final SupporterRepository supporters;
    private final RegionRepository regions;
    private final IncomeRules rules;

    public HouseholdIncomeService(HouseholdRepository households, SurveyRepository surveys,
                                  SupporterRepository supporters, RegionRepository regions, IncomeRules rules) {
        this.households = households;
        this.surveys = surveys;
        this.supporters = supporters;
        this.regions = regions;
        this.rules = rules;
    }

    /**
     * What the calculation sees of a case's household, read once: the household as declared, the same
     * household as assessed (hidden income of the latest survey and the supporters' contributions added to the
     * head, employment costs deducted), the supporters with their shares, and the utilities spending (as the
     * survey verified it, else as declared).
     */
    public record Assessed(Household declared, Household assessed, BigDecimal utilitiesMonthly,
                           List<IncomeRules.SupporterShare> supporters) {
    }

    public Assessed assess(long caseId) {
        return assess(caseId, surveys.latest(caseId));
    }

    /** As {@link #assess(long)}, with the case's latest survey in hand (just recorded in this transaction). */
    public Assessed assess(long caseId, Optional<Survey> survey) {
        Household declared = households.findForCase(caseId).orElseThrow();
        BigDecimal hidden = survey.map(Survey::hiddenIncomeMonthly).orElse(Money.ZERO);
        BigDecimal utilities = survey.map(Survey::utilitiesMonthlyVerified).orElse(declared.utilities().total());
        AreaType area = regions.findCurrent(declared.townshipCode()).orElseThrow().kind().areaType();
        List<IncomeRules.SupporterShare> shares = supporters.forCase(caseId).stream()
                .map(s -> rules.supporterShare(area, s)).toList();
        return new Assessed(declared, assessed(declared, hidden, shares, area), utilities, shares);
    }

    /** The household with its declared incomes and the hidden income of the latest survey. */
    public Household assessedHousehold(long caseId) {
        return assess(caseId).assessed();
    }

    private Household assessed(Household household, BigDecimal hidden, List<IncomeRules.SupporterShare> shares,
                               AreaType area) {
        Household.Member head = household.head();
        List<Household.Member> members = new ArrayList<>();
        boolean changed = false;
        for (Household.Member m : household.members()) {
            List<Household.Income> incomes = new ArrayList<>(m.incomes());
            if (m == head) {
                if (hidden.signum() != 0) {
                    incomes.add(new Household.Income(IncomeType.HIDDEN, hidden));
                }
                shares.stream().filter(s -> s.contribution().signum() > 0).forEach(s -> incomes.add(
                        new Household.Income(IncomeType.SUPPORTER_CONTRIBUTION, s.contribution())));
            }
            BigDecimal wage = m.incomes().stream().filter(i -> i.type() == IncomeType.WAGE)
                    .map(Household.Income::monthlyAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal deduction = rules.employmentDeduction(area, m.employmentStatus(), wage);
            if (deduction.signum() > 0) {
                incomes.add(new Household.Income(IncomeType.EMPLOYMENT_COST_DEDUCTION, deduction.negate()));
            }
            if (incomes.size() == m.incomes().size()) {
                members.add(m);
            } else {
                changed = true;
                members.add(new Household.Member(m.id(), m.name(), m.idNumber(), m.relation(), m.employmentStatus(),
                        m.disabilityLevel(), List.copyOf(incomes)));
            }
        }
        if (!changed) {
            return household;
        }
        return new Household(household.id(), household.townshipCode(), household.communityCode(), household.address(),
                household.bankName(), household.bankAccount(), household.assetsDescription(), household.assetsValue(),
                household.utilities(), members);
    }
}
