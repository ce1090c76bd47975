package cn.minzheng.bureau.organisation;

import static cn.minzheng.bureau.organisation.OrganisationRegistrationProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.access.StaffNames;
import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.organisation.OrganisationRegistrationService.Materials;
import cn.minzheng.bureau.organisation.OrganisationRepository.Application;

/** What organisation-registration.bpmn calls: ${organisationRegistrationSteps.…}, service steps and task listeners. */
@Component
public class OrganisationRegistrationSteps {

    private final OrganisationRegistrationService service;
    private final StaffNames staffNames;

    public OrganisationRegistrationSteps(OrganisationRegistrationService service, StaffNames staffNames) {
        this.service = service;
        this.staffNames = staffNames;
    }

    /** On create of the approval: who reviewed, by name and post, for the approver to see. */
    public void showReviewer(DelegateTask task) {
        task.setVariableLocal(REVIEWER_NAME.name(), staffNames.of(REVIEWED_BY.require(task)));
    }

    /** 受理: the application checked (name, funds, 业务主管单位 approval, materials) and entered in the register. */
    public void apply(DelegateExecution execution) {
        TaskInput input = new TaskInput(execution);
        Application application = OrganisationRegistrationService.application(NAME.get(execution), KIND.get(execution),
                LEGAL_REPRESENTATIVE.get(execution), DOMICILE.get(execution), REGISTERED_FUNDS.get(execution),
                BUSINESS_SCOPE.get(execution), SUPERVISOR_UNIT.get(execution), SUPERVISOR_APPROVAL_NO.get(execution),
                SUPERVISOR_APPROVED_ON.get(execution));
        Materials materials = new Materials(input.flag(CHARTER_PROVIDED.name()), input.flag(FUNDS_PROOF_PROVIDED.name()),
                input.flag(DOMICILE_PROOF_PROVIDED.name()), input.flag(REPRESENTATIVE_ID_PROVIDED.name()));
        String reservationNo = input.optionalText(RESERVATION_NO.name(), "名称预先核准通知书编号", 30);
        long id = service.apply(application, reservationNo, materials, execution.getProcessInstanceId(),
                Actor.currentOrNull(execution));
        ORGANISATION_ID.set(execution, id);
        NAME.set(execution, application.name());
        KIND.set(execution, application.kind().name());
        KIND_LABEL.set(execution, application.kind().label());
        REGISTERED_FUNDS.set(execution, application.registeredFunds().toPlainString());
        MINIMUM_FUNDS.set(execution, service.minimumFunds(application.kind()).toPlainString());
    }

    /** 审查 by the section: agree (to the head) or refuse. */
    public void review(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(REVIEW_DECISION.name(), "审查意见（同意登记或不予登记）", List.of(APPROVE, REFUSE));
        String comment = REFUSE.equals(decision) ? input.text(REVIEW_COMMENT.name(), "不予登记的理由", 1000)
                : input.optionalText(REVIEW_COMMENT.name(), "审查意见", 1000);
        service.reviewed(ORGANISATION_ID.require(task), Actor.of(task), comment);
    }

    /** 审批 by the head of the section: four-eyes against the reviewer, declared on the task. */
    public void approve(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(APPROVAL_DECISION.name(), "审批意见（准予登记或不予登记）", List.of(APPROVE, REFUSE));
        String comment = REFUSE.equals(decision) ? input.text(APPROVAL_COMMENT.name(), "不予登记的理由", 1000)
                : input.optionalText(APPROVAL_COMMENT.name(), "审批意见", 1000);
        service.approved(ORGANISATION_ID.require(task), Actor.of(task), comment);
    }

    /** 不予登记: the reason of whoever refused, the name free again. */
    public void refuse(DelegateExecution execution) {
        String reason = APPROVAL_DECISION.isSet(execution) && REFUSE.equals(APPROVAL_DECISION.get(execution))
                ? APPROVAL_COMMENT.get(execution) : REVIEW_COMMENT.get(execution);
        service.refuse(ORGANISATION_ID.require(execution), Actor.currentOrNull(execution), reason);
    }

    /** 颁发登记证书: the credit code (GB 32100) recorded, the certificate's number issued. */
    public void issueCertificate(DelegateTask task) {
        String certificate = service.issueCertificate(ORGANISATION_ID.require(task), CREDIT_CODE.get(task), Actor.of(task));
        CERTIFICATE_NO.set(task, certificate);
    }

    /** 受理后60个工作日未办结: recorded, the head of the section supervises. */
    public void reportOverrun(DelegateExecution execution) {
        service.reportOverrun(ORGANISATION_ID.require(execution));
    }

    /** 公告: the organisation appears on the public register. */
    public void announce(DelegateExecution execution) {
        service.announce(ORGANISATION_ID.require(execution));
    }
}
