package cn.minzheng.bureau.organisation;

import static cn.minzheng.bureau.organisation.AnnualInspectionProcess.*;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.StaffNames;
import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.organisation.AnnualInspectionRepository.Inspection;
import cn.minzheng.bureau.organisation.OrganisationRepository.Organisation;

/** What organisation-annual-inspection.bpmn calls: ${annualInspectionSteps.…}, service steps and task listeners. */
@Component
public class AnnualInspectionSteps {

    private final AnnualInspectionService service;
    private final AnnualInspectionRepository inspections;
    private final OrganisationRegistrationService registration;
    private final StaffNames staffNames;

    public AnnualInspectionSteps(AnnualInspectionService service, AnnualInspectionRepository inspections,
                                 OrganisationRegistrationService registration, StaffNames staffNames) {
        this.service = service;
        this.inspections = inspections;
        this.registration = registration;
        this.staffNames = staffNames;
    }

    /** 开展年度检查: the organisation and year checked, the inspection opened with its report deadline. */
    public void open(DelegateExecution execution) {
        int year = AnnualInspectionService.year(INSPECTION_YEAR.get(execution));
        Organisation organisation = service.organisationFor(CREDIT_CODE.get(execution), year);
        long id = service.open(organisation, year, execution.getProcessInstanceId(), Actor.currentOrNull(execution));
        LocalDate deadline = AnnualInspectionService.reportDeadline(year);
        INSPECTION_YEAR.set(execution, year);
        CREDIT_CODE.set(execution, organisation.creditCode());
        ORGANISATION_ID.set(execution, organisation.id());
        INSPECTION_ID.set(execution, id);
        // the timer fires when the last day is over
        REPORT_DEADLINE.set(execution, startOf(deadline.plusDays(1)));
        DEADLINE_LABEL.set(execution, deadline.toString());
        ORGANISATION_NAME.set(execution, organisation.name());
        KIND_LABEL.set(execution, organisation.kind().label());
        MINIMUM_FUNDS.set(execution, registration.minimumFunds(organisation.kind()).toPlainString());
        PREVIOUS_RESULT.set(execution, inspections.find(organisation.id(), year - 1)
                .map(previous -> previous.result() == null ? "未出结论" : previous.result().label()).orElse("无"));
    }

    /** 录入年度工作报告和财务报表: every figure and answer checked before anything is written. */
    public void report(DelegateTask task) {
        var report = AnnualInspectionService.report(INCOME.get(task), EXPENDITURE.get(task), NET_ASSETS.get(task),
                ACTIVITIES_HELD.get(task), CHARTER_FOLLOWED.get(task), SUPERVISOR_OPINION.get(task));
        service.report(INSPECTION_ID.require(task), report, Actor.of(task));
        INCOME.set(task, report.income().toPlainString());
        EXPENDITURE.set(task, report.expenditure().toPlainString());
        NET_ASSETS.set(task, report.netAssets().toPlainString());
        ACTIVITIES_HELD.set(task, report.activitiesHeld());
    }

    /** 按年检结论规则判定: organisation-inspection-result.dmn over the findings. */
    public void determine(DelegateExecution execution) {
        long id = INSPECTION_ID.require(execution);
        InspectionResult result = service.determine(id);
        Inspection inspection = inspections.find(id).orElseThrow();
        RESULT.set(execution, result.name());
        RESULT_LABEL.set(execution, result.label());
        RESULT_REASON.set(execution, inspection.resultReason());
    }

    /** 审查 by the section: a comment, optional. */
    public void review(DelegateTask task) {
        String comment = new TaskInput(task).optionalText(REVIEW_COMMENT.name(), "审查意见", 1000);
        service.reviewed(INSPECTION_ID.require(task), Actor.of(task), comment);
    }

    /** On create of the decision: who reviewed, by name and post. */
    public void showReviewer(DelegateTask task) {
        task.setVariableLocal(REVIEWER_NAME.name(), staffNames.of(REVIEWED_BY.require(task)));
    }

    /** 审定 by the head: confirm the result (published) or return it to the review, with a reason. */
    public void decide(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(DECISION.name(), "审定意见（同意年检结论或退回重新审查）", List.of(CONFIRM, RETURN));
        String comment = RETURN.equals(decision) ? input.text(DECISION_COMMENT.name(), "退回的理由", 1000)
                : input.optionalText(DECISION_COMMENT.name(), "审定意见", 1000);
        service.decided(INSPECTION_ID.require(task), Actor.of(task), decision, comment);
    }

    /** 公布年检结论; whether 责令整改 follows. */
    public void publish(DelegateExecution execution) {
        RECTIFY.set(execution, service.publish(INSPECTION_ID.require(execution)));
    }

    /** 报送期限届满: published as 未按期参加年检. */
    public void missed(DelegateExecution execution) {
        service.missed(INSPECTION_ID.require(execution));
        RESULT.set(execution, InspectionResult.NOT_SUBMITTED.name());
        RESULT_LABEL.set(execution, InspectionResult.NOT_SUBMITTED.label());
        RESULT_REASON.set(execution, "未在期限内报送年度工作报告");
    }

    /** 下达责令整改通知: the remedy deadline, which a timer waits for. */
    public void orderRectification(DelegateExecution execution) {
        LocalDate until = service.orderRectification(INSPECTION_ID.require(execution));
        REMEDY_DEADLINE.set(execution, startOf(until.plusDays(1)));
    }

    /** 核查整改情况: remedied or not, with what was found. */
    public void checkRemedy(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String outcome = input.choice(REMEDY_OUTCOME.name(), "整改核查结论（已整改或未整改）", List.of(REMEDIED, NOT_REMEDIED));
        String comment = input.text(REMEDY_COMMENT.name(), "整改核查情况", 1000);
        if (NOT_REMEDIED.equals(outcome)) {
            service.notRemedied(INSPECTION_ID.require(task));
        }
        REMEDY_COMMENT.set(task, comment);
    }

    /** 记录整改完成: the organisation back to normal, with what the clerk found. */
    public void remedied(DelegateExecution execution) {
        service.remedied(INSPECTION_ID.require(execution), REMEDY_CHECKED_BY.get(execution), REMEDY_COMMENT.get(execution));
    }

    /** 整改期限届满 with no finding: not remedied. */
    public void remedyOverdue(DelegateExecution execution) {
        service.notRemedied(INSPECTION_ID.require(execution));
    }

    /** 科负责人决定撤销登记: the reason, required. */
    public void approveRevocation(DelegateTask task) {
        new TaskInput(task).text(REVOCATION_REASON.name(), "撤销登记的理由", 1000);
    }

    /** 撤销登记: status 已撤销 with the head's reason in the history. */
    public void revoke(DelegateExecution execution) {
        service.revoke(INSPECTION_ID.require(execution), Actor.currentOrNull(execution), REVOCATION_REASON.get(execution));
    }

    private static Date startOf(LocalDate day) {
        return Date.from(day.atStartOfDay(ZoneId.systemDefault()).toInstant());
    }
}
