package cn.minzheng.bureau.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.calendar.CalendarDay;
import cn.minzheng.bureau.calendar.DayKind;
import cn.minzheng.bureau.calendar.WorkingCalendar;
import cn.minzheng.bureau.calendar.WorkingDayBusinessCalendar;

/**
 * The registration authority's limits on the working-day calendar, hand-counted on the 2026 arrangements
 * (国务院办公厅 notice: 清明 4–6 April, 劳动节 1–5 May, 中秋 25–27 September and 国庆 1–7 October off; Saturday 9 May,
 * Sunday 20 September and Saturday 10 October worked) and on plain Monday-to-Friday weeks; and each process's timer is a non-interrupting working-day timer of the limit's length.
 */
class OrganisationLimitTest {

    static final WorkingCalendar CALENDAR_2026 = new WorkingCalendar(days2026());
    static final WorkingCalendar PLAIN = new WorkingCalendar(List.of());

    /** The days of 2026 from 清明 on, as V31__working_calendar.sql seeds them. */
    static List<CalendarDay> days2026() {
        List<CalendarDay> days = new ArrayList<>();
        for (int d = 4; d <= 6; d++) {
            days.add(new CalendarDay(LocalDate.of(2026, 4, d), DayKind.HOLIDAY, "清明节"));
        }
        for (int d = 1; d <= 5; d++) {
            days.add(new CalendarDay(LocalDate.of(2026, 5, d), DayKind.HOLIDAY, "劳动节"));
        }
        days.add(new CalendarDay(LocalDate.of(2026, 5, 9), DayKind.WORKDAY, "劳动节"));
        days.add(new CalendarDay(LocalDate.of(2026, 9, 20), DayKind.WORKDAY, "国庆节"));
        for (int d = 25; d <= 27; d++) {
            days.add(new CalendarDay(LocalDate.of(2026, 9, d), DayKind.HOLIDAY, "中秋节"));
        }
        for (int d = 1; d <= 7; d++) {
            days.add(new CalendarDay(LocalDate.of(2026, 10, d), DayKind.HOLIDAY, "国庆节"));
        }
        days.add(new CalendarDay(LocalDate.of(2026, 10, 10), DayKind.WORKDAY, "国庆节"));
        return days;
    }

    @ParameterizedTest(name = "{0} accepted {1}: due {2} (plain weeks: {3})")
    @CsvSource({
            // 60th working day Fri 11 Dec: 6 weekday holidays less 2 make-up days push it 4 working days past Mon 7 Dec
            "REGISTRATION, 2026-09-14T10:00, 2026-12-12T00:00, 2026-12-08T00:00",
            // 20th working day Thu 29 Oct (25.9 and 1–7.10 off, 10.10 worked), else Thu 22 Oct
            "CHANGE,       2026-09-24T15:00, 2026-10-30T00:00, 2026-10-23T00:00",
            // accepted on a Friday afternoon: the make-up Sunday 20 Sep is the 1st working day; 20th is Thu 22 Oct
            "CHANGE,       2026-09-18T16:00, 2026-10-23T00:00, 2026-10-17T00:00",
            // no holiday in March: the same either way, 20th working day Mon 30 March
            "CHANGE,       2026-03-02T09:00, 2026-03-31T00:00, 2026-03-31T00:00",
            // accepted on a Saturday (the day never counts, Monday 9 March is the 1st); 清明 6 April and 劳动节 1, 4, 5 May
            // off, Saturday 9 May worked: the 60th is Wed 3 June instead of Fri 29 May
            "REGISTRATION, 2026-03-07T11:00, 2026-06-04T00:00, 2026-05-30T00:00"
    })
    void theLimitEndsAtMidnightAfterItsLastWorkingDay(OrganisationLimit limit, LocalDateTime accepted, LocalDateTime due,
                                                      LocalDateTime duePlain) {
        assertThat(CALENDAR_2026.deadline(beijing(accepted), limit.workingDays())).isEqualTo(beijing(due));
        assertThat(PLAIN.deadline(beijing(accepted), limit.workingDays())).isEqualTo(beijing(duePlain));
        assertThat(limit.supervisorGroup()).isEqualTo(Groups.ORGANISATION_HEAD);
    }

    @ParameterizedTest
    @CsvSource({"REGISTRATION, processes/organisation-registration.bpmn", "CHANGE, processes/organisation-change.bpmn"})
    void theTimerInTheDiagramHasTheLimitsLength(OrganisationLimit limit, String file) {
        BpmnModelInstance model = Bpmn.readModelFromFile(new File(file));
        StartEvent timer = model.getModelElementById(limit.timerId());
        assertThat(timer).as(limit.timerId()).isNotNull();
        assertThat(timer.isInterrupting()).isFalse();
        assertThat(((SubProcess) timer.getParentElement()).triggeredByEvent()).isTrue();
        TimerEventDefinition definition = (TimerEventDefinition) timer.getEventDefinitions().iterator().next();
        assertThat(WorkingDayBusinessCalendar.workingDaysOf(definition.getTimeDuration().getTextContent()))
                .isEqualTo(limit.workingDays());
    }

    static Date beijing(LocalDateTime time) {
        return Date.from(time.atZone(WorkingCalendar.ZONE).toInstant());
    }
}
