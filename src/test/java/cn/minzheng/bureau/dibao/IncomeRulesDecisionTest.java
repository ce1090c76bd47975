package cn.minzheng.bureau.dibao;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.household.EmploymentStatus;
import cn.minzheng.bureau.household.ResidentIdNumber;
import cn.minzheng.bureau.region.AreaType;

/**
 * dibao-supporter-contribution.dmn and dibao-employment-deduction.dmn as deployed to a bare engine, through
 * {@link IncomeRules}, with hand-worked numbers.
 */
@Deployment(resources = {"processes/dibao-supporter-contribution.dmn", "processes/dibao-employment-deduction.dmn"})
class IncomeRulesDecisionTest {

    @RegisterExtension
    static ProcessEngineExtension extension = ProcessEngineExtension.builder()
            .configurationResource("bare-engine.cfg.xml").build();

    ProcessEngine engine;

    @ParameterizedTest(name = "{0} {1}: supporter earning {2} contributes {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # town: (income − 2000) × 30 %; at or below 2000 nothing
            URBAN | MAINTAINS_PARENT | 1999.99 | 0.00
            URBAN | MAINTAINS_PARENT | 2000.00 | 0.00
            # 0.01 above: 0.003, rounded half-up to the fen, is still nothing; 0.02 above gives 0.006 → 0.01
            URBAN | MAINTAINS_PARENT | 2000.01 | 0.00
            URBAN | RAISES_CHILD     | 2000.02 | 0.01
            URBAN | SUPPORTS_SPOUSE  | 2010.00 | 3.00
            URBAN | MAINTAINS_PARENT | 3500.00 | 450.00
            # country: (income − 1500) × 20 %
            RURAL | MAINTAINS_PARENT | 1499.99 | 0.00
            RURAL | MAINTAINS_PARENT | 1500.00 | 0.00
            RURAL | MAINTAINS_PARENT | 1500.05 | 0.01
            RURAL | RAISES_CHILD     | 2500.00 | 200.00
            RURAL | MAINTAINS_PARENT | 0.00    | 0.00
            """)
    void aSupportersShareAboveTheThreshold(AreaType area, SupporterRelation relation, BigDecimal income,
                                           BigDecimal contribution) {
        Supporter supporter = new Supporter("王大山", ResidentIdNumber.parse("11010519491231002X"), relation, income);
        IncomeRules.SupporterShare share = new IncomeRules(engine.getDecisionService()).supporterShare(area, supporter);
        assertThat(share.contribution()).isEqualByComparingTo(contribution);
        assertThat(share.contribution().scale()).isEqualTo(2);
    }

    @ParameterizedTest(name = "{0} {1}: wage {2} less {3}")
    @CsvSource(delimiter = '|', textBlock = """
            # town, in work: a fixed 200.00, never more than the wage
            URBAN | EMPLOYED       | 1500.00 | 200.00
            URBAN | EMPLOYED       | 200.00  | 200.00
            URBAN | EMPLOYED       | 150.00  | 150.00
            # country, in work: 20 % of the wage, rounded half-up to the fen
            RURAL | EMPLOYED       | 1500.00 | 300.00
            RURAL | EMPLOYED       | 333.33  | 66.67
            # not in work with an employer: nothing
            URBAN | FLEXIBLE       | 1500.00 | 0.00
            RURAL | FARMING        | 1500.00 | 0.00
            URBAN | RETIRED        | 1500.00 | 0.00
            RURAL | UNABLE_TO_WORK | 100.00  | 0.00
            # no wage, nothing to deduct from
            URBAN | EMPLOYED       | 0.00    | 0.00
            """)
    void theEmploymentCostDeduction(AreaType area, EmploymentStatus status, BigDecimal wage, BigDecimal deduction) {
        assertThat(new IncomeRules(engine.getDecisionService()).employmentDeduction(area, status, wage))
                .isEqualByComparingTo(deduction);
    }
}
