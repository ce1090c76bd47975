package cn.minzheng.bureau.dibao.review;

import java.time.YearMonth;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.access.StaffNames;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.dibao.BenefitCalculation;
import cn.minzheng.bureau.dibao.BenefitCalculator;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.DibaoSettings;
import cn.minzheng.bureau.dibao.HouseholdIncomeService;
import cn.minzheng.bureau.dibao.IncomeAssessment;
import cn.minzheng.bureau.dibao.IncomeCalculator;
import cn.minzheng.bureau.dibao.StandardService;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.Household;
import cn.minzheng.bureau.program.CrossProgramRules;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.region.AreaType;

/**
 * The rules of a review (dibao-review.bpmn, through {@link ReviewSteps}). The survey is the application's
 * (same five checks, same listener); income and benefit are recomputed with the application's calculators
 * and the current standards; the new amount reaches the case only once the outcome is applied, so the
 * next payroll computed pays it.
 */
@Service
public class ReviewService {

    private final ReviewRepository reviews;
    private final DibaoCaseRepository cases;
    private final HouseholdIncomeService incomes;
    private final StandardService standards;
    private final ReviewSettings settings;
    private final StaffNames staffNames;
    private final TaskService taskService;
    private final CrossProgramRules crossProgramRules;
    private final EnrolmentRepository enrolments;
    private final DibaoSettings dibaoSettings;

    public ReviewService(ReviewRepository reviews, DibaoCaseRepository cases, HouseholdIncomeService incomes,
                         StandardService standards, ReviewSettings settings, StaffNames staffNames,
                         TaskService taskService, CrossProgramRules crossProgramRules, EnrolmentRepository enrolments,
                         DibaoSettings dibaoSettings) {
        this.dibaoSettings = dibaoSettings;
        this.crossProgramRules = crossProgramRules;
        this.enrolments = enrolments;
        this.reviews = reviews;
        this.cases = cases;
        this.incomes = incomes;
        this.standards = standards;
        this.settings = settings;
        this.staffNames = staffNames;
        this.taskService = taskService;
    }

    /** A review just opened, and the case as it was read for it. */
    public record Opened(long reviewId, DibaoCase dibaoCase) {
    }

    /** What the recalculation proposes, with the reason the forms and the case's history show. */
    public record Proposal(ReviewDecision decision, String reason) {
    }

    /** 建立复核: the review row, one open review per case, of an active case only. */
    public Opened open(long caseId, String kind, String changeDescription, String processInstanceId) {
        DibaoCase dibaoCase = cases.find(caseId).orElseThrow(() -> RuleViolation.notFound("低保案件" + caseId));
        if (dibaoCase.status() != CaseStatus.APPROVED) {
            throw new RuleViolation("CASE_NOT_ACTIVE", "案件" + dibaoCase.caseNumber() + "不在保，无需复核", 409);
        }
        long reviewId = reviews.open(caseId, kind, changeDescription, Money.of(dibaoCase.monthlyAmount()),
                processInstanceId);
        return new Opened(reviewId, dibaoCase);
    }

    /** How the forms name the kind of a review. */
    public static String kindLabel(String kind) {
        return switch (kind) {
            case ReviewStarter.CHANGE_REPORTED -> "家庭情况变化报告";
            case ReviewStarter.CAMPAIGN -> "集中摸底调查";
            default -> "定期复核";
        };
    }

    /** 重新核算: income and benefit with the current standards, and the outcome, saved on the review. */
    public Proposal recalculate(long caseId, long reviewId, AreaType area, boolean cancelProposed, String cancelReason) {
        DibaoCase dibaoCase = cases.find(caseId).orElseThrow();
        Household household = incomes.assessedHousehold(caseId);
        IncomeAssessment assessment = IncomeCalculator.assess(household);
        StandardService.Standard standard = standards.standardFor(area, dibaoCase.category());
        BenefitCalculation benefit = BenefitCalculator.calculate(assessment.perCapitaIncome(), standard.monthlyStandard(),
                standard.categoryAddition(), assessment.householdSize());
        int exitMonths = dibaoSettings.getGradualExitMonths();
        ReviewDecision decision = ReviewDecision.of(Money.of(dibaoCase.monthlyAmount()), benefit.monthlyAmount(),
                benefit.eligible(), cancelProposed, settings.getApprovalThreshold(),
                GradualExit.aboveThroughEmployment(household, standard.monthlyStandard()), exitMonths);
        String reason = decision.outcome() == ReviewOutcome.PHASE_OUT
                ? GradualExit.reason(benefit, cases.gradualExitUntil(caseId).orElse(null), exitMonths)
                : cancelProposed ? cancelReason
                : !benefit.eligible() ? "人均收入" + Money.format(benefit.perCapitaIncome()) + "元不低于低保标准"
                        + Money.format(benefit.monthlyStandard()) + "元"
                : "重新核算：人均收入" + Money.format(benefit.perCapitaIncome()) + "元，月补助"
                        + Money.format(benefit.monthlyAmount()) + "元";
        // the cross-program rules, re-checked: a member now also in a program 低保 excludes (特困供养) is named, and
        // the review goes to the township and the district whatever the amount
        List<String> conflicts = programConflicts(caseId);
        if (!conflicts.isEmpty()) {
            reason = "复核发现救助项目冲突：" + String.join("；", conflicts) + "。" + reason;
            decision = new ReviewDecision(decision.outcome(), decision.newAmount(), true);
        }
        reviews.saveProposal(reviewId, benefit.perCapitaIncome(), benefit.monthlyStandard(), decision, reason);
        return new Proposal(decision, reason);
    }

    /** The conflicts of the case's members with other programs, each as a Chinese sentence naming the enrolment. */
    List<String> programConflicts(long caseId) {
        Long own = enrolments.forProgramCase(Program.DIBAO, caseId).map(Enrolment::id).orElse(null);
        List<CrossProgramRules.Person> members = incomes.assessedHousehold(caseId).members().stream()
                .map(m -> new CrossProgramRules.Person(m.idNumber().value(), m.name())).toList();
        return crossProgramRules.conflicts(Program.DIBAO, members, own).stream()
                .map(CrossProgramRules.Conflict::message).toList();
    }

    /** 乡镇审核 / 区级审批: the decision in the case's record. */
    public void recordDecision(long caseId, String step, String decision, String comment, String actor) {
        cases.recordDecision(caseId, "review:" + step, decision, comment, actor);
    }

    /** A staff member as the district's form shows them: "李建国（岳村乡审核人）", not the user name. */
    public String staffName(String userId) {
        return staffNames.of(userId);
    }

    /**
     * 执行复核结论: the new amount (paid from the next payroll computed) or the cancellation, by whoever
     * decided last: the district approver where the outcome needed approval, else the clerk who re-surveyed.
     */
    public void apply(long caseId, long reviewId, String resurveyedBy, String approvedBy) {
        ReviewRepository.Review review = reviews.get(reviewId);
        String actor = review.needsApproval() ? approvedBy : resurveyedBy;
        if (review.outcome() == ReviewOutcome.PHASE_OUT) {
            // a household already phasing out keeps its end: a second review does not extend it
            if (cases.gradualExitUntil(caseId).isEmpty()) {
                cases.startGradualExit(caseId, GradualExit.lastMonth(YearMonth.from(EngineClock.today()), dibaoSettings.getGradualExitMonths()),
                        actor, review.outcomeReason());
            }
        } else if (review.outcome() == ReviewOutcome.CANCEL) {
            cases.changeStatus(caseId, CaseStatus.CANCELLED, actor, "复核停保：" + review.outcomeReason());
        } else if (review.outcome() != ReviewOutcome.KEEP) {
            cases.endGradualExit(caseId);
            cases.applyReviewedAmount(caseId, review.proposedAmount(), review.perCapitaIncome(), review.monthlyStandard(),
                    actor, review.outcomeReason());
        }
        cases.markReviewed(caseId);
        reviews.close(review.id(), ReviewStatus.APPLIED, actor, null);
    }

    /** 维持原待遇: a change the township or the district did not approve; the case keeps its amount. */
    public void keepCurrent(long caseId, long reviewId, String reviewedBy, String keepReason) {
        cases.markReviewed(caseId);
        reviews.close(reviewId, ReviewStatus.UNCHANGED, reviewedBy, keepReason);
    }

    /** 逾期督办: the overdue re-survey is offered to the township reviewer too, at high priority. */
    public void escalate(long reviewId, String processInstanceId, String townshipCode) {
        reviews.markEscalated(reviewId);
        Task task = taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(ReviewProcess.TASK_RESURVEY).singleResult();
        if (task != null) {
            taskService.addCandidateGroup(task.getId(), Groups.reviewer(townshipCode));
            taskService.setPriority(task.getId(), 100);
        }
    }
}
