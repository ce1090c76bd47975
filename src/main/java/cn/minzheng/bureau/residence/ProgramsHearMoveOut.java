package cn.minzheng.bureau.residence;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.review.ReviewRepository;
import cn.minzheng.bureau.dibao.review.ReviewStarter;
import cn.minzheng.bureau.gaoling.GaolingRepository;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.program.CrossProgramRules;
import cn.minzheng.bureau.program.Enrolment;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.LeavingArea;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramRegistry;
import cn.minzheng.bureau.tekun.EndReason;
import cn.minzheng.bureau.tekun.TekunCaseRepository;
import cn.minzheng.bureau.tekun.TekunStatus;
import cn.minzheng.bureau.youfu.YoufuRepository;

/**
 * What every program does when a resident's household registration moves out of the district, in the recording
 * transaction, by the one rule of {@link LeavingArea} (due up to the end of the month of the move):
 * <ul>
 * <li>the member is marked moved out on the household file (household_member.moved_out_on); the monthly 高龄津贴
 * proposal and a 低保 calculation no longer count them;</li>
 * <li>the person's own monthly enrolments (高龄津贴, 特困供养 with reason 迁出本区, 优抚) end with end month = the month
 * of the move, with their dated history; the next payroll leaves them out and a payroll already computed for a later
 * month is stale (payroll/PayrollStaleness);</li>
 * <li>a 低保 case counting the person: with nobody else left it is cancelled (停保) the same way; otherwise a review is
 * started (家庭情况变化报告) for the smaller household;</li>
 * <li>payments already sent to the bank for months after the move are listed as 多发 for the township to recover.</li>
 * </ul>
 */
@Component
public class ProgramsHearMoveOut {

    private final HouseholdRepository households;
    private final CrossProgramRules crossProgramRules;
    private final EnrolmentRepository enrolments;
    private final ProgramRegistry programs;
    private final GaolingRepository gaoling;
    private final TekunCaseRepository tekunCases;
    private final YoufuRepository youfu;
    private final DibaoCaseRepository dibaoCases;
    private final ReviewStarter reviewStarter;
    private final ReviewRepository reviews;
    private final MoveOutRepository moveOuts;

    public ProgramsHearMoveOut(HouseholdRepository households, CrossProgramRules crossProgramRules,
                               EnrolmentRepository enrolments, ProgramRegistry programs, GaolingRepository gaoling,
                               TekunCaseRepository tekunCases, YoufuRepository youfu, DibaoCaseRepository dibaoCases,
                               ReviewStarter reviewStarter, ReviewRepository reviews, MoveOutRepository moveOuts) {
        this.households = households;
        this.crossProgramRules = crossProgramRules;
        this.enrolments = enrolments;
        this.programs = programs;
        this.gaoling = gaoling;
        this.tekunCases = tekunCases;
        this.youfu = youfu;
        this.dibaoCases = dibaoCases;
        this.reviewStarter = reviewStarter;
        this.reviews = reviews;
        this.moveOuts = moveOuts;
    }

    /** Tells every program of the move; returns the lines of what was done. */
    public List<String> hear(MoveOut m, String actor) {
        List<String> effects = new ArrayList<>();
        String lastDue = LeavingArea.lastMonthDue(m.movedOn()).toString();
        String why = m.movedOn() + "户籍迁出本区（迁往" + m.destination() + "，迁出登记" + m.recordNumber() + "）";
        List<Enrolment> live = crossProgramRules.liveEnrolmentsOf(m.idNumber());
        households.recordMoveOut(m.idNumber(), m.movedOn(), actor, why);
        effects.add("家庭档案：" + m.personName() + "标记为已迁出本区（" + m.movedOn() + "）");
        for (Enrolment e : live) {
            String name = programs.get(e.programCode()).name();
            if (e.status() == EnrolmentStatus.APPLIED) {
                effects.add(name + "：申请尚在办理中，请在该申请中依迁出情况办结");
                continue;
            }
            switch (e.programCode()) {
                case Program.GAOLING -> gaoling.recipient(e.programCaseId())
                        .ifPresent(r -> gaoling.end(r, actor, why + "，自" + lastDue + "月末终止发放"));
                case Program.TEKUN -> tekunCases.close(e.programCaseId(), TekunStatus.ENDED,
                        EndReason.LEFT_AREA.label() + "：" + why + "，终止供养", actor);
                case Program.YOUFU -> youfu.close(e.programCaseId(), cn.minzheng.bureau.youfu.YoufuStatus.ENDED,
                        why + "，终止发放（抚恤关系随户籍转往迁入地）", actor);
                case Program.DIBAO -> {
                    dibao(m, e, why, lastDue, actor, effects);
                    continue;
                }
                default -> {
                    effects.add(name + "：请该项目经办人依迁出情况办理");
                    continue;
                }
            }
            enrolments.backdateEnd(e.id(), lastDue);
            effects.add(name + "：自" + lastDue + "月末终止" + overpaid(m, e.id()));
        }
        if (live.isEmpty()) {
            effects.add("救助项目：无正在享受的救助项目");
        }
        return effects;
    }

    private void dibao(MoveOut m, Enrolment e, String why, String lastDue, String actor, List<String> effects) {
        DibaoCase c = dibaoCases.find(e.programCaseId()).orElseThrow();
        String name = programs.get(e.programCode()).name();
        if (c.status() != CaseStatus.APPROVED) {
            effects.add(name + "：案件" + c.caseNumber() + "正在办理中（" + c.status().label() + "），请在办理中按减少后的家庭人口核定");
            return;
        }
        long remaining = moveOuts.remainingMembers(c.id());
        if (remaining == 0) {
            dibaoCases.changeStatus(c.id(), CaseStatus.CANCELLED, actor, why + "，家庭无其他成员，停保");
            enrolments.backdateEnd(e.id(), lastDue);
            effects.add(name + "：案件" + c.caseNumber() + "家庭无其他成员，自" + lastDue + "月末停保" + overpaid(m, e.id()));
        } else if (reviews.hasOpenReview(c.id())) {
            effects.add(name + "：案件" + c.caseNumber() + "已有正在办理的复核，该复核将按减少后的" + remaining + "人重新核算");
        } else {
            reviewStarter.start(c.id(), ReviewStarter.CHANGE_REPORTED, "家庭成员" + m.personName() + "于" + m.movedOn()
                    + "户籍迁出本区（迁出登记" + m.recordNumber() + "），家庭人口减为" + remaining + "人，按减少后的家庭人口重新核算");
            effects.add(name + "：案件" + c.caseNumber() + "已发起复核，按减少后的" + remaining + "人重新核算");
        }
    }

    /** Payments sent to the bank for months after the move, listed for the township to recover. */
    private String overpaid(MoveOut m, long enrolmentId) {
        List<String> months = moveOuts.payments(enrolmentId).stream()
                .filter(p -> LeavingArea.overpaid(p.benefitMonth(), p.status(), m.movedOn()))
                .map(p -> p.benefitMonth() + "（" + Money.format(p.amount()) + "元）").toList();
        return months.isEmpty() ? "" : "；迁出后月份已发放" + String.join("、", months) + "，列为多发款，由乡镇（街道）责令退回";
    }
}
