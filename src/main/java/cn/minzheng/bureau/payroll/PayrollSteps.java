package cn.minzheng.bureau.payroll;

import static cn.minzheng.bureau.payroll.PayrollProcess.*;

import java.time.YearMonth;
import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Actor;
import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.common.TaskInput;

/**
 * The steps of dibao-payroll.bpmn, called as ${payrollSteps.…}: what finance and the district approver decide is
 * validated again on the server (complete listeners); the rules are {@link PayrollService}'s, the computation
 * {@link PayrollComputation}'s, the issue {@link PayrollIssue}'s. The monthly timer reads its cycle from
 * {@link PayrollSettings} when the process is deployed (plain configuration, no hook).
 */
@Component
public class PayrollSteps {

    private final PayrollService payrolls;
    private final PayrollComputation computation;
    private final PayrollIssue issue;
    private final PayrollTaskForm taskForm;
    private final PayrollStarter starter;

    public PayrollSteps(PayrollService payrolls, PayrollComputation computation, PayrollIssue issue,
                        PayrollTaskForm taskForm, PayrollStarter starter) {
        this.starter = starter;
        this.payrolls = payrolls;
        this.computation = computation;
        this.issue = issue;
        this.taskForm = taskForm;
    }

    /**
     * 建立工资单. Started by the monthly timer (no payroll given), it opens the month's 低保 payroll here and starts
     * the month's payrolls of the other programs paid monthly, each its own instance.
     */
    public void open(DelegateExecution execution) {
        boolean monthlyTimer = PAYROLL_ID.get(execution) == null && PROGRAM_CODE.get(execution) == null;
        PayrollService.Opened opened = payrolls.open(PAYROLL_ID.get(execution), PROGRAM_CODE.get(execution),
                execution.getProcessInstanceId());
        if (monthlyTimer) {
            starter.startOtherPrograms(YearMonth.parse(opened.month()));
        }
        PROGRAM_CODE.set(execution, opened.programCode());
        if (opened.month() != null) {
            PAYROLL_ID.set(execution, opened.payrollId());
            MONTH.set(execution, opened.month());
        }
        DUPLICATE.set(execution, opened.duplicate());
    }

    /** 计算本月工资单 (asynchronous, retried). */
    public void compute(DelegateExecution execution) {
        computation.compute(PAYROLL_ID.require(execution));
    }

    /** 作废本次计算: finance sent it back. */
    public void discard(DelegateExecution execution) {
        computation.discard(PAYROLL_ID.require(execution));
    }

    /** 发放 (asynchronous, retried). */
    public void issue(DelegateExecution execution) {
        issue.issue(PAYROLL_ID.require(execution));
    }

    /**
     * A payroll task is created: what its form shows, as task-local variables (they vanish with the task). The
     * answers of an earlier round of the loop are gone already (the tasks' clearInputs property, {@link PayrollProcess#INPUTS}).
     */
    public void showForm(DelegateTask task) {
        taskForm.shown(PAYROLL_ID.require(task)).forEach(task::setVariableLocal);
    }

    /** 财务核对: confirm for approval, or send back for recomputation with a reason. */
    public void check(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(CHECK_DECISION.name(), "核对结论（提交审批或重新计算）", List.of(CONFIRM, RECOMPUTE));
        long payrollId = PAYROLL_ID.require(task);
        if (RECOMPUTE.equals(decision)) {
            input.text(CHECK_COMMENT.name(), "重新计算的原因", 1000);
            return;
        }
        input.optionalText(CHECK_COMMENT.name(), "核对意见", 1000);
        payrolls.confirmCheck(payrollId, Actor.of(task));
    }

    /** 区民政局审批: approve, or reject back to finance with a written reason. */
    public void approve(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        String decision = input.choice(APPROVAL_DECISION.name(), "审批决定（批准或退回）", List.of(APPROVE, REJECT));
        long payrollId = PAYROLL_ID.require(task);
        if (REJECT.equals(decision)) {
            payrolls.reject(payrollId, input.text(APPROVAL_COMMENT.name(), "退回理由（将告知财务）", 1000));
            return;
        }
        input.optionalText(APPROVAL_COMMENT.name(), "审批意见", 1000);
        payrolls.approve(payrollId, Actor.of(task));
    }

    /** 银行回盘对账: the failures pasted into the form (if any), once finance confirms it checked the return. */
    public void reconcile(DelegateTask task) {
        TaskInput input = new TaskInput(task);
        long payrollId = PAYROLL_ID.require(task);
        String bankReturn = input.optionalText(BANK_RETURN.name(), "银行回盘失败明细", 200_000);
        if (!input.flag(RECONCILE_CONFIRMED.name())) {
            throw new RuleViolation("RECONCILE_NOT_CONFIRMED", "请确认已核对银行回盘（勾选“已核对银行回盘”）");
        }
        payrolls.reconcile(payrollId, bankReturn, bankReturn == null ? null : Actor.of(task));
    }
}
