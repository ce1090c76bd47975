package cn.minzheng.bureau.payroll;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.common.RuleViolation;
import cn.minzheng.bureau.engine.EngineClock;

/**
 * 发放: marks an approved payroll's payments issued. Whoever calls it, a payroll that is not approved
 * is refused, and the payment update itself only touches rows whose payroll is already ISSUED.
 * Issuing twice changes nothing.
 */
@Component
public class PayrollIssue {

    private final PayrollRepository payrolls;
    private final JdbcClient jdbc;

    public PayrollIssue(PayrollRepository payrolls, JdbcClient jdbc) {
        this.payrolls = payrolls;
        this.jdbc = jdbc;
    }

    @Transactional
    public int issue(long payrollId) {
        if (!payrolls.transition(payrollId, PayrollStatus.APPROVED, PayrollStatus.ISSUED)) {
            Payroll payroll = payrolls.get(payrollId);
            if (payroll.status() == PayrollStatus.ISSUED || payroll.status() == PayrollStatus.RECONCILED) {
                return 0;
            }
            throw notApproved(payroll);
        }
        payrolls.markIssued(payrollId);
        return jdbc.sql("""
                update payment set status = 'ISSUED', issued_at = ?
                where payroll_id = ? and status = 'PENDING'
                  and exists (select 1 from payroll r where r.id = payment.payroll_id and r.status = 'ISSUED')""")
                .params(Timestamp.from(EngineClock.instant()), payrollId).update();
    }

    static RuleViolation notApproved(Payroll payroll) {
        return new RuleViolation("PAYROLL_NOT_APPROVED", "工资单（" + payroll.payrollMonth() + "）尚未经区民政局审批通过，不能发放；当前状态："
                + payroll.status().label(), 409);
    }
}
