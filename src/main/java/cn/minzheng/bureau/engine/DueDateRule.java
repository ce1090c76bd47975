package cn.minzheng.bureau.engine;

import java.util.Date;

/**
 * A form of due date or timer duration the engine's business calendars do not know (e.g. {@code P10WD}, ten
 * working days), as a bean: {@link DueDateRulesPlugin} asks the rules before the engine's own "duration" and
 * "dueDate" calendars, for timers' durations and dates and for user tasks' due dates.
 */
public interface DueDateRule {

    /**
     * The due date for the value counted from start (from the engine's clock when start is null), or null when the
     * value is not of this rule's form and the engine's own calendar applies.
     */
    Date resolve(String value, Date start);
}
