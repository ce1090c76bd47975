package cn.minzheng.bureau.community.mediation;

import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by civil-mediation.bpmn, its forms and Java; the process's variables, declared. */
public final class CivilMediationProcess {

    public static final String KEY = "civil-mediation";

    public static final String TASK_SESSION = "Task_HoldMediationSession";
    public static final String TASK_SUPERVISE = "Task_SuperviseOverdueMediation";
    public static final String TIMER_OVERDUE = "BoundaryEvent_MediationOverdue";

    public static final ProcessVariable<Long> DISPUTE_ID = ProcessVariable.fact("disputeId", Long.class);
    public static final ProcessVariable<String> COMMUNITY_CODE = ProcessVariable.fact("communityCode", String.class);
    public static final ProcessVariable<String> TOWNSHIP_CODE = ProcessVariable.fact("townshipCode", String.class);

    /** Start form fields (the parties as the form's JSON rows). */
    public static final ProcessVariable<String> COMMUNITY = ProcessVariable.fact("community", String.class);
    public static final ProcessVariable<String> SUBJECT = ProcessVariable.fact("subject", String.class);
    public static final ProcessVariable<Object> PARTIES = ProcessVariable.fact("parties", Object.class);

    /** Session form fields. */
    public static final ProcessVariable<Object> HELD_ON = ProcessVariable.fact("heldOn", Object.class);
    public static final ProcessVariable<String> SESSION_SUMMARY = ProcessVariable.fact("sessionSummary", String.class);
    public static final ProcessVariable<String> SESSION_RESULT = ProcessVariable.fact("sessionResult", String.class);
    public static final ProcessVariable<String> AGREEMENT_TEXT = ProcessVariable.fact("agreement", String.class);
    public static final ProcessVariable<String> REFERRED_TO = ProcessVariable.fact("referredTo", String.class);
    public static final ProcessVariable<String> REFERRAL_REASON = ProcessVariable.fact("referralReason", String.class);
    public static final ProcessVariable<String> SUPERVISION_NOTE = ProcessVariable.fact("supervisionNote", String.class);

    /** Copies of the dispute's rows, shown by the forms. */
    public static final ProcessVariable<String> COMMUNITY_NAME = ProcessVariable.copy("communityName", String.class);
    public static final ProcessVariable<String> PARTIES_SUMMARY = ProcessVariable.copy("partiesSummary", String.class);
    public static final ProcessVariable<String> DEADLINE = ProcessVariable.copy("deadline", String.class);
    public static final ProcessVariable<Integer> SESSIONS_HELD = ProcessVariable.copy("sessionsHeld", Integer.class);

    public static final String VAR_DISPUTE_ID = DISPUTE_ID.name();
    public static final String VAR_COMMUNITY_CODE = COMMUNITY_CODE.name();
    public static final String VAR_TOWNSHIP_CODE = TOWNSHIP_CODE.name();
    public static final String VAR_COMMUNITY = COMMUNITY.name();
    public static final String VAR_SUBJECT = SUBJECT.name();
    public static final String VAR_PARTIES = PARTIES.name();
    public static final String VAR_HELD_ON = HELD_ON.name();
    public static final String VAR_SESSION_SUMMARY = SESSION_SUMMARY.name();
    public static final String VAR_SESSION_RESULT = SESSION_RESULT.name();
    public static final String VAR_AGREEMENT = AGREEMENT_TEXT.name();
    public static final String VAR_REFERRED_TO = REFERRED_TO.name();
    public static final String VAR_REFERRAL_REASON = REFERRAL_REASON.name();
    public static final String VAR_SUPERVISION_NOTE = SUPERVISION_NOTE.name();

    /** Results of a session. */
    public static final String CONTINUE = "CONTINUE";
    public static final String AGREEMENT = "AGREEMENT";
    public static final String NO_AGREEMENT = "NO_AGREEMENT";

    /** Where an unresolved dispute goes. */
    public static final String TO_COURT = "COURT";
    public static final String TO_JUDICIAL_OFFICE = "JUDICIAL_OFFICE";

    /** Every variable of the process, for its {@link CivilMediationVariables}. */
    static final List<ProcessVariable<?>> VARIABLES = List.of(DISPUTE_ID, COMMUNITY_CODE, TOWNSHIP_CODE, COMMUNITY, SUBJECT,
            PARTIES, HELD_ON, SESSION_SUMMARY, SESSION_RESULT, AGREEMENT_TEXT, REFERRED_TO, REFERRAL_REASON, SUPERVISION_NOTE,
            COMMUNITY_NAME, PARTIES_SUMMARY, DEADLINE, SESSIONS_HELD);

    private CivilMediationProcess() {
    }
}
