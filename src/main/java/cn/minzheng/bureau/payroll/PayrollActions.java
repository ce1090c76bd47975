package cn.minzheng.bureau.payroll;

import static cn.minzheng.bureau.payroll.PayrollProcess.*;

import java.time.YearMonth;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Steps of dibao-payroll.bpmn that are not calculations, called as ${payrollActions.…}. */
@Component("payrollActions")
public class PayrollActions {

    private final PayrollRepository payrolls;

    public PayrollActions(PayrollRepository payrolls) {
        this.payrolls = payrolls;
    }

    /**
     * 建立工资单: a manual start brings its payroll id; the monthly timer finds or creates the payroll of the
     * current month. A payroll already tied to another instance (the timer after a manual start, a second
     * timer run) marks this instance as a duplicate, which ends without touching anything.
     */
    public void open(DelegateExecution execution) {
        Object given = execution.getVariable(VAR_PAYROLL_ID);
        long payrollId;
        if (given == null) {
            YearMonth month = YearMonth.now();
            payrollId = payrolls.findByMonth(month).map(Payroll::id).orElseGet(() -> payrolls.insert(month));
            execution.setVariable(VAR_PAYROLL_ID, payrollId);
            execution.setVariable(VAR_MONTH, month.toString());
        } else {
            payrollId = ((Number) given).longValue();
        }
        boolean attached = payrolls.attachProcess(payrollId, execution.getProcessInstanceId());
        execution.setVariable(VAR_DUPLICATE, !attached);
    }
}
