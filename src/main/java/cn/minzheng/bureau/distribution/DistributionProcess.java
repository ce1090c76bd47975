package cn.minzheng.bureau.distribution;

import java.util.List;

import cn.minzheng.bureau.engine.ProcessVariable;

/** Names shared by group-distribution.bpmn, its forms and the Java that serves it. */
public final class DistributionProcess {

    public static final String KEY = "group-distribution";

    public static final String TASK_SIGN_OFF = "Task_SignOffInTownship";

    // facts: what the steps read
    public static final ProcessVariable<Long> DISTRIBUTION_ID = ProcessVariable.fact("distributionId", Long.class);
    public static final ProcessVariable<String> INITIATOR = ProcessVariable.fact("initiator", String.class);
    public static final ProcessVariable<String> TOWNSHIP_CODE = ProcessVariable.fact("townshipCode", String.class);
    /** Inputs of the start form and the sign-off form. */
    public static final ProcessVariable<String> DISTRIBUTION_NAME = ProcessVariable.fact("distributionName", String.class);
    public static final ProcessVariable<Object> OCCASION = ProcessVariable.fact("occasion", Object.class);
    public static final ProcessVariable<Object> PROGRAM_CODES = ProcessVariable.fact("programCodes", Object.class);
    public static final ProcessVariable<Object> TOWNSHIPS = ProcessVariable.fact("townships", Object.class);
    public static final ProcessVariable<Object> CASH_PER_RECIPIENT = ProcessVariable.fact("cashPerRecipient", Object.class);
    public static final ProcessVariable<Object> ITEM_NAME = ProcessVariable.fact("itemName", Object.class);
    public static final ProcessVariable<Object> ITEM_QUANTITY = ProcessVariable.fact("itemQuantity", Object.class);
    public static final ProcessVariable<Object> ITEM_UNIT = ProcessVariable.fact("itemUnit", Object.class);
    public static final ProcessVariable<Object> SIGNED = ProcessVariable.fact("signedIdNumbers", Object.class);

    // copies of the tables, for the forms and task lists
    public static final ProcessVariable<String> CASE_NUMBER = ProcessVariable.copy("caseNumber", String.class);
    public static final ProcessVariable<String> DISTRIBUTION_TEXT = ProcessVariable.copy("distributionText", String.class);
    public static final ProcessVariable<String> TOWNSHIP_NAME = ProcessVariable.copy("townshipName", String.class);
    public static final ProcessVariable<String> TOWNSHIP_SHARE = ProcessVariable.copy("townshipShare", String.class);
    /** The township's frozen list as checklist options ({label, value}: name and ID number). */
    public static final ProcessVariable<Object> RECIPIENT_OPTIONS = ProcessVariable.copy("recipientOptions", Object.class);

    public static final List<ProcessVariable<?>> VARIABLES = List.of(DISTRIBUTION_ID, INITIATOR, TOWNSHIP_CODE,
            DISTRIBUTION_NAME, OCCASION, PROGRAM_CODES, TOWNSHIPS, CASH_PER_RECIPIENT, ITEM_NAME, ITEM_QUANTITY, ITEM_UNIT,
            SIGNED, CASE_NUMBER, DISTRIBUTION_TEXT, TOWNSHIP_NAME, TOWNSHIP_SHARE, RECIPIENT_OPTIONS);

    /** The start form's fields, in the order /api takes them. */
    public static final List<ProcessVariable<?>> START_FIELDS = List.of(DISTRIBUTION_NAME, OCCASION, PROGRAM_CODES,
            TOWNSHIPS, CASH_PER_RECIPIENT, ITEM_NAME, ITEM_QUANTITY, ITEM_UNIT);

    private DistributionProcess() {
    }
}
