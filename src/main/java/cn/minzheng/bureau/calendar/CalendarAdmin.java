package cn.minzheng.bureau.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.minzheng.bureau.audit.AuditTrail;
import cn.minzheng.bureau.common.RuleViolation;

/** The administrator's changes to a year of the calendar, validated, audited, and seen by the engine at once. */
@Service
public class CalendarAdmin {

    static final int MAX_NAME = 30;

    private final CalendarRepository repository;
    private final WorkingDays workingDays;
    private final AuditTrail audit;

    public CalendarAdmin(CalendarRepository repository, WorkingDays workingDays, AuditTrail audit) {
        this.repository = repository;
        this.workingDays = workingDays;
        this.audit = audit;
    }

    /** Replaces every non-standard day of the year with the given ones. */
    @Transactional
    public List<CalendarDay> replaceYear(int year, List<CalendarDay> days, String user) {
        List<CalendarDay> checked = validate(year, days);
        List<CalendarDay> before = repository.year(year);
        repository.replaceYear(year, checked, user);
        audit.record("CALENDAR", year, null, null, "CALENDAR_YEAR_REPLACED", user,
                year + "年节假日及调休安排", Map.of("days", summary(before)), Map.of("days", summary(checked)));
        reloadAfterCommit();
        return repository.year(year);
    }

    /** Adds one day to its year (the year's other days stay). */
    @Transactional
    public List<CalendarDay> addDay(CalendarDay day, String user) {
        if (day == null || day.date() == null) {
            throw new RuleViolation("CALENDAR_DATE_MISSING", "请填写日期");
        }
        int year = day.date().getYear();
        List<CalendarDay> days = new ArrayList<>(repository.year(year));
        if (days.stream().anyMatch(d -> d.date().equals(day.date()))) {
            throw new RuleViolation("CALENDAR_DAY_DUPLICATE", day.date() + " 已在" + year + "年的安排中，请修改整年安排");
        }
        days.add(day);
        return replaceYear(year, days, user);
    }

    static List<CalendarDay> validate(int year, List<CalendarDay> days) {
        if (year < 2000 || year > 2100) {
            throw new RuleViolation("CALENDAR_YEAR_INVALID", "年份“" + year + "”无效");
        }
        if (days == null || days.isEmpty()) {
            throw new RuleViolation("CALENDAR_EMPTY", year + "年的安排中至少要有一天（放假日或调休上班日）");
        }
        Set<LocalDate> seen = new HashSet<>();
        Set<String> holidayNames = new HashSet<>();
        for (CalendarDay day : days) {
            requireComplete(year, day);
            if (!seen.add(day.date())) {
                throw new RuleViolation("CALENDAR_DAY_DUPLICATE", day.date() + " 重复填写");
            }
            DayOfWeek dow = day.date().getDayOfWeek();
            boolean weekend = dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
            if (day.kind() == DayKind.WORKDAY && !weekend) {
                throw new RuleViolation("CALENDAR_WORKDAY_NOT_WEEKEND",
                        day.date() + " 是工作日（" + weekday(dow) + "），调休上班日只能是周六或周日");
            }
            if (day.kind() == DayKind.HOLIDAY) {
                holidayNames.add(day.holidayName().trim());
            }
        }
        for (CalendarDay day : days) {
            if (day.kind() == DayKind.WORKDAY && !holidayNames.contains(day.holidayName().trim())) {
                throw new RuleViolation("CALENDAR_WORKDAY_WITHOUT_HOLIDAY",
                        day.date() + " 调休上班所属的“" + day.holidayName().trim() + "”在" + year + "年没有放假日");
            }
        }
        return days.stream().map(d -> new CalendarDay(d.date(), d.kind(), d.holidayName().trim()))
                .sorted(Comparator.comparing(CalendarDay::date)).toList();
    }

    /** One day of the year's list, complete on its own: a date in that year, a kind, a holiday's name. */
    private static void requireComplete(int year, CalendarDay day) {
        if (day == null || day.date() == null) {
            throw new RuleViolation("CALENDAR_DATE_MISSING", "每一天都要填写日期");
        }
        if (day.date().getYear() != year) {
            throw new RuleViolation("CALENDAR_WRONG_YEAR", day.date() + " 不在" + year + "年内");
        }
        if (day.kind() == null) {
            throw new RuleViolation("CALENDAR_KIND_MISSING", day.date() + " 请选择类型：放假（HOLIDAY）或调休上班（WORKDAY）");
        }
        if (day.holidayName() == null || day.holidayName().isBlank()) {
            throw new RuleViolation("CALENDAR_NAME_MISSING", day.date() + " 请填写所属节日名称（如“春节”）");
        }
        if (day.holidayName().trim().length() > MAX_NAME) {
            throw new RuleViolation("CALENDAR_NAME_TOO_LONG", day.date() + " 的节日名称不能超过" + MAX_NAME + "个字");
        }
    }

    private void reloadAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    workingDays.invalidate();
                }
            });
        } else {
            workingDays.invalidate();
        }
    }

    private static String summary(List<CalendarDay> days) {
        return days.stream().map(d -> d.date() + (d.kind() == DayKind.WORKDAY ? "上班" : "休"))
                .collect(Collectors.joining(","));
    }

    private static String weekday(DayOfWeek dow) {
        return "周" + "一二三四五六日".charAt(dow.getValue() - 1);
    }
}
