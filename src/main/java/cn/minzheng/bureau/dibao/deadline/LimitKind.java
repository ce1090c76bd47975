package cn.minzheng.bureau.dibao.deadline;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.deadline.StatutoryLimit;

/** The statutory time limits of a 低保 application, in working days, and who is told when one runs out. */
public enum LimitKind implements StatutoryLimit {
    DECISION(10, "区民政局审批（公示期满后10个工作日内）", Groups.DIBAO_HEAD, "BoundaryEvent_DecisionOverdue"),
    REFUSAL_NOTICE(3, "不予批准书面通知（决定后3个工作日内）", Groups.DISTRICT_APPROVER, "BoundaryEvent_RefusalNoticeOverdue"),
    PROCEDURE(30, "审批程序办结（受理后30个工作日内）", Groups.DIBAO_HEAD, "BoundaryEvent_ProcedureOverdue"),
    /** 审核确认办法: the survey starts within 3 working days of acceptance; started = the survey task claimed (or completed). */
    SURVEY_START(3, "开始入户调查（受理后3个工作日内）", Groups.DIBAO_HEAD, "BoundaryEvent_SurveyStartOverdue");

    /** The whole procedure, once extended (条例: 特殊情况可延长至45个工作日). */
    public static final int EXTENDED_PROCEDURE_DAYS = 45;

    private final int workingDays;
    private final String label;
    private final String supervisorGroup;
    private final String timerId;

    LimitKind(int workingDays, String label, String supervisorGroup, String timerId) {
        this.workingDays = workingDays;
        this.label = label;
        this.supervisorGroup = supervisorGroup;
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

    /** The level above the work that is late. */
    @Override
    public String supervisorGroup() {
        return supervisorGroup;
    }

    /** The boundary timer of dibao-application.bpmn that watches this limit. */
    @Override
    public String timerId() {
        return timerId;
    }
}
