package cn.minzheng.bureau.relief;

import static cn.minzheng.bureau.support.RuleViolations.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The 核报 against the verified register, by hand: a register of four households — 3 people with a collapsed house
 * of 2 rooms and 1 death, 4 people with a damaged house, 2 people with a damaged house, 5 people unharmed in their
 * house — 14 people, 1 death, 4.5 + 10 + 0 + 7.25 = 21.75 亩, 1 collapsed house of 2 rooms, 2 damaged houses.
 */
class RegisterFiguresTest {

    private static final RegisterFigures REGISTER = RegisterFigures.of(List.of(
            household(3, "4.5", HouseDamage.COLLAPSED, 2, 1),
            household(4, "10", HouseDamage.DAMAGED, 0, 0),
            household(2, "0", HouseDamage.DAMAGED, 0, 0),
            household(5, "7.25", HouseDamage.NONE, 0, 0)));

    @Test
    void theRegisterIsCountedHouseholdByHousehold() {
        assertThat(REGISTER).isEqualTo(new RegisterFigures(14, 1, new BigDecimal("21.75"), 1, 2, 2));
        assertThat(RegisterFigures.of(List.of())).isEqualTo(new RegisterFigures(0, 0, new BigDecimal("0.00"), 0, 0, 0));
    }

    @Test
    void theFormStartsFromTheRegisterOverTheFollowUp() {
        // the 续报 said 10 people, 2 dead, 20 亩, 3 collapsed houses of 5 rooms, 1 severely damaged (2 rooms), none generally
        DisasterIndicators followUp = indicators(10, 2, "20", 3, 5, 1, 2, 0, 0);
        // deaths and collapsed houses are the register's; people and crops raised to it; one damaged house more, generally
        assertThat(REGISTER.prefill(followUp)).isEqualTo(indicators(14, 1, "21.75", 1, 2, 1, 2, 1, 1));
        // a 续报 above the register keeps its people, crops and damaged houses
        DisasterIndicators larger = indicators(2400, 0, "30000", 0, 0, 3, 6, 10, 12);
        assertThat(REGISTER.prefill(larger)).isEqualTo(indicators(2400, 1, "30000", 1, 2, 3, 6, 10, 12));
        assertThatCode(() -> REGISTER.check(REGISTER.prefill(followUp))).doesNotThrowAnyException();
        assertThatCode(() -> REGISTER.prefill(followUp).check()).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            as the register                  | 14   | 1 | 21.75 | 1 | 2 | 0 | 2 |
            above the floors                 | 900  | 1 | 3000  | 1 | 2 | 1 | 5 |
            damaged split severe and general | 14   | 1 | 21.75 | 1 | 2 | 1 | 1 |
            a death the register lacks       | 14   | 2 | 21.75 | 1 | 2 | 0 | 2 | 死亡人口应与核定的受灾户登记册一致（登记册：1人）
            a death typed away               | 14   | 0 | 21.75 | 1 | 2 | 0 | 2 | 死亡人口应与核定的受灾户登记册一致（登记册：1人）
            a collapsed house too many       | 14   | 1 | 21.75 | 2 | 3 | 0 | 2 | 倒塌房屋户数应与核定的受灾户登记册一致（登记册：1户）
            a collapsed room too few         | 14   | 1 | 21.75 | 1 | 1 | 0 | 2 | 倒塌房屋间数应与核定的受灾户登记册一致（登记册：2间）
            fewer people than registered     | 13   | 1 | 21.75 | 1 | 2 | 0 | 2 | 受灾人口不能少于登记册中受灾户的人口（14人）
            less crop than registered        | 14   | 1 | 21.74 | 1 | 2 | 0 | 2 | 农作物受灾面积不能少于登记册的合计（21.75亩）
            fewer damaged houses             | 14   | 1 | 21.75 | 1 | 2 | 0 | 1 | 严重损坏和一般损坏房屋户数之和不能少于登记册中房屋损坏的户数（2户）
            """)
    void aVerifiedReportMustAgreeWithTheRegister(String description, int people, int deaths, String cropMu, int collapsed,
                                                 int collapsedRooms, int severe, int general, String refusal) {
        DisasterIndicators report = indicators(people, deaths, cropMu, collapsed, collapsedRooms, severe, severe, general,
                general);
        if (refusal == null) {
            assertThatCode(() -> REGISTER.check(report)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> REGISTER.check(report)).satisfies(violation("核报与核定的受灾户登记册不符：" + refusal));
        }
    }

    @Test
    void everyDisagreementIsNamedAtOnce() {
        assertThatThrownBy(() -> REGISTER.check(indicators(0, 0, "0", 0, 0, 0, 0, 0, 0))).satisfies(violation(
                "核报与核定的受灾户登记册不符：死亡人口应与核定的受灾户登记册一致（登记册：1人）；倒塌房屋户数应与核定的受灾户登记册一致（登记册：1户）；"
                        + "倒塌房屋间数应与核定的受灾户登记册一致（登记册：2间）；受灾人口不能少于登记册中受灾户的人口（14人）；"
                        + "农作物受灾面积不能少于登记册的合计（21.75亩）；严重损坏和一般损坏房屋户数之和不能少于登记册中房屋损坏的户数（2户）"));
    }

    private static DisasterIndicators indicators(int people, int deaths, String cropMu, int collapsed, int collapsedRooms,
                                                 int severe, int severeRooms, int general, int generalRooms) {
        BigDecimal zero = new BigDecimal("0.00");
        return new DisasterIndicators(people, deaths, 0, 0, 0, new BigDecimal(cropMu).setScale(2), zero, zero, collapsed,
                collapsedRooms, severe, severeRooms, general, generalRooms, zero);
    }

    private static AffectedHousehold household(int persons, String cropMu, HouseDamage damage, int rooms, int deaths) {
        return new AffectedHousehold(null, "yuecun", "yuecun-dongyue", "户主", null, "东岳村", persons,
                HouseholdCategory.ORDINARY, null, false, new BigDecimal(cropMu), damage, rooms, deaths, deaths > 0 ? "某某" : null,
                0, false, false, false, false, BigDecimal.ZERO, null, false, false);
    }
}
