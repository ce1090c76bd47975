package cn.minzheng.bureau.payroll;

import static cn.minzheng.bureau.payroll.PayrollProcess.*;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TaskInput;

/**
 * What finance and the district approver decide, validated again on the server (complete listeners)
 * and written to the payroll row, whose status enforces the order: checked, approved, issued.
 */
@Component("payrollDecisions")
public class PayrollDecisions {

    private final PayrollRepository payrolls;
    private final BankReturnImport bankReturns;
    private final PayrollStaleness staleness;

    public PayrollDecisions(PayrollRepository payrolls, BankReturnImport bankReturns, PayrollStaleness staleness) {
        this.payrolls = payrolls;
        this.bankReturns = bankReturns;
        this.staleness = staleness;
    }

    /** 财务核对: confirm for approval, or send back for recomputation with a reason. */
    public void check(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(VAR_CHECK_DECISION, "核对结论（提交审批或重新计算）", List.of(CONFIRM, RECOMPUTE));
        long payrollId = payrollId(task);
        if (RECOMPUTE.equals(decision)) {
            input.text(VAR_CHECK_COMMENT, "重新计算的原因", 1000);
            return;
        }
        input.optionalText(VAR_CHECK_COMMENT, "核对意见", 1000);
        requireCurrent(payrollId, "提交审批");
        requireTransition(payrollId, PayrollStatus.CHECKING, PayrollStatus.AWAITING_APPROVAL);
        payrolls.recordCheck(payrollId, Actor.of(task));
    }

    /** 区民政局审批: approve, or reject back to finance with a written reason. */
    public void approve(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(VAR_APPROVAL_DECISION, "审批决定（批准或退回）", List.of(APPROVE, REJECT));
        long payrollId = payrollId(task);
        if (REJECT.equals(decision)) {
            String reason = input.text(VAR_APPROVAL_COMMENT, "退回理由（将告知财务）", 1000);
            requireTransition(payrollId, PayrollStatus.AWAITING_APPROVAL, PayrollStatus.CHECKING);
            payrolls.recordRejection(payrollId, reason);
            return;
        }
        input.optionalText(VAR_APPROVAL_COMMENT, "审批意见", 1000);
        requireCurrent(payrollId, "批准发放");
        requireTransition(payrollId, PayrollStatus.AWAITING_APPROVAL, PayrollStatus.APPROVED);
        payrolls.recordApproval(payrollId, Actor.of(task));
    }

    /** 银行回盘对账: imports the failures pasted into the form (if any) and closes the payroll. */
    public void reconcile(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        long payrollId = payrollId(task);
        String bankReturn = input.optionalText(VAR_BANK_RETURN, "银行回盘失败明细", 200_000);
        if (!input.flag(VAR_RECONCILE_CONFIRMED)) {
            throw new RuleViolation("RECONCILE_NOT_CONFIRMED", "请确认已核对银行回盘（勾选“已核对银行回盘”）");
        }
        if (bankReturn != null) {
            bankReturns.importFile(payrollId, bankReturn, Actor.of(task));
        }
        requireTransition(payrollId, PayrollStatus.ISSUED, PayrollStatus.RECONCILED);
        payrolls.markReconciled(payrollId);
    }

    /**
     * A payroll that no longer matches its cases is neither confirmed nor approved: what it would pay wrongly
     * (a cancelled case) or not at all (a case approved since) is put right by computing it again.
     */
    private void requireCurrent(long payrollId, String action) {
        PayrollStaleness.Staleness now = staleness.of(payrolls.get(payrollId));
        if (now.stale()) {
            throw new RuleViolation("PAYROLL_STALE", "不能" + action + "：" + now.refusal(), 409);
        }
    }

    private void requireTransition(long payrollId, PayrollStatus from, PayrollStatus to) {
        if (!payrolls.transition(payrollId, from, to)) {
            Payroll payroll = payrolls.get(payrollId);
            throw new RuleViolation("PAYROLL_OUT_OF_ORDER", "工资单（" + payroll.payrollMonth() + "）当前状态为“"
                    + payroll.status().label() + "”，不能执行此操作", 409);
        }
    }

    private static long payrollId(DelegateTask task) {
        return ((Number) task.getVariable(VAR_PAYROLL_ID)).longValue();
    }
}
