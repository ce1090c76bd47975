package cn.minzheng.bureau.payroll;

import java.time.YearMonth;

import org.springframework.stereotype.Service;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.program.Program;

/**
 * The rules of dibao-payroll.bpmn's steps ({@link PayrollSteps}): which payroll an instance works on, and what
 * finance and the district approver decide, written to the payroll row, whose status enforces the order:
 * checked, approved, issued, reconciled.
 */
@Service
public class PayrollService {

    private final PayrollRepository payrolls;
    private final BankReturnImport bankReturns;
    private final PayrollStaleness staleness;

    public PayrollService(PayrollRepository payrolls, BankReturnImport bankReturns, PayrollStaleness staleness) {
        this.payrolls = payrolls;
        this.bankReturns = bankReturns;
        this.staleness = staleness;
    }

    /** The payroll an instance works on; the month is set where the timer found or created it, else null. */
    public record Opened(long payrollId, String programCode, String month, boolean duplicate) {
    }

    /**
     * 建立工资单: a manual start brings its payroll id; the monthly timer finds or creates the payroll of the
     * current month, of the program given ({@code DIBAO} when none is: the timer's run). A payroll already tied to another instance (the timer after a manual start, a second
     * timer run) marks this instance as a duplicate, which ends without touching anything.
     */
    public Opened open(Long givenPayrollId, String programCode, String processInstanceId) {
        long payrollId;
        String month = null;
        if (givenPayrollId == null) {
            YearMonth current = YearMonth.now();
            String program = programCode == null ? Program.DIBAO : programCode;
            payrollId = payrolls.findByMonth(program, current).map(Payroll::id)
                    .orElseGet(() -> payrolls.insert(program, current));
            month = current.toString();
        } else {
            payrollId = givenPayrollId;
        }
        boolean attached = payrolls.attachProcess(payrollId, processInstanceId);
        return new Opened(payrollId, payrolls.get(payrollId).programCode(), month, !attached);
    }

    /** 财务核对 confirmed: the payroll goes to approval, if it still matches its cases. */
    public void confirmCheck(long payrollId, String checkedBy) {
        requireCurrent(payrollId, "提交审批");
        requireTransition(payrollId, PayrollStatus.CHECKING, PayrollStatus.AWAITING_APPROVAL);
        payrolls.recordCheck(payrollId, checkedBy);
    }

    /** 区民政局审批 rejected: back to finance with the reason. */
    public void reject(long payrollId, String reason) {
        requireTransition(payrollId, PayrollStatus.AWAITING_APPROVAL, PayrollStatus.CHECKING);
        payrolls.recordRejection(payrollId, reason);
    }

    /** 区民政局审批 approved, if the payroll still matches its cases. */
    public void approve(long payrollId, String approvedBy) {
        requireCurrent(payrollId, "批准发放");
        requireTransition(payrollId, PayrollStatus.AWAITING_APPROVAL, PayrollStatus.APPROVED);
        payrolls.recordApproval(payrollId, approvedBy);
    }

    /** 银行回盘对账: imports the failures pasted into the form (if any) and closes the payroll. */
    public void reconcile(long payrollId, String bankReturn, String actor) {
        if (bankReturn != null) {
            bankReturns.importFile(payrollId, bankReturn, actor);
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
}
