package cn.minzheng.bureau.organisation;

import cn.minzheng.bureau.common.RuleViolation;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set (digits and capitals without I, O, Z, S,
 * V): registration authority (1), organisation type (1), region code (6 digits), organisation code (9), and a check
 * character computed over the first 17 with the standard's weights.
 */
public final class CreditCode {

    static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    /** 登记管理部门代码 of the civil-affairs registration authorities. */
    static final char CIVIL_AFFAIRS = '5';

    private CreditCode() {
    }

    /** The check character of the first 17 characters. */
    static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            int value = CHARACTERS.indexOf(first17.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a credit code character: " + first17.charAt(i));
            }
            sum += value * WEIGHTS[i];
        }
        int check = 31 - sum % 31;
        return CHARACTERS.charAt(check == 31 ? 0 : check);
    }

    /** The code well formed by GB 32100, upper-cased, or a Chinese refusal naming what is wrong. */
    public static String valid(Object value) {
        if (value == null || value.toString().isBlank()) {
            throw new RuleViolation("MISSING_FIELD", "统一社会信用代码不能为空");
        }
        String code = value.toString().strip().toUpperCase();
        if (code.length() != 18) {
            throw new RuleViolation("INVALID_CREDIT_CODE", "统一社会信用代码应为18位，“" + code + "”为" + code.length() + "位");
        }
        for (int i = 0; i < 18; i++) {
            if (CHARACTERS.indexOf(code.charAt(i)) < 0) {
                throw new RuleViolation("INVALID_CREDIT_CODE", "统一社会信用代码第" + (i + 1) + "位“" + code.charAt(i)
                        + "”不是允许的字符（数字及除I、O、Z、S、V以外的大写字母）");
            }
        }
        for (int i = 2; i < 8; i++) {
            if (!Character.isDigit(code.charAt(i))) {
                throw new RuleViolation("INVALID_CREDIT_CODE", "统一社会信用代码第3至8位应为行政区划码（数字）");
            }
        }
        char expected = checkCharacter(code.substring(0, 17));
        if (code.charAt(17) != expected) {
            throw new RuleViolation("INVALID_CREDIT_CODE", "统一社会信用代码“" + code + "”校验码错误（第18位应为“" + expected + "”），请核对");
        }
        return code;
    }

    /** A valid code that is also one the civil-affairs authority gives to an organisation of this kind (51…, 52…). */
    public static String validFor(Object value, OrganisationKind kind) {
        String code = valid(value);
        if (code.charAt(0) != CIVIL_AFFAIRS || code.charAt(1) != kind.creditCodeType()) {
            throw new RuleViolation("CREDIT_CODE_KIND", "统一社会信用代码“" + code + "”不是民政部门登记的" + kind.label()
                    + "的代码（应以“" + CIVIL_AFFAIRS + kind.creditCodeType() + "”开头）");
        }
        return code;
    }
}
