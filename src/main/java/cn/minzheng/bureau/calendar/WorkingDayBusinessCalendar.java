package cn.minzheng.bureau.calendar;

import java.util.Date;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;

/**
 * The engine's "duration" and "dueDate" business calendars with working days added: a timer
 * duration (or a user task's due date) written {@code P10WD} ends at midnight after the tenth
 * working day from when the timer is created; every other value goes to the engine's own calendar
 * unchanged (ISO-8601 durations and dates, cycles).
 */
public class WorkingDayBusinessCalendar implements BusinessCalendar {

    /** P followed by a number of working days and WD, e.g. P10WD, P3WD, P45WD. */
    public static final Pattern WORKING_DAYS = Pattern.compile("^\\s*P(\\d{1,3})WD\\s*$");

    private final BusinessCalendar standard;
    private final WorkingDays workingDays;

    public WorkingDayBusinessCalendar(BusinessCalendar standard, WorkingDays workingDays) {
        this.standard = standard;
        this.workingDays = workingDays;
    }

    @Override
    public Date resolveDuedate(String duedate) {
        return resolveDuedate(duedate, (Date) null);
    }

    @Override
    public Date resolveDuedate(String duedate, Task task) {
        Matcher m = duedate == null ? null : WORKING_DAYS.matcher(duedate);
        if (m != null && m.matches()) {
            return workingDays.deadline(ClockUtil.getCurrentTime(), Integer.parseInt(m.group(1)));
        }
        return standard.resolveDuedate(duedate, task);
    }

    @Override
    public Date resolveDuedate(String duedate, Date startDate) {
        Matcher m = duedate == null ? null : WORKING_DAYS.matcher(duedate);
        if (m != null && m.matches()) {
            Date start = startDate != null ? startDate : ClockUtil.getCurrentTime();
            return workingDays.deadline(start, Integer.parseInt(m.group(1)));
        }
        return standard.resolveDuedate(duedate, startDate);
    }

    /** The number of working days of a P…WD value, or -1 when it is not one. */
    public static int workingDaysOf(String duedate) {
        Matcher m = duedate == null ? null : WORKING_DAYS.matcher(duedate);
        return m != null && m.matches() ? Integer.parseInt(m.group(1)) : -1;
    }
}
