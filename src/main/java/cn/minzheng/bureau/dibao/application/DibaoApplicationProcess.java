package cn.minzheng.bureau.dibao.application;

import static cn.minzheng.bureau.engine.ProcessVariable.copy;
import static cn.minzheng.bureau.engine.ProcessVariable.fact;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;

import cn.minzheng.bureau.dibao.CaseVariables;
import cn.minzheng.bureau.dibao.HouseholdIncomeService;
import cn.minzheng.bureau.dibao.HouseholdSurveys;
import cn.minzheng.bureau.dibao.Survey;
import cn.minzheng.bureau.engine.ProcessVariable;

/**
 * Names shared by dibao-application.bpmn, its forms and the Java code, so they cannot drift apart silently; and
 * the process's variables, declared once ({@link DibaoApplicationVariables}).
 */
public final class DibaoApplicationProcess {

    public static final String KEY = "dibao-application";

    public static final String TASK_ACCEPT = "Task_AcceptApplication";
    /** 居民家庭经济状况核对: the external task the in-application worker (dibao.verification) runs. */
    public static final String TASK_CHECK_ECONOMIC_STATUS = "Task_CheckEconomicStatus";
    public static final String TASK_SURVEY = "Task_SurveyHousehold";
    public static final String TASK_REVIEW_BY_TOWNSHIP = "Task_ReviewByTownship";
    public static final String TASK_PUBLIC_NOTICE = "Task_PublicNotice";
    public static final String TASK_APPROVE_BY_DISTRICT = "Task_ApproveByDistrict";
    public static final String TASK_ISSUE_REFUSAL_NOTICE = "Task_IssueRefusalNotice";
    public static final String TASK_CONFIRM_BY_TOWNSHIP = "Task_ConfirmByTownship";
    public static final String TASK_SAMPLE_CHECK = "Task_SampleCheckByDistrict";
    public static final String NO_PROBLEM = "NO_PROBLEM";
    public static final String PROBLEM = "PROBLEM";
    public static final String TIMER_NOTICE_PERIOD_OVER = "BoundaryEvent_NoticePeriodOver";
    public static final String SUBPROCESS_PROCEDURE = "SubProcess_Procedure";

    public static final ProcessVariable<Long> CASE_ID = CaseVariables.CASE_ID;
    public static final ProcessVariable<String> ACCEPT_DECISION = fact("acceptDecision", String.class);
    public static final ProcessVariable<String> MISSING_DOCUMENTS = fact("missingDocuments", String.class);
    /** 受理: the clerk confirms the applicant signed the written authorisation of the economic-status check. */
    public static final ProcessVariable<Boolean> ECONOMIC_CHECK_AUTHORISED = fact("economicCheckAuthorised", Boolean.class);
    /** The economic-status report as the surveyor's and reviewer's forms show it. */
    public static final ProcessVariable<String> VERIFICATION_REPORT = copy("verificationReport", String.class);
    /** 入户调查's second investigator, by name: the surveyor is the task's actor; not the township reviewer. */
    public static final ProcessVariable<String> SECOND_INVESTIGATOR = fact("secondInvestigator", String.class);
    /** The asset table's result; the engine's decision history records it. */
    @SuppressWarnings("rawtypes")
    public static final ProcessVariable<Map> ASSET_DECISION = copy("assetDecision", Map.class);
    /** Transient inputs of the asset table, from the verified report, set by 计算家庭人均收入. */
    public static final ProcessVariable<java.math.BigDecimal> PER_CAPITA_FINANCIAL_ASSETS =
            fact("perCapitaFinancialAssets", java.math.BigDecimal.class);
    public static final ProcessVariable<Integer> VEHICLES = fact("vehicles", Integer.class);
    public static final ProcessVariable<Integer> HOMES = fact("homes", Integer.class);
    public static final ProcessVariable<Integer> COMMERCIAL_PROPERTIES = fact("commercialProperties", Integer.class);
    /** The asset rule's verdict for the reviewer's form. */
    public static final ProcessVariable<String> ASSETS_NOTE = copy("assetsNote", String.class);
    /** Declared assets well below the verified ones, when they are: the reviewer's form warns. */
    public static final ProcessVariable<String> ASSET_GAP_FLAG = fact("assetGapFlag", String.class);
    public static final ProcessVariable<String> REVIEW_DECISION = fact("reviewDecision", String.class);
    public static final ProcessVariable<String> REVIEW_COMMENT = fact("reviewComment", String.class);
    public static final ProcessVariable<String> APPROVAL_DECISION = fact("approvalDecision", String.class);
    public static final ProcessVariable<String> APPROVAL_COMMENT = fact("approvalComment", String.class);
    /** 审核确认权限下放: the township-confirmed case was drawn for the district's check (抽查). */
    public static final ProcessVariable<Boolean> SAMPLED_FOR_CHECK = fact("sampledForCheck", Boolean.class);
    /** 抽查结论: NO_PROBLEM (无误) or PROBLEM (发现问题), and the note (required with a problem). */
    public static final ProcessVariable<String> SAMPLE_FINDING = fact("sampleFinding", String.class);
    public static final ProcessVariable<String> SAMPLE_NOTE = fact("sampleNote", String.class);
    public static final ProcessVariable<String> OBJECTION_SOURCE = fact("objectionSource", String.class);
    public static final ProcessVariable<String> OBJECTION_CONTENT = fact("objectionContent", String.class);
    /** Why the application was returned or rejected, as the applicant is told. */
    public static final ProcessVariable<String> REJECTION_REASON = fact("rejectionReason", String.class);
    /** How the written refusal reached the applicant (送达不予批准书面通知). */
    public static final ProcessVariable<String> DELIVERY_METHOD = fact("deliveryMethod", String.class);
    public static final ProcessVariable<String> DELIVERED_TO = fact("deliveredTo", String.class);
    public static final ProcessVariable<String> DELIVERY_NOTE = fact("deliveryNote", String.class);
    /** Who registered, reviewed and approved: the four-eyes rule reads them, the activation names the approver. */
    public static final ProcessVariable<String> REGISTERED_BY = fact("registeredBy", String.class);
    public static final ProcessVariable<String> REVIEWED_BY = fact("reviewedBy", String.class);
    public static final ProcessVariable<String> APPROVED_BY = fact("approvedBy", String.class);
    /** The standard table's result; the engine's decision history records it. */
    @SuppressWarnings("rawtypes")
    public static final ProcessVariable<Map> STANDARD_DECISION = copy("standardDecision", Map.class);
    /** Transient: the household as 计算家庭人均收入 assessed it, for 计算补助金额 in the same transaction. */
    public static final ProcessVariable<HouseholdIncomeService.Assessed> ASSESSED_HOUSEHOLD =
            fact("assessedHousehold", HouseholdIncomeService.Assessed.class);
    /** Transient: the survey 入户调查 recorded, handed to 计算家庭人均收入 in the same transaction. */
    public static final ProcessVariable<Survey> RECORDED_SURVEY = HouseholdSurveys.RECORDED_SURVEY;
    /** The calculation as saved on the case, formatted for the forms. */
    public static final ProcessVariable<String> PER_CAPITA_INCOME = copy("perCapitaIncome", String.class);
    public static final ProcessVariable<String> MONTHLY_STANDARD = copy("monthlyStandard", String.class);
    public static final ProcessVariable<String> CATEGORY_ADDITION = copy("categoryAddition", String.class);
    public static final ProcessVariable<String> MONTHLY_AMOUNT = copy("monthlyAmount", String.class);
    public static final ProcessVariable<String> ELIGIBILITY_NOTE = copy("eligibilityNote", String.class);
    /** Why the declared income looks low against the spending, when it does: the reviewer's form warns. */
    public static final ProcessVariable<String> SPENDING_FLAG_REASON = fact("spendingFlagReason", String.class);
    /** The decisions so far and the reviewer by name and post, for the approver's form. */
    public static final ProcessVariable<String> CASE_HISTORY = copy("caseHistory", String.class);
    public static final ProcessVariable<String> REVIEWED_BY_NAME = copy("reviewedByName", String.class);
    /** When the public notice ends: the notice task's due date, and its day for the forms. */
    public static final ProcessVariable<Date> NOTICE_ENDS_AT = fact("noticeEndsAt", Date.class);
    public static final ProcessVariable<String> NOTICE_END_DATE = copy("noticeEndDate", String.class);

    public static final String VAR_CASE_ID = CASE_ID.name();
    public static final String VAR_TOWNSHIP_CODE = CaseVariables.TOWNSHIP_CODE.name();
    public static final String VAR_ACCEPT_DECISION = ACCEPT_DECISION.name();
    public static final String VAR_MISSING_DOCUMENTS = MISSING_DOCUMENTS.name();
    public static final String VAR_ECONOMIC_CHECK_AUTHORISED = ECONOMIC_CHECK_AUTHORISED.name();
    public static final String VAR_REVIEW_DECISION = REVIEW_DECISION.name();
    public static final String VAR_REVIEW_COMMENT = REVIEW_COMMENT.name();
    public static final String VAR_APPROVAL_DECISION = APPROVAL_DECISION.name();
    public static final String VAR_SAMPLE_FINDING = SAMPLE_FINDING.name();
    public static final String VAR_SAMPLE_NOTE = SAMPLE_NOTE.name();
    public static final String VAR_APPROVAL_COMMENT = APPROVAL_COMMENT.name();
    public static final String VAR_REJECTION_REASON = REJECTION_REASON.name();
    public static final String VAR_STANDARD_DECISION = STANDARD_DECISION.name();
    public static final String VAR_ASSESSED_HOUSEHOLD = ASSESSED_HOUSEHOLD.name();
    public static final String VAR_RECORDED_SURVEY = RECORDED_SURVEY.name();

    public static final String ACCEPT = "ACCEPT";
    public static final String RETURN = "RETURN";
    public static final String APPROVE = "APPROVE";
    public static final String REJECT = "REJECT";
    /** The decision recorded when an objection is raised during the public notice. */
    public static final String OBJECTION = "OBJECTION";

    /** Every variable of the process: the case's facts, the survey's, and its own. */
    static final List<ProcessVariable<?>> VARIABLES;

    static {
        List<ProcessVariable<?>> all = new ArrayList<>(CaseVariables.ALL);
        all.addAll(HouseholdSurveys.ALL);
        all.addAll(List.of(ACCEPT_DECISION, MISSING_DOCUMENTS, REVIEW_DECISION, REVIEW_COMMENT, APPROVAL_DECISION,
                APPROVAL_COMMENT, OBJECTION_SOURCE, OBJECTION_CONTENT, REJECTION_REASON, REGISTERED_BY, REVIEWED_BY,
                APPROVED_BY, STANDARD_DECISION, ASSESSED_HOUSEHOLD, PER_CAPITA_INCOME, MONTHLY_STANDARD,
                CATEGORY_ADDITION, MONTHLY_AMOUNT, ELIGIBILITY_NOTE, SPENDING_FLAG_REASON, CASE_HISTORY,
                REVIEWED_BY_NAME, NOTICE_ENDS_AT, NOTICE_END_DATE, DELIVERY_METHOD, DELIVERED_TO, DELIVERY_NOTE,
                ECONOMIC_CHECK_AUTHORISED, VERIFICATION_REPORT, ASSET_DECISION, PER_CAPITA_FINANCIAL_ASSETS, VEHICLES, HOMES,
                COMMERCIAL_PROPERTIES, ASSETS_NOTE, ASSET_GAP_FLAG, SAMPLED_FOR_CHECK, SAMPLE_FINDING, SAMPLE_NOTE));
        VARIABLES = Collections.unmodifiableList(all);
    }

    private DibaoApplicationProcess() {
    }
}
