package cn.minzheng.bureau.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The engine's clock, which tests move forward to fire timers: what every due date, deadline and "today" of a
 * process reads, so that a process and its tables agree on the time.
 */
public final class EngineClock {

    private EngineClock() {
    }

    public static Date now() {
        return ClockUtil.getCurrentTime();
    }

    public static Instant instant() {
        return now().toInstant();
    }

    /** Moves the clock (the demo year builds its months this way); {@link #reset()} puts it back. */
    public static void moveTo(LocalDateTime time) {
        ClockUtil.setCurrentTime(Date.from(time.atZone(ZoneId.systemDefault()).toInstant()));
    }

    public static void reset() {
        ClockUtil.reset();
    }

    public static LocalDateTime dateTime() {
        return LocalDateTime.ofInstant(instant(), ZoneId.systemDefault());
    }

    public static LocalDate today() {
        return LocalDate.ofInstant(instant(), ZoneId.systemDefault());
    }
}
