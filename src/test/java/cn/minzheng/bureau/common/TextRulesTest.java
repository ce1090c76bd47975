package cn.minzheng.bureau.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextRulesTest {

    @ParameterizedTest(name = "[{0}] → {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "'  入户核实，情况属实  ' | 入户核实，情况属实",
            "十个字以内的意见          | 十个字以内的意见"})
    void acceptedTextIsTrimmed(String given, String stored) {
        assertThat(TextRules.required(given, "核查意见", 10)).isEqualTo(stored);
        assertThat(TextRules.optional(given, "核查意见", 10)).isEqualTo(stored);
    }

    @ParameterizedTest(name = "[{0}] → {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
            "NULL                      | MISSING_FIELD         | 核查意见不能为空",
            "'   '                     | MISSING_FIELD         | 核查意见不能为空",
            "超过十个字的核查意见还有很多  | FIELD_TOO_LONG        | 核查意见不能超过10个字",
            "<script>                  | FORBIDDEN_CHARACTERS  | 核查意见不能包含",
            "a'; drop                  | FORBIDDEN_CHARACTERS  | 核查意见不能包含",
            "注释--                     | FORBIDDEN_CHARACTERS  | 核查意见不能包含"})
    void refusedTextSaysWhyInChinese(String given, String code, String message) {
        assertThatThrownBy(() -> TextRules.required(given, "核查意见", 10)).isInstanceOf(RuleViolation.class)
                .hasMessageContaining(message).extracting("errorCode").isEqualTo(code);
        if (!code.equals("MISSING_FIELD")) {
            assertThatThrownBy(() -> TextRules.optional(given, "核查意见", 10)).hasMessageContaining(message);
        } else {
            assertThat(TextRules.optional(given, "核查意见", 10)).isNull();
        }
    }

    /** The one-pass scan finds what the regular expression that defines the rule finds, character by character. */
    @org.junit.jupiter.api.Test
    void theScanFindsWhatThePatternFinds() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            for (String text : new String[] {String.valueOf(c), "名" + c, c + "名", "-" + c, "/" + c, c + "-", c + "*"}) {
                assertThat(TextRules.hasForbidden(text)).as("U+%04X in [%s]", (int) c, text)
                        .isEqualTo(TextRules.FORBIDDEN_IN_TEXT.matcher(text).find());
            }
        }
        java.util.Random random = new java.util.Random(29);
        String alphabet = "岳村乡-/*<>\"';\\\n\r\t\u0000\u007f\u0085 a1·";
        for (int i = 0; i < 200_000; i++) {
            StringBuilder text = new StringBuilder();
            for (int n = random.nextInt(8); n > 0; n--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertThat(TextRules.hasForbidden(text.toString())).as("[%s]", text)
                    .isEqualTo(TextRules.FORBIDDEN_IN_TEXT.matcher(text).find());
        }
    }
}
