package cn.minzheng.bureau.dibao.deadline;

import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by dibao-supervision.bpmn, its form and the Java code. */
public final class SupervisionProcess {

    public static final String KEY = "dibao-supervision";
    public static final String TASK_SUPERVISE = "Task_Supervise";

    // set at the start, by the limit that ran out (TimeLimitService.overrun)
    public static final ProcessVariable<Long> CASE_ID = ProcessVariable.fact("caseId", Long.class);
    public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.fact("caseNumber", String.class);
    public static final ProcessVariable<String> TOWNSHIP_CODE = ProcessVariable.fact("townshipCode", String.class);
    public static final ProcessVariable<String> TOWNSHIP_NAME = ProcessVariable.fact("townshipName", String.class);
    /** The applicant's name the task shows (its form and task card): a copy of the household's head. */
    public static final ProcessVariable<String> APPLICANT_NAME = ProcessVariable.copy("applicantName", String.class);
    public static final ProcessVariable<Long> TIME_LIMIT_ID = ProcessVariable.fact("timeLimitId", Long.class);
    public static final ProcessVariable<String> LIMIT_KIND = ProcessVariable.fact("limitKind", String.class);
    public static final ProcessVariable<String> LIMIT_NAME = ProcessVariable.fact("limitName", String.class);
    public static final ProcessVariable<String> LIMIT_DUE_AT = ProcessVariable.fact("limitDueAt", String.class);
    public static final ProcessVariable<String> SUPERVISOR_GROUP = ProcessVariable.fact("supervisorGroup", String.class);
    // 督办超期案件
    public static final ProcessVariable<String> SUPERVISION_COMMENT = ProcessVariable.fact("supervisionComment", String.class);

    static final List<ProcessVariable<?>> VARIABLES = List.of(CASE_ID, CASE_NUMBER, TOWNSHIP_CODE, TOWNSHIP_NAME,
            APPLICANT_NAME, TIME_LIMIT_ID, LIMIT_KIND, LIMIT_NAME, LIMIT_DUE_AT, SUPERVISOR_GROUP, SUPERVISION_COMMENT);

    public static final String VAR_TIME_LIMIT_ID = TIME_LIMIT_ID.name();
    public static final String VAR_LIMIT_KIND = LIMIT_KIND.name();
    public static final String VAR_LIMIT_NAME = LIMIT_NAME.name();
    public static final String VAR_LIMIT_DUE_AT = LIMIT_DUE_AT.name();
    public static final String VAR_SUPERVISOR_GROUP = SUPERVISOR_GROUP.name();
    public static final String VAR_SUPERVISION_COMMENT = SUPERVISION_COMMENT.name();

    private SupervisionProcess() {
    }
}
