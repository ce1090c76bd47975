package cn.minzheng.bureau.dibao.report;

import static cn.minzheng.bureau.dibao.report.ReportProcess.*;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.access.Groups;
import cn.minzheng.bureau.access.StaffNames;
import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.common.TextRules;
import cn.minzheng.bureau.dibao.BenefitCalculation;
import cn.minzheng.bureau.dibao.CaseRecalculation;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.dibao.CaseVariables;
import cn.minzheng.bureau.dibao.recovery.OverpaymentRecoveries;
import cn.minzheng.bureau.dibao.recovery.Recovery;
import cn.minzheng.bureau.engine.CopiedVariables;
import cn.minzheng.bureau.payroll.PayrollMonth;
import cn.minzheng.bureau.region.AreaType;

/**
 * 举报 (dibao-report.bpmn), called as ${dibaoReports.…}: registered (anonymous or named), assigned by the township
 * reviewer to an investigator, investigated with the household survey's five checks, decided by the district.
 * A founded report cancels the case or lowers its amount and starts the recovery of what was overpaid from the
 * month the hidden fact began. The reporter's identity never enters the process: it stays in dibao_report.
 */
@Component("dibaoReports")
public class DibaoReports implements CopiedVariables {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FACT_KINDS = Set.of("HIDDEN_INCOME", "VEHICLE", "UNDECLARED_MEMBER", "OTHER");

    private final ReportRepository reports;
    private final DibaoCaseRepository cases;
    private final CaseVariables caseVariables;
    private final CaseRecalculation recalculation;
    private final OverpaymentRecoveries recoveries;
    private final RuntimeService runtimeService;
    private final JdbcClient jdbc;

    public DibaoReports(ReportRepository reports, DibaoCaseRepository cases, CaseVariables caseVariables,
                        CaseRecalculation recalculation, OverpaymentRecoveries recoveries, RuntimeService runtimeService,
                        JdbcClient jdbc) {
        this.reports = reports;
        this.cases = cases;
        this.caseVariables = caseVariables;
        this.recalculation = recalculation;
        this.recoveries = recoveries;
        this.runtimeService = runtimeService;
        this.jdbc = jdbc;
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
        String channel = form.channel() == null ? CHANNEL_ANY_TIME : form.channel();
        if (!List.of(CHANNEL_PUBLIC_NOTICE, CHANNEL_ANY_TIME).contains(channel)) {
            throw new RuleViolation("INVALID_CHANNEL", "举报来源只能是“看到公示后举报”（PUBLIC_NOTICE）或“日常举报”（ANY_TIME）");
        }
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

    /** 建立举报: the case facts and the allegation for the forms; no word of who reported. */
    public void open(DelegateExecution execution) {
        Report report = report(execution);
        DibaoCase dibaoCase = cases.find(report.caseId()).orElseThrow();
        caseVariables.publish(execution, dibaoCase);
        execution.setVariable("currentAmount", Money.format(dibaoCase.monthlyAmount()));
        execution.setVariable("reportChannelLabel", Report.channelLabel(report.channel()));
        execution.setVariable("factKindLabel", Report.factKindLabel(report.factKind()));
        execution.setVariable("allegation", report.allegation());
        execution.setVariable("reporterLabel", report.anonymous() ? "匿名举报" : "实名举报（举报人姓名和联系方式仅对被指派的调查人员可见）");
    }

    /**
     * 指派调查人员 created: the clerks and reviewers of the case's township, by name, are the investigators the
     * reviewer chooses from; a relative of the applicant is not offered.
     */
    public void offerInvestigators(DelegateTask task) {
        String township = (String) task.getVariable("townshipCode");
        Object relative = task.getVariable("relatedStaffUser");
        List<Map<String, String>> options = jdbc.sql("""
                        select distinct u.id_ as user_id, u.last_ as last_name, u.first_ as first_name from act_id_user u
                        join act_id_membership m on m.user_id_ = u.id_ where m.group_id_ in (?, ?) order by u.id_""")
                .params(Groups.clerk(township), Groups.reviewer(township))
                .query((rs, row) -> Map.of("value", rs.getString("user_id"), "label",
                        label(rs.getString("user_id"), rs.getString("first_name"), rs.getString("last_name"))))
                .list().stream().filter(option -> !option.get("value").equals(relative)).toList();
        task.setVariableLocal(VAR_INVESTIGATOR_OPTIONS, SpinValues.jsonValue(json(options)).create());
    }

    /** "王丽（岳村乡经办人）": first name = the name, last name = the post ({@link StaffNames}). */
    private static String label(String userId, String name, String post) {
        return name == null || name.isBlank() ? userId : StaffNames.format(name, post);
    }

    /** 指派调查人员 completed: a clerk or reviewer of the case's township, not a relative of the applicant. */
    public void assign(DelegateTask task) {
        String investigator = new TaskInput(task).text(VAR_INVESTIGATOR, "调查人员", 64);
        String township = (String) task.getVariable("townshipCode");
        long member = jdbc.sql("select count(*) from act_id_membership where user_id_ = ? and group_id_ in (?, ?)")
                .params(investigator, Groups.clerk(township), Groups.reviewer(township)).query(Long.class).single();
        if (member == 0) {
            throw new RuleViolation("INVALID_INVESTIGATOR", "所选调查人员不是本乡镇（街道）的经办人或审核人");
        }
        if (investigator.equals(task.getVariable("relatedStaffUser"))) {
            throw new RuleViolation("FOUR_EYES", "回避：所选调查人员是被举报家庭的近亲属，不能调查本举报", 403);
        }
        task.setVariable(VAR_INVESTIGATOR, investigator);
        Report report = report(task);
        reports.assign(report, householdOf(report), investigator, Actor.of(task));
    }

    /** 调查核实 completed (after the survey listener stored the five checks): the finding and when the fact began. */
    public void investigate(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        boolean founded = input.flag(VAR_FOUNDED);
        String findings = input.text(VAR_FINDINGS, "调查结论", 1000);
        String fromMonth = null;
        if (founded) {
            fromMonth = factFromMonth(task.getVariable(VAR_FACT_FROM_MONTH));
        }
        task.setVariable(VAR_FACT_FROM_MONTH, fromMonth);
        task.setVariable("investigatedBy", Actor.of(task));
        Report report = report(task);
        reports.recordFindings(report, householdOf(report), founded, fromMonth, findings, Actor.of(task));
    }

    /** 重新核算: what the case would receive with what the investigation found. */
    public void recalculate(DelegateExecution execution) {
        Report report = report(execution);
        DibaoCase dibaoCase = cases.find(report.caseId()).orElseThrow();
        BenefitCalculation benefit = recalculation.recalculate(dibaoCase, AreaType.valueOf((String) execution.getVariable("areaType")));
        reports.saveProposal(report.id(), benefit.monthlyAmount());
        execution.setVariable("proposedAmount", Money.format(benefit.monthlyAmount()));
        execution.setVariable("proposedOutcome", !Boolean.TRUE.equals(execution.getVariable(VAR_FOUNDED)) ? "举报不实"
                : !benefit.eligible() ? "查实，重新核算后不符合低保条件，建议停保"
                : benefit.monthlyAmount().compareTo(dibaoCase.monthlyAmount()) < 0
                        ? "查实，建议自" + execution.getVariable(VAR_FACT_FROM_MONTH) + "起按每月" + Money.format(benefit.monthlyAmount()) + "元核定"
                        : "查实，但重新核算后补助金额未减少");
    }

    /** 区民政局决定 completed: unfounded, cancel, or lower to the recalculated amount; always with a reason. */
    public void decide(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String outcome = input.choice(VAR_OUTCOME, "处理决定", List.of(UNFOUNDED, CANCEL, LOWER));
        String reason = input.text(VAR_OUTCOME_REASON, "决定理由", 1000);
        Report report = report(task);
        DibaoCase dibaoCase = cases.find(report.caseId()).orElseThrow();
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
        cases.recordDecision(report.caseId(), "report:" + TASK_DECIDE, outcome, reason, Actor.of(task));
        reports.decide(report, dibaoCase.householdId(), outcome, reason, Actor.of(task));
        task.setVariable("reportDecidedBy", Actor.of(task));
    }

    /** 执行处理决定: the case is cancelled or lowered, and what it was overpaid is recovered. */
    public void applyFinding(DelegateExecution execution) {
        Report report = report(execution);
        DibaoCase dibaoCase = cases.find(report.caseId()).orElseThrow();
        String actor = (String) execution.getVariable("reportDecidedBy");
        BigDecimal entitled;
        if (CANCEL.equals(report.outcome())) {
            cases.changeStatus(dibaoCase.id(), CaseStatus.CANCELLED, actor, "举报查实停保：" + report.outcomeReason());
            entitled = Money.ZERO;
        } else {
            BenefitCalculation benefit = recalculation.recalculate(dibaoCase, AreaType.valueOf((String) execution.getVariable("areaType")));
            cases.applyReviewedAmount(dibaoCase.id(), report.proposedAmount(), benefit.perCapitaIncome(),
                    benefit.monthlyStandard(), actor, "举报查实降低待遇：" + report.outcomeReason());
            entitled = report.proposedAmount();
        }
        Recovery recovery = recoveries.start(dibaoCase.id(), report.factFromMonth(), entitled, "REPORT", report.id(),
                "举报查实（" + Report.factKindLabel(report.factKind()) + "），自" + report.factFromMonth() + "起多发");
        reports.close(report.id(), "FOUNDED", recovery.id());
        execution.setVariable("recoveryId", recovery.id());
    }

    /** 举报不实: the case keeps its benefit; the report is closed with the district's reason. */
    public void closeUnfounded(DelegateExecution execution) {
        reports.close(report(execution).id(), "UNFOUNDED", null);
    }

    private long householdOf(Report report) {
        return cases.find(report.caseId()).orElseThrow().householdId();
    }

    private Report report(VariableScope scope) {
        return reports.get(((Number) scope.getVariable(VAR_REPORT_ID)).longValue());
    }

    /** 隐瞒事实开始的月份, as the investigator typed it: 年-月. */
    private static String factFromMonth(Object value) {
        try {
            return PayrollMonth.parse(value).toString();
        } catch (RuleViolation e) {
            throw new RuleViolation("INVALID_FACT_MONTH", "举报属实时请填写隐瞒事实开始的月份，格式为“年-月”，如2026-03");
        }
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(String value, String label, int maxLength, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new RuleViolation("MISSING_FIELD", label + "不能为空");
            }
            return null;
        }
        String text = value.trim();
        if (text.length() > maxLength) {
            throw new RuleViolation("FIELD_TOO_LONG", label + "不能超过" + maxLength + "个字");
        }
        String problem = TextRules.textProblem(label, text);
        if (problem != null) {
            throw new RuleViolation("FORBIDDEN_CHARACTERS", problem);
        }
        return text;
    }

    /** The case's facts this process publishes for its forms. */
    @Override
    public Map<String, Set<String>> byProcess() {
        return Map.of(KEY, CaseVariables.COPIES);
    }
}
