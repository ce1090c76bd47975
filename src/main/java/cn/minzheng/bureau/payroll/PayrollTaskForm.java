package cn.minzheng.bureau.payroll;

import static cn.minzheng.bureau.payroll.PayrollProcess.*;

import java.util.List;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.Money;

/**
 * What the payroll task forms display, read from the payroll tables when a task is created and kept
 * as task-local variables (they vanish with the task; the process itself holds only the payroll id).
 * Old decisions are cleared, so an answer from an earlier round of the loop is never reused.
 */
@Component("payrollTaskForm")
public class PayrollTaskForm {

    private static final List<String> INPUTS = List.of(VAR_CHECK_DECISION, VAR_CHECK_COMMENT, VAR_APPROVAL_DECISION,
            VAR_APPROVAL_COMMENT, VAR_BANK_RETURN, VAR_RECONCILE_CONFIRMED);

    private final PayrollRepository payrolls;
    private final JdbcClient jdbc;

    public PayrollTaskForm(PayrollRepository payrolls, JdbcClient jdbc) {
        this.payrolls = payrolls;
        this.jdbc = jdbc;
    }

    public void show(DelegateTask task) {
        INPUTS.forEach(task::removeVariable);
        Payroll p = payrolls.get(((Number) task.getVariable(VAR_PAYROLL_ID)).longValue());
        task.setVariableLocal("payrollStatus", p.status().label());
        task.setVariableLocal("householdCount", p.householdCount());
        task.setVariableLocal("peopleCount", p.peopleCount());
        task.setVariableLocal("totalAmount", Money.format(p.totalAmount()));
        task.setVariableLocal("reissuedCount", p.reissuedCount());
        task.setVariableLocal("reissuedAmount", Money.format(p.reissuedAmount()));
        task.setVariableLocal("changesSummary", "新增" + p.newCount() + "户，提标" + p.raisedCount() + "户，降标"
                + p.loweredCount() + "户，停保" + p.cancelledCount() + "户（与上月相比）");
        task.setVariableLocal("townshipSummary", townshipSummary(p.id()));
        task.setVariableLocal("rejectionReason", p.rejectionReason() == null ? "" : p.rejectionReason());
        task.setVariableLocal("checkedBy", p.checkedBy() == null ? "" : p.checkedBy());
        task.setVariableLocal("failedCount", failedCount(p.id()));
    }

    private String townshipSummary(long payrollId) {
        return payrolls.townshipTotals(payrollId).stream()
                .map(t -> t.townshipName() + "：" + t.householdCount() + "户" + t.peopleCount() + "人，"
                        + Money.format(t.totalAmount()) + "元")
                .collect(Collectors.joining("\n"));
    }

    private long failedCount(long payrollId) {
        return jdbc.sql("select count(*) from payment where payroll_id = ? and status = 'FAILED'").param(payrollId)
                .query(Long.class).single();
    }
}
