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
 * The 核报 against the verified register, by hand: a register of five households — 3 people with a collapsed house
 * of 2 rooms and 1 death (4.5 亩), 4 people with a severely damaged house of 3 rooms (10 亩), 2 people with a generally
 * damaged house of 1 room (0 亩), 6 people with a generally damaged house of 2 rooms (2 亩), 5 people unharmed in their
 * house (7.25 亩) — 3 + 4 + 2 + 6 + 5 = 20 people, 1 death, 4.5 + 10 + 0 + 2 + 7.25 = 23.75 亩, collapsed 1 household
 * of 2 rooms, severely damaged 1 of 3, generally damaged 2 of 1 + 2 = 3.
 *
 * <p>A register kept before the degree was asked: the collapsed and the severely damaged households above, two damaged
 * houses of unknown degree (4 people 1 亩, 2 people 0 亩, no rooms recorded) and the unharmed one — 3 + 4 + 4 + 2 + 5 =
 * 18 people, 4.5 + 10 + 1 + 0 + 7.25 = 22.75 亩, 3 damaged households of which 2 of unknown degree.
 */
class RegisterFiguresTest {

    private static final RegisterFigures REGISTER = RegisterFigures.of(List.of(
            household(3, "4.5", HouseDamage.COLLAPSED, 2, 1),
            household(4, "10", HouseDamage.SEVERE, 3, 0),
            household(2, "0", HouseDamage.GENERAL, 1, 0),
            household(6, "2", HouseDamage.GENERAL, 2, 0),
            household(5, "7.25", HouseDamage.NONE, 0, 0)));

    private static final RegisterFigures OLD_REGISTER = RegisterFigures.of(List.of(
            household(3, "4.5", HouseDamage.COLLAPSED, 2, 1),
            household(4, "10", HouseDamage.SEVERE, 3, 0),
            household(4, "1", HouseDamage.DAMAGED, 0, 0),
            household(2, "0", HouseDamage.DAMAGED, 0, 0),
            household(5, "7.25", HouseDamage.NONE, 0, 0)));

    /** The 续报 said 10 people, 2 dead, 20 亩, 3 collapsed houses of 5 rooms, 1 severely damaged (2 rooms), none generally. */
    private static final DisasterIndicators FOLLOW_UP = indicators(10, 2, "20", 3, 5, 1, 2, 0, 0);

    @Test
    void theRegisterIsCountedHouseholdByHousehold() {
        assertThat(REGISTER).isEqualTo(new RegisterFigures(20, 1, new BigDecimal("23.75"), 1, 2, 1, 3, 2, 3, 0));
        assertThat(OLD_REGISTER).isEqualTo(new RegisterFigures(18, 1, new BigDecimal("22.75"), 1, 2, 1, 3, 0, 0, 2));
        assertThat(RegisterFigures.of(List.of()))
                .isEqualTo(new RegisterFigures(0, 0, new BigDecimal("0.00"), 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void theFormStartsFromTheRegisterOverTheFollowUp() {
        // deaths and every house degree are the register's; people and crops raised to it
        assertThat(REGISTER.prefill(FOLLOW_UP)).isEqualTo(indicators(20, 1, "23.75", 1, 2, 1, 3, 2, 3));
        // a 续报 above the register keeps its people and crops; the houses are still the register's
        DisasterIndicators larger = indicators(2400, 0, "30000", 0, 0, 3, 6, 10, 12);
        assertThat(REGISTER.prefill(larger)).isEqualTo(indicators(2400, 1, "30000", 1, 2, 1, 3, 2, 3));
        assertThatCode(() -> REGISTER.check(REGISTER.prefill(FOLLOW_UP))).doesNotThrowAnyException();
        assertThatCode(() -> REGISTER.prefill(FOLLOW_UP).check()).doesNotThrowAnyException();
    }

    @Test
    void anOldRegisterOffersItsDamageOfUnknownDegreeAsGeneralARoomEach() {
        // severe max(1, 1) = 1 of max(2, 3) = 3 rooms; general max(0, 0) = 0 raised by 1 + 0 + 2 - 1 - 0 = 2, 2 rooms
        assertThat(OLD_REGISTER.prefill(FOLLOW_UP)).isEqualTo(indicators(18, 1, "22.75", 1, 2, 1, 3, 2, 2));
        assertThatCode(() -> OLD_REGISTER.check(OLD_REGISTER.prefill(FOLLOW_UP))).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            as the register                  | 20  | 1 | 23.75 | 1 | 2 | 1 | 3 | 2 | 3 |
            above the floors                 | 900 | 1 | 3000  | 1 | 2 | 1 | 3 | 2 | 3 |
            a death the register lacks       | 20  | 2 | 23.75 | 1 | 2 | 1 | 3 | 2 | 3 | 死亡人口应与核定的受灾户登记册一致（登记册：1人）
            a death typed away               | 20  | 0 | 23.75 | 1 | 2 | 1 | 3 | 2 | 3 | 死亡人口应与核定的受灾户登记册一致（登记册：1人）
            a collapsed house too many       | 20  | 1 | 23.75 | 2 | 2 | 1 | 3 | 2 | 3 | 倒塌房屋户数应与核定的受灾户登记册一致（登记册：1户）
            a collapsed room too few         | 20  | 1 | 23.75 | 1 | 1 | 1 | 3 | 2 | 3 | 倒塌房屋间数应与核定的受灾户登记册一致（登记册：2间）
            a severe room too many           | 20  | 1 | 23.75 | 1 | 2 | 1 | 4 | 2 | 3 | 严重损坏房屋间数应与核定的受灾户登记册一致（登记册：3间）
            a general room too few           | 20  | 1 | 23.75 | 1 | 2 | 1 | 3 | 2 | 2 | 一般损坏房屋间数应与核定的受灾户登记册一致（登记册：3间）
            a general house too few          | 20  | 1 | 23.75 | 1 | 2 | 1 | 3 | 1 | 3 | 一般损坏房屋户数应与核定的受灾户登记册一致（登记册：2户）
            a severe house called general    | 20  | 1 | 23.75 | 1 | 2 | 0 | 0 | 3 | 6 | 严重损坏房屋户数应与核定的受灾户登记册一致（登记册：1户）；严重损坏房屋间数应与核定的受灾户登记册一致（登记册：3间）；一般损坏房屋户数应与核定的受灾户登记册一致（登记册：2户）；一般损坏房屋间数应与核定的受灾户登记册一致（登记册：3间）
            fewer people than registered     | 19  | 1 | 23.75 | 1 | 2 | 1 | 3 | 2 | 3 | 受灾人口不能少于登记册中受灾户的人口（20人）
            less crop than registered        | 20  | 1 | 23.74 | 1 | 2 | 1 | 3 | 2 | 3 | 农作物受灾面积不能少于登记册的合计（23.75亩）
            """)
    void aVerifiedReportMustAgreeWithTheRegister(String description, int people, int deaths, String cropMu, int collapsed,
                                                 int collapsedRooms, int severe, int severeRooms, int general,
                                                 int generalRooms, String refusal) {
        assertAgainst(REGISTER, indicators(people, deaths, cropMu, collapsed, collapsedRooms, severe, severeRooms, general,
                generalRooms), refusal);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            as offered                        | 1 | 3 | 2 | 2 |
            the unknown ones severe           | 3 | 5 | 0 | 0 |
            more rooms than a room each       | 1 | 3 | 2 | 7 |
            the severe one called general     | 0 | 0 | 3 | 3 | 严重损坏房屋户数不能少于登记册的（1户）；严重损坏房屋间数不能少于登记册的（3间）
            an unknown one left out           | 1 | 3 | 1 | 1 | 严重损坏和一般损坏房屋户数之和不能少于登记册中房屋损坏的户数（3户，其中2户损坏程度未登记）
            """)
    void aVerifiedReportOfAnOldRegisterKeepsItsFloors(String description, int severe, int severeRooms, int general,
                                                      int generalRooms, String refusal) {
        assertAgainst(OLD_REGISTER, indicators(18, 1, "22.75", 1, 2, severe, severeRooms, general, generalRooms), refusal);
    }

    @Test
    void everyDisagreementIsNamedAtOnce() {
        assertThatThrownBy(() -> REGISTER.check(indicators(0, 0, "0", 0, 0, 0, 0, 0, 0))).satisfies(violation(
                "核报与核定的受灾户登记册不符：死亡人口应与核定的受灾户登记册一致（登记册：1人）；倒塌房屋户数应与核定的受灾户登记册一致（登记册：1户）；"
                        + "倒塌房屋间数应与核定的受灾户登记册一致（登记册：2间）；严重损坏房屋户数应与核定的受灾户登记册一致（登记册：1户）；"
                        + "严重损坏房屋间数应与核定的受灾户登记册一致（登记册：3间）；一般损坏房屋户数应与核定的受灾户登记册一致（登记册：2户）；"
                        + "一般损坏房屋间数应与核定的受灾户登记册一致（登记册：3间）；受灾人口不能少于登记册中受灾户的人口（20人）；"
                        + "农作物受灾面积不能少于登记册的合计（23.75亩）"));
    }

    private static void assertAgainst(RegisterFigures register, DisasterIndicators report, String refusal) {
        if (refusal == null) {
            assertThatCode(() -> register.check(report)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> register.check(report)).satisfies(violation("核报与核定的受灾户登记册不符：" + refusal));
        }
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
