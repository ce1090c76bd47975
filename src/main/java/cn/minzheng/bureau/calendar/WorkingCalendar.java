package cn.minzheng.bureau.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Working-day arithmetic over one snapshot of the calendar: Monday to Friday are working days,
 * except the listed holidays; Saturday and Sunday are not, except the listed make-up working days
 * (调休). A year without any listed day counts as a plain Monday-to-Friday year.
 */
public final class WorkingCalendar {

    /** Mainland China: statutory time limits run in Beijing time, whatever the server's zone. */
    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final Map<LocalDate, DayKind> days;
    private final Set<Integer> years;

    public WorkingCalendar(Collection<CalendarDay> days) {
        Map<LocalDate, DayKind> map = new TreeMap<>();
        days.forEach(d -> map.put(d.date(), d.kind()));
        this.days = Map.copyOf(map);
        this.years = Set.copyOf(map.keySet().stream().map(LocalDate::getYear).toList());
    }

    public boolean isWorkingDay(LocalDate date) {
        DayKind kind = days.get(date);
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /** Whether the administrators have entered the year (otherwise it counts as a plain year). */
    public boolean knowsYear(int year) {
        return years.contains(year);
    }

    /** The n-th working day after {@code from} (from itself not counted); n = 0 gives from itself. */
    public LocalDate plusWorkingDays(LocalDate from, int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative number of working days: " + n);
        }
        LocalDate date = from;
        for (int counted = 0; counted < n; ) {
            date = date.plusDays(1);
            if (isWorkingDay(date)) {
                counted++;
            }
        }
        return date;
    }

    /** Working days after {@code from} up to and including {@code to}; negative when to is before from. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return -workingDaysBetween(to, from);
        }
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }

    /**
     * The end of a limit of n working days that starts at {@code start}: midnight after the n-th
     * working day following the start's date (Beijing time). The day the limit starts is not counted.
     */
    public Date deadline(Date start, int n) {
        LocalDate startDay = start.toInstant().atZone(ZONE).toLocalDate();
        ZonedDateTime end = plusWorkingDays(startDay, n).plusDays(1).atStartOfDay(ZONE);
        return Date.from(end.toInstant());
    }
}
