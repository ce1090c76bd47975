package cn.minzheng.bureau.organisation;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.deadline.StatutoryLimit;

/**
 * The statutory time limits of the registration authority, in working days from acceptance of complete materials
 * until the decision is made known (certificate issued and announced, change recorded, or refusal); sources in
 * docs/statutory-time-limits.md. When one runs out, the head of the section supervises (statutory-supervision).
 */
public enum OrganisationLimit implements StatutoryLimit {

    /** 《社会团体登记管理条例》第十一条，《民办非企业单位登记管理暂行条例》第八条: 60日, counted as working days. */
    REGISTRATION(60, "成立登记决定（受理后60个工作日内）", "StartEvent_DecisionOverdue"),
    /** 《行政许可法》第四十二条、第八十二条: 20 working days; the 条例 set no limit of the authority's own. */
    CHANGE(20, "变更或注销登记决定（受理后20个工作日内）", "StartEvent_DecisionOverdue");

    /** The audit entity of an organisation, the subject of its limits. */
    public static final String SUBJECT = "SOCIAL_ORGANISATION";

    private final int workingDays;
    private final String label;
    private final String timerId;

    OrganisationLimit(int workingDays, String label, String timerId) {
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
        return Groups.ORGANISATION_HEAD;
    }

    @Override
    public String timerId() {
        return timerId;
    }

    /**
     * 《行政许可法》第四十二条: “二十日内不能作出决定的，经本行政机关负责人批准，可以延长十日” — the 变更/注销 limit, once,
     * by the section's head. The 条例's 60 days of 成立登记 have no extension.
     */
    @Override
    public int extensionWorkingDays() {
        return this == CHANGE ? 10 : 0;
    }
}
