package cn.minzheng.bureau.household;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.common.RuleViolation;

class ResidentIdNumberTest {

    @ParameterizedTest(name = "{0} is valid: born {1}, {2}")
    @CsvSource({
            // the worked example of GB 11643-1999 and numbers built the same way
            "11010519491231002X, 1949-12-31, FEMALE",
            "440524199001010018, 1990-01-01, MALE",
            "320106198511082429, 1985-11-08, FEMALE",
            "410302198003151237, 1980-03-15, MALE",
            "11010519491231002x, 1949-12-31, FEMALE",
            "' 440524199001010018 ', 1990-01-01, MALE",
    })
    void acceptsValidNumbers(String raw, LocalDate birth, Sex sex) {
        ResidentIdNumber id = ResidentIdNumber.parse(raw);
        assertThat(id.birthDate()).isEqualTo(birth);
        assertThat(id.sex()).isEqualTo(sex);
        assertThat(id.value()).isEqualTo(raw.trim().toUpperCase());
    }

    @ParameterizedTest(name = "{0} is refused: {1}")
    @CsvSource({
            "110105194912310021, 校验位错误",
            "440524199001010019, 校验位错误",
            // the standard's own example has a valid check digit, but nobody applying was born in 1880
            "440524188001010014, 出生日期无效",
            "41030219800315123X, 校验位错误",
            "11010519491231002, 应为18位",
            "1101051949123100211, 应为18位",
            "11010519491331002X, 出生日期无效",
            "11010519490230002X, 出生日期无效",
            "11010521991231002X, 出生日期无效",
            "1101051949123100AX, 前17位必须是数字",
            "11010519491231002Y, 最后一位必须是数字或X",
            "01010519491231002X, 地址码无效",
            "'', 不能为空",
    })
    void refusesInvalidNumbersWithAChineseMessage(String raw, String messagePart) {
        assertThatThrownBy(() -> ResidentIdNumber.parse(raw))
                .isInstanceOf(RuleViolation.class)
                .hasMessageContaining(messagePart);
        assertThat(ResidentIdNumber.isValid(raw)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"11010519491231002, X", "44052418800101001, 4", "41030219800315123, 7", "32010619851108242, 9"})
    void computesTheCheckCharacter(String first17, char expected) {
        assertThat(ResidentIdNumber.checkCharacter(first17)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"11010519491231002X, 110105********002X", "440524199001010018, 440524********0018"})
    void masksTheMiddleDigits(String raw, String masked) {
        assertThat(ResidentIdNumber.parse(raw).masked()).isEqualTo(masked);
        assertThat(ResidentIdNumber.parse(raw).toString()).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(value = {
            "410322198001010808, 410322********0808",   // wrong check character, as taken over from an old roster
            "11010519491231002X, 110105********002X",
            "4103221980, 4103221980",                   // not 18 characters: shown as stored
            "null, null"}, nullValues = "null")
    void masksAStoredNumberWithoutValidatingIt(String stored, String masked) {
        assertThat(ResidentIdNumber.mask(stored)).isEqualTo(masked);
    }
}
