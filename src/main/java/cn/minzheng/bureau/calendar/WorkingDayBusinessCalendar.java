package cn.minzheng.bureau.calendar;

import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.engine.DueDateRule;
import cn.minzheng.bureau.engine.EngineClock;

/**
 * Working days in the engine's "duration" and "dueDate" business calendars: a timer duration (or a user task's
 * due date) written {@code P10WD} ends at midnight after the tenth working day from when the timer is created;
 * every other value goes to the engine's own calendar unchanged (ISO-8601 durations and dates, cycles).
 */
@Component
public class WorkingDayBusinessCalendar implements DueDateRule {

    /** P followed by a number of working days and WD, e.g. P10WD, P3WD, P45WD. */
    public static final Pattern WORKING_DAYS = Pattern.compile("^\\s*P(\\d{1,3})WD\\s*$");

    private final WorkingDays workingDays;

    public WorkingDayBusinessCalendar(WorkingDays workingDays) {
        this.workingDays = workingDays;
    }

    @Override
    public Date resolve(String value, Date start) {
        int days = workingDaysOf(value);
        if (days < 0) {
            return null;
        }
        return workingDays.deadline(start != null ? start : EngineClock.now(), days);
    }

    /** The number of working days of a P…WD value, or -1 when it is not one. */
    public static int workingDaysOf(String duedate) {
        Matcher m = duedate == null ? null : WORKING_DAYS.matcher(duedate);
        return m != null && m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }
}
