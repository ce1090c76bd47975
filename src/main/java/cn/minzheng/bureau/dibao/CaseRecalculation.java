package cn.minzheng.bureau.dibao;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.region.AreaType;

/**
 * The benefit of a case recalculated as the application and the review calculate it: the household with the
 * hidden income of its latest survey, the current standard of its area and category, the difference method.
 * Used after the survey of a report's investigation and of an appeal's re-investigation.
 */
@Component
public class CaseRecalculation {

    private final HouseholdIncomeService incomes;
    private final StandardService standards;

    public CaseRecalculation(HouseholdIncomeService incomes, StandardService standards) {
        this.incomes = incomes;
        this.standards = standards;
    }

    public BenefitCalculation recalculate(DibaoCase dibaoCase, AreaType area) {
        IncomeAssessment assessment = IncomeCalculator.assess(incomes.assessedHousehold(dibaoCase.id()));
        StandardService.Standard standard = standards.standardFor(area, dibaoCase.category());
        return BenefitCalculator.calculate(assessment.perCapitaIncome(), standard.monthlyStandard(),
                standard.categoryAddition(), assessment.householdSize());
    }
}
