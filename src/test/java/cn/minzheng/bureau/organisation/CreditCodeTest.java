package cn.minzheng.bureau.organisation;

import static cn.minzheng.bureau.support.RuleViolations.violation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** GB 32100 check characters, worked out by hand for the first code (the standard's own example) and the others. */
class CreditCodeTest {

    @ParameterizedTest(name = "{0} is valid")
    @CsvSource({
            // the standard's example: Σ(value × weight) = 1640, 1640 mod 31 = 28, 31 − 28 = 3
            "91350100M000100Y43",
            "51410100MJY123456F",
            "52410102MJY00021X9",
            "51110000500000001E",
            "52330106MJ9876543C",
            // lower case and spaces around are accepted and normalised
            " 52410102mjy00021x9 ",
    })
    void acceptsWellFormedCodes(String code) {
        assertThat(CreditCode.valid(code)).isEqualTo(code.strip().toUpperCase());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "91350100M000100Y42  | 校验码错误（第18位应为“3”）",
            "51410100MJY123456E  | 校验码错误（第18位应为“F”）",
            "52410102MJY00021X0  | 校验码错误（第18位应为“9”）",
            "51410100MJY12345F   | 应为18位",
            "51410100MJY123456FF | 应为18位",
            "51410100MJI123456F  | 第11位“I”不是允许的字符",
            "51410100MJO123456F  | 第11位“O”不是允许的字符",
            "5141010SMJY123456F  | 第8位“S”不是允许的字符",
            "51410V00MJY123456F  | 第6位“V”不是允许的字符",
            "514101Z0MJY123456F  | 第7位“Z”不是允许的字符",
            "5141A100MJY123456F  | 第3至8位应为行政区划码",
    })
    void refusesCodesWithAWrongCheckCharacterLengthOrCharacter(String code, String message) {
        assertThatThrownBy(() -> CreditCode.valid(code.strip())).satisfies(violation(message));
    }

    @ParameterizedTest(name = "{0} for {1}")
    @CsvSource({
            "51410100MJY123456F, SOCIAL_GROUP, ",
            "52410102MJY00021X9, PRIVATE_NON_ENTERPRISE, ",
            "52410102MJY00021X9, SOCIAL_GROUP, 不是民政部门登记的社会团体的代码（应以“51”开头）",
            "91350100M000100Y43, PRIVATE_NON_ENTERPRISE, 不是民政部门登记的民办非企业单位的代码（应以“52”开头）",
    })
    void aCodeMustBeTheCivilAffairsCodeOfTheKind(String code, OrganisationKind kind, String message) {
        if (message == null) {
            assertThat(CreditCode.validFor(code, kind)).isEqualTo(code);
        } else {
            assertThatThrownBy(() -> CreditCode.validFor(code, kind)).satisfies(violation(message));
        }
    }

    @org.junit.jupiter.api.Test
    void theCharacterSetHasThirtyOneCharactersWithoutIOZSV() {
        assertThat(CreditCode.CHARACTERS).hasSize(31).doesNotContain("I", "O", "Z", "S", "V");
        assertThat(CreditCode.checkCharacter("91350100M000100Y4")).isEqualTo('3');
    }
}
