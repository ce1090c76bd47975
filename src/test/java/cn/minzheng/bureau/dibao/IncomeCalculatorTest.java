package cn.minzheng.bureau.dibao;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.household.DisabilityLevel;
import cn.minzheng.bureau.household.EmploymentStatus;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.household.IncomeType;
import cn.minzheng.bureau.household.Relation;
import cn.minzheng.bureau.household.ResidentIdNumber;

class IncomeCalculatorTest {

    /**
     * Each row: household size, the members' income items as TYPE:amount separated by spaces
     * (all on the head for simplicity), counted total, excluded total, per-capita income.
     */
    @ParameterizedTest(name = "{0} members, incomes [{1}] -> per capita {4}")
    @CsvSource({
            "1, '',                                 0.00,    0.00,   0.00",
            "1, WAGE:600,                           600.00,  0.00,   600.00",
            "3, WAGE:600,                           600.00,  0.00,   200.00",
            "3, WAGE:1000,                          1000.00, 0.00,   333.33",
            "3, WAGE:1000.01,                       1000.01, 0.00,   333.34",
            "2, WAGE:500 PENSION:300 TRANSFER:100,  900.00,  0.00,   450.00",
            "2, WAGE:500 EXEMPT:200,                500.00,  200.00, 250.00",
            "4, BUSINESS:800 PROPERTY:120.50 OTHER:79.50 HIDDEN:400, 1400.00, 0.00, 350.00",
            "2, EXEMPT:999,                         0.00,    999.00, 0.00",
    })
    void computesPerCapitaIncomeByTheMethod(int size, String incomes, BigDecimal counted, BigDecimal excluded,
                                            BigDecimal perCapita) {
        IncomeAssessment assessment = IncomeCalculator.assess(household(size, incomes));
        assertThat(assessment.householdSize()).isEqualTo(size);
        assertThat(assessment.countedMonthlyIncome()).isEqualTo(counted);
        assertThat(assessment.excludedMonthlyIncome()).isEqualTo(excluded);
        assertThat(assessment.perCapitaIncome()).isEqualTo(perCapita);
    }

    static Household household(int size, String incomes) {
        List<Household.Income> items = new ArrayList<>();
        for (String item : incomes.trim().split("\\s+")) {
            if (!item.isEmpty()) {
                String[] parts = item.split(":");
                items.add(new Household.Income(IncomeType.valueOf(parts[0]), new BigDecimal(parts[1])));
            }
        }
        List<Household.Member> members = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String first17 = "4103021980010100" + (i + 1);
            members.add(new Household.Member(null, "成员" + i,
                    ResidentIdNumber.parse(first17 + ResidentIdNumber.checkCharacter(first17)),
                    i == 0 ? Relation.HEAD : Relation.CHILD, EmploymentStatus.UNEMPLOYED, DisabilityLevel.NONE,
                    i == 0 ? items : List.of()));
        }
        return new Household(null, "yuecun", "yuecun-yuecun", "岳村1号", "银行", "622848000000000001", null,
                BigDecimal.ZERO, new Household.UtilitySpending(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                BigDecimal.ZERO), members);
    }
}
