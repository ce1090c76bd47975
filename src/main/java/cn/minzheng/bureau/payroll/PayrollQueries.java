package cn.minzheng.bureau.payroll;

import java.util.List;

import org.springframework.stereotype.Component;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.common.RecordRows;

/** Read-only SQL for the payroll's API and forms: what failed at the bank. */
@Component
public class PayrollQueries {

    private final JdbcClient jdbc;

    public PayrollQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The payments of the payroll the bank returned as failed (and not yet re-issued). */
    public long failedCount(long payrollId) {
        return jdbc.sql("select count(*) from payment where payroll_id = ? and status = ?")
                .params(payrollId, PaymentStatus.FAILED.name()).query(Long.class).single();
    }

    /** The failures the bank reported for the payroll, by township, with where each payment stands now. */
    public List<PaymentFailureView> failures(long payrollId) {
        return jdbc.sql("""
                select p.id as payment_id, p.benefit_month, p.township_code, p.payee_name, f.bank_account,
                    p.amount - p.deducted_amount as amount,
                    f.reason, f.reported_at, p.status as current_status, r.payroll_month as reissued_in_month
                from payment_failure f join payment p on p.id = f.payment_id
                left join payroll r on r.id = p.payroll_id and r.id <> f.payroll_id
                where f.payroll_id = ? order by p.township_code, p.id""")
                .param(payrollId).query(RecordRows.of(PaymentFailureView.class)).list();
    }
}
