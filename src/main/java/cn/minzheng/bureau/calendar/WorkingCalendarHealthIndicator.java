package cn.minzheng.bureau.calendar;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/**
 * /actuator/health/workingCalendar: WARNING (HTTP 200) while {@link CalendarReminder} warns, UP otherwise. The
 * application's overall health stays UP (management.endpoint.health.status.order puts WARNING after UP): a missing
 * calendar is work for the administrator, not a reason for a load balancer to take the node out.
 */
@Component
public class WorkingCalendarHealthIndicator implements HealthIndicator {

    public static final Status WARNING = new Status("WARNING");

    private final CalendarReminder reminder;

    public WorkingCalendarHealthIndicator(CalendarReminder reminder) {
        this.reminder = reminder;
    }

    @Override
    public Health health() {
        return reminder.warning().map(text -> Health.status(WARNING).withDetail("warning", text).build())
                .orElseGet(() -> Health.up().build());
    }
}
