package cn.minzheng.bureau.engine;

import java.util.Date;
import java.util.List;
import java.util.function.Supplier;

import org.camunda.bpm.engine.impl.calendar.BusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Gives the engine business calendars that ask the application's {@link DueDateRule}s first. The engine picks a
 * calendar by the kind of timer: a timer's timeDuration goes to "duration", a timeDate and a user task's dueDate
 * to "dueDate", a timeCycle to "cycle" (the engine's own, unchanged). A value no rule takes goes to the engine's
 * own calendar of that kind.
 */
@Component
public class DueDateRulesPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<DueDateRule> rules;
    private volatile List<DueDateRule> resolved;

    public DueDateRulesPlugin(ObjectProvider<DueDateRule> rules) {
        this.rules = rules;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
        calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, new RulesFirst(new DurationBusinessCalendar(), this::rules));
        calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, new RulesFirst(new DueDateBusinessCalendar(), this::rules));
        calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
        configuration.setBusinessCalendarManager(calendars);
    }

    /** The rules, looked up at the first due date (the beans may need what needs the engine). */
    private List<DueDateRule> rules() {
        List<DueDateRule> known = resolved;
        if (known == null) {
            known = rules.orderedStream().toList();
            resolved = known;
        }
        return known;
    }

    /** One of the engine's calendars with the rules asked first. */
    public static final class RulesFirst implements BusinessCalendar {

        private final BusinessCalendar standard;
        private final Supplier<List<DueDateRule>> rules;

        public RulesFirst(BusinessCalendar standard, Supplier<List<DueDateRule>> rules) {
            this.standard = standard;
            this.rules = rules;
        }

        @Override
        public Date resolveDuedate(String duedate) {
            return resolveDuedate(duedate, (Date) null);
        }

        @Override
        public Date resolveDuedate(String duedate, Task task) {
            Date byRule = byRule(duedate, null);
            return byRule != null ? byRule : standard.resolveDuedate(duedate, task);
        }

        @Override
        public Date resolveDuedate(String duedate, Date startDate) {
            Date byRule = byRule(duedate, startDate);
            return byRule != null ? byRule : standard.resolveDuedate(duedate, startDate);
        }

        private Date byRule(String duedate, Date start) {
            if (duedate == null) {
                return null;
            }
            for (DueDateRule rule : rules.get()) {
                Date date = rule.resolve(duedate, start);
                if (date != null) {
                    return date;
                }
            }
            return null;
        }
    }
}
