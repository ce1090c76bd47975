package cn.minzheng.bureau.household;

import java.time.DateTimeException;
import java.time.LocalDate;

import cn.minzheng.bureau.common.RuleViolation;

/**
 * An 18-digit resident ID number (公民身份号码) checked as GB 11643-1999 defines it:
 * six digits of the address code, eight of the birth date, three of the sequence
 * (odd for men, even for women) and an ISO 7064 MOD 11-2 check character.
 */
public record ResidentIdNumber(String value) {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK_CHARACTERS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    public ResidentIdNumber {
        value = parseValue(value);
    }

    public static ResidentIdNumber parse(String raw) {
        return new ResidentIdNumber(raw);
    }

    /** A required, valid ID number from a form's value, upper case; a Chinese refusal otherwise. */
    public static String require(Object value, String label) {
        String idNumber = cn.minzheng.bureau.common.TextRules.required(value, label, 18).toUpperCase();
        if (!isValid(idNumber)) {
            throw new RuleViolation("INVALID_ID_NUMBER", label + idNumber + "不是有效的居民身份证号码");
        }
        return idNumber;
    }

    public static boolean isValid(String raw) {
        try {
            parse(raw);
            return true;
        } catch (RuleViolation e) {
            return false;
        }
    }

    /** The check character for the first 17 digits. */
    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        }
        return CHECK_CHARACTERS[sum % 11];
    }

    public LocalDate birthDate() {
        return birthDateOf(value);
    }

    public Sex sex() {
        return (value.charAt(16) - '0') % 2 == 1 ? Sex.MALE : Sex.FEMALE;
    }

    /** For lists and logs: the address code and the last four characters stay visible. */
    public String masked() {
        return mask(value);
    }

    /**
     * A stored number masked for a list as {@link #masked()} does, without validating it: a number taken over from an
     * old roster with a wrong check character is still listed (and found), not an error for the whole page.
     */
    public static String mask(String stored) {
        if (stored == null || stored.length() != 18) {
            return stored;
        }
        return stored.substring(0, 6) + "********" + stored.substring(14);
    }

    @Override
    public String toString() {
        return masked();
    }

    private static String parseValue(String raw) {
        if (raw == null || raw.isBlank()) {
            throw invalid("公民身份号码不能为空");
        }
        String value = raw.trim().toUpperCase();
        if (value.length() != 18) {
            throw invalid("公民身份号码应为18位，“" + raw.trim() + "”为" + value.length() + "位");
        }
        for (int i = 0; i < 17; i++) {
            if (!Character.isDigit(value.charAt(i)) || value.charAt(i) > '9') {
                throw invalid("公民身份号码前17位必须是数字");
            }
        }
        char last = value.charAt(17);
        if (!(last >= '0' && last <= '9') && last != 'X') {
            throw invalid("公民身份号码最后一位必须是数字或X");
        }
        if (value.charAt(0) == '0') {
            throw invalid("公民身份号码的地址码无效");
        }
        LocalDate birth = birthDateOf(value);
        if (birth.isAfter(LocalDate.now()) || birth.getYear() < 1900) {
            throw invalid("公民身份号码中的出生日期无效");
        }
        if (checkCharacter(value.substring(0, 17)) != last) {
            throw invalid("公民身份号码校验位错误，请核对号码是否抄错");
        }
        return value;
    }

    private static LocalDate birthDateOf(String value) {
        try {
            return LocalDate.of(Integer.parseInt(value.substring(6, 10)),
                    Integer.parseInt(value.substring(10, 12)),
                    Integer.parseInt(value.substring(12, 14)));
        } catch (DateTimeException e) {
            throw invalid("公民身份号码中的出生日期无效");
        }
    }

    private static RuleViolation invalid(String message) {
        return new RuleViolation("INVALID_ID_NUMBER", message);
    }
}
