package cn.minzheng.bureau.dibao.review;

import static cn.minzheng.bureau.dibao.review.ReviewProcess.*;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.dibao.CaseVariables;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.dibao.HouseholdSurveys;
import cn.minzheng.bureau.region.AreaType;

/**
 * The steps of dibao-review.bpmn, called as ${reviewSteps.…}: variables in and out, the rules in {@link ReviewService}.
 * The overdue timer reads its duration from {@link ReviewSettings} (plain configuration, no hook).
 */
@Component
public class ReviewSteps {

    private final ReviewService reviews;
    private final CaseVariables caseVariables;
    private final HouseholdSurveys surveys;

    private final DibaoCaseRepository cases;
    private final HouseholdRepository households;
    private final TaskService taskService;

    public ReviewSteps(ReviewService reviews, CaseVariables caseVariables, HouseholdSurveys surveys,
                       DibaoCaseRepository cases, HouseholdRepository households, TaskService taskService) {
        this.reviews = reviews;
        this.caseVariables = caseVariables;
        this.surveys = surveys;
        this.cases = cases;
        this.households = households;
        this.taskService = taskService;
    }

    /**
     * 复核入户调查 created: when the household's head has died, the form asks for the new head (the payee of the
     * household's payments) among the living members.
     */
    public void offerNewHead(DelegateTask task) {
        task.setVariablesLocal(newHeadVariables(CASE_ID.require(task)));
    }

    /**
     * A head who died while the case's 复核入户调查 was already waiting: its form now asks for the new head as well
     * (the death's confirmation calls this; a survey not yet created asks when it is).
     */
    public void offerNewHeadOnOpenSurvey(long caseId, String caseNumber) {
        Map<String, Object> variables = newHeadVariables(caseId);
        if (variables.isEmpty()) {
            return;
        }
        taskService.createTaskQuery().processDefinitionKey(KEY).processInstanceBusinessKey(caseNumber)
                .taskDefinitionKey(TASK_RESURVEY).list()
                .forEach(t -> taskService.setVariablesLocal(t.getId(), variables));
    }

    private Map<String, Object> newHeadVariables(long caseId) {
        long householdId = cases.find(caseId).orElseThrow().householdId();
        return households.headSuccession(householdId).<Map<String, Object>>map(succession -> {
            List<Map<String, String>> options = succession.livingMembers().stream()
                    .map(m -> Map.of("label", m.name() + "（" + m.relation().label() + "，" + m.idNumber().masked() + "）",
                            "value", m.idNumber().value()))
                    .toList();
            return Map.of(HEAD_DECEASED.name(), true, DECEASED_HEAD_NAME.name(), succession.deceasedHeadName(),
                    NEW_HEAD_OPTIONS.name(), SpinValues.jsonValue(json(options)).create());
        }).orElse(Map.of());
    }

    /** 建立复核: the review row and the case facts the forms show. */
    public void open(DelegateExecution execution) {
        String kind = KIND.get(execution);
        ReviewService.Opened opened = reviews.open(CASE_ID.require(execution), kind, CHANGE.get(execution),
                execution.getProcessInstanceId());
        REVIEW_ID.set(execution, opened.reviewId());
        caseVariables.publish(execution, opened.dibaoCase());
        CURRENT_AMOUNT.set(execution, Money.format(opened.dibaoCase().monthlyAmount()));
        KIND_LABEL.set(execution, ReviewService.kindLabel(kind));
    }

    /**
     * 复核入户调查 completed: the survey's five checks, as the application's; the clerk may also find the household
     * gone (death, moved away) and propose cancelling.
     */
    public void recordResurvey(DelegateTask task) {
        surveys.record(task);
        TaskInput input = new TaskInput(task);
        if (input.flag(PROPOSE_CANCEL.name())) {
            input.text(CANCEL_REASON.name(), "停保理由", 1000);
        }
        long householdId = cases.find(CASE_ID.require(task)).orElseThrow().householdId();
        households.headSuccession(householdId).ifPresent(succession -> {
            String chosen = NEW_HEAD_ID_NUMBER.get(task);
            if (chosen == null || chosen.isBlank()) {
                throw new RuleViolation("MISSING_NEW_HEAD", "户主" + succession.deceasedHeadName()
                        + "已故，请选择新户主（低保金的领取人）");
            }
            if (succession.livingMembers().stream().noneMatch(m -> m.idNumber().value().equals(chosen.trim()))) {
                throw new RuleViolation("INVALID_NEW_HEAD", "新户主须为该户在世的家庭成员");
            }
            households.succeedDeceasedHead(householdId, chosen.trim(), Actor.of(task), "户主" + succession.deceasedHeadName()
                    + "已故，复核入户调查确定新户主（低保金领取人）");
        });
        RESURVEYED_BY.set(task, Actor.of(task));
    }

    /** 重新核算: the outcome and whether it needs the township's review and the district's approval. */
    public void recalculate(DelegateExecution execution) {
        ReviewService.Proposal proposal = reviews.recalculate(CASE_ID.require(execution), REVIEW_ID.require(execution),
                AreaType.valueOf(AREA_TYPE.require(execution)), Boolean.TRUE.equals(PROPOSE_CANCEL.get(execution)),
                CANCEL_REASON.get(execution));
        NEEDS_APPROVAL.set(execution, proposal.decision().needsApproval());
        PROPOSED_OUTCOME.set(execution, proposal.decision().outcome().label());
        PROPOSED_AMOUNT.set(execution, Money.format(proposal.decision().newAmount()));
        OUTCOME_REASON.set(execution, proposal.reason());
    }

    /** 乡镇审核 / 区级审批 completed: a refusal keeps the current benefit and needs a reason. */
    public void decide(DelegateTask task) {
        boolean district = TASK_APPROVE_BY_DISTRICT.equals(task.getTaskDefinitionKey());
        String decisionVariable = (district ? APPROVAL_DECISION : REVIEW_DECISION).name();
        String commentVariable = (district ? APPROVAL_COMMENT : REVIEW_COMMENT).name();
        TaskInput input = new TaskInput(task);
        String decision = input.choice(decisionVariable, district ? "审批决定" : "审核决定", List.of(APPROVE, REJECT));
        String comment = REJECT.equals(decision) ? input.text(commentVariable, "不同意的理由", 1000)
                : input.optionalText(commentVariable, "意见", 1000);
        String actor = Actor.of(task);
        reviews.recordDecision(CASE_ID.require(task), task.getTaskDefinitionKey(), decision, comment, actor);
        (district ? APPROVED_BY : REVIEWED_BY).set(task, actor);
        if (!district) {
            REVIEWED_BY_NAME.set(task, reviews.staffName(actor));
        }
        if (REJECT.equals(decision)) {
            KEEP_REASON.set(task, (district ? "区民政局审批不同意：" : "乡镇（街道）审核不同意：") + comment);
        }
    }

    /** 执行复核结论: the new amount or the cancellation. */
    public void apply(DelegateExecution execution) {
        reviews.apply(CASE_ID.require(execution), REVIEW_ID.require(execution), RESURVEYED_BY.get(execution),
                APPROVED_BY.get(execution));
    }

    /** 维持原待遇: the case keeps its amount. */
    public void keepCurrent(DelegateExecution execution) {
        reviews.keepCurrent(CASE_ID.require(execution), REVIEW_ID.require(execution), REVIEWED_BY.get(execution),
                KEEP_REASON.get(execution));
    }

    /** 逾期督办: the overdue re-survey goes to the township reviewer too. */
    public void escalate(DelegateExecution execution) {
        reviews.escalate(REVIEW_ID.require(execution), execution.getProcessInstanceId(), TOWNSHIP_CODE.get(execution));
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
