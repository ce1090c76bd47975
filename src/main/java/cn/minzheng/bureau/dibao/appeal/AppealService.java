package cn.minzheng.bureau.dibao.appeal;

import static cn.minzheng.bureau.dibao.appeal.AppealProcess.*;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.access.StaffNames;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.dibao.BenefitCalculation;
import cn.minzheng.bureau.dibao.CaseRecalculation;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.region.AreaType;

/**
 * 申诉复核 (dibao-appeal.bpmn): registered within the appeal period after the written notice, re-investigated
 * (the survey's five checks) by a clerk who did not handle the case, decided by the district: upheld, changed or
 * reversed, with a written reason. A reversal reopens a rejected application as an approved case from the month
 * after the rejection, reinstates a cancelled case from the first month it was not paid, or corrects an amount
 * from the next payroll; past months owed are paid once as back pay (补发). {@link AppealSteps} calls the steps.
 */
@Service
public class AppealService {

    private final AppealRepository appeals;
    private final DibaoCaseRepository cases;
    private final CaseRecalculation recalculation;
    private final AppealSettings settings;
    private final RuntimeService runtimeService;
    private final StaffNames staffNames;

    public AppealService(AppealRepository appeals, DibaoCaseRepository cases, CaseRecalculation recalculation,
                         AppealSettings settings, RuntimeService runtimeService, StaffNames staffNames) {
        this.appeals = appeals;
        this.cases = cases;
        this.recalculation = recalculation;
        this.settings = settings;
        this.runtimeService = runtimeService;
        this.staffNames = staffNames;
    }

    public record Registration(Long caseId, String contested, String noticeDate, String grounds) {
    }

    /** Registers an appeal and starts its process; the caller's area was checked. */
    @Transactional
    public Appeal register(Registration form, String actor) {
        if (form == null || form.caseId() == null) {
            throw new RuleViolation("MISSING_FIELD", "请填写申诉的低保案件（caseId）");
        }
        DibaoCase dibaoCase = cases.find(form.caseId()).orElseThrow(() -> RuleViolation.notFound("低保案件" + form.caseId()));
        String contested = form.contested();
        requireContestable(dibaoCase, contested);
        LocalDate noticeDate = noticeDateWithinPeriod(dibaoCase, contested, form.noticeDate());
        String grounds = text(form.grounds(), "申诉理由", 1000);
        List<String> handlers = appeals.handlersOf(dibaoCase.id());
        long id = appeals.insert(dibaoCase.id(), dibaoCase.householdId(), dibaoCase.townshipCode(), contested, noticeDate,
                grounds, String.join(",", handlers), actor);
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_APPEAL_ID, id);
        variables.put(VAR_CASE_ID, dibaoCase.id());
        String instanceId = runtimeService.startProcessInstanceByKey(KEY, dibaoCase.caseNumber(), variables).getId();
        appeals.attachProcess(id, instanceId);
        return appeals.get(id);
    }

    /** The case's status must be what is contested: a rejection, a cancellation, or (approved) an amount. */
    private static void requireContestable(DibaoCase dibaoCase, String contested) {
        CaseStatus required = REJECTION.equals(contested) ? CaseStatus.REJECTED
                : CANCELLATION.equals(contested) ? CaseStatus.CANCELLED
                : AMOUNT.equals(contested) ? CaseStatus.APPROVED : null;
        if (required == null) {
            throw new RuleViolation("INVALID_CONTESTED", "请选择申诉的事项：不予批准（REJECTION）、停保（CANCELLATION）或补助金额（AMOUNT）");
        }
        if (dibaoCase.status() != required) {
            throw new RuleViolation("NOTHING_TO_CONTEST", "案件" + dibaoCase.caseNumber() + "当前状态为“" + dibaoCase.status().label()
                    + "”，没有可申诉的" + Appeal.contestedLabel(contested), 409);
        }
    }

    /** The written notice's date (the decision's by default), between the decision and today, within the period. */
    private LocalDate noticeDateWithinPeriod(DibaoCase dibaoCase, String contested, String given) {
        LocalDate decided = appeals.decidedAt(dibaoCase.id(), contested).map(LocalDateTime::toLocalDate)
                .orElseThrow(() -> new RuleViolation("NOTHING_TO_CONTEST", "案件" + dibaoCase.caseNumber() + "没有可申诉的决定", 409));
        LocalDate noticeDate = given == null || given.isBlank() ? decided : date(given);
        LocalDate today = LocalDate.now();
        if (noticeDate.isBefore(decided) || noticeDate.isAfter(today)) {
            throw new RuleViolation("INVALID_NOTICE_DATE", "书面通知日期应在决定日期" + decided + "与今天之间");
        }
        LocalDate lastDay = noticeDate.plus(settings.getPeriod());
        if (today.isAfter(lastDay)) {
            throw new RuleViolation("APPEAL_PERIOD_OVER", "已超过申诉期限：书面通知日期为" + noticeDate + "，应在" + lastDay
                    + "前提出申诉", 409);
        }
        return noticeDate;
    }

    public Appeal appeal(long id) {
        return appeals.get(id);
    }

    public DibaoCase caseOf(Appeal appeal) {
        return cases.find(appeal.caseId()).orElseThrow();
    }

    /** What the contested decision was based on, as the forms show it. */
    static String contestedReason(Appeal appeal, DibaoCase dibaoCase) {
        return AMOUNT.equals(appeal.contested()) ? amountBasis(dibaoCase)
                : dibaoCase.closingReason() == null ? "" : dibaoCase.closingReason();
    }

    /** What a contested amount was decided on: the figures of the case's last calculation. */
    private static String amountBasis(DibaoCase dibaoCase) {
        if (dibaoCase.perCapitaIncome() == null || dibaoCase.monthlyStandard() == null) {
            return "按核定时的家庭收入计算，月补助" + Money.format(dibaoCase.monthlyAmount()) + "元";
        }
        boolean addition = dibaoCase.categoryAddition() != null && dibaoCase.categoryAddition().signum() > 0;
        return "核定时家庭人均收入" + Money.format(dibaoCase.perCapitaIncome()) + "元，低保标准"
                + Money.format(dibaoCase.monthlyStandard()) + "元"
                + (addition ? "，分类施保加发" + Money.format(dibaoCase.categoryAddition()) + "元" : "")
                + "，月补助" + Money.format(dibaoCase.monthlyAmount()) + "元";
    }

    /** Nobody who handled the case, nor a relative of the applicant, re-investigates it. */
    public void requireNewClerk(String actor, String handledBy, String relatedStaffUser) {
        if (actor == null) {
            return;
        }
        boolean handled = handledBy != null && Arrays.asList(handledBy.split(",")).contains(actor);
        if (handled || actor.equals(relatedStaffUser)) {
            throw new RuleViolation("FOUR_EYES", "回避：" + staffNames.of(actor) + "曾办理本案件或是申请人的近亲属，申诉须由其他经办人重新调查", 403);
        }
    }

    /** 重新调查 completed (after the survey's five checks were stored). */
    public void recordFindings(long appealId, String findings, String actor) {
        Appeal appeal = appeals.get(appealId);
        appeals.recordFindings(appeal, caseOf(appeal).householdId(), findings, actor);
    }

    /** 重新核算: the benefit with what the re-investigation found, as the application calculates it; proposed. */
    public BenefitCalculation recalculate(long appealId, AreaType area) {
        Appeal appeal = appeals.get(appealId);
        BenefitCalculation benefit = recalculation.recalculate(caseOf(appeal), area);
        appeals.saveProposal(appeal.id(), benefit.monthlyAmount());
        return benefit;
    }

    static String proposedSummary(BenefitCalculation benefit) {
        return benefit.eligible()
                ? "重新核算：人均收入" + Money.format(benefit.perCapitaIncome()) + "元，低保标准" + Money.format(benefit.monthlyStandard())
                        + "元，月补助" + Money.format(benefit.monthlyAmount()) + "元"
                : "重新核算：人均收入" + Money.format(benefit.perCapitaIncome()) + "元，不低于低保标准"
                        + Money.format(benefit.monthlyStandard()) + "元，不符合条件";
    }

    /**
     * 区民政局复核决定 completed: upheld, changed (with the corrected amount, which the caller reads only then)
     * or reversed (with the recalculated one); with a reason.
     */
    public void decide(long appealId, String outcome, String reason, Supplier<BigDecimal> correctedAmount,
                       String actor) {
        Appeal appeal = appeals.get(appealId);
        DibaoCase dibaoCase = caseOf(appeal);
        BigDecimal amount = null;
        String effective = null;
        if (!UPHELD.equals(outcome)) {
            amount = CHANGED.equals(outcome) ? correctedAmount.get() : appeal.proposedAmount();
            if (amount == null || amount.signum() <= 0) {
                throw new RuleViolation("NOT_ELIGIBLE", "重新核算后该户不符合低保条件（补助为0），不能撤销或变更原决定；"
                        + "如确有理由，请选择“变更”并填写金额");
            }
            effective = effectiveMonth(appeal, dibaoCase).toString();
        }
        cases.recordDecision(appeal.caseId(), "appeal:" + TASK_DECIDE, outcome, reason, actor);
        appeals.decide(appeal, dibaoCase.householdId(), outcome, reason, effective, amount, actor);
    }

    /**
     * 纠正原决定: the case reopened, reinstated or corrected; past months owed become back pay. Returns the months
     * owed (none for an amount).
     */
    public List<String> correct(long appealId, AreaType area, String actor) {
        Appeal appeal = appeals.get(appealId);
        DibaoCase dibaoCase = caseOf(appeal);
        String why = (REVERSED.equals(appeal.outcome()) ? "申诉复核撤销原决定：" : "申诉复核变更原决定：") + appeal.outcomeReason();
        BenefitCalculation benefit = recalculation.recalculate(dibaoCase, area);
        cases.applyReviewedAmount(dibaoCase.id(), appeal.newAmount(), benefit.perCapitaIncome(), benefit.monthlyStandard(),
                actor, why);
        YearMonth from = YearMonth.parse(appeal.effectiveMonth());
        appeals.close(appeal.id(), AppealStatus.closedAs(appeal.outcome()));
        if (AMOUNT.equals(appeal.contested())) {
            return List.of();
        }
        cases.reopen(dibaoCase.id());
        if (REJECTION.equals(appeal.contested())) {
            cases.activate(dibaoCase.id(), from.toString(), actor);
        } else {
            cases.changeStatus(dibaoCase.id(), CaseStatus.APPROVED, actor, why + "，自" + from + "起恢复发放");
        }
        return appeals.owe(dibaoCase.id(), appeal.id(), from, appeals.lastDueMonth(), appeal.newAmount());
    }

    /** 维持原决定: the appeal is closed with the district's written reason; the case stays as it was. */
    public void closeUpheld(long appealId) {
        appeals.close(appeals.get(appealId).id(), AppealStatus.UPHELD);
    }

    /**
     * The right month: a rejected application is approved as of the month after the rejection (as if approved
     * then); a cancelled case is paid again from the first month it was not paid; an amount from the next payroll.
     */
    private YearMonth effectiveMonth(Appeal appeal, DibaoCase dibaoCase) {
        return switch (appeal.contested()) {
            case REJECTION -> appeals.decidedAt(dibaoCase.id(), REJECTION).map(t -> YearMonth.from(t).plusMonths(1)).orElseThrow();
            case CANCELLATION -> appeals.lastPaidMonth(dibaoCase.id()).map(m -> YearMonth.parse(m).plusMonths(1))
                    .orElseGet(() -> appeals.decidedAt(dibaoCase.id(), CANCELLATION).map(t -> YearMonth.from(t).plusMonths(1)).orElseThrow());
            default -> YearMonth.now().plusMonths(1);
        };
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new RuleViolation("INVALID_DATE", "书面通知日期格式不正确，应为“年-月-日”，如2026-05-08");
        }
    }

    private static String text(String value, String label, int maxLength) {
        return TextRules.required(value, label, maxLength);
    }
}
