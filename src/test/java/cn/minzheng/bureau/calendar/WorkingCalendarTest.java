package cn.minzheng.bureau.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.DueDateRulesPlugin;

/**
 * Working-day arithmetic on the State Council's published arrangements: 2025's Spring Festival
 * (1.28–2.4 off, Sunday 1.26 and Saturday 2.8 worked), 2026's Spring Festival (2.15–2.23 off,
 * Saturdays 2.14 and 2.28 worked), 2026's Qingming (4.4–4.6) and 2025's National Day (10.1–10.8 off,
 * Sunday 9.28 and Saturday 10.11 worked).
 */
class WorkingCalendarTest {

    static final List<CalendarDay> DAYS = new ArrayList<>();

    static {
        holidays("2025-01-28", "2025-02-04", "春节");
        DAYS.add(new CalendarDay(LocalDate.parse("2025-01-26"), DayKind.WORKDAY, "春节"));
        DAYS.add(new CalendarDay(LocalDate.parse("2025-02-08"), DayKind.WORKDAY, "春节"));
        holidays("2025-10-01", "2025-10-08", "国庆节、中秋节");
        DAYS.add(new CalendarDay(LocalDate.parse("2025-09-28"), DayKind.WORKDAY, "国庆节、中秋节"));
        DAYS.add(new CalendarDay(LocalDate.parse("2025-10-11"), DayKind.WORKDAY, "国庆节、中秋节"));
        holidays("2026-02-15", "2026-02-23", "春节");
        DAYS.add(new CalendarDay(LocalDate.parse("2026-02-14"), DayKind.WORKDAY, "春节"));
        DAYS.add(new CalendarDay(LocalDate.parse("2026-02-28"), DayKind.WORKDAY, "春节"));
        holidays("2026-04-04", "2026-04-06", "清明节");
    }

    static void holidays(String from, String to, String name) {
        for (LocalDate d = LocalDate.parse(from); !d.isAfter(LocalDate.parse(to)); d = d.plusDays(1)) {
            DAYS.add(new CalendarDay(d, DayKind.HOLIDAY, name));
        }
    }

    final WorkingCalendar calendar = new WorkingCalendar(DAYS);

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2026-02-13, true",   // Friday before the festival
            "2026-02-14, true",   // 调休 Saturday
            "2026-02-15, false",  // festival Sunday
            "2026-02-16, false",  // festival Monday
            "2026-02-23, false",  // last festival day, a Monday
            "2026-02-24, true",
            "2026-02-28, true",   // 调休 Saturday
            "2026-03-01, false",  // plain Sunday
            "2026-03-07, false",  // plain Saturday
            "2026-04-06, false",  // Qingming Monday
            "2025-01-26, true",   // 调休 Sunday
            "2025-10-08, false",
            "2025-10-11, true",
            "2027-01-04, true",   // a year nobody entered counts as a plain year
            "2027-01-09, false",
    })
    void workingDay(LocalDate date, boolean working) {
        assertThat(calendar.isWorkingDay(date)).isEqualTo(working);
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            "2026-02-10, 0, 2026-02-10",
            "2026-02-10, 10, 2026-03-02",  // across the festival and both 调休 Saturdays
            "2026-02-10, 30, 2026-03-30",
            "2026-02-10, 45, 2026-04-21",  // and across Qingming
            "2026-02-12, 3, 2026-02-24",
            "2026-02-13, 1, 2026-02-14",   // the next working day is the 调休 Saturday
            "2026-02-14, 1, 2026-02-24",
            "2026-02-27, 1, 2026-02-28",
            "2026-03-06, 1, 2026-03-09",   // a plain weekend
            "2026-03-07, 1, 2026-03-09",   // from a Saturday
            "2025-01-24, 1, 2025-01-26",   // 调休 Sunday
            "2025-01-27, 1, 2025-02-05",
            "2025-09-30, 1, 2025-10-09",
            "2025-09-26, 10, 2025-10-16",  // 9.28 worked, 10.1-10.8 off, 10.11 worked
            "2025-12-31, 3, 2026-01-05",   // across the year (2026 New Year's Day is not in this table)
    })
    void plusWorkingDays(LocalDate from, int n, LocalDate expected) {
        assertThat(calendar.plusWorkingDays(from, n)).isEqualTo(expected);
        assertThat(calendar.workingDaysBetween(from, expected)).isEqualTo(n);
        assertThat(calendar.workingDaysBetween(expected, from)).isEqualTo(-n);
    }

    @ParameterizedTest(name = "working days after {0} up to {1}: {2}")
    @CsvSource({
            "2026-02-13, 2026-02-24, 2",
            "2026-02-14, 2026-02-23, 0",
            "2026-02-01, 2026-02-28, 16",  // 10 in the first two weeks, Saturday 14th, 24th-27th, Saturday 28th
            "2026-03-02, 2026-03-02, 0",
    })
    void countBetween(LocalDate from, LocalDate to, int expected) {
        assertThat(calendar.workingDaysBetween(from, to)).isEqualTo(expected);
    }

    @Test
    void negativeCountsAreRefused() {
        assertThatThrownBy(() -> calendar.plusWorkingDays(LocalDate.parse("2026-02-10"), -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aDeadlineEndsAtBeijingMidnightAfterTheLastWorkingDay() {
        // 23:30 on Tuesday 2026-02-10 in Beijing is still 2026-02-10 there (15:30 UTC)
        Date start = Date.from(ZonedDateTime.of(2026, 2, 10, 23, 30, 0, 0, WorkingCalendar.ZONE).toInstant());
        assertThat(calendar.deadline(start, 10).toInstant())
                .isEqualTo(ZonedDateTime.of(2026, 3, 3, 0, 0, 0, 0, WorkingCalendar.ZONE).toInstant());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"P10WD, 10", "P3WD, 3", " P45WD , 45", "P7D, -1", "PT2H, -1", "P10W, -1", "2026-03-01T00:00:00, -1"})
    void businessCalendarReadsWorkingDays(String value, int days) {
        assertThat(WorkingDayBusinessCalendar.workingDaysOf(value)).isEqualTo(days);
    }

    @Test
    void businessCalendarHandsOtherDurationsToTheEngine() {
        WorkingDays workingDays = new WorkingDays(null, java.time.Duration.ofMinutes(5)) {
            @Override
            public WorkingCalendar calendar() {
                return calendar;
            }
        };
        DueDateRulesPlugin.RulesFirst businessCalendar = new DueDateRulesPlugin.RulesFirst(new DurationBusinessCalendar(),
                () -> List.of(new WorkingDayBusinessCalendar(workingDays)));
        Date start = Date.from(ZonedDateTime.of(2026, 2, 13, 9, 0, 0, 0, WorkingCalendar.ZONE).toInstant());
        assertThat(businessCalendar.resolveDuedate("P1WD", start).toInstant())
                .isEqualTo(ZonedDateTime.of(2026, 2, 15, 0, 0, 0, 0, WorkingCalendar.ZONE).toInstant());
        assertThat(businessCalendar.resolveDuedate("P2WD", start).toInstant())
                .isEqualTo(ZonedDateTime.of(2026, 2, 25, 0, 0, 0, 0, WorkingCalendar.ZONE).toInstant());
        assertThat(businessCalendar.resolveDuedate("P7D", start).toInstant()).isEqualTo(start.toInstant().plusSeconds(7 * 86400));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "2026-02-16 WORKDAY 春节 | CALENDAR_WORKDAY_NOT_WEEKEND | 调休上班日只能是周六或周日",
            "2026-02-14 WORKDAY 元宵 | CALENDAR_WORKDAY_WITHOUT_HOLIDAY | 没有放假日",
            "2025-02-14 HOLIDAY 春节 | CALENDAR_WRONG_YEAR | 不在2026年内",
            "2026-02-15 HOLIDAY 春节,2026-02-15 HOLIDAY 春节 | CALENDAR_DAY_DUPLICATE | 重复",
            "2026-02-15 HOLIDAY - | CALENDAR_NAME_MISSING | 节日名称",
            "2026-02-15 - 春节 | CALENDAR_KIND_MISSING | 请选择类型",
            "| CALENDAR_EMPTY | 至少要有一天",
    })
    void invalidYearsAreRefusedInChinese(String days, String code, String message) {
        List<CalendarDay> parsed = new ArrayList<>();
        if (days != null) {
            for (String d : days.split(",")) {
                String[] p = d.trim().split(" ");
                parsed.add(new CalendarDay(LocalDate.parse(p[0]), "-".equals(p[1]) ? null : DayKind.valueOf(p[1]),
                        "-".equals(p[2]) ? " " : p[2]));
            }
        }
        assertThatThrownBy(() -> CalendarAdmin.validate(2026, parsed)).isInstanceOfSatisfying(RuleViolation.class, v -> {
            assertThat(v.getErrorCode()).isEqualTo(code);
            assertThat(v.getMessage()).contains(message);
        });
    }

    @Test
    void aValidYearIsSortedAndTrimmed() {
        List<CalendarDay> checked = CalendarAdmin.validate(2026, List.of(
                new CalendarDay(LocalDate.parse("2026-02-28"), DayKind.WORKDAY, " 春节 "),
                new CalendarDay(LocalDate.parse("2026-02-15"), DayKind.HOLIDAY, "春节")));
        assertThat(checked).extracting(CalendarDay::date)
                .containsExactly(LocalDate.parse("2026-02-15"), LocalDate.parse("2026-02-28"));
        assertThat(checked.get(1).holidayName()).isEqualTo("春节");
    }
}
