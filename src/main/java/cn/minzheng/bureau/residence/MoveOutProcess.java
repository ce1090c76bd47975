package cn.minzheng.bureau.residence;

import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by household-move-out.bpmn, its start form and Java; the process's variables, declared. */
public final class MoveOutProcess {

    public static final String KEY = "household-move-out";

    public static final String TASK_RECORD = "Task_RecordMoveOut";
    public static final String END_RECORDED = "EndEvent_ProgramsNotified";

    /** Start form fields. */
    public static final ProcessVariable<String> ID_NUMBER = ProcessVariable.fact("personIdNumber", String.class);
    public static final ProcessVariable<Object> MOVED_ON = ProcessVariable.fact("movedOn", Object.class);
    public static final ProcessVariable<String> DESTINATION = ProcessVariable.fact("destination", String.class);
    public static final ProcessVariable<String> TRANSFER_REFERENCE = ProcessVariable.fact("transferReference", String.class);

    public static final ProcessVariable<Long> MOVE_OUT_ID = ProcessVariable.fact("moveOutId", Long.class);
    public static final ProcessVariable<String> TOWNSHIP_CODE = ProcessVariable.fact("townshipCode", String.class);
    public static final ProcessVariable<String> REGISTERED_BY = ProcessVariable.fact("registeredBy", String.class);
    /** What the programs did, kept for the record (household_move_out.effects is the record). */
    public static final ProcessVariable<String> EFFECTS = ProcessVariable.copy("effects", String.class);

    /** Every variable of the process, for its {@link MoveOutVariables}. */
    static final List<ProcessVariable<?>> VARIABLES = List.of(ID_NUMBER, MOVED_ON, DESTINATION, TRANSFER_REFERENCE,
            MOVE_OUT_ID, TOWNSHIP_CODE, REGISTERED_BY, EFFECTS);

    private MoveOutProcess() {
    }
}
