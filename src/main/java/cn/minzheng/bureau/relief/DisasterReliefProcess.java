package cn.minzheng.bureau.relief;

import java.util.Date;
import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/**
 * Names shared by disaster-relief.bpmn, its forms and the Java that serves it: the key, the elements, the decisions
 * and the process's variables (facts it keeps, copies of the tables for the forms).
 */
public final class DisasterReliefProcess {

    public static final String KEY = "disaster-relief";

    public static final String TASK_INITIAL_REPORT = "Task_InitialReport";
    public static final String TASK_FOLLOW_UP_REPORT = "Task_FollowUpReport";
    public static final String TASK_REGISTER_HOUSEHOLDS = "Task_RegisterHouseholds";
    public static final String TASK_SIGN_OFF_ROSTER = "Task_SignOffRoster";
    public static final String TASK_VERIFY_LOSSES = "Task_VerifyLosses";
    public static final String TASK_VERIFIED_REPORT = "Task_VerifiedReport";
    public static final String TASK_RECORD_CITY_FUND = "Task_RecordCityFund";
    public static final String TASK_APPROVE_ALLOCATION = "Task_ApproveAllocation";
    public static final String TASK_PAY_RELIEF = "Task_PayRelief";
    public static final String TASK_CONFIRM_RECEIPT = "Task_ConfirmReceipt";
    public static final String TASK_HANDLE_OVERDUE_REPORT = "Task_HandleOverdueReport";

    public static final String TIMER_INITIAL_REPORT_OVERDUE = "BoundaryEvent_InitialReportOverdue";
    public static final String TIMER_FOLLOW_UP_REPORT_OVERDUE = "BoundaryEvent_FollowUpReportOverdue";
    public static final String TIMER_VERIFIED_REPORT_OVERDUE = "BoundaryEvent_VerifiedReportOverdue";

    // facts: what the gateways, timers, listeners and the four-eyes checks read
    public static final ProcessVariable<Long> DISASTER_ID = ProcessVariable.fact("disasterId", Long.class);
    public static final ProcessVariable<String> TOWNSHIP_CODE = ProcessVariable.fact("townshipCode", String.class);
    public static final ProcessVariable<String> INITIATOR = ProcessVariable.fact("initiator", String.class);
    public static final ProcessVariable<Date> INITIAL_REPORT_DUE = ProcessVariable.fact("initialReportDue", Date.class);
    public static final ProcessVariable<Boolean> SITUATION_STABLE = ProcessVariable.fact("situationStable", Boolean.class);
    public static final ProcessVariable<String> ROSTER_DECISION = ProcessVariable.fact("rosterDecision", String.class);
    public static final ProcessVariable<String> ROSTER_COMMENT = ProcessVariable.fact("rosterComment", String.class);
    public static final ProcessVariable<String> ROSTER_REGISTERED_BY = ProcessVariable.fact("rosterRegisteredBy", String.class);
    public static final ProcessVariable<String> FUND_RECORDED_BY = ProcessVariable.fact("fundRecordedBy", String.class);
    public static final ProcessVariable<String> ALLOCATION_DECISION = ProcessVariable.fact("allocationDecision", String.class);
    public static final ProcessVariable<String> ALLOCATION_COMMENT = ProcessVariable.fact("allocationComment", String.class);
    public static final ProcessVariable<Long> ESCALATION_ID = ProcessVariable.fact("escalationId", Long.class);
    /** Inputs of the tasks' forms, read by the steps (and cleared where a later round must not resubmit them). */
    public static final ProcessVariable<Object> HOUSEHOLDS = ProcessVariable.fact("households", Object.class);
    public static final ProcessVariable<String> REMOVE_ID_NUMBERS = ProcessVariable.fact("removeIdNumbers", String.class);
    public static final ProcessVariable<String> REPORT_CONTENT = ProcessVariable.fact("reportContent", String.class);
    public static final ProcessVariable<Object> FUND_REQUESTED = ProcessVariable.fact("fundRequested", Object.class);
    public static final ProcessVariable<String> CITY_FUND = ProcessVariable.fact("cityFund", String.class);
    public static final ProcessVariable<String> INSTRUCTION = ProcessVariable.fact("instruction", String.class);
    public static final ProcessVariable<String> VERIFICATION_NOTE = ProcessVariable.fact("verificationNote", String.class);
    public static final ProcessVariable<Boolean> PAYMENT_ISSUED = ProcessVariable.fact("paymentIssued", Boolean.class);
    public static final ProcessVariable<Boolean> RECEIPTS_CONFIRMED = ProcessVariable.fact("receiptsConfirmed", Boolean.class);
    public static final ProcessVariable<Integer> PAID_HOUSEHOLDS = ProcessVariable.fact("paidHouseholds", Integer.class);
    /** The start form's fields, removed once the disaster is stored. */
    public static final ProcessVariable<Object> DISASTER_KIND = ProcessVariable.fact("disasterKind", Object.class);
    public static final ProcessVariable<Object> DISASTER_NAME = ProcessVariable.fact("disasterName", Object.class);
    public static final ProcessVariable<Object> OCCURRED_AT = ProcessVariable.fact("occurredAt", Object.class);
    public static final ProcessVariable<Object> ENDED_ON = ProcessVariable.fact("endedOn", Object.class);
    public static final ProcessVariable<Object> AFFECTED_VILLAGES = ProcessVariable.fact("affectedVillages", Object.class);
    public static final ProcessVariable<Object> CROP_AREA_MU = ProcessVariable.fact("cropAreaMu", Object.class);
    public static final ProcessVariable<Object> HOUSES_DAMAGED = ProcessVariable.fact("housesDamaged", Object.class);
    public static final ProcessVariable<Object> HOUSES_COLLAPSED = ProcessVariable.fact("housesCollapsed", Object.class);
    public static final ProcessVariable<Object> PEOPLE_AFFECTED = ProcessVariable.fact("peopleAffected", Object.class);
    public static final List<ProcessVariable<?>> START_FORM = List.of(DISASTER_KIND, OCCURRED_AT, ENDED_ON,
            AFFECTED_VILLAGES, CROP_AREA_MU, HOUSES_DAMAGED, HOUSES_COLLAPSED, PEOPLE_AFFECTED);

    // copies of the tables, for the forms and task lists
    public static final ProcessVariable<String> DISASTER_NUMBER = ProcessVariable.copy("disasterNumber", String.class);
    public static final ProcessVariable<String> DISASTER_KIND_LABEL = ProcessVariable.copy("disasterKindLabel", String.class);
    public static final ProcessVariable<String> OCCURRED_AT_TEXT = ProcessVariable.copy("occurredAtText", String.class);
    public static final ProcessVariable<String> AFFECTED_AREA = ProcessVariable.copy("affectedArea", String.class);
    public static final ProcessVariable<String> ESTIMATES_SUMMARY = ProcessVariable.copy("estimatesSummary", String.class);
    public static final ProcessVariable<String> ROSTER_SUMMARY = ProcessVariable.copy("rosterSummary", String.class);
    public static final ProcessVariable<String> ROSTER_RETURN_REASON = ProcessVariable.copy("rosterReturnReason", String.class);
    public static final ProcessVariable<String> TOWNSHIP_NAME = ProcessVariable.copy("townshipName", String.class);
    public static final ProcessVariable<String> OVERDUE_REPORT = ProcessVariable.copy("overdueReport", String.class);
    public static final ProcessVariable<String> LOSS_TOTALS = ProcessVariable.copy("lossTotals", String.class);
    public static final ProcessVariable<String> ALLOCATED_TOTAL = ProcessVariable.copy("allocatedTotal", String.class);
    public static final ProcessVariable<String> FUND_BALANCE = ProcessVariable.copy("fundBalance", String.class);
    public static final ProcessVariable<Long> ALLOCATED_HOUSEHOLDS = ProcessVariable.copy("allocatedHouseholds", Long.class);

    public static final List<ProcessVariable<?>> VARIABLES = java.util.stream.Stream.concat(java.util.stream.Stream.of(DISASTER_ID, TOWNSHIP_CODE, INITIATOR,
            INITIAL_REPORT_DUE, SITUATION_STABLE, ROSTER_DECISION, ROSTER_COMMENT, ROSTER_REGISTERED_BY, FUND_RECORDED_BY,
            ALLOCATION_DECISION, ALLOCATION_COMMENT, ESCALATION_ID, HOUSEHOLDS, REMOVE_ID_NUMBERS, REPORT_CONTENT,
            FUND_REQUESTED, CITY_FUND, INSTRUCTION, VERIFICATION_NOTE, PAYMENT_ISSUED, RECEIPTS_CONFIRMED,
            PAID_HOUSEHOLDS, DISASTER_KIND, DISASTER_NAME, OCCURRED_AT, ENDED_ON, AFFECTED_VILLAGES, CROP_AREA_MU,
            HOUSES_DAMAGED, HOUSES_COLLAPSED, PEOPLE_AFFECTED, DISASTER_NUMBER, DISASTER_KIND_LABEL, OCCURRED_AT_TEXT,
            AFFECTED_AREA, ESTIMATES_SUMMARY, ROSTER_SUMMARY, ROSTER_RETURN_REASON, TOWNSHIP_NAME, OVERDUE_REPORT,
            LOSS_TOTALS, ALLOCATED_TOTAL, FUND_BALANCE, ALLOCATED_HOUSEHOLDS),
            DisasterIndicators.variables().stream()).toList();

    // the plain names, for the forms, the BPMN and the tests
    public static final String VAR_DISASTER_ID = DISASTER_ID.name();
    public static final String VAR_TOWNSHIP_CODE = TOWNSHIP_CODE.name();
    public static final String VAR_HOUSEHOLDS = HOUSEHOLDS.name();
    public static final String VAR_REMOVE_ID_NUMBERS = REMOVE_ID_NUMBERS.name();
    public static final String VAR_REPORT_CONTENT = REPORT_CONTENT.name();
    public static final String VAR_SITUATION_STABLE = SITUATION_STABLE.name();
    public static final String VAR_ROSTER_DECISION = ROSTER_DECISION.name();
    public static final String VAR_ROSTER_COMMENT = ROSTER_COMMENT.name();
    public static final String VAR_FUND_REQUESTED = FUND_REQUESTED.name();
    public static final String VAR_CITY_FUND = CITY_FUND.name();
    public static final String VAR_ALLOCATION_DECISION = ALLOCATION_DECISION.name();
    public static final String VAR_ALLOCATION_COMMENT = ALLOCATION_COMMENT.name();

    public static final String APPROVE = "APPROVE";
    public static final String SEND_BACK = "SEND_BACK";
    public static final String REJECT = "REJECT";

    private DisasterReliefProcess() {
    }
}
