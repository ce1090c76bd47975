package cn.minzheng.bureau.deadline;

/**
 * A statutory time limit of some line of work, in working days by the calendar (calendar/WorkingDays), watched by a
 * boundary or event-subprocess timer of its process ({@code PnWD}); when it runs out, the level above supervises.
 * Each line of work lists its limits as an enum implementing this (dibao/deadline/LimitKind,
 * organisation/OrganisationLimit).
 */
public interface StatutoryLimit {

    /** The enum constant's name, stored with the limit. */
    String name();

    int workingDays();

    /** What the limit is, in Chinese, with its period: “成立登记决定（受理后60个工作日内）”. */
    String label();

    /** The group of the level above the late work, who supervises it. */
    String supervisorGroup();

    /** The timer of the process that watches this limit. */
    String timerId();

    /** The working days by which the limit may be extended once, before it runs out; 0: it may not be extended. */
    default int extensionWorkingDays() {
        return 0;
    }

    /** Who may grant the extension (the group), if {@link #extensionWorkingDays()} is not 0. */
    default String extensionGroup() {
        return supervisorGroup();
    }
}
