package cn.minzheng.bureau.gaoling;

import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by gaoling-monthly-proposal.bpmn, its form and Java; the process's variables, declared. */
public final class GaolingProposalProcess {

    public static final String KEY = "gaoling-monthly-proposal";

    /** The message of the manual start (the process's one timer start is the monthly run). */
    public static final String MESSAGE_START = "gaoling-monthly-proposal-start";

    public static final String START_MONTHLY = "StartEvent_Monthly";
    public static final String START_MANUAL = "StartEvent_Manual";
    public static final String TASK_LIST = "Task_ListCandidates";
    public static final String TASK_CONFIRM = "Task_ConfirmByTownship";
    public static final String END_NOBODY = "EndEvent_NobodyToPropose";
    public static final String END_CONFIRMED = "EndEvent_ProposalsConfirmed";

    /** The month proposed for (yyyy-MM); the timer's run takes the current month. */
    public static final ProcessVariable<String> PROPOSAL_MONTH = ProcessVariable.fact("proposalMonth", String.class);
    public static final ProcessVariable<Integer> TOWNSHIP_COUNT = ProcessVariable.fact("townshipCount", Integer.class);
    /** The township of one clerk task (the multi-instance's element). */
    public static final ProcessVariable<String> TOWNSHIP_CODE = ProcessVariable.fact("townshipCode", String.class);
    /** The people proposed to the township, as the form's rows, answered by the clerk (decision, reason). */
    public static final ProcessVariable<Object> PEOPLE = ProcessVariable.fact("people", Object.class);

    public static final ProcessVariable<String> TOWNSHIP_NAME = ProcessVariable.copy("townshipName", String.class);
    public static final ProcessVariable<String> PEOPLE_NOTE = ProcessVariable.copy("peopleNote", String.class);

    public static final String VAR_PROPOSAL_MONTH = PROPOSAL_MONTH.name();
    public static final String VAR_PEOPLE = PEOPLE.name();

    static final List<ProcessVariable<?>> VARIABLES = List.of(PROPOSAL_MONTH, TOWNSHIP_COUNT, TOWNSHIP_CODE, PEOPLE,
            TOWNSHIP_NAME, PEOPLE_NOTE);

    private GaolingProposalProcess() {
    }
}
