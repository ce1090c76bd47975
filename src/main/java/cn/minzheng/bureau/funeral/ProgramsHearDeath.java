package cn.minzheng.bureau.funeral;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.dibao.BenefitCalculator;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.HouseholdIncomeService;
import cn.minzheng.bureau.dibao.IncomeAssessment;
import cn.minzheng.bureau.dibao.IncomeCalculator;
import cn.minzheng.bureau.dibao.StandardService;
import cn.minzheng.bureau.dibao.recovery.Recovery;
import cn.minzheng.bureau.dibao.recovery.RecoveryRepository;
import cn.minzheng.bureau.dibao.recovery.RecoveryService;
import cn.minzheng.bureau.dibao.recovery.RecoveryStatus;
import cn.minzheng.bureau.dibao.review.ReviewRepository;
import cn.minzheng.bureau.dibao.review.ReviewStarter;
import cn.minzheng.bureau.dibao.review.ReviewSteps;
import cn.minzheng.bureau.funeral.DeathRegistrationRepository.LiveEnrolment;
import cn.minzheng.bureau.gaoling.GaolingRepository;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramRegistry;
import cn.minzheng.bureau.region.Communities;
import cn.minzheng.bureau.region.RegionRepository;
import cn.minzheng.bureau.tekun.FuneralAllowanceService;
import cn.minzheng.bureau.tekun.TekunService;
import cn.minzheng.bureau.youfu.YoufuRepository;
import cn.minzheng.bureau.youfu.YoufuStatus;

/**
 * What every program does when a death is confirmed (通知各救助项目), in the confirming transaction:
 * <ul>
 * <li>the member is marked deceased on the household file (household_member.died_on);</li>
 * <li>the person's own enrolments (高龄津贴, 特困供养, 优抚) end, dated at the end of the month of death; a 特困供养 case
 * ending so starts its 丧葬补助 (tekun-funeral-allowance);</li>
 * <li>a 低保 case counting the person: with nobody else left it is cancelled (停保) the same way; otherwise a review is
 * started (家庭情况变化报告) so that the amount is recalculated for the smaller household through dibao-review;</li>
 * <li>payments already made for months after the month of death are overpayments, each recorded once; they open
 * dibao-recovery (source DEATH): for 低保 for what was paid beyond the amount due to the remaining household, for
 * another program (高龄津贴, 特困供养, 优抚) the whole payment, as a recovery of the enrolment.</li>
 * </ul>
 * Each thing done is a line of the record's {@code effects}, which the household file and /api show.
 */
@Component
public class ProgramsHearDeath {

    private final DeathRegistrationRepository deaths;
    private final HouseholdRepository households;
    private final EnrolmentRepository enrolments;
    private final ProgramRegistry programs;
    private final GaolingRepository gaoling;
    private final TekunService tekun;
    private final YoufuRepository youfu;
    private final DibaoCaseRepository dibaoCases;
    private final ReviewStarter reviewStarter;
    private final ReviewRepository reviews;
    private final RecoveryService recoveryService;
    private final RecoveryRepository recoveries;
    private final HouseholdIncomeService incomes;
    private final StandardService standards;
    private final RegionRepository regions;
    private final FuneralAllowanceService funeralAllowances;
    private final ReviewSteps reviewSteps;

    public ProgramsHearDeath(DeathRegistrationRepository deaths, HouseholdRepository households,
                             EnrolmentRepository enrolments, ProgramRegistry programs, GaolingRepository gaoling,
                             TekunService tekun, YoufuRepository youfu, DibaoCaseRepository dibaoCases, ReviewStarter reviewStarter,
                             ReviewRepository reviews, RecoveryService recoveryService, RecoveryRepository recoveries,
                             HouseholdIncomeService incomes, StandardService standards, RegionRepository regions,
                             FuneralAllowanceService funeralAllowances, ReviewSteps reviewSteps) {
        this.deaths = deaths;
        this.households = households;
        this.enrolments = enrolments;
        this.programs = programs;
        this.gaoling = gaoling;
        this.tekun = tekun;
        this.youfu = youfu;
        this.dibaoCases = dibaoCases;
        this.reviewStarter = reviewStarter;
        this.reviews = reviews;
        this.recoveryService = recoveryService;
        this.recoveries = recoveries;
        this.incomes = incomes;
        this.standards = standards;
        this.regions = regions;
        this.funeralAllowances = funeralAllowances;
        this.reviewSteps = reviewSteps;
    }

    /** Tells every program of the confirmed death; returns the lines of what was done. */
    public List<String> hear(DeathRecord death, String actor) {
        List<String> effects = new ArrayList<>();
        String lastDue = DeathRules.lastMonthDue(death.deathDate()).toString();
        String why = "死亡（" + death.deathDate() + "，死亡登记" + death.recordNumber() + "）";
        List<LiveEnrolment> live = deaths.liveEnrolments(death.idNumber());
        households.recordDeath(death.idNumber(), death.deathDate(), actor, why);
        effects.add("家庭档案：" + death.personName() + "标记为已故（" + death.deathDate() + "）");
        for (LiveEnrolment e : live) {
            String name = programs.get(e.programCode()).name();
            if ("APPLIED".equals(e.status())) {
                effects.add(name + "：申请尚在办理中，请在该申请中依死亡情况办结");
                continue;
            }
            switch (e.programCode()) {
                case Program.GAOLING -> {
                    gaoling.recipient(e.programCaseId()).ifPresent(r -> gaoling.end(r, actor, why + "，终止发放"));
                    enrolments.backdateEnd(e.enrolmentId(), lastDue);
                    effects.add(name + "：自" + lastDue + "月末终止");
                    overpayments(death, e, null, BigDecimal.ZERO, effects);
                }
                case Program.TEKUN -> {
                    tekun.endByDeath(e.programCaseId(), death.deathDate(), death.id(), why + "，终止供养", actor);
                    effects.add(name + "：自" + lastDue + "月末终止供养；已核算丧葬补助，待乡镇（街道）确认领取人后发放");
                    overpayments(death, e, null, BigDecimal.ZERO, effects);
                }
                case Program.YOUFU -> {
                    youfu.close(e.programCaseId(), YoufuStatus.ENDED, why + "，终止发放", actor);
                    enrolments.backdateEnd(e.enrolmentId(), lastDue);
                    effects.add(name + "：自" + lastDue + "月末终止发放（一次性抚恤金另行办理）");
                    overpayments(death, e, null, BigDecimal.ZERO, effects);
                }
                case Program.DIBAO -> dibao(death, e, why, lastDue, actor, effects);
                default -> effects.add(name + "：请该项目经办人依死亡情况终止");
            }
        }
        funeralAllowances.linkRegisteredDeath(death.idNumber(), death.id(), actor).ifPresent(a -> effects.add(
                "特困人员救助供养：已于终止供养（死亡）时核算丧葬补助" + Money.format(a.amount()) + "元，与本死亡登记对应，不重复核算"));
        if (live.isEmpty()) {
            effects.add("救助项目：无正在享受的救助项目");
        }
        return effects;
    }

    private void dibao(DeathRecord death, LiveEnrolment e, String why, String lastDue, String actor, List<String> effects) {
        DibaoCase c = dibaoCases.find(e.programCaseId()).orElseThrow();
        String name = programs.get(e.programCode()).name();
        if (c.status() != CaseStatus.APPROVED) {
            effects.add(name + "：案件" + c.caseNumber() + "正在申请办理中（" + c.status().label() + "），请在办理中按减少后的家庭人口核定");
            return;
        }
        List<String> living = deaths.livingMembersOfCase(c.id());
        if (living.isEmpty()) {
            dibaoCases.changeStatus(c.id(), CaseStatus.CANCELLED, actor, why + "，家庭无其他成员，停保");
            enrolments.backdateEnd(e.enrolmentId(), lastDue);
            effects.add(name + "：案件" + c.caseNumber() + "家庭无其他成员，自" + lastDue + "月末停保");
            overpayments(death, e, c, BigDecimal.ZERO, effects);
            return;
        }
        if (reviews.hasOpenReview(c.id())) {
            effects.add(name + "：案件" + c.caseNumber() + "已有正在办理的复核，该复核将按减少后的" + living.size() + "人重新核算");
            reviewSteps.offerNewHeadOnOpenSurvey(c.id(), c.caseNumber());
        } else {
            reviewStarter.start(c.id(), ReviewStarter.CHANGE_REPORTED, "家庭成员" + death.personName() + "于"
                    + death.deathDate() + "死亡（死亡登记" + death.recordNumber() + "），家庭人口减为" + living.size()
                    + "人，按减少后的家庭人口重新核算");
            effects.add(name + "：案件" + c.caseNumber() + "已发起复核，按减少后的" + living.size() + "人重新核算");
        }
        overpayments(death, e, c, entitledForSmallerHousehold(c), effects);
    }

    /** What the remaining household is due a month, computed as a review computes it (0 if no longer eligible). */
    private BigDecimal entitledForSmallerHousehold(DibaoCase c) {
        IncomeAssessment assessment = IncomeCalculator.assess(incomes.assessedHousehold(c.id()));
        StandardService.Standard standard = standards.standardFor(
                Communities.township(regions, c.townshipCode()).kind().areaType(), c.category());
        return Money.of(BenefitCalculator.calculate(assessment.perCapitaIncome(), standard.monthlyStandard(),
                standard.categoryAddition(), assessment.householdSize()).monthlyAmount());
    }

    /**
     * The enrolment's payments made for months after the month of death, each recorded once; for 低保 the
     * recovery process is opened for what was paid beyond {@code entitled} a month.
     */
    private void overpayments(DeathRecord death, LiveEnrolment e, DibaoCase dibaoCase, BigDecimal entitled,
                              List<String> effects) {
        List<DeathRules.Payment> overpaid = DeathRules.overpaid(deaths.payments(e.enrolmentId()), death.deathDate())
                .stream().filter(p -> p.amount().compareTo(entitled) > 0 && !deaths.alreadyOverpaid(p.paymentId()))
                .toList();
        if (overpaid.isEmpty()) {
            return;
        }
        String name = programs.get(e.programCode()).name();
        String months = overpaid.stream().map(p -> p.benefitMonth() + "（" + Money.format(p.amount()) + "元）")
                .collect(Collectors.joining("、"));
        Long recoveryId = null;
        if (dibaoCase != null) {
            boolean open = recoveries.ofCase(dibaoCase.id()).stream().anyMatch(r -> RecoveryStatus.OPEN.name().equals(r.status())
                    || RecoveryStatus.DEDUCTING.name().equals(r.status()));
            if (open) {
                effects.add(name + "：死亡后月份已发放" + months + "，该案件已有未追回完毕的多发款，请在原追回中一并处理");
            } else {
                Recovery recovery = recoveryService.start(dibaoCase.id(), overpaid.get(0).benefitMonth(), entitled, "DEATH",
                        death.id(), "家庭成员" + death.personName() + "于" + death.deathDate() + "死亡，自"
                                + overpaid.get(0).benefitMonth() + "起每月应发" + Money.format(entitled) + "元");
                recoveryId = recovery.id();
                effects.add(name + "：死亡后月份已发放" + months + "，已发起多发追回（应发" + Money.format(entitled)
                        + "元/月，多发合计" + Money.format(recovery.totalAmount()) + "元）");
            }
        } else {
            boolean open = recoveries.ofEnrolment(e.enrolmentId()).stream().anyMatch(r -> RecoveryStatus.OPEN.name().equals(r.status()));
            if (open) {
                effects.add(name + "：死亡后月份已发放" + months + "，该项目已有未追回完毕的多发款，请在原追回中一并处理");
            } else {
                Recovery recovery = recoveryService.startForEnrolment(e.enrolmentId(), overpaid.get(0).benefitMonth(),
                        "DEATH", death.id(), death.personName() + "于" + death.deathDate() + "死亡，" + name + "自"
                                + overpaid.get(0).benefitMonth() + "起不应发放");
                recoveryId = recovery.id();
                effects.add(name + "：死亡后月份已发放" + months + "，已发起多发追回（多发合计"
                        + Money.format(recovery.totalAmount()) + "元，由乡镇（街道）责令退回或报请减免）");
            }
        }
        for (DeathRules.Payment p : overpaid) {
            deaths.recordOverpayment(death.id(), p, recoveryId);
        }
    }
}
