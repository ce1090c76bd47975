package cn.minzheng.bureau.household;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.regex.Pattern;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.TextRules;

/**
 * The rules of a household and its members, the same for the application form and REST API
 * ({@link HouseholdValidator}) and the 低保 roster import: what each field takes, with Chinese messages naming the
 * field as the caller labels it ("第2位成员姓名", "姓名"). Each rule reports to a {@link Problems} collector with the
 * field's column of the import template (-1 where there is none) and returns the value, or null after a problem.
 */
public final class HouseholdRules {

    public static final int MAX_MEMBERS = 20;
    private static final Pattern BANK_ACCOUNT = Pattern.compile("[0-9]{12,19}");

    private HouseholdRules() {
    }

    /** A text: required or not, at most {@code maxLength} characters, no control characters or markup. */
    public static String text(Object raw, String label, int maxLength, boolean required, int column, Problems problems) {
        String value = trimmed(raw);
        if (value == null) {
            if (required) {
                problems.add("MISSING_FIELD", column, label + "不能为空");
            }
            return null;
        }
        if (value.length() > maxLength) {
            problems.add("TOO_LONG", column, label + "不能超过" + maxLength + "个字");
            return null;
        }
        String problem = TextRules.textProblem(label, value);
        if (problem != null) {
            problems.add("INVALID_TEXT", column, problem);
            return null;
        }
        return value;
    }

    /** A person's name: required, at most 30 characters, a name's characters. */
    public static String name(Object raw, String label, int column, Problems problems) {
        String name = text(raw, label, 30, true, column, problems);
        String problem = name == null ? null : TextRules.nameProblem(label, name);
        if (problem != null) {
            problems.add("INVALID_NAME", column, problem);
            return null;
        }
        return name;
    }

    /** A resident ID number with a valid check digit; {@code prefix} names it in the message ("公民身份号码："). */
    public static ResidentIdNumber idNumber(Object raw, String prefix, int column, Problems problems) {
        return problems.parse(column, prefix, () -> ResidentIdNumber.parse(raw == null ? null : raw.toString().trim()));
    }

    /** A code of {@code type}, by its code (as forms send it) or its label (as a workbook shows it). */
    public static <E extends Enum<E> & Labelled> E code(Class<E> type, Object raw, String label, boolean required,
                                                        int column, Problems problems) {
        String value = trimmed(raw);
        if (value == null) {
            if (required) {
                problems.add("MISSING_FIELD", column, label + "不能为空");
            }
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value) || constant.label().equals(value)) {
                return constant;
            }
        }
        problems.add("INVALID_CODE", column, label + "“" + value + "”无效，可选：" + String.join("、",
                Arrays.stream(type.getEnumConstants()).map(Labelled::label).toList()));
        return null;
    }

    /** 残疾等级: blank is none. */
    public static DisabilityLevel disability(Object raw, String label, int column, Problems problems) {
        return trimmed(raw) == null ? DisabilityLevel.NONE : code(DisabilityLevel.class, raw, label, true, column, problems);
    }

    /** A monthly amount in yuan: blank is zero, at most two decimals, not negative (thousands commas allowed). */
    public static BigDecimal amount(Object raw, String label, int column, Problems problems) {
        Object parsed = raw instanceof String text ? text.replace(",", "") : raw;
        return problems.parse(column, () -> Money.parse(parsed, label));
    }

    /** 银行账号: 12 to 19 digits. */
    public static String bankAccount(Object raw, int column, Problems problems) {
        String account = text(raw, "银行账号", 19, true, column, problems);
        if (account != null && !BANK_ACCOUNT.matcher(account).matches()) {
            problems.add("INVALID_BANK_ACCOUNT", column, "银行账号应为12至19位数字");
            return null;
        }
        return account;
    }

    /** A household has exactly one head; {@code who} names it ("家庭成员中", "户编号“7”"). */
    public static boolean oneHead(long heads, String who, int column, Problems problems) {
        if (heads != 1) {
            problems.add("ONE_HEAD", column, who + "须有且只有一位户主，现有" + heads + "位");
            return false;
        }
        return true;
    }

    private static String trimmed(Object raw) {
        return raw == null || raw.toString().isBlank() ? null : raw.toString().trim();
    }
}
