package cn.minzheng.bureau.funeral.benefits;

import static cn.minzheng.bureau.funeral.benefits.FeeWaiverProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.engine.EngineAuthentication;
import cn.minzheng.bureau.funeral.DeathRecord;

/** What funeral-fee-waiver.bpmn calls: ${feeWaiverSteps.…}. */
@Component
public class FeeWaiverSteps {

    private final FuneralBenefitsService service;

    public FeeWaiverSteps(FuneralBenefitsService service) {
        this.service = service;
    }

    /** 核对死亡登记和减免对象: the start form's fields, checked by the service; the claim's copies for the form. */
    public void submit(DelegateExecution execution) {
        List<String> groups = EngineAuthentication.groupIds(execution.getProcessEngineServices().getIdentityService());
        String actor = Actor.currentOrNull(execution);
        FeeClaim c = service.submitClaim(new FuneralBenefitsService.ClaimForm(ID_NUMBER.get(execution),
                INVOICE_NUMBER.get(execution), TRANSPORT_FEE.get(execution), STORAGE_FEE.get(execution),
                CREMATION_FEE.get(execution), ASH_STORAGE_FEE.get(execution)), groups, execution.getProcessInstanceId(), actor);
        DeathRecord death = service.death(c.deathRecordId());
        CLAIM_ID.set(execution, c.id());
        TOWNSHIP_CODE.set(execution, c.townshipCode());
        SUBMITTED_BY.set(execution, actor);
        CASE_NUMBER.set(execution, c.claimNumber());
        APPLICANT_NAME.set(execution, death.personName());
        TOWNSHIP_NAME.set(execution, service.regionName(c.townshipCode()));
        CLAIM_SUMMARY.set(execution, service.claimSummary(c, death, service.funeralHomeName(c.funeralHomeId())));
        execution.setProcessBusinessKey(c.claimNumber());
    }

    /** 乡镇（街道）核实减免对象. */
    public void verify(DelegateTask task) {
        String decision = new TaskInput(task).choice(VERIFY_DECISION.name(), "核实结果", List.of(VERIFY, REFUSE));
        VERIFIED.set(task, service.verifyClaim(CLAIM_ID.require(task), decision, VERIFY_COMMENT.get(task), Actor.of(task)));
    }
}
