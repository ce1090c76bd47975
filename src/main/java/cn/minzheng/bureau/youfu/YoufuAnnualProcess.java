package cn.minzheng.bureau.youfu;

import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by youfu-annual-review.bpmn, its form and Java; the process's variables, declared. */
public final class YoufuAnnualProcess {

    public static final String KEY = "youfu-annual-review";
    public static final String MESSAGE_START = "youfu-annual-review-start";

    public static final String START_YEARLY = "StartEvent_Yearly";
    public static final String START_MANUAL = "StartEvent_Manual";
    public static final String TASK_LIST = "Task_ListRecipients";
    public static final String TASK_CONFIRM = "Task_ConfirmByTownship";
    public static final String TIMER_DEADLINE = "BoundaryEvent_DeadlinePassed";
    public static final String TASK_SUSPEND = "Task_SuspendUnconfirmed";
    public static final String END_NOBODY = "EndEvent_NobodyToConfirm";
    public static final String END_CHECKED = "EndEvent_ReviewDone";

    /** The year of the 年审; the timer's run takes the current year. */
    public static final ProcessVariable<Integer> CHECK_YEAR = ProcessVariable.fact("checkYear", Integer.class);
    /** The deadline (ISO date-time, the end of its day), read by the boundary timer. */
    public static final ProcessVariable<String> DEADLINE = ProcessVariable.fact("reviewDeadline", String.class);
    public static final ProcessVariable<Integer> TOWNSHIP_COUNT = ProcessVariable.fact("townshipCount", Integer.class);
    public static final ProcessVariable<String> TOWNSHIP_CODE = ProcessVariable.fact("townshipCode", String.class);
    /** The township's recipients, as the form's rows, answered by the clerk (decision, reason). */
    public static final ProcessVariable<Object> RECIPIENTS = ProcessVariable.fact("recipients", Object.class);

    public static final ProcessVariable<String> TOWNSHIP_NAME = ProcessVariable.copy("townshipName", String.class);
    public static final ProcessVariable<String> RECIPIENTS_NOTE = ProcessVariable.copy("recipientsNote", String.class);

    public static final String VAR_CHECK_YEAR = CHECK_YEAR.name();
    public static final String VAR_RECIPIENTS = RECIPIENTS.name();

    static final List<ProcessVariable<?>> VARIABLES = List.of(CHECK_YEAR, DEADLINE, TOWNSHIP_COUNT, TOWNSHIP_CODE,
            RECIPIENTS, TOWNSHIP_NAME, RECIPIENTS_NOTE);

    private YoufuAnnualProcess() {
    }
}
