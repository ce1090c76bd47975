package cn.minzheng.bureau.youfu;

import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by youfu-conscript-grant.bpmn, its form and Java; the process's variables, declared. */
public final class YoufuConscriptProcess {

    public static final String KEY = "youfu-conscript-grant";
    public static final String MESSAGE_START = "youfu-conscript-grant-start";
    /** 义务兵家庭优待金: a one-off program, one enrolment per conscript and year. */
    public static final String PROGRAM = "YOUFU_YOUDAI";

    public static final String START_YEARLY = "StartEvent_Yearly";
    public static final String START_MANUAL = "StartEvent_Manual";
    public static final String TASK_LIST = "Task_ListConscripts";
    public static final String TASK_CONFIRM = "Task_ConfirmByTownship";
    public static final String END_NOBODY = "EndEvent_NobodyToGrant";
    public static final String END_GRANTED = "EndEvent_Granted";

    /** The year of the grant; the timer's run takes the current year. */
    public static final ProcessVariable<Integer> GRANT_YEAR = ProcessVariable.fact("grantYear", Integer.class);
    public static final ProcessVariable<Integer> TOWNSHIP_COUNT = ProcessVariable.fact("townshipCount", Integer.class);
    public static final ProcessVariable<String> TOWNSHIP_CODE = ProcessVariable.fact("townshipCode", String.class);
    /** The township's conscripts, as the form's rows, answered by the clerk (decision, reason). */
    public static final ProcessVariable<Object> CONSCRIPTS = ProcessVariable.fact("conscripts", Object.class);

    public static final ProcessVariable<String> TOWNSHIP_NAME = ProcessVariable.copy("townshipName", String.class);
    public static final ProcessVariable<String> CONSCRIPTS_NOTE = ProcessVariable.copy("conscriptsNote", String.class);

    public static final String VAR_GRANT_YEAR = GRANT_YEAR.name();
    public static final String VAR_CONSCRIPTS = CONSCRIPTS.name();

    static final List<ProcessVariable<?>> VARIABLES = List.of(GRANT_YEAR, TOWNSHIP_COUNT, TOWNSHIP_CODE, CONSCRIPTS,
            TOWNSHIP_NAME, CONSCRIPTS_NOTE);

    private YoufuConscriptProcess() {
    }
}
