package cn.minzheng.bureau.dibao.deadline;

/** Names shared by dibao-supervision.bpmn, its form and the Java code. */
public final class SupervisionProcess {

    public static final String KEY = "dibao-supervision";
    public static final String TASK_SUPERVISE = "Task_Supervise";

    public static final String VAR_TIME_LIMIT_ID = "timeLimitId";
    public static final String VAR_LIMIT_KIND = "limitKind";
    public static final String VAR_LIMIT_NAME = "limitName";
    public static final String VAR_LIMIT_DUE_AT = "limitDueAt";
    public static final String VAR_SUPERVISOR_GROUP = "supervisorGroup";
    public static final String VAR_SUPERVISION_COMMENT = "supervisionComment";

    private SupervisionProcess() {
    }
}
