package cn.minzheng.bureau.organisation;

import static cn.minzheng.bureau.organisation.OrganisationChangeProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.StaffNames;
import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.organisation.OrganisationRepository.Change;

/** What organisation-change.bpmn calls: ${organisationChangeSteps.…}, service steps and task listeners. */
@Component
public class OrganisationChangeSteps {

    private final OrganisationChangeService service;
    private final OrganisationRepository register;
    private final StaffNames staffNames;

    public OrganisationChangeSteps(OrganisationChangeService service, OrganisationRepository register, StaffNames staffNames) {
        this.service = service;
        this.register = register;
        this.staffNames = staffNames;
    }

    /** 受理: every rule checked, the change recorded as pending. */
    public void apply(DelegateExecution execution) {
        long changeId = service.apply(CREDIT_CODE.get(execution), CHANGE_KIND.get(execution), NEW_VALUE.get(execution),
                CHANGE_REASON.get(execution), LIQUIDATION_REPORT_DATE.get(execution), NET_ASSETS_DESTINATION.get(execution),
                execution.getProcessInstanceId(), Actor.currentOrNull(execution));
        Change change = register.change(changeId).orElseThrow();
        CHANGE_ID.set(execution, changeId);
        ORGANISATION_ID.set(execution, change.organisationId());
        ORGANISATION_NAME.set(execution, register.find(change.organisationId()).orElseThrow().name());
        CHANGE_LABEL.set(execution, change.kind().label());
        OLD_VALUE.set(execution, change.oldValue());
        NEW_VALUE.set(execution, change.newValue() == null ? "" : change.newValue());
    }

    public void review(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(REVIEW_DECISION.name(), "审查意见（同意或不予办理）", List.of(APPROVE, REFUSE));
        if (REFUSE.equals(decision)) {
            input.text(REVIEW_COMMENT.name(), "不予办理的理由", 1000);
        } else {
            input.optionalText(REVIEW_COMMENT.name(), "审查意见", 1000);
        }
        register.changeReviewed(CHANGE_ID.require(task), Actor.of(task));
    }

    public void showReviewer(DelegateTask task) {
        task.setVariableLocal(REVIEWER_NAME.name(), staffNames.of(REVIEWED_BY.require(task)));
    }

    public void approve(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(APPROVAL_DECISION.name(), "审批意见（准予或不予办理）", List.of(APPROVE, REFUSE));
        if (REFUSE.equals(decision)) {
            input.text(APPROVAL_COMMENT.name(), "不予办理的理由", 1000);
        } else {
            input.optionalText(APPROVAL_COMMENT.name(), "审批意见", 1000);
        }
    }

    /** 准予变更（注销）: the register changed. */
    public void applyChange(DelegateExecution execution) {
        service.approved(CHANGE_ID.require(execution), Actor.currentOrNull(execution));
    }

    /** 不予变更（注销）: the reason of whoever refused. */
    public void refuse(DelegateExecution execution) {
        String reason = APPROVAL_DECISION.isSet(execution) && REFUSE.equals(APPROVAL_DECISION.get(execution))
                ? APPROVAL_COMMENT.get(execution) : REVIEW_COMMENT.get(execution);
        service.refused(CHANGE_ID.require(execution), Actor.currentOrNull(execution), reason);
    }

    /** 受理后20个工作日未办结: recorded, the head of the section supervises. */
    public void reportOverrun(DelegateExecution execution) {
        service.reportOverrun(CHANGE_ID.require(execution));
    }
}
