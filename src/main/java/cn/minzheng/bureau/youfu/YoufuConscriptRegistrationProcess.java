package cn.minzheng.bureau.youfu;

import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by youfu-conscript-registration.bpmn, its start form and Java; the process's variables, declared. */
public final class YoufuConscriptRegistrationProcess {

    public static final String KEY = "youfu-conscript-registration";

    public static final String TASK_REGISTER = "Task_RegisterConscript";
    public static final String END_REGISTERED = "EndEvent_Registered";

    /** Start form fields. */
    public static final ProcessVariable<String> CONSCRIPT_ID_NUMBER = ProcessVariable.fact("conscriptIdNumber", String.class);
    public static final ProcessVariable<String> PAYEE_ID_NUMBER = ProcessVariable.fact("payeeIdNumber", String.class);
    public static final ProcessVariable<Object> ENLISTMENT_DATE = ProcessVariable.fact("enlistmentDate", Object.class);
    public static final ProcessVariable<Object> DISCHARGE_DATE = ProcessVariable.fact("dischargeDate", Object.class);

    /** The registration made. */
    public static final ProcessVariable<Long> CONSCRIPT_ID = ProcessVariable.fact("conscriptId", Long.class);
    public static final ProcessVariable<String> TOWNSHIP_CODE = ProcessVariable.fact("townshipCode", String.class);
    public static final ProcessVariable<String> REGISTERED_BY = ProcessVariable.fact("registeredBy", String.class);

    /** Every variable of the process, for its {@link YoufuConscriptRegistrationVariables}. */
    static final List<ProcessVariable<?>> VARIABLES = List.of(CONSCRIPT_ID_NUMBER, PAYEE_ID_NUMBER, ENLISTMENT_DATE,
            DISCHARGE_DATE, CONSCRIPT_ID, TOWNSHIP_CODE, REGISTERED_BY);

    private YoufuConscriptRegistrationProcess() {
    }
}
