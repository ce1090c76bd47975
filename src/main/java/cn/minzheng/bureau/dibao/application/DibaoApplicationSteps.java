package cn.minzheng.bureau.dibao.application;

import static cn.minzheng.bureau.dibao.application.DibaoApplicationProcess.*;

import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.dibao.BenefitCalculation;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.CaseVariables;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.HouseholdSurveys;
import cn.minzheng.bureau.dibao.StandardService;
import cn.minzheng.bureau.dibao.application.DibaoApplicationService.IncomeCheck;
import cn.minzheng.bureau.dibao.application.DibaoApplicationService.Registration;
import cn.minzheng.bureau.dibao.deadline.LimitKind;
import cn.minzheng.bureau.dibao.deadline.TimeLimitService;
import cn.minzheng.bureau.engine.EngineAuthentication;
import cn.minzheng.bureau.engine.ProcessVariable;
import cn.minzheng.bureau.region.AreaType;

/**
 * What dibao-application.bpmn calls, as ${dibaoApplicationSteps.…}: each step reads the process's variables,
 * has {@link DibaoApplicationService} apply the rules, and sets what the next steps and forms need.
 */
@Component
public class DibaoApplicationSteps {

    private final DibaoApplicationService applications;
    private final DibaoCaseRepository cases;
    private final CaseVariables caseVariables;
    private final HouseholdSurveys surveys;
    private final TimeLimitService timeLimits;

    public DibaoApplicationSteps(DibaoApplicationService applications, DibaoCaseRepository cases,
                                 CaseVariables caseVariables, HouseholdSurveys surveys, TimeLimitService timeLimits) {
        this.applications = applications;
        this.cases = cases;
        this.caseVariables = caseVariables;
        this.surveys = surveys;
        this.timeLimits = timeLimits;
    }

    /**
     * 登记申请: an application started from Tasklist's start form is validated and stored here, in the
     * transaction that starts the process, so bad input leaves neither a process nor a row behind. An
     * application submitted through the REST API arrives already registered with its caseId.
     */
    public void register(DelegateExecution execution) {
        Long caseId = CASE_ID.get(execution);
        if (caseId != null) {
            caseVariables.publish(execution, cases.find(caseId).orElseThrow());
            return;
        }
        DibaoApplicationForm form = StartFormVariables.read(execution.getVariables());
        String startedBy = EngineAuthentication.userId(execution.getProcessEngineServices().getIdentityService());
        Registration registration = applications.registration(form, startedBy, execution.getProcessInstanceId());
        DibaoCase registered = registration.dibaoCase();
        execution.setProcessBusinessKey(registered.caseNumber());
        execution.removeVariables(StartFormVariables.NAMES);
        CASE_ID.set(execution, registered.id());
        caseVariables.publish(execution, registered, registration.household());
    }

    /** 受理申请 completed: accepted, or returned as incomplete with what is missing. */
    public void accept(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(VAR_ACCEPT_DECISION, "受理决定（受理或退回补正）", List.of(ACCEPT, RETURN));
        String missing = RETURN.equals(decision) ? input.text(VAR_MISSING_DOCUMENTS, "需补正的材料", 500) : null;
        if (ACCEPT.equals(decision)) {
            // 核对授权: refused before anything is written when the applicant has not signed it
            applications.authoriseEconomicCheck(CaseVariables.caseId(task), input.flag(VAR_ECONOMIC_CHECK_AUTHORISED),
                    Actor.of(task));
        }
        applications.recordDecision(CaseVariables.caseId(task), TASK_ACCEPT, decision, missing, Actor.of(task));
        if (RETURN.equals(decision)) {
            REJECTION_REASON.set(task, "申请材料不全，请补正后重新申请：" + missing);
        }
    }

    /** 退回补正. */
    public void returnIncomplete(DelegateExecution execution) {
        close(execution, CaseStatus.RETURNED);
    }

    /** 入户调查 starts: the surveyor's form shows the economic-status report. */
    public void startSurvey(DelegateExecution execution) {
        changeStatus(execution, CaseStatus.UNDER_SURVEY, "入户调查");
        VERIFICATION_REPORT.set(execution, applications.verificationReport(CaseVariables.caseId(execution)));
    }

    /**
     * 入户调查 claimed: the survey has started (审核确认办法: within 3 working days of acceptance). Claiming is the
     * surveyor taking the case on; a later claim (after an objection, or by another surveyor) changes nothing.
     */
    public void surveyStarted(DelegateTask task) {
        if (task.getAssignee() != null) {
            timeLimits.met(CASE_ID.require(task.getExecution()), LimitKind.SURVEY_START);
        }
    }

    /** The 3 working days ran out: had the survey started by then (limit met)? */
    public boolean surveyStartedInTime(DelegateExecution execution) {
        return timeLimits.isMet(CASE_ID.require(execution), LimitKind.SURVEY_START);
    }

    /** 入户调查 completed: the five checks are stored. */
    public void surveyHousehold(DelegateTask task) {
        // two named investigators: refused before anything is written when the second is missing
        String second = applications.secondInvestigator(SECOND_INVESTIGATOR.get(task), Actor.of(task));
        surveys.record(task, second);
        // completed without a claim (engine REST): it started now at the latest
        timeLimits.met(CASE_ID.require(task.getExecution()), LimitKind.SURVEY_START);
    }

    /** 计算家庭人均收入: per-capita monthly income by the income calculation method, and the spending check. */
    public void calculateIncome(DelegateExecution execution) {
        IncomeCheck income = applications.checkIncome(CaseVariables.caseId(execution), RECORDED_SURVEY.get(execution));
        // handed to 计算补助金额 in the same transaction, not stored: the tables stay the record
        execution.setVariable(ASSESSED_HOUSEHOLD.name(), Variables.objectValue(income.household(), true).create());
        PER_CAPITA_INCOME.setIfChanged(execution, Money.format(income.perCapitaIncome()));
        // the reviewer's form shows the warning when there is a reason; none, and no variable is written
        SPENDING_FLAG_REASON.setIfChanged(execution, income.spendingFlag().orElse(null));
        // the asset table's inputs from the verified report, for 家庭财产状况认定 in the same transaction
        income.assetInputs().forEach((name, value) -> execution.setVariable(name, Variables.untypedValue(value, true)));
    }

    /**
     * 计算补助金额: the benefit from the standard the DMN table gave, and a snapshot on the case of the household
     * data it used, so later edits never change what was decided.
     */
    @SuppressWarnings("unchecked")
    public void calculateBenefit(DelegateExecution execution) throws JsonProcessingException {
        AreaType area = AreaType.valueOf(CaseVariables.AREA_TYPE.require(execution));
        StandardService.Standard standard = StandardService.fromResult(STANDARD_DECISION.require(execution));
        // the decision history records the table's result; set and removed in this transaction, the variable
        // never reaches the database (and, declared a copy, nor its history)
        STANDARD_DECISION.remove(execution);
        Map<String, Object> assetDecision = ASSET_DECISION.require(execution);
        ASSET_DECISION.remove(execution);
        DibaoApplicationService.Calculated calculated = applications.calculateBenefit(CaseVariables.caseId(execution),
                area, standard, ASSESSED_HOUSEHOLD.get(execution), assetDecision);
        BenefitCalculation benefit = calculated.benefit();
        ASSETS_NOTE.setIfChanged(execution, calculated.assets().reason());
        ASSET_GAP_FLAG.setIfChanged(execution, calculated.assets().gapFlag().orElse(null));
        MONTHLY_STANDARD.setIfChanged(execution, Money.format(benefit.monthlyStandard()));
        CATEGORY_ADDITION.setIfChanged(execution, Money.format(benefit.categoryAddition()));
        MONTHLY_AMOUNT.setIfChanged(execution, Money.format(benefit.monthlyAmount()));
        ELIGIBILITY_NOTE.setIfChanged(execution, DibaoApplicationService.eligibilityNote(benefit, calculated.assets()));
    }

    /** 乡镇（街道）审核 starts: the reviewer's form shows the economic-status report too. */
    public void startTownshipReview(DelegateExecution execution) {
        changeStatus(execution, CaseStatus.UNDER_REVIEW, "乡镇（街道）审核");
        VERIFICATION_REPORT.set(execution, applications.verificationReport(CaseVariables.caseId(execution)));
    }

    /**
     * 乡镇审核 completed: the decision is recorded with who and why; a rejection carries its reason to the
     * applicant. The approver's form shows the decisions so far and the reviewer by name and post; the user ids
     * stay in the decisions and in reviewedBy, which four-eyes reads.
     */
    public void reviewByTownship(DelegateTask task) {
        String actor = Actor.of(task);
        applications.refuseInvestigatorAsReviewer(SECOND_INVESTIGATOR.get(task), actor);
        long caseId = decide(task, REVIEW_DECISION, REVIEW_COMMENT, "审核", "乡镇（街道）审核未通过：");
        CASE_HISTORY.set(task, applications.decisionsSoFar(caseId));
        REVIEWED_BY_NAME.set(task, applications.staffName(actor));
    }

    /** 公示 starts: the case is in notice until the period ends, the notice task's due date. */
    public void startNotice(DelegateExecution execution) {
        Date endsAt = applications.startNotice(CaseVariables.caseId(execution), Actor.currentOrNull(execution));
        NOTICE_ENDS_AT.set(execution, endsAt);
        NOTICE_END_DATE.set(execution, endsAt.toInstant().atZone(ZoneId.systemDefault()).toLocalDate().toString());
    }

    /** 公示期异议登记 completed: an objection was raised; the case goes back to the household survey. */
    public void recordObjection(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String source = input.text(OBJECTION_SOURCE.name(), "异议人", 50);
        String content = input.text(OBJECTION_CONTENT.name(), "异议内容", 1000);
        applications.recordDecision(CaseVariables.caseId(task), TASK_PUBLIC_NOTICE, OBJECTION, source + "：" + content,
                Actor.of(task));
    }

    /** 区民政局审批 starts, once the notice period is over without objection. */
    public void startDistrictApproval(DelegateExecution execution) {
        changeStatus(execution, CaseStatus.UNDER_REVIEW, "公示期满无异议，报区民政局审批");
    }

    /** 区民政局审批 completed: as the township's review, with the district's words. */
    public void approveByDistrict(DelegateTask task) {
        decide(task, APPROVAL_DECISION, APPROVAL_COMMENT, "审批", "区民政局审批未通过：");
    }

    /** 乡镇（街道）审核确认 (权限下放): the township's approval is the decision; the district's check is drawn. */
    public void confirmByTownship(DelegateExecution execution) {
        String reviewedBy = REVIEWED_BY.get(execution);
        boolean sampled = applications.confirmByTownship(CaseVariables.caseId(execution),
                CaseVariables.CASE_NUMBER.get(execution), reviewedBy);
        APPROVAL_DECISION.set(execution, APPROVE);
        APPROVED_BY.set(execution, reviewedBy);
        SAMPLED_FOR_CHECK.set(execution, sampled);
    }

    /** Was the case drawn for the district's check? Never in the default shape (the district approved it). */
    public boolean sampledForCheck(DelegateExecution execution) {
        return Boolean.TRUE.equals(SAMPLED_FOR_CHECK.get(execution));
    }

    /** 区民政局抽查 completed: the finding is recorded with the case's decisions; a problem must be described. */
    public void sampleCheck(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String finding = input.choice(SAMPLE_FINDING.name(), "抽查结论（无误或发现问题）", List.of(NO_PROBLEM, PROBLEM));
        String note = PROBLEM.equals(finding)
                ? input.text(SAMPLE_NOTE.name(), "抽查发现的问题", 1000)
                : input.optionalText(SAMPLE_NOTE.name(), "抽查说明", 1000);
        applications.recordDecision(CaseVariables.caseId(task), task.getTaskDefinitionKey(), finding, note, Actor.of(task));
    }

    /** 纳入保障: the case pays from the month after approval. */
    public void activate(DelegateExecution execution) {
        applications.activate(CaseVariables.caseId(execution), APPROVED_BY.get(execution));
    }

    /** 不予批准并告知理由. */
    public void closeRejected(DelegateExecution execution) {
        close(execution, CaseStatus.REJECTED);
    }

    /** A reviewer's or approver's decision, recorded; a rejection carries its reason. Returns the case. */
    private long decide(DelegateTask task, ProcessVariable<String> decisionVariable,
                        ProcessVariable<String> commentVariable, String level, String rejectedPrefix) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(decisionVariable.name(), level + "决定（同意或不同意）", List.of(APPROVE, REJECT));
        String comment = REJECT.equals(decision)
                ? input.text(commentVariable.name(), "不同意的理由（将告知申请人）", 1000)
                : input.optionalText(commentVariable.name(), level + "意见", 1000);
        long caseId = CaseVariables.caseId(task);
        applications.recordDecision(caseId, task.getTaskDefinitionKey(), decision, comment, Actor.of(task));
        if (REJECT.equals(decision)) {
            REJECTION_REASON.set(task, rejectedPrefix + comment);
        }
        return caseId;
    }

    private void changeStatus(DelegateExecution execution, CaseStatus status, String reason) {
        applications.changeStatus(CaseVariables.caseId(execution), status, Actor.currentOrNull(execution), reason);
    }

    /** Closes the case with the reason the applicant is told, if any. */
    private void close(DelegateExecution execution, CaseStatus status) {
        changeStatus(execution, status, REJECTION_REASON.get(execution));
    }

    /** A statutory time limit starts (受理 → 决定, 审批 → 决定, 决定 → 送达); the case's township is kept current. */
    public void startTimeLimit(DelegateExecution execution, String kind) {
        timeLimits.start(CASE_ID.require(execution), CaseVariables.TOWNSHIP_CODE.get(execution), LimitKind.valueOf(kind),
                execution.getProcessInstanceId());
    }

    public void meetTimeLimit(DelegateExecution execution, String kind) {
        timeLimits.met(CASE_ID.require(execution), LimitKind.valueOf(kind));
    }

    /** The limit ran out: the overrun is recorded and the supervisor's process started. */
    public void reportOverrun(DelegateExecution execution, String kind) {
        timeLimits.overrun(CASE_ID.require(execution), LimitKind.valueOf(kind), CaseVariables.TOWNSHIP_NAME.get(execution),
                CaseVariables.APPLICANT_NAME.get(execution));
    }

    /** 送达不予批准书面通知: the clerk registers how the written refusal was delivered. */
    public void refusalNoticeDelivered(DelegateTask task) {
        timeLimits.refusalNoticeDelivered(CASE_ID.require(task.getExecution()), DELIVERY_METHOD.get(task),
                DELIVERED_TO.get(task), DELIVERY_NOTE.get(task), REJECTION_REASON.get(task));
    }
}
