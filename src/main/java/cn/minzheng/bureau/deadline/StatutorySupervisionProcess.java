package cn.minzheng.bureau.deadline;

import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by statutory-supervision.bpmn, its form and the Java code. */
public final class StatutorySupervisionProcess {

    public static final String KEY = "statutory-supervision";
    public static final String TASK_SUPERVISE = "Task_Supervise";

    // set at the start, by the limit that ran out (StatutoryTimeLimits.overrun)
    public static final ProcessVariable<Long> TIME_LIMIT_ID = ProcessVariable.fact("timeLimitId", Long.class);
    public static final ProcessVariable<String> SUBJECT_TYPE = ProcessVariable.fact("subjectType", String.class);
    public static final ProcessVariable<Long> SUBJECT_ID = ProcessVariable.fact("subjectId", Long.class);
    /** What is late, as its forms named it (“某某协会”): a copy of the subject's name. */
    public static final ProcessVariable<String> SUBJECT_NAME = ProcessVariable.copy("subjectName", String.class);
    /** The work that is late: “民间组织成立登记”. */
    public static final ProcessVariable<String> WORK_NAME = ProcessVariable.fact("workName", String.class);
    public static final ProcessVariable<String> LIMIT_KIND = ProcessVariable.fact("limitKind", String.class);
    public static final ProcessVariable<String> LIMIT_NAME = ProcessVariable.fact("limitName", String.class);
    public static final ProcessVariable<String> LIMIT_DUE_AT = ProcessVariable.fact("limitDueAt", String.class);
    public static final ProcessVariable<String> SUPERVISOR_GROUP = ProcessVariable.fact("supervisorGroup", String.class);
    // 督办超期事项
    public static final ProcessVariable<String> SUPERVISION_COMMENT = ProcessVariable.fact("supervisionComment", String.class);

    static final List<ProcessVariable<?>> VARIABLES = List.of(TIME_LIMIT_ID, SUBJECT_TYPE, SUBJECT_ID, SUBJECT_NAME,
            WORK_NAME, LIMIT_KIND, LIMIT_NAME, LIMIT_DUE_AT, SUPERVISOR_GROUP, SUPERVISION_COMMENT);

    private StatutorySupervisionProcess() {
    }
}
