package cn.minzheng.bureau.dibao.review;

import static cn.minzheng.bureau.dibao.review.ReviewProcess.*;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.task.Task;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.access.StaffNames;
import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.dibao.BenefitCalculation;
import cn.minzheng.bureau.dibao.BenefitCalculator;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.CaseVariables;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.HouseholdIncomeService;
import cn.minzheng.bureau.dibao.IncomeAssessment;
import cn.minzheng.bureau.dibao.IncomeCalculator;
import cn.minzheng.bureau.dibao.StandardService;
import cn.minzheng.bureau.engine.CopiedVariables;
import cn.minzheng.bureau.region.AreaType;

/**
 * The steps of dibao-review.bpmn, called as ${dibaoReviews.…}. The survey is the application's
 * (same five checks, same listener); income and benefit are recomputed with the application's calculators
 * and the current standards; the new amount reaches the case only once the outcome is applied, so the
 * next payroll computed pays it.
 */
@Component("dibaoReviews")
public class DibaoReviews implements CopiedVariables {

    private final ReviewRepository reviews;
    private final DibaoCaseRepository cases;
    private final CaseVariables caseVariables;
    private final HouseholdIncomeService incomes;
    private final StandardService standards;
    private final ReviewSettings settings;
    private final TaskService taskService;
    private final JdbcClient jdbc;

    public DibaoReviews(ReviewRepository reviews, DibaoCaseRepository cases, CaseVariables caseVariables,
                        HouseholdIncomeService incomes, StandardService standards, ReviewSettings settings,
                        TaskService taskService, JdbcClient jdbc) {
        this.reviews = reviews;
        this.cases = cases;
        this.caseVariables = caseVariables;
        this.incomes = incomes;
        this.standards = standards;
        this.settings = settings;
        this.taskService = taskService;
        this.jdbc = jdbc;
    }

    /** 建立复核: the review row (one open review per case) and the case facts the forms show. */
    public void open(DelegateExecution execution) {
        long caseId = caseId(execution);
        DibaoCase dibaoCase = cases.find(caseId).orElseThrow(() -> RuleViolation.notFound("低保案件" + caseId));
        if (dibaoCase.status() != CaseStatus.APPROVED) {
            throw new RuleViolation("CASE_NOT_ACTIVE", "案件" + dibaoCase.caseNumber() + "不在保，无需复核", 409);
        }
        String kind = (String) execution.getVariable(VAR_KIND);
        long reviewId = reviews.open(caseId, kind, (String) execution.getVariable(VAR_CHANGE),
                Money.of(dibaoCase.monthlyAmount()), execution.getProcessInstanceId());
        execution.setVariable(VAR_REVIEW_ID, reviewId);
        caseVariables.publish(execution, dibaoCase);
        execution.setVariable("currentAmount", Money.format(dibaoCase.monthlyAmount()));
        execution.setVariable("reviewKindLabel", switch (kind) {
            case ReviewStarter.CHANGE_REPORTED -> "家庭情况变化报告";
            case ReviewStarter.CAMPAIGN -> "集中摸底调查";
            default -> "定期复核";
        });
    }

    /** 复核入户调查 completed: the clerk may find the household gone (death, moved away) and propose cancelling. */
    public void recordResurvey(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        if (input.flag(VAR_PROPOSE_CANCEL)) {
            input.text(VAR_CANCEL_REASON, "停保理由", 1000);
        }
        task.setVariable("resurveyedBy", Actor.of(task));
    }

    /** 重新核算: income and benefit with the current standards, and the outcome. */
    public void recalculate(DelegateExecution execution) {
        long caseId = caseId(execution);
        DibaoCase dibaoCase = cases.find(caseId).orElseThrow();
        IncomeAssessment assessment = IncomeCalculator.assess(incomes.assessedHousehold(caseId));
        AreaType area = AreaType.valueOf((String) execution.getVariable("areaType"));
        StandardService.Standard standard = standards.standardFor(area, dibaoCase.category());
        BenefitCalculation benefit = BenefitCalculator.calculate(assessment.perCapitaIncome(), standard.monthlyStandard(),
                standard.categoryAddition(), assessment.householdSize());
        boolean cancelProposed = Boolean.TRUE.equals(execution.getVariable(VAR_PROPOSE_CANCEL));
        ReviewDecision decision = ReviewDecision.of(Money.of(dibaoCase.monthlyAmount()), benefit.monthlyAmount(),
                benefit.eligible(), cancelProposed, settings.getApprovalThreshold());
        String reason = cancelProposed ? (String) execution.getVariable(VAR_CANCEL_REASON)
                : !benefit.eligible() ? "人均收入" + Money.format(benefit.perCapitaIncome()) + "元不低于低保标准"
                        + Money.format(benefit.monthlyStandard()) + "元"
                : "重新核算：人均收入" + Money.format(benefit.perCapitaIncome()) + "元，月补助"
                        + Money.format(benefit.monthlyAmount()) + "元";
        reviews.saveProposal(reviewId(execution), benefit.perCapitaIncome(), benefit.monthlyStandard(), decision, reason);
        execution.setVariable(VAR_NEEDS_APPROVAL, decision.needsApproval());
        execution.setVariable("proposedOutcome", decision.outcome().label());
        execution.setVariable("proposedAmount", Money.format(decision.newAmount()));
        execution.setVariable("outcomeReason", reason);
    }

    /** 乡镇审核 / 区级审批 completed: a refusal keeps the current benefit and needs a reason. */
    public void decide(DelegateTask task) {
        boolean district = TASK_APPROVE_BY_DISTRICT.equals(task.getTaskDefinitionKey());
        String decisionVariable = district ? VAR_APPROVAL_DECISION : VAR_REVIEW_DECISION;
        String commentVariable = district ? VAR_APPROVAL_COMMENT : VAR_REVIEW_COMMENT;
        TaskInput input = new TaskInput(task);
        String decision = input.choice(decisionVariable, district ? "审批决定" : "审核决定", List.of(APPROVE, REJECT));
        String comment = REJECT.equals(decision) ? input.text(commentVariable, "不同意的理由", 1000)
                : input.optionalText(commentVariable, "意见", 1000);
        cases.recordDecision(caseId(task), "review:" + task.getTaskDefinitionKey(), decision, comment, Actor.of(task));
        task.setVariable(district ? "approvedBy" : "reviewedBy", Actor.of(task));
        if (!district) {
            task.setVariable(VAR_REVIEWED_BY_NAME, staffName(Actor.of(task)));
        }
        if (REJECT.equals(decision)) {
            task.setVariable("keepReason", (district ? "区民政局审批不同意：" : "乡镇（街道）审核不同意：") + comment);
        }
    }

    /** 执行复核结果: the new amount (paid from the next payroll computed) or the cancellation. */
    public void apply(DelegateExecution execution) {
        long caseId = caseId(execution);
        ReviewRepository.Review review = reviews.get(reviewId(execution));
        String actor = (String) execution.getVariable(review.needsApproval() ? "approvedBy" : "resurveyedBy");
        if (review.outcome() == ReviewOutcome.CANCEL) {
            cases.changeStatus(caseId, CaseStatus.CANCELLED, actor, "复核停保：" + review.outcomeReason());
        } else if (review.outcome() != ReviewOutcome.KEEP) {
            cases.applyReviewedAmount(caseId, review.proposedAmount(), review.perCapitaIncome(), review.monthlyStandard(),
                    actor, review.outcomeReason());
        }
        markReviewed(caseId);
        reviews.close(review.id(), "APPLIED", actor, null);
    }

    /** 维持原待遇: a change the township or the district did not approve; the case keeps its amount. */
    public void keepCurrent(DelegateExecution execution) {
        long caseId = caseId(execution);
        markReviewed(caseId);
        reviews.close(reviewId(execution), "UNCHANGED", (String) execution.getVariable("reviewedBy"),
                (String) execution.getVariable("keepReason"));
    }

    /** 逾期督办: the overdue re-survey is offered to the township reviewer too, at high priority. */
    public void escalate(DelegateExecution execution) {
        reviews.markEscalated(reviewId(execution));
        Task task = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
                .taskDefinitionKey(TASK_RESURVEY).singleResult();
        if (task != null) {
            taskService.addCandidateGroup(task.getId(), Groups.reviewer((String) execution.getVariable("townshipCode")));
            taskService.setPriority(task.getId(), 100);
        }
    }

    /** A staff member as the district's form shows them: "李建国（岳村乡审核人）" ({@link StaffNames}), not the user name. */
    private String staffName(String userId) {
        return jdbc.sql("select first_, last_ from act_id_user where id_ = ?").param(userId)
                .query((rs, row) -> rs.getString(1) == null || rs.getString(1).isBlank() ? userId
                        : StaffNames.format(rs.getString(1), rs.getString(2)))
                .optional().orElse(userId);
    }

    private void markReviewed(long caseId) {
        jdbc.sql("update dibao_case set last_reviewed_at = ? where id = ?").params(Timestamp.from(Instant.now()), caseId).update();
    }

    private static long caseId(org.camunda.bpm.engine.delegate.VariableScope scope) {
        return ((Number) scope.getVariable(VAR_CASE_ID)).longValue();
    }

    private static long reviewId(org.camunda.bpm.engine.delegate.VariableScope scope) {
        return ((Number) scope.getVariable(VAR_REVIEW_ID)).longValue();
    }

    /** The case's facts this process publishes for its forms. */
    @Override
    public Map<String, Set<String>> byProcess() {
        Set<String> copies = new HashSet<>(CaseVariables.COPIES);
        copies.add(VAR_REVIEWED_BY_NAME);
        return Map.of(KEY, Set.copyOf(copies));
    }
}
