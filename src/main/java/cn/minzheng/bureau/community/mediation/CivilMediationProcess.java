package cn.minzheng.bureau.community.mediation;

/** Names shared by civil-mediation.bpmn, its forms and Java. */
public final class CivilMediationProcess {

    public static final String KEY = "civil-mediation";

    public static final String TASK_SESSION = "Task_HoldMediationSession";
    public static final String TASK_SUPERVISE = "Task_SuperviseOverdueMediation";
    public static final String TIMER_OVERDUE = "BoundaryEvent_MediationOverdue";

    public static final String VAR_DISPUTE_ID = "disputeId";
    public static final String VAR_COMMUNITY_CODE = "communityCode";
    public static final String VAR_TOWNSHIP_CODE = "townshipCode";

    /** Start form fields. */
    public static final String VAR_COMMUNITY = "community";
    public static final String VAR_SUBJECT = "subject";
    public static final String VAR_PARTIES = "parties";

    /** Session form fields. */
    public static final String VAR_HELD_ON = "heldOn";
    public static final String VAR_SESSION_SUMMARY = "sessionSummary";
    public static final String VAR_SESSION_RESULT = "sessionResult";
    public static final String VAR_AGREEMENT = "agreement";
    public static final String VAR_REFERRED_TO = "referredTo";
    public static final String VAR_REFERRAL_REASON = "referralReason";
    public static final String VAR_SUPERVISION_NOTE = "supervisionNote";

    /** Results of a session. */
    public static final String CONTINUE = "CONTINUE";
    public static final String AGREEMENT = "AGREEMENT";
    public static final String NO_AGREEMENT = "NO_AGREEMENT";

    /** Where an unresolved dispute goes. */
    public static final String TO_COURT = "COURT";
    public static final String TO_JUDICIAL_OFFICE = "JUDICIAL_OFFICE";

    private CivilMediationProcess() {
    }
}
