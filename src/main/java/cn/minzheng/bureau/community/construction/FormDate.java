package cn.minzheng.bureau.community.construction;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;

import cn.minzheng.bureau.common.RuleViolation;

/** A date field of a form: Tasklist sends "2026-11-20" (a datetime field may add a time), Java clients a Date. */
public final class FormDate {

    private FormDate() {
    }

    public static LocalDate parse(Object value, String label) {
        if (value == null || value.toString().isBlank()) {
            throw new RuleViolation("MISSING_FIELD", label + "不能为空");
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
            throw new RuleViolation("INVALID_DATE", label + "格式不正确，应为“2026-11-20”");
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
