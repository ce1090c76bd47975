package cn.minzheng.bureau.dibao.recovery;

import static cn.minzheng.bureau.dibao.recovery.RecoveryProcess.*;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.Money;
import cn.minzheng.bureau.common.TaskInput;
import cn.minzheng.bureau.dibao.CaseVariables;
import cn.minzheng.bureau.dibao.recovery.RecoveryService.Computed;
import cn.minzheng.bureau.dibao.recovery.RecoveryService.ComputedForEnrolment;
import cn.minzheng.bureau.dibao.recovery.RecoveryService.Overpayment;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/** What dibao-recovery.bpmn calls, as ${recoverySteps.…}; the rules are {@link RecoveryService}'s. */
@Component
public class RecoverySteps {

    private final RecoveryService recoveries;
    private final CaseVariables caseVariables;
    private final RegionRepository regions;

    public RecoverySteps(RecoveryService recoveries, CaseVariables caseVariables, RegionRepository regions) {
        this.recoveries = recoveries;
        this.caseVariables = caseVariables;
        this.regions = regions;
    }

    /** 核算多发月份和金额: the overpaid months, for the decider's form. */
    public void compute(DelegateExecution execution) {
        if (CASE_ID.get(execution) == null) {
            computeForEnrolment(execution);
            return;
        }
        Overpayment overpayment = new Overpayment(CaseVariables.caseId(execution), null, FROM_MONTH.require(execution),
                Money.of(ENTITLED_AMOUNT.require(execution)), SOURCE_TYPE.get(execution), SOURCE_ID.get(execution),
                OVERPAYMENT_REASON.get(execution));
        Computed computed = recoveries.compute(overpayment, execution.getProcessInstanceId(), Actor.currentOrNull(execution));
        caseVariables.publish(execution, computed.dibaoCase());
        RECOVERY_ID.set(execution, computed.recoveryId());
        OVERPAID.set(execution, computed.result().total().signum() > 0);
        OVERPAID_TOTAL.set(execution, Money.format(computed.result().total()));
        CASE_STATUS_LABEL.set(execution, computed.dibaoCase().status().label());
        CURRENT_AMOUNT.set(execution, Money.format(computed.dibaoCase().monthlyAmount()));
        OVERPAID_MONTHS.set(execution, RecoveryService.overpaidMonths(computed.result()));
    }

    /** An enrolment's recovery: the forms' fields filled from the enrolment, the person and the household. */
    private void computeForEnrolment(DelegateExecution execution) {
        Overpayment overpayment = new Overpayment(null, ENROLMENT_ID.require(execution), FROM_MONTH.require(execution),
                Money.of(ENTITLED_AMOUNT.require(execution)), SOURCE_TYPE.get(execution), SOURCE_ID.get(execution),
                OVERPAYMENT_REASON.get(execution));
        ComputedForEnrolment computed = recoveries.computeForEnrolment(overpayment, execution.getProcessInstanceId(),
                Actor.currentOrNull(execution));
        Map<String, Region> regions = this.regions.findAll(List.of(computed.household().townshipCode(),
                computed.household().communityCode()));
        CaseVariables.CASE_NUMBER.set(execution, computed.programName() + "（享受记录" + computed.enrolment().id() + "）");
        CaseVariables.APPLICANT_NAME.set(execution, computed.personName());
        CaseVariables.TOWNSHIP_CODE.set(execution, computed.enrolment().townshipCode());
        CaseVariables.TOWNSHIP_NAME.set(execution, regions.get(computed.household().townshipCode()).name());
        CaseVariables.COMMUNITY_NAME.set(execution, regions.get(computed.household().communityCode()).name());
        CaseVariables.CASE_CATEGORY_LABEL.set(execution, computed.programName());
        CaseVariables.HOUSEHOLD_SIZE.set(execution, computed.enrolment().personIdNumber() == null ? computed.household().size() : 1);
        CaseVariables.HOUSEHOLD_SUMMARY.set(execution, computed.personName() + "，" + computed.programName()
                + "，住址：" + computed.household().address());
        CaseVariables.RELATED_TO_STAFF.set(execution, false);
        RECOVERY_ID.set(execution, computed.recoveryId());
        OVERPAID.set(execution, computed.result().total().signum() > 0);
        OVERPAID_TOTAL.set(execution, Money.format(computed.result().total()));
        CASE_STATUS_LABEL.set(execution, computed.enrolment().status().label());
        CURRENT_AMOUNT.set(execution, Money.format(Money.ZERO));
        OVERPAID_MONTHS.set(execution, RecoveryService.overpaidMonths(computed.result()));
    }

    /** 决定追回方式 completed: repayment, deduction (with an installment) or waiver, with a reason. */
    public void decide(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String method = input.choice(VAR_METHOD, "追回方式", List.of(REPAYMENT, DEDUCTION, WAIVER));
        String reason = input.text(VAR_DECISION_REASON, "决定理由", 1000);
        Integer months = recoveries.decide(RECOVERY_ID.require(task), method, reason,
                () -> input.amount(VAR_INSTALLMENT, "每月抵扣金额"), Actor.of(task));
        if (months != null) {
            DEDUCTION_MONTHS.set(task, months);
        }
        DECIDED_BY.set(task, Actor.of(task));
    }

    /** 按月抵扣: from the next payroll computed on. */
    public void scheduleDeduction(DelegateExecution execution) {
        recoveries.scheduleDeduction(RECOVERY_ID.require(execution), DECIDED_BY.get(execution));
    }

    /** 登记退回 completed: the whole outstanding amount against a receipt. */
    public void recordRepayment(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String receipt = input.text(VAR_RECEIPT_NUMBER, "收据编号", 50);
        BigDecimal amount = input.amount(VAR_REPAID_AMOUNT, "退回金额");
        String receivedOn = input.text(VAR_RECEIVED_ON, "收款日期", 10);
        recoveries.recordRepayment(RECOVERY_ID.require(task), receipt, amount, receivedOn, Actor.of(task));
    }

    /** 区民政局审批减免 completed: a refusal needs a reason and goes back to the decision. */
    public void decideWaiver(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(VAR_WAIVER_DECISION, "审批决定", List.of(APPROVE, REJECT));
        String comment = REJECT.equals(decision) ? input.text(VAR_WAIVER_COMMENT, "不同意减免的理由", 1000)
                : input.optionalText(VAR_WAIVER_COMMENT, "意见", 1000);
        WAIVER_APPROVED_BY.set(task, Actor.of(task));
        recoveries.recordWaiverDecision(RECOVERY_ID.require(task), decision, comment, Actor.of(task));
    }

    /** 减免: the overpayment is written off, as approved. */
    public void waive(DelegateExecution execution) {
        recoveries.waive(RECOVERY_ID.require(execution), WAIVER_APPROVED_BY.get(execution), WAIVER_COMMENT.get(execution));
    }
}
