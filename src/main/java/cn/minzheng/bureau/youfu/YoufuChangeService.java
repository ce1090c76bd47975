package cn.minzheng.bureau.youfu;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.access.CurrentUser;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.program.LeavingArea;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * The rules of 优抚对象变更 (youfu-change): the application (one validation for Tasklist's start form, the engine REST
 * API and /api), the decisions, and what an approval does to the register: a grade or category change pays the new
 * grade's standard from the month after the approval; a move out of the district ends the registration and its
 * enrolment at the end of the month of moving. {@link YoufuChangeSteps} calls it with what the process holds.
 */
@Service
public class YoufuChangeService {

    private final YoufuRepository recipients;
    private final YoufuChangeRepository changes;
    private final YoufuService youfu;
    private final YoufuAllowance allowance;
    private final RegionRepository regions;
    private final CurrentUser currentUser;
    private final JdbcClient jdbc;

    public YoufuChangeService(YoufuRepository recipients, YoufuChangeRepository changes, YoufuService youfu,
                              YoufuAllowance allowance, RegionRepository regions, CurrentUser currentUser,
                              JdbcClient jdbc) {
        this.recipients = recipients;
        this.changes = changes;
        this.youfu = youfu;
        this.allowance = allowance;
        this.regions = regions;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
    }

    /** An application and the names the forms show. */
    public record Applied(YoufuChange change, YoufuRecipient recipient, String townshipName) {
    }

    /**
     * Validates and enters an application: the person is on the register and 享受中, of the user's township, with no
     * other open change, and the change is in form. Bad input throws before anything is written.
     */
    @Transactional
    public Applied apply(Object idNumberValue, YoufuChangeRules.Form form, String processInstanceId, String actor) {
        String idNumber = TextRules.required(idNumberValue, "身份证号", 18).toUpperCase();
        YoufuRecipient current = recipients.findOpen(idNumber).orElseThrow(() -> new RuleViolation("NOT_ON_REGISTER",
                "身份证号" + idNumber + "不在优抚对象名册中（或登记已终止），请先办理优抚对象认定", 404));
        Region township = regions.findCurrent(current.townshipCode()).orElseThrow();
        if (currentUser.isAuthenticated() && !currentUser.maySee(current.townshipCode())) {
            throw new RuleViolation("OUTSIDE_AREA", "您只能办理本乡镇（街道）优抚对象的变更，" + current.personName()
                    + "的登记在" + township.name(), 403);
        }
        changes.findOpen(current.id()).ifPresent(open -> {
            throw new RuleViolation("CHANGE_OPEN", current.personName() + "已有正在办理的变更（" + open.changeNumber() + "，"
                    + open.kind().label() + "），不能重复申请", 409);
        });
        YoufuChangeRules.Checked checked = YoufuChangeRules.check(form, current, youfu.rulesPerson(idNumber),
                LocalDate.now());
        YoufuChange change = changes.insert(current, checked, processInstanceId, actor);
        return new Applied(change, current, township.name());
    }

    public YoufuChange get(long id) {
        return changes.find(id).orElseThrow(() -> RuleViolation.notFound("优抚对象变更申请" + id));
    }

    public void recordDecision(long changeId, String step, String decision, String comment, String actor) {
        YoufuChange c = get(changeId);
        recipients.recordDecision(c.recipientId(), step, decision, comment == null ? c.changeNumber()
                : c.changeNumber() + "：" + comment, actor);
    }

    /**
     * 变更生效: a grade or category change from the month after the approval at that month's standard; a move out
     * ends the registration and the enrolment with the month of moving. A registration that ended meanwhile (a
     * death) is not changed: the application closes unapproved, saying why.
     */
    @Transactional
    public YoufuChange approve(long changeId, String actor) {
        YoufuChange c = get(changeId);
        YoufuRecipient r = youfu.get(c.recipientId());
        if (r.status() != YoufuStatus.ACTIVE) {
            return changes.decide(changeId, YoufuChangeStatus.REFUSED, null, null, "优抚对象登记" + r.caseNumber()
                    + "已" + r.status().label() + "（" + r.closingReason() + "），变更未生效", actor);
        }
        if (c.kind() == YoufuChangeKind.MOVE_OUT) {
            return moveOut(c, r, actor);
        }
        YearMonth effective = YearMonth.now().plusMonths(1);
        YoufuRules.Evidence e = newEvidence(c);
        YoufuAllowance.Amount amount = allowance.forMonth(e.category(), e.disabilityCause(), e.disabilityGrade(), effective);
        recipients.changeEvidence(r.id(), e, amount.monthly(), amount.snapshot(), c.changeNumber(), actor);
        return changes.decide(changeId, YoufuChangeStatus.APPROVED, effective.toString(), amount.monthly(),
                "自" + effective + "起按" + describe(e) + "每月发放" + Money.format(amount.monthly()) + "元（原每月"
                        + Money.format(c.oldAmount()) + "元）", actor);
    }

    private YoufuChange moveOut(YoufuChange c, YoufuRecipient r, String actor) {
        YearMonth last = LeavingArea.lastMonthDue(c.movedOn());
        String reason = c.movedOn() + "迁出本区（迁往" + c.destination() + "），自" + last + "月末终止发放";
        recipients.endMovedOut(r.id(), last.toString(), reason, actor);
        List<String> overpaid = paidAfter(r.id(), last);
        String outcome = reason + (overpaid.isEmpty() ? "" : "；迁出后月份已发放" + String.join("、", overpaid)
                + "，列为多发款，由乡镇（街道）责令退回");
        return changes.decide(c.id(), YoufuChangeStatus.APPROVED, last.toString(), null, outcome, actor);
    }

    /** Payments issued or pending for months after the last month due. */
    private List<String> paidAfter(long recipientId, YearMonth last) {
        return jdbc.sql("""
                select p.benefit_month, p.amount from payment p join enrolment e on e.id = p.enrolment_id
                where e.program_code = ? and e.program_case_id = ? and p.benefit_month > ? and p.status <> 'FAILED'
                order by p.benefit_month""")
                .params(Program.YOUFU, recipientId, last.toString())
                .query((rs, n) -> rs.getString(1) + "（" + Money.format(rs.getBigDecimal(2)) + "元）").list();
    }

    @Transactional
    public YoufuChange refuse(long changeId, String reason, String actor) {
        return changes.decide(changeId, YoufuChangeStatus.REFUSED, null, null, reason, actor);
    }

    static YoufuRules.Evidence newEvidence(YoufuChange c) {
        return new YoufuRules.Evidence(c.newCategory(), c.newCertificateNumber(), c.newDisabilityGrade(),
                c.newDisabilityCause(), c.newAssessedDate(), c.newDeceasedName(), c.newDeathDate(),
                c.newEnlistmentDate(), c.newDischargeDate());
    }

    static String describe(YoufuRules.Evidence e) {
        return e.disabilityGrade() == null ? e.category().label()
                : e.category().label() + e.disabilityCause().label() + YoufuRules.chineseGrade(e.disabilityGrade());
    }

    /** What the forms show of the application. */
    public String summary(YoufuChange c) {
        if (c.kind() == YoufuChangeKind.MOVE_OUT) {
            return YoufuChangeKind.MOVE_OUT.label() + "：" + c.movedOn() + "迁往" + c.destination() + "；理由：" + c.reason();
        }
        YoufuRules.Evidence e = newEvidence(c);
        StringBuilder s = new StringBuilder(c.kind().label()).append("：").append(describe(e));
        if (e.assessedDate() != null) {
            s.append("（").append(e.assessedDate()).append("评定）");
        }
        s.append("；").append(e.category().certificate()).append(e.certificateNumber()).append("；理由：").append(c.reason());
        return s.toString();
    }

    /** The amount now and the amount the approval would pay from next month. */
    public String amountSummary(YoufuChange c) {
        String now = "现每月" + Money.format(c.oldAmount()) + "元";
        if (c.kind() == YoufuChangeKind.MOVE_OUT) {
            return now + "；批准后自" + YearMonth.from(c.movedOn()) + "月末终止发放";
        }
        YearMonth next = YearMonth.now().plusMonths(1);
        YoufuRules.Evidence e = newEvidence(c);
        YoufuAllowance.Amount a = allowance.forMonth(e.category(), e.disabilityCause(), e.disabilityGrade(), next);
        return now + "；批准后自" + next + "起按" + next.getYear() + "年" + describe(e) + "标准"
                + a.annualStandard().setScale(2) + "元/年，每月" + a.monthly() + "元";
    }
}
