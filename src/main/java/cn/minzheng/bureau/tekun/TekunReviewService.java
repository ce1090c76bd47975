package cn.minzheng.bureau.tekun;

import java.time.YearMonth;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.household.Labelled;

/**
 * The rules of 特困人员年度复核 (特困人员认定办法: 每年复核): the yearly list, the township's re-assessment of each person
 * (the conditions again, the care arrangement, the self-care level and so the amounts by today's DMN tables), the
 * district's approval of an end, and what each outcome writes. One rule set for Tasklist, the engine REST API and the
 * tests; every refusal is a Chinese 4xx before anything is written.
 */
@Service
public class TekunReviewService {

    private final TekunReviewRepository reviews;
    private final TekunCaseRepository cases;
    private final TekunService tekun;

    public TekunReviewService(TekunReviewRepository reviews, TekunCaseRepository cases, TekunService tekun) {
        this.reviews = reviews;
        this.cases = cases;
        this.tekun = tekun;
    }

    /** 列出本年度复核对象: every person supported now, once a year. */
    @Transactional
    public List<TekunReview> list(int year, String campaignInstanceId) {
        return reviews.list(year, campaignInstanceId);
    }

    /** The rows a campaign listed (its call activity's collection). */
    public List<Long> listed(String campaignInstanceId) {
        return reviews.listedBy(campaignInstanceId);
    }

    public void attach(long reviewId, String processInstanceId) {
        reviews.attachProcess(reviewId, processInstanceId);
    }

    public String communityName(TekunCase c) {
        return tekun.communityName(c);
    }

    public TekunReview get(long reviewId) {
        return reviews.get(reviewId);
    }

    public TekunCase caseOf(TekunReview r) {
        return tekun.get(r.tekunCaseId());
    }

    /** What the register says of the conditions now, for the township's form. */
    public String registerCheck(TekunCase c) {
        String problem = tekun.registerProblem(c);
        return problem == null ? "户籍和收入信息核对：仍符合无劳动能力、无生活来源的条件"
                : "户籍和收入信息核对发现：" + problem;
    }

    /** The township's form as submitted. */
    public record Answer(Object stillNoWorkAbility, Object stillNoIncome, Object stillNoSupporter, Object outcome,
                         Object endReason, Object careMode, Object careInstitution, Object carerName,
                         Object careAgreement, Object selfCareLevel, Object finding) {
    }

    /**
     * 乡镇（街道）年度复核: returns the outcome, CONTINUE (the conditions all still met, the care and level found, the
     * amounts computed; the new amount paid from next month), END (a reason; the district decides), or CLOSED when
     * the case ended another way meanwhile (a death). Nothing is written on a refusal.
     */
    @Transactional
    public String answer(long reviewId, Answer form, String actor) {
        TekunReview r = reviews.get(reviewId);
        TekunCase c = tekun.get(r.tekunCaseId());
        if (c.status() != TekunStatus.ACTIVE) {
            reviews.close(r, TekunReview.CASE_CLOSED);
            return TekunReviewProcess.CLOSED;
        }
        String outcome = choice(form.outcome());
        String finding = TextRules.required(form.finding(), "复核情况", 1000);
        if (TekunReviewProcess.END.equals(outcome)) {
            EndReason reason = endReason(form.endReason());
            reviews.answer(r, TekunReview.END_PROPOSED, outcome, reason.name(), null, null, finding, c.monthlyAmount(),
                    null, null, null, c.householdId(), actor);
            return outcome;
        }
        requireConditions(form, c);
        TekunEligibility.CareArrangement care = TekunEligibility.careArrangement(
                Labelled.parse(CareMode.class, form.careMode(), "供养方式"), form.careInstitution(), form.carerName(),
                form.careAgreement());
        if (form.selfCareLevel() == null || form.selfCareLevel().toString().isBlank()) {
            throw new RuleViolation("MISSING_FIELD", "请重新评估生活自理能力（全自理、半护理或全护理）");
        }
        SelfCareLevel level = Labelled.parse(SelfCareLevel.class, form.selfCareLevel(), "生活自理能力");
        TekunAmounts.Amounts amounts = tekun.amountsFor(c, level);
        boolean changed = c.monthlyAmount() == null || amounts.monthly().compareTo(c.monthlyAmount()) != 0;
        reviews.answer(r, TekunReview.OPEN, outcome, null, level.name(), care, finding, c.monthlyAmount(),
                changed ? amounts.monthly() : null, changed ? nextMonth() : null,
                changed ? c.calculationSnapshot() : null, c.householdId(), actor);
        return outcome;
    }

    /** 继续供养: the case takes the care and level found; a new amount is paid from the review's effective month. */
    @Transactional
    public TekunReview continueSupport(long reviewId, String actor) {
        TekunReview r = reviews.get(reviewId);
        TekunCase c = tekun.get(r.tekunCaseId());
        if (c.status() != TekunStatus.ACTIVE) {
            return reviews.close(r, TekunReview.CASE_CLOSED);
        }
        SelfCareLevel level = SelfCareLevel.valueOf(r.selfCareLevel());
        TekunAmounts.Amounts amounts = tekun.amountsFor(c, level);
        TekunEligibility.CareArrangement care = new TekunEligibility.CareArrangement(CareMode.valueOf(r.careMode()),
                r.careInstitution(), r.carerName(), r.careAgreement());
        cases.reassess(c.id(), level, care, amounts, tekun.snapshot(amounts), entry(r, amounts), actor);
        return reviews.close(r, TekunReview.CONTINUED);
    }

    /** 区民政局核准终止供养: approve, or return to the township with the reason. */
    @Transactional
    public String decideEnd(long reviewId, Object decision, Object comment, String actor) {
        TekunReview r = reviews.get(reviewId);
        String choice = decision == null ? "" : decision.toString();
        if (!TekunReviewProcess.APPROVE.equals(choice) && !TekunReviewProcess.RETURN.equals(choice)) {
            throw new RuleViolation("INVALID_DECISION", "请选择核准意见（同意终止供养，或退回乡镇（街道）重新复核）");
        }
        String text = TekunReviewProcess.RETURN.equals(choice) ? TextRules.required(comment, "退回理由", 1000)
                : TextRules.optional(comment, "核准说明", 1000);
        reviews.decide(r, choice, text, tekun.get(r.tekunCaseId()).householdId(), actor);
        return choice;
    }

    /** 终止供养: the case and its enrolment end this month, with the review's reason. */
    @Transactional
    public TekunReview endSupport(long reviewId, String actor) {
        TekunReview r = reviews.get(reviewId);
        TekunCase c = tekun.get(r.tekunCaseId());
        if (c.status() != TekunStatus.ACTIVE) {
            return reviews.close(r, TekunReview.CASE_CLOSED);
        }
        cases.close(c.id(), TekunStatus.ENDED, r.reviewYear() + "年度复核：" + EndReason.valueOf(r.endReason()).label()
                + "：" + r.finding() + "（区民政局核准）", actor);
        return reviews.close(r, TekunReview.ENDED);
    }

    /** What the district's form shows of the township's answer. */
    public String outcomeSummary(TekunReview r) {
        if (TekunReviewProcess.END.equals(r.outcome())) {
            return "乡镇（街道）提出终止供养：" + EndReason.valueOf(r.endReason()).label() + "。复核情况：" + r.finding();
        }
        return "复核情况：" + (r.finding() == null ? "" : r.finding());
    }

    private static String entry(TekunReview r, TekunAmounts.Amounts a) {
        String care = r.selfCareLevel() == null ? "" : SelfCareLevel.valueOf(r.selfCareLevel()).label();
        if (r.newAmount() == null) {
            return r.reviewYear() + "年度复核：继续供养，" + care + "，每月" + Money.format(a.monthly()) + "元不变";
        }
        return r.reviewYear() + "年度复核：继续供养，" + care + "，自" + r.effectiveMonth() + "起每月"
                + Money.format(a.monthly()) + "元（原" + Money.format(r.oldAmount()) + "元）";
    }

    private static String choice(Object outcome) {
        String value = outcome == null ? "" : outcome.toString();
        if (!TekunReviewProcess.CONTINUE.equals(value) && !TekunReviewProcess.END.equals(value)) {
            throw new RuleViolation("INVALID_DECISION", "请选择复核结论（继续供养或终止供养）");
        }
        return value;
    }

    private static EndReason endReason(Object value) {
        if (value == null || value.toString().isBlank()) {
            throw new RuleViolation("MISSING_FIELD", "终止供养须选择终止原因");
        }
        EndReason reason = Labelled.parse(EndReason.class, value, "终止原因");
        if (reason == EndReason.DEATH) {
            throw new RuleViolation("DEATH_NEEDS_REGISTRATION", "供养对象死亡的，请办理死亡登记：经乡镇（街道）审核确认后自动终止供养并核算丧葬补助");
        }
        return reason;
    }

    /** Continued support needs every condition confirmed by the township and not contradicted by the register. */
    private void requireConditions(Answer form, TekunCase c) {
        if (!yes(form.stillNoWorkAbility()) || !yes(form.stillNoIncome()) || !yes(form.stillNoSupporter())) {
            throw new RuleViolation("CONDITIONS_NOT_CONFIRMED", "继续供养须确认仍无劳动能力、仍无生活来源、仍无法定义务人"
                    + "或义务人无履行能力；不再符合的，请选择终止供养并写明原因");
        }
        String problem = tekun.registerProblem(c);
        if (problem != null) {
            throw new RuleViolation("REGISTER_CONTRADICTS", "户籍和收入信息显示：" + problem
                    + "。请核实后更正家庭信息，或选择终止供养", 422);
        }
    }

    private static boolean yes(Object value) {
        return Boolean.TRUE.equals(value) || "true".equals(String.valueOf(value));
    }

    private static String nextMonth() {
        return YearMonth.from(EngineClock.today()).plusMonths(1).toString();
    }
}
