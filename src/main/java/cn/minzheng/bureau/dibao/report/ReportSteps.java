package cn.minzheng.bureau.dibao.report;

import static cn.minzheng.bureau.dibao.report.ReportProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.dibao.BenefitCalculation;
import cn.minzheng.bureau.dibao.CaseVariables;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.HouseholdSurveys;
import cn.minzheng.bureau.region.AreaType;

/** What dibao-report.bpmn calls, as ${reportSteps.…}; the rules are {@link ReportService}'s. */
@Component
public class ReportSteps {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ReportService reports;
    private final CaseVariables caseVariables;
    private final HouseholdSurveys surveys;

    public ReportSteps(ReportService reports, CaseVariables caseVariables, HouseholdSurveys surveys) {
        this.reports = reports;
        this.caseVariables = caseVariables;
        this.surveys = surveys;
    }

    /** 建立举报: the case facts and the allegation for the forms; no word of who reported. */
    public void open(DelegateExecution execution) {
        Report report = reports.report(REPORT_ID.require(execution));
        DibaoCase dibaoCase = reports.caseOf(report);
        caseVariables.publish(execution, dibaoCase);
        CURRENT_AMOUNT.set(execution, Money.format(dibaoCase.monthlyAmount()));
        CHANNEL_LABEL.set(execution, Report.channelLabel(report.channel()));
        FACT_KIND_LABEL.set(execution, Report.factKindLabel(report.factKind()));
        ALLEGATION.set(execution, report.allegation());
        REPORTER_LABEL.set(execution, ReportService.reporterLabel(report));
    }

    /** 指派调查人员 created: the investigators the reviewer chooses from, as the form's options. */
    public void offerInvestigators(DelegateTask task) {
        var options = reports.investigatorOptions(CaseVariables.TOWNSHIP_CODE.get(task),
                CaseVariables.RELATED_STAFF_USER.get(task));
        task.setVariableLocal(INVESTIGATOR_OPTIONS.name(), SpinValues.jsonValue(json(options)).create());
    }

    /** 指派调查人员 completed. */
    public void assign(DelegateTask task) {
        String investigator = new TaskInput(task).text(VAR_INVESTIGATOR, "调查人员", 64);
        reports.assign(REPORT_ID.require(task), investigator, CaseVariables.TOWNSHIP_CODE.get(task),
                CaseVariables.RELATED_STAFF_USER.get(task), Actor.of(task));
        INVESTIGATOR.set(task, investigator);
    }

    /** 调查核实 completed: the survey's five checks, then the finding and when the fact began. */
    public void investigate(DelegateTask task) {
        surveys.record(task);
        TaskInput input = new TaskInput(task);
        boolean founded = input.flag(VAR_FOUNDED);
        String findings = input.text(VAR_FINDINGS, "调查结论", 1000);
        String fromMonth = reports.recordFindings(REPORT_ID.require(task), founded,
                founded ? task.getVariable(FACT_FROM_MONTH.name()) : null, findings, Actor.of(task));
        FACT_FROM_MONTH.set(task, fromMonth);
        INVESTIGATED_BY.set(task, Actor.of(task));
    }

    /** 重新核算: what the case would receive with what the investigation found. */
    public void recalculate(DelegateExecution execution) {
        long reportId = REPORT_ID.require(execution);
        BenefitCalculation benefit = reports.recalculate(reportId, area(execution));
        PROPOSED_AMOUNT.set(execution, Money.format(benefit.monthlyAmount()));
        PROPOSED_OUTCOME.set(execution, reports.proposedOutcome(reportId, Boolean.TRUE.equals(FOUNDED.get(execution)),
                FACT_FROM_MONTH.get(execution), benefit));
    }

    /** 区民政局决定 completed: unfounded, cancel, or lower to the recalculated amount; always with a reason. */
    public void decide(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String outcome = input.choice(VAR_OUTCOME, "处理决定", List.of(UNFOUNDED, CANCEL, LOWER));
        String reason = input.text(VAR_OUTCOME_REASON, "决定理由", 1000);
        reports.decide(REPORT_ID.require(task), outcome, reason, Actor.of(task));
        DECIDED_BY.set(task, Actor.of(task));
    }

    /** 执行处理决定: the case is cancelled or lowered, and what it was overpaid is recovered. */
    public void applyFinding(DelegateExecution execution) {
        long recoveryId = reports.applyFinding(REPORT_ID.require(execution), area(execution), DECIDED_BY.get(execution)).id();
        RECOVERY_ID.set(execution, recoveryId);
    }

    /** 举报不实. */
    public void closeUnfounded(DelegateExecution execution) {
        reports.closeUnfounded(REPORT_ID.require(execution));
    }

    private static AreaType area(DelegateExecution execution) {
        return AreaType.valueOf(CaseVariables.AREA_TYPE.require(execution));
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
