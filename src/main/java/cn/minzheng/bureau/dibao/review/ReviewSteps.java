package cn.minzheng.bureau.dibao.review;

import static cn.minzheng.bureau.dibao.review.ReviewProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.dibao.CaseVariables;
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

    public ReviewSteps(ReviewService reviews, CaseVariables caseVariables, HouseholdSurveys surveys) {
        this.reviews = reviews;
        this.caseVariables = caseVariables;
        this.surveys = surveys;
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
}
