package cn.minzheng.bureau.donation;

import java.util.Date;
import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by donation-campaign.bpmn, its forms and the Java that serves it. */
public final class DonationCampaignProcess {

    public static final String KEY = "donation-campaign";

    public static final String TASK_REGISTER_DONATION = "Task_RegisterDonation";
    public static final String TASK_APPROVE_PLAN = "Task_ApprovePlan";
    public static final String TASK_DISTRIBUTE = "Task_DistributeInTownship";
    public static final String TIMER_WINDOW_CLOSED = "BoundaryEvent_CollectionWindowClosed";

    // facts: what the gateways, the timer and the steps read
    public static final ProcessVariable<Long> CAMPAIGN_ID = ProcessVariable.fact("campaignId", Long.class);
    public static final ProcessVariable<String> INITIATOR = ProcessVariable.fact("initiator", String.class);
    public static final ProcessVariable<Date> WINDOW_CLOSES_AT = ProcessVariable.fact("windowClosesAt", Date.class);
    public static final ProcessVariable<String> TOWNSHIP_CODE = ProcessVariable.fact("townshipCode", String.class);
    public static final ProcessVariable<String> PLAN_DECISION = ProcessVariable.fact("planDecision", String.class);
    public static final ProcessVariable<String> PLAN_COMMENT = ProcessVariable.fact("planComment", String.class);
    /** Inputs of the start form and the tasks' forms. */
    public static final ProcessVariable<String> CAMPAIGN_TITLE = ProcessVariable.fact("campaignTitle", String.class);
    public static final ProcessVariable<String> NOTICE = ProcessVariable.fact("notice", String.class);
    public static final ProcessVariable<Object> WINDOW_START = ProcessVariable.fact("windowStart", Object.class);
    public static final ProcessVariable<Object> WINDOW_END = ProcessVariable.fact("windowEnd", Object.class);
    public static final ProcessVariable<Object> DISTRIBUTION_DATE = ProcessVariable.fact("distributionDate", Object.class);
    public static final ProcessVariable<Object> DONOR_TYPE = ProcessVariable.fact("donorType", Object.class);
    public static final ProcessVariable<String> DONOR_NAME = ProcessVariable.fact("donorName", String.class);
    public static final ProcessVariable<Object> CASH = ProcessVariable.fact("cash", Object.class);
    public static final ProcessVariable<Object> GOODS = ProcessVariable.fact("goods", Object.class);
    public static final ProcessVariable<Object> RECIPIENTS = ProcessVariable.fact("recipients", Object.class);

    // copies of the tables, for the forms and task lists
    public static final ProcessVariable<String> CAMPAIGN_NUMBER = ProcessVariable.copy("campaignNumber", String.class);
    public static final ProcessVariable<String> WINDOW_TEXT = ProcessVariable.copy("windowText", String.class);
    public static final ProcessVariable<String> COLLECTED_SUMMARY = ProcessVariable.copy("collectedSummary", String.class);
    public static final ProcessVariable<String> LAST_RECEIPT_NUMBER = ProcessVariable.copy("lastReceiptNumber", String.class);
    /** The receipt number alone, for the form's link to the receipt PDF. */
    public static final ProcessVariable<String> LAST_RECEIPT = ProcessVariable.copy("lastReceipt", String.class);
    public static final ProcessVariable<String> PLAN_SUMMARY = ProcessVariable.copy("planSummary", String.class);
    public static final ProcessVariable<String> PUBLIC_SUMMARY = ProcessVariable.copy("publicSummary", String.class);
    public static final ProcessVariable<String> TOWNSHIP_NAME = ProcessVariable.copy("townshipName", String.class);
    public static final ProcessVariable<String> TOWNSHIP_SHARE = ProcessVariable.copy("townshipShare", String.class);

    public static final List<ProcessVariable<?>> VARIABLES = List.of(CAMPAIGN_ID, INITIATOR, WINDOW_CLOSES_AT,
            TOWNSHIP_CODE, PLAN_DECISION, PLAN_COMMENT, CAMPAIGN_TITLE, NOTICE, WINDOW_START, WINDOW_END,
            DISTRIBUTION_DATE, DONOR_TYPE, DONOR_NAME, CASH, GOODS, RECIPIENTS, CAMPAIGN_NUMBER, WINDOW_TEXT,
            COLLECTED_SUMMARY, LAST_RECEIPT_NUMBER, LAST_RECEIPT, PLAN_SUMMARY, PUBLIC_SUMMARY, TOWNSHIP_NAME, TOWNSHIP_SHARE);

    // the plain names, for the forms, the BPMN and the tests
    public static final String VAR_CAMPAIGN_ID = CAMPAIGN_ID.name();
    public static final String VAR_PLAN_DECISION = PLAN_DECISION.name();
    public static final String VAR_PLAN_COMMENT = PLAN_COMMENT.name();
    public static final String VAR_RECIPIENTS = RECIPIENTS.name();
    public static final String VAR_GOODS = GOODS.name();

    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";

    private DonationCampaignProcess() {
    }
}
