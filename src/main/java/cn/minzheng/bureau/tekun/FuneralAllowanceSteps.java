package cn.minzheng.bureau.tekun;

import static cn.minzheng.bureau.tekun.FuneralAllowanceProcess.*;

import java.time.LocalDate;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;

/** What tekun-funeral-allowance.bpmn calls: ${funeralAllowanceSteps.…}; the rules are {@link FuneralAllowanceService}'s. */
@Component
public class FuneralAllowanceSteps {

    private final FuneralAllowanceService service;
    private final TekunCaseRepository cases;

    public FuneralAllowanceSteps(FuneralAllowanceService service, TekunCaseRepository cases) {
        this.service = service;
        this.cases = cases;
    }

    /** 核算丧葬补助: the allowance row, and what the clerk's form shows. */
    public void compute(DelegateExecution execution) {
        FuneralAllowance a = service.compute(CASE_ID.require(execution), DEATH_RECORD_ID.get(execution),
                LocalDate.parse(DEATH_DATE.require(execution)), execution.getProcessInstanceId(),
                Actor.currentOrNull(execution));
        TekunCase c = cases.find(a.tekunCaseId()).orElseThrow();
        ALLOWANCE_ID.set(execution, a.id());
        CASE_NUMBER.set(execution, c.caseNumber());
        APPLICANT_NAME.set(execution, c.personName());
        TOWNSHIP_NAME.set(execution, service.townshipName(c.townshipCode()));
        CASE_SUMMARY.set(execution, service.caseSummary(c));
        AMOUNT_SUMMARY.set(execution, FuneralAllowanceService.amountSummary(a));
    }

    /** 确认领取人 completed: validated as one rule set; a refusal keeps the task open, nothing written. */
    public void confirmPayee(DelegateTask task) {
        service.confirmPayee(ALLOWANCE_ID.require(task), PAYEE_ID_NUMBER.get(task), PAYEE_RELATION.get(task),
                PAYEE_NOTE.get(task), Actor.of(task));
    }

    /** 列入下一期工资单一次性发放. */
    public void grant(DelegateExecution execution) {
        service.grant(ALLOWANCE_ID.require(execution), Actor.currentOrNull(execution));
    }
}
