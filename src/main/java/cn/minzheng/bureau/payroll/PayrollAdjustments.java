package cn.minzheng.bureau.payroll;

import java.sql.Timestamp;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What a 低保 payroll applies besides the month's payments, each set-wise and touching only the cases concerned:
 * back pay (补发) of months a reversed decision left unpaid, inserted as payments of those benefit months (the
 * unique (case, month) key pays each once), and one deduction per recovery by installments, kept back from the
 * case's payment of the month: least(installment, still owed, what is left of the payment). Runs inside
 * {@link PayrollComputation#compute}, so once per payroll; {@link #discard} undoes it with the computation.
 */
@Component
public class PayrollAdjustments {

    private final JdbcClient jdbc;

    public PayrollAdjustments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns the number of back-pay payments inserted. */
    int applyBackPay(long payrollId, String month, Timestamp now) {
        int inserted = jdbc.sql("""
                insert into payment (payroll_id, enrolment_id, case_id, benefit_month, household_id, township_code, payee_name,
                    payee_id_number, bank_name, bank_account, people_count, amount, status, created_at)
                select ?, e.id, c.id, b.benefit_month, c.household_id, c.township_code, head.name, head.id_number, h.bank_name,
                    h.bank_account, (select count(*) from household_member m where m.household_id = c.household_id),
                    b.amount, 'PENDING', ?
                from back_pay b
                join dibao_case c on c.id = b.case_id
                join enrolment e on e.program_code = 'DIBAO' and e.program_case_id = c.id
                join household h on h.id = c.household_id
                join household_member head on head.household_id = c.household_id and head.relation = 'HEAD'
                where b.payroll_id is null and b.benefit_month < ?
                  and not exists (select 1 from payment p where p.case_id = b.case_id and p.benefit_month = b.benefit_month)""")
                .params(payrollId, now, month).update();
        // settled: by this payroll, or by whichever payment of that month exists already
        jdbc.sql("""
                update back_pay set payroll_id = (select p.payroll_id from payment p
                    where p.case_id = back_pay.case_id and p.benefit_month = back_pay.benefit_month)
                where payroll_id is null and exists (select 1 from payment p
                    where p.case_id = back_pay.case_id and p.benefit_month = back_pay.benefit_month)""")
                .update();
        return inserted;
    }

    /** Returns the number of deductions made. */
    int applyDeductions(long payrollId, String month, Timestamp now) {
        int deductions = jdbc.sql("""
                insert into recovery_installment (recovery_id, payroll_id, payment_id, amount, created_at)
                select r.id, ?, p.id, least(r.installment_amount, r.total_amount - r.recovered_amount, p.amount - p.deducted_amount), ?
                from overpayment_recovery r
                join payment p on p.case_id = r.case_id and p.benefit_month = ? and p.payroll_id = ?
                where r.status = 'DEDUCTING' and r.total_amount > r.recovered_amount and p.amount > p.deducted_amount
                  and not exists (select 1 from recovery_installment i where i.recovery_id = r.id and i.payroll_id = ?)""")
                .params(payrollId, now, month, payrollId, payrollId).update();
        if (deductions == 0) {
            return 0;
        }
        jdbc.sql("""
                update payment set deducted_amount = deducted_amount
                    + (select sum(i.amount) from recovery_installment i where i.payment_id = payment.id and i.payroll_id = ?)
                where id in (select payment_id from recovery_installment where payroll_id = ?)""")
                .params(payrollId, payrollId).update();
        jdbc.sql("""
                update overpayment_recovery set recovered_amount = recovered_amount
                    + (select i.amount from recovery_installment i where i.recovery_id = overpayment_recovery.id and i.payroll_id = ?)
                where id in (select recovery_id from recovery_installment where payroll_id = ?)""")
                .params(payrollId, payrollId).update();
        jdbc.sql("""
                update overpayment_recovery set status = 'RECOVERED', recovered_payroll_id = ?, closed_at = ?, open_case_id = null
                where status = 'DEDUCTING' and recovered_amount = total_amount
                  and id in (select recovery_id from recovery_installment where payroll_id = ?)""")
                .params(payrollId, now, payrollId).update();
        return deductions;
    }

    /** Undoes the deductions of a computation finance sent back (its payments are about to be deleted). */
    void discard(long payrollId) {
        jdbc.sql("""
                update overpayment_recovery set status = 'DEDUCTING', recovered_payroll_id = null, closed_at = null,
                    open_case_id = case_id
                where recovered_payroll_id = ?""").param(payrollId).update();
        jdbc.sql("""
                update overpayment_recovery set recovered_amount = recovered_amount
                    - (select i.amount from recovery_installment i where i.recovery_id = overpayment_recovery.id and i.payroll_id = ?)
                where id in (select recovery_id from recovery_installment where payroll_id = ?)""")
                .params(payrollId, payrollId).update();
        jdbc.sql("""
                update payment set deducted_amount = deducted_amount
                    - (select sum(i.amount) from recovery_installment i where i.payment_id = payment.id and i.payroll_id = ?)
                where id in (select payment_id from recovery_installment where payroll_id = ?)""")
                .params(payrollId, payrollId).update();
        jdbc.sql("delete from recovery_installment where payroll_id = ?").param(payrollId).update();
    }
}
