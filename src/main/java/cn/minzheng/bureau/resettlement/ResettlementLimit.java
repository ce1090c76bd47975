package cn.minzheng.bureau.resettlement;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.deadline.StatutoryLimit;

/**
 * The report-in limit of a soldier placed in a job: he reports to the receiving unit within one month of the
 * placement notice, counted on the working-day calendar as 20 working days (docs/resettlement.md). When it runs
 * out, the 优抚安置科 that issued the notice supervises the unit and the soldier (statutory-supervision).
 */
public enum ResettlementLimit implements StatutoryLimit {

    REPORT_IN(20, "到接收单位报到（安置通知发出后20个工作日内）", "BoundaryEvent_ReportInOverdue");

    /** The audit entity of a registration, the subject of its limit. */
    public static final String SUBJECT = "VETERAN_RESETTLEMENT";

    private final int workingDays;
    private final String label;
    private final String timerId;

    ResettlementLimit(int workingDays, String label, String timerId) {
        this.workingDays = workingDays;
        this.label = label;
        this.timerId = timerId;
    }

    @Override
    public int workingDays() {
        return workingDays;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public String supervisorGroup() {
        return Groups.YOUFU_SECTION;
    }

    @Override
    public String timerId() {
        return timerId;
    }
}
