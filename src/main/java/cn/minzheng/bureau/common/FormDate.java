package cn.minzheng.bureau.common;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;

/**
 * A date field as the processes and /api receive it: Tasklist sends "2026-11-20" (a datetime field may add a
 * time, whose day counts), Java clients a Date or LocalDate. One reading and one Chinese refusal for every form.
 */
public final class FormDate {

    private FormDate() {
    }

    /** A date the user must give. */
    public static LocalDate parse(Object value, String label) {
        LocalDate date = optional(value, label);
        if (date == null) {
            throw new RuleViolation("MISSING_FIELD", label + "不能为空");
        }
        return date;
    }

    /** A date the user may leave out: null when blank. */
    public static LocalDate optional(Object value, String label) {
        if (value == null || value.toString().isBlank()) {
            return null;
        }
        if (value instanceof LocalDate date) {
            return date;
        }
        if (value instanceof Date date) {
            return new java.sql.Date(date.getTime()).toLocalDate();
        }
        String text = value.toString().trim();
        try {
            return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            throw new RuleViolation("INVALID_DATE", label + "“" + text + "”格式不正确，应为年-月-日（如2026-11-20）");
        }
    }

    /** A date that has happened: not after today. */
    public static LocalDate past(Object value, String label, LocalDate today) {
        LocalDate date = parse(value, label);
        if (date.isAfter(today)) {
            throw new RuleViolation("INVALID_DATE", label + "不能晚于今天");
        }
        return date;
    }
}
