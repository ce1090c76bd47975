package cn.minzheng.bureau.calendar;

import java.time.LocalDate;

/** One non-standard day of the year: a holiday, or a make-up working day, with the holiday it belongs to. */
public record CalendarDay(LocalDate date, DayKind kind, String holidayName) {
}
