package cn.minzheng.bureau.importing.kind;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** A month as rosters write it: 2025-01, 2025/01, 2025.01 or 202501. */
public final class RosterMonth {

    private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");

    private RosterMonth() {
    }

    /** The month of a roster cell's (trimmed, non-empty) text; a {@link DateTimeParseException} if it is none. */
    public static YearMonth parse(String month) {
        return YearMonth.parse(SIX_DIGITS.matcher(month).matches()
                ? month.substring(0, 4) + "-" + month.substring(4) : month.replace('/', '-').replace('.', '-'));
    }
}
