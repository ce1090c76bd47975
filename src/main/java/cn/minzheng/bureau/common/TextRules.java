package cn.minzheng.bureau.common;

import java.util.regex.Pattern;

/**
 * What free text and names may contain. Text is stored with bound parameters and escaped on
 * output anyway; refusing markup and quote characters up front keeps script and SQL fragments out
 * of the bureau's records and exports, and tells the clerk at once what is wrong.
 */
public final class TextRules {

    /** Chinese and Latin letters, the middle dot of transliterated names, spaces. */
    private static final Pattern NAME = Pattern.compile("[\\p{IsHan}\\p{IsLatin}·• ]+");
    static final Pattern FORBIDDEN_IN_TEXT = Pattern.compile("[<>\"';\\\\\\p{Cc}&&[^\\n\\r\\t]]|--|/\\*");

    private TextRules() {
    }

    /** Null when the name is acceptable, else the Chinese reason. */
    public static String nameProblem(String label, String name) {
        return NAME.matcher(name).matches() ? null : label + "只能包含汉字、字母和间隔号“·”";
    }

    /** Null when the text is acceptable, else the Chinese reason. */
    public static String textProblem(String label, String text) {
        return hasForbidden(text) ? label + "不能包含 < > \" ' ; \\ -- /* 等特殊字符" : null;
    }

    /**
     * What {@link #FORBIDDEN_IN_TEXT} finds, by one pass over the characters: an import checks several texts of
     * every row, and a regular expression's matcher costs more than the text is long.
     */
    static boolean hasForbidden(String text) {
        char previous = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<', '>', '"', '\'', ';', '\\' -> {
                    return true;
                }
                case '\n', '\r', '\t' -> {
                }
                default -> {
                    if (Character.getType(c) == Character.CONTROL
                            || c == '-' && previous == '-' || c == '*' && previous == '/') {
                        return true;
                    }
                }
            }
            previous = c;
        }
        return false;
    }

    /** The trimmed text a user must give, checked for length and characters; a Chinese refusal otherwise. */
    public static String required(Object value, String label, int maxLength) {
        String text = optional(value, label, maxLength);
        if (text == null) {
            throw new RuleViolation("MISSING_FIELD", label + "不能为空");
        }
        return text;
    }

    /** The same for text a user may leave out: null when blank. */
    public static String optional(Object value, String label, int maxLength) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        String text = value.toString().trim();
        if (text.length() > maxLength) {
            throw new RuleViolation("FIELD_TOO_LONG", label + "不能超过" + maxLength + "个字");
        }
        String problem = textProblem(label, text);
        if (problem != null) {
            throw new RuleViolation("FORBIDDEN_CHARACTERS", problem);
        }
        return text;
    }
}
