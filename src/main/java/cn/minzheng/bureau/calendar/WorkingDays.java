package cn.minzheng.bureau.calendar;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Working days of mainland China, from the calendar the administrators keep in calendar_day.
 * The calendar is cached; a change through {@link CalendarAdmin} reloads it on this node at once,
 * other nodes reload it within {@code bureau.calendar.refresh} (default five minutes).
 * Limits already computed (timers already created) keep their due date.
 */
@Service
public class WorkingDays {

    private final CalendarRepository repository;
    private final Duration refresh;
    private final Clock clock = Clock.systemUTC();
    private volatile Snapshot snapshot;

    private record Snapshot(WorkingCalendar calendar, Instant loadedAt) {
    }

    public WorkingDays(CalendarRepository repository, @Value("${bureau.calendar.refresh:PT5M}") Duration refresh) {
        this.repository = repository;
        this.refresh = refresh;
    }

    public WorkingCalendar calendar() {
        Snapshot current = snapshot;
        if (current == null || current.loadedAt().plus(refresh).isBefore(clock.instant())) {
            current = new Snapshot(new WorkingCalendar(repository.all()), clock.instant());
            snapshot = current;
        }
        return current.calendar();
    }

    /** Forget the cached calendar: the next use reads the table again. */
    public void invalidate() {
        snapshot = null;
    }

    public boolean isWorkingDay(LocalDate date) {
        return calendar().isWorkingDay(date);
    }

    public LocalDate plusWorkingDays(LocalDate from, int n) {
        return calendar().plusWorkingDays(from, n);
    }

    public int workingDaysBetween(LocalDate from, LocalDate to) {
        return calendar().workingDaysBetween(from, to);
    }

    /** End of a limit of n working days starting at start (see {@link WorkingCalendar#deadline}). */
    public Date deadline(Date start, int n) {
        return calendar().deadline(start, n);
    }

    /** Working days left from today until the deadline's last working day; negative once past. */
    public int workingDaysLeft(Date deadline, Date now) {
        LocalDate today = now.toInstant().atZone(WorkingCalendar.ZONE).toLocalDate();
        LocalDate lastDay = deadline.toInstant().atZone(WorkingCalendar.ZONE).toLocalDate().minusDays(1);
        if (!deadline.after(now)) {
            return -Math.max(1, calendar().workingDaysBetween(lastDay, today));
        }
        return calendar().workingDaysBetween(today, lastDay);
    }
}
