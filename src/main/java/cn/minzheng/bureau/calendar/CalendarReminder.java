package cn.minzheng.bureau.calendar;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.engine.EngineClock;

/**
 * Next year's holidays must be entered before the year begins: the State Council publishes them in November, and a
 * year not entered counts as plain Monday to Friday, so every statutory limit running over its holidays would end
 * too early. From 1 December (Beijing time, on the engine's clock) until next year is entered this class says so;
 * the health indicator and the ledger pages show it: as a warning to those who can import the year, as a notice to
 * everyone else, who can do nothing about it but should know why a deadline may fall on a holiday.
 */
@Component
public class CalendarReminder {

    static final MonthDay FROM = MonthDay.of(12, 1);

    private final WorkingDays workingDays;

    public CalendarReminder(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    /** The warning for today, or empty when the calendar is complete for now. */
    public Optional<String> warning() {
        return warning(LocalDate.ofInstant(EngineClock.instant(), WorkingCalendar.ZONE));
    }

    /** The ledger pages' banner (Thymeleaf) for a user of these groups, or null when there is nothing to say. */
    public Banner banner(List<String> groups) {
        return missingYear(workingDays.calendar(), LocalDate.ofInstant(EngineClock.instant(), WorkingCalendar.ZONE))
                .map(year -> banner(year, groups))
                .orElse(null);
    }

    /** What the banner says, and whether its reader is one who can act on it (a warning) or not (a notice). */
    public record Banner(String text, boolean actionable) {
    }

    static Banner banner(int missingYear, List<String> groups) {
        boolean mayImport = groups != null && (groups.contains(Groups.ADMIN) || groups.contains(Groups.PROCESS_MANAGER));
        return mayImport ? new Banner(message(missingYear), true) : new Banner(notice(missingYear), false);
    }

    Optional<String> warning(LocalDate today) {
        return warning(workingDays.calendar(), today);
    }

    /** This year not entered, or next year not entered from 1 December on. */
    static Optional<String> warning(WorkingCalendar calendar, LocalDate today) {
        return missingYear(calendar, today).map(CalendarReminder::message);
    }

    static Optional<Integer> missingYear(WorkingCalendar calendar, LocalDate today) {
        if (!calendar.knowsYear(today.getYear())) {
            return Optional.of(today.getYear());
        }
        if (!MonthDay.from(today).isBefore(FROM) && !calendar.knowsYear(today.getYear() + 1)) {
            return Optional.of(today.getYear() + 1);
        }
        return Optional.empty();
    }

    private static String message(int year) {
        return year + "年的工作日历（法定节假日和调休安排）尚未录入，工作日期限将按普通的周一至周五计算。"
                + "请系统管理员按国务院办公厅的通知在“工作日历”页导入" + year + "年的安排。";
    }

    private static String notice(int year) {
        return year + "年的工作日历（法定节假日和调休安排）尚未录入，落在" + year + "年的工作日期限暂按普通的周一至周五计算。"
                + "工作日历由系统管理员导入。";
    }
}
