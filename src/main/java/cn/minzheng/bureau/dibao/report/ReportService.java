package cn.minzheng.bureau.dibao.report;

import static cn.minzheng.bureau.dibao.report.ReportProcess.*;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.access.StaffNames;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.dibao.BenefitCalculation;
import cn.minzheng.bureau.dibao.CaseRecalculation;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.recovery.Recovery;
import cn.minzheng.bureau.dibao.recovery.RecoveryService;
import cn.minzheng.bureau.payroll.PayrollMonth;
import cn.minzheng.bureau.region.AreaType;

/**
 * 举报 (dibao-report.bpmn): registered (anonymous or named), assigned by the township reviewer to an investigator,
 * investigated with the household survey's five checks, decided by the district. A founded report cancels the case
 * or lowers its amount and starts the recovery of what was overpaid from the month the hidden fact began. The
 * reporter's identity never enters the process: it stays in dibao_report. {@link ReportSteps} calls the steps.
 */
@Service
public class ReportService {

    private static final Set<String> FACT_KINDS = Set.of("HIDDEN_INCOME", "VEHICLE", "UNDECLARED_MEMBER", "OTHER");

    private final ReportRepository reports;
    private final DibaoCaseRepository cases;
    private final CaseRecalculation recalculation;
    private final RecoveryService recoveries;
    private final RuntimeService runtimeService;

    public ReportService(ReportRepository reports, DibaoCaseRepository cases, CaseRecalculation recalculation,
                         RecoveryService recoveries, RuntimeService runtimeService) {
        this.reports = reports;
        this.cases = cases;
        this.recalculation = recalculation;
        this.recoveries = recoveries;
        this.runtimeService = runtimeService;
    }

    public record Registration(Long caseId, String channel, Boolean anonymous, String reporterName,
                               String reporterContact, String factKind, String allegation) {
    }

    /** Registers a report against an active case and starts its process; the caller's area was checked. */
    @Transactional
    public Report register(Registration form, String actor) {
        if (form == null || form.caseId() == null) {
            throw new RuleViolation("MISSING_FIELD", "请填写被举报的低保案件（caseId）");
        }
        DibaoCase dibaoCase = cases.find(form.caseId()).orElseThrow(() -> RuleViolation.notFound("低保案件" + form.caseId()));
        if (dibaoCase.status() != CaseStatus.APPROVED) {
            throw new RuleViolation("CASE_NOT_ACTIVE", "案件" + dibaoCase.caseNumber() + "当前状态为“" + dibaoCase.status().label()
                    + "”，只能举报在保案件；申请公示期内的异议请在公示任务中登记", 409);
        }
        String channel = channel(form.channel());
        if (form.factKind() == null || !FACT_KINDS.contains(form.factKind())) {
            throw new RuleViolation("INVALID_FACT_KIND", "请选择举报事项：隐瞒收入（HIDDEN_INCOME）、拥有机动车辆（VEHICLE）、"
                    + "隐瞒家庭成员（UNDECLARED_MEMBER）或其他（OTHER）");
        }
        String allegation = text(form.allegation(), "举报内容", 1000, true);
        boolean anonymous = !Boolean.FALSE.equals(form.anonymous());
        String name = anonymous ? null : text(form.reporterName(), "举报人姓名", 30, true);
        String contact = anonymous ? null : text(form.reporterContact(), "举报人联系方式", 50, false);
        long id = reports.insert(dibaoCase.id(), dibaoCase.householdId(), dibaoCase.townshipCode(), channel, anonymous, name,
                contact, form.factKind(), allegation, actor);
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_REPORT_ID, id);
        variables.put(VAR_CASE_ID, dibaoCase.id());
        String instanceId = runtimeService.startProcessInstanceByKey(KEY, dibaoCase.caseNumber(), variables).getId();
        reports.attachProcess(id, instanceId);
        return reports.get(id);
    }

    private static String channel(String given) {
        String channel = given == null ? CHANNEL_ANY_TIME : given;
        if (!List.of(CHANNEL_PUBLIC_NOTICE, CHANNEL_ANY_TIME).contains(channel)) {
            throw new RuleViolation("INVALID_CHANNEL", "举报来源只能是“看到公示后举报”（PUBLIC_NOTICE）或“日常举报”（ANY_TIME）");
        }
        return channel;
    }

    public Report report(long id) {
        return reports.get(id);
    }

    public DibaoCase caseOf(Report report) {
        return cases.find(report.caseId()).orElseThrow();
    }

    static String reporterLabel(Report report) {
        return report.anonymous() ? "匿名举报" : "实名举报（举报人姓名和联系方式仅对被指派的调查人员可见）";
    }

    /**
     * The clerks and reviewers of the case's township, by name, are the investigators the reviewer chooses from;
     * a relative of the applicant is not offered. As the form's options: value and label.
     */
    public List<Map<String, String>> investigatorOptions(String township, String relative) {
        return reports.clerksAndReviewers(Groups.clerk(township), Groups.reviewer(township)).stream()
                .map(staff -> Map.of("value", staff.userId(), "label", label(staff)))
                .filter(option -> !option.get("value").equals(relative)).toList();
    }

    /** "王丽（岳村乡经办人）": first name = the name, last name = the post ({@link StaffNames}). */
    private static String label(ReportRepository.Staff staff) {
        return staff.name() == null || staff.name().isBlank() ? staff.userId() : StaffNames.format(staff.name(), staff.post());
    }

    /** 指派调查人员 completed: a clerk or reviewer of the case's township, not a relative of the applicant. */
    public void assign(long reportId, String investigator, String township, String relative, String actor) {
        if (!reports.isMemberOfEither(investigator, Groups.clerk(township), Groups.reviewer(township))) {
            throw new RuleViolation("INVALID_INVESTIGATOR", "所选调查人员不是本乡镇（街道）的经办人或审核人");
        }
        if (investigator.equals(relative)) {
            throw new RuleViolation("FOUR_EYES", "回避：所选调查人员是被举报家庭的近亲属，不能调查本举报", 403);
        }
        Report report = reports.get(reportId);
        reports.assign(report, caseOf(report).householdId(), investigator, actor);
    }

    /**
     * 调查核实 completed (after the survey's five checks were stored): the finding and, if founded, the month the
     * fact began as the investigator typed it (checked here); returns that month, or null.
     */
    public String recordFindings(long reportId, boolean founded, Object typedFromMonth, String findings, String actor) {
        String fromMonth = founded ? factFromMonth(typedFromMonth) : null;
        Report report = reports.get(reportId);
        reports.recordFindings(report, caseOf(report).householdId(), founded, fromMonth, findings, actor);
        return fromMonth;
    }

    /** 重新核算: what the case would receive with what the investigation found; proposed. */
    public BenefitCalculation recalculate(long reportId, AreaType area) {
        Report report = reports.get(reportId);
        BenefitCalculation benefit = recalculation.recalculate(caseOf(report), area);
        reports.saveProposal(report.id(), benefit.monthlyAmount());
        return benefit;
    }

    /** What the recalculation suggests, for the district's form. */
    public String proposedOutcome(long reportId, boolean founded, String fromMonth, BenefitCalculation benefit) {
        DibaoCase dibaoCase = caseOf(reports.get(reportId));
        return !founded ? "举报不实"
                : !benefit.eligible() ? "查实，重新核算后不符合低保条件，建议停保"
                : benefit.monthlyAmount().compareTo(dibaoCase.monthlyAmount()) < 0
                        ? "查实，建议自" + fromMonth + "起按每月" + Money.format(benefit.monthlyAmount()) + "元核定"
                        : "查实，但重新核算后补助金额未减少";
    }

    /** 区民政局决定 completed: unfounded, cancel, or lower to the recalculated amount; always with a reason. */
    public void decide(long reportId, String outcome, String reason, String actor) {
        Report report = reports.get(reportId);
        DibaoCase dibaoCase = caseOf(report);
        if (!UNFOUNDED.equals(outcome)) {
            if (report.factFromMonth() == null) {
                throw new RuleViolation("NOT_FOUNDED", "调查人员未认定举报属实，不能停保或降低待遇");
            }
            if (dibaoCase.status() != CaseStatus.APPROVED) {
                throw new RuleViolation("CASE_NOT_ACTIVE", "案件已" + dibaoCase.status().label() + "，不能再停保或降低待遇", 409);
            }
        }
        if (LOWER.equals(outcome) && (report.proposedAmount() == null || report.proposedAmount().signum() == 0
                || report.proposedAmount().compareTo(dibaoCase.monthlyAmount()) >= 0)) {
            throw new RuleViolation("CANNOT_LOWER", "重新核算的补助金额为" + Money.format(report.proposedAmount())
                    + "元，不能作为降低后的金额（应大于0且低于现有的" + Money.format(dibaoCase.monthlyAmount()) + "元），请选择停保或举报不实");
        }
        cases.recordDecision(report.caseId(), "report:" + TASK_DECIDE, outcome, reason, actor);
        reports.decide(report, dibaoCase.householdId(), outcome, reason, actor);
    }

    /** 执行处理决定: the case is cancelled or lowered, and what it was overpaid is recovered; returns the recovery. */
    public Recovery applyFinding(long reportId, AreaType area, String actor) {
        Report report = reports.get(reportId);
        DibaoCase dibaoCase = caseOf(report);
        BigDecimal entitled;
        if (CANCEL.equals(report.outcome())) {
            cases.changeStatus(dibaoCase.id(), CaseStatus.CANCELLED, actor, "举报查实停保：" + report.outcomeReason());
            entitled = Money.ZERO;
        } else {
            BenefitCalculation benefit = recalculation.recalculate(dibaoCase, area);
            cases.applyReviewedAmount(dibaoCase.id(), report.proposedAmount(), benefit.perCapitaIncome(),
                    benefit.monthlyStandard(), actor, "举报查实降低待遇：" + report.outcomeReason());
            entitled = report.proposedAmount();
        }
        Recovery recovery = recoveries.start(dibaoCase.id(), report.factFromMonth(), entitled, "REPORT", report.id(),
                "举报查实（" + Report.factKindLabel(report.factKind()) + "），自" + report.factFromMonth() + "起多发");
        reports.close(report.id(), ReportStatus.FOUNDED, recovery.id());
        return recovery;
    }

    /** 举报不实: the case keeps its benefit; the report is closed with the district's reason. */
    public void closeUnfounded(long reportId) {
        reports.close(reports.get(reportId).id(), ReportStatus.UNFOUNDED, null);
    }

    /** 隐瞒事实开始的月份, as the investigator typed it: 年-月. */
    private static String factFromMonth(Object value) {
        try {
            return PayrollMonth.parse(value).toString();
        } catch (RuleViolation e) {
            throw new RuleViolation("INVALID_FACT_MONTH", "举报属实时请填写隐瞒事实开始的月份，格式为“年-月”，如2026-03");
        }
    }

    private static String text(String value, String label, int maxLength, boolean required) {
        return required ? TextRules.required(value, label, maxLength) : TextRules.optional(value, label, maxLength);
    }
}
