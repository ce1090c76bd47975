package cn.minzheng.bureau.payroll;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.dibao.CaseStatus;

/**
 * Computes a month's payroll set-wise in the database, a handful of statements whatever the number of
 * cases: failed payments of earlier months move into this payroll (re-issue), one payment per active
 * case is inserted with household, payee, bank account and amount frozen on the row, then the totals
 * per township and for the district and the changes against last month are derived from the rows.
 * Back pay and deductions ({@link PayrollAdjustments}) touch only the cases that have them; totals are net of
 * deductions, as the bank pays them.
 * Idempotent: a payroll already computed is left alone, and the unique (case, month) key together with
 * the "not in" guard means a second run inserts nothing.
 */
@Component
public class PayrollComputation {

    private static final Logger log = LoggerFactory.getLogger(PayrollComputation.class);

    /**
     * The set-wise insert; also run, against a scratch table, as the benchmark's floor. "not in" rather than
     * "not exists": PostgreSQL evaluates it once as a hashed subplan, whereas an anti-join planned on the
     * statistics of an empty payment table (a new installation's first payroll) rescans the rows being
     * inserted for every case, which is quadratic. The status of the cases paid is a constant of the statement.
     */
    static final String INSERT_PAYMENTS = """
            insert into %s (payroll_id, case_id, benefit_month, household_id, township_code, payee_name, payee_id_number,
                bank_name, bank_account, people_count, amount, status, created_at)
            select ?, c.id, ?, c.household_id, c.township_code, head.name, head.id_number, h.bank_name, h.bank_account,
                (select count(*) from household_member m where m.household_id = c.household_id), c.monthly_amount,
                'PENDING', ?
            from dibao_case c
            join household h on h.id = c.household_id
            join household_member head on head.household_id = c.household_id and head.relation = 'HEAD'
            where c.status = 'PAYABLE_STATUS' and c.start_month <= ? and c.monthly_amount > 0
              and c.id not in (select p.case_id from %s p where p.benefit_month = ?)""".replace("PAYABLE_STATUS",
            CaseStatus.APPROVED.name());

    private final JdbcClient jdbc;
    private final PayrollRepository payrolls;
    private final PayrollAdjustments adjustments;

    public PayrollComputation(JdbcClient jdbc, PayrollRepository payrolls, PayrollAdjustments adjustments) {
        this.jdbc = jdbc;
        this.payrolls = payrolls;
        this.adjustments = adjustments;
    }

    /** Computes the payroll if it is still being computed; returns the number of payments inserted. */
    @Transactional
    public int compute(long payrollId) {
        Payroll payroll = payrolls.lock(payrollId);
        if (payroll.status() != PayrollStatus.COMPUTING) {
            log.info("payroll {} ({}) already computed, nothing to do", payrollId, payroll.payrollMonth());
            return 0;
        }
        String month = payroll.payrollMonth();
        Timestamp now = Timestamp.from(Instant.now());
        long started = System.nanoTime();
        int reissued = reissueFailedPayments(payrollId, month);
        long reissuedAt = System.nanoTime();
        int inserted = jdbc.sql(INSERT_PAYMENTS.formatted("payment", "payment"))
                .params(payrollId, month, now, month, month)
                .update();
        int backPaid = adjustments.applyBackPay(payrollId, month, now);
        int deductions = adjustments.applyDeductions(payrollId, month, now);
        long insertedAt = System.nanoTime();
        computeTotals(payrollId, month);
        long totalsAt = System.nanoTime();
        computeChanges(payrollId, YearMonth.parse(month));
        log.debug("payroll {} timings (ms): re-issue {}, insert {}, totals {}, changes {}", payrollId,
                (reissuedAt - started) / 1_000_000, (insertedAt - reissuedAt) / 1_000_000,
                (totalsAt - insertedAt) / 1_000_000, (System.nanoTime() - totalsAt) / 1_000_000);
        jdbc.sql("update payroll set computed_at = ? where id = ?").params(now, payrollId).update();
        payrolls.transition(payrollId, PayrollStatus.COMPUTING, PayrollStatus.CHECKING);
        log.info("payroll {} ({}): {} payments, {} re-issued, {} back pay, {} deductions", payrollId, month, inserted,
                reissued, backPaid, deductions);
        return inserted;
    }

    /**
     * Discards a computation finance sent back, so it can be computed again from the current cases:
     * the month's own payments go (nothing was issued: the payroll was never approved); re-issued ones stay.
     */
    @Transactional
    public void discard(long payrollId) {
        Payroll payroll = payrolls.lock(payrollId);
        if (payroll.status() != PayrollStatus.CHECKING) {
            throw new cn.minzheng.bureau.common.RuleViolation("PAYROLL_NOT_DISCARDABLE",
                    "工资单当前状态为“" + payroll.status().label() + "”，只有财务核对中的工资单可以重新计算", 409);
        }
        adjustments.discard(payrollId);
        jdbc.sql("delete from payment where payroll_id = ? and benefit_month = ? and status = 'PENDING'")
                .params(payrollId, payroll.payrollMonth()).update();
        payrolls.transition(payrollId, PayrollStatus.CHECKING, PayrollStatus.COMPUTING);
    }

    /**
     * A payment the bank returned as failed is paid again by the next payroll: the same row (so it can
     * never be paid twice) moves to this payroll, with the household's current bank account, which is
     * what the township corrects after a failure. Its failures stay in payment_failure.
     */
    private int reissueFailedPayments(long payrollId, String month) {
        return jdbc.sql("""
                update payment set payroll_id = ?, status = 'PENDING', issued_at = null, reissue_count = reissue_count + 1,
                    bank_name = (select h.bank_name from household h where h.id = payment.household_id),
                    bank_account = (select h.bank_account from household h where h.id = payment.household_id)
                where status = 'FAILED' and benefit_month < ?""")
                .params(payrollId, month).update();
    }

    private void computeTotals(long payrollId, String month) {
        jdbc.sql("delete from payroll_township_total where payroll_id = ?").param(payrollId).update();
        // households and people: the cases paid for this month; yuan: all the payroll pays, re-issues included
        jdbc.sql("""
                insert into payroll_township_total (payroll_id, township_code, household_count, people_count, total_amount)
                select ?, township_code, sum(case when benefit_month = ? then 1 else 0 end),
                    sum(case when benefit_month = ? then people_count else 0 end), sum(amount - deducted_amount)
                from payment where payroll_id = ? group by township_code""")
                .params(payrollId, month, month, payrollId).update();
        jdbc.sql("""
                update payroll set
                    household_count = (select coalesce(sum(household_count), 0) from payroll_township_total where payroll_id = ?),
                    people_count = (select coalesce(sum(people_count), 0) from payroll_township_total where payroll_id = ?),
                    total_amount = (select coalesce(sum(total_amount), 0) from payroll_township_total where payroll_id = ?),
                    reissued_count = (select count(*) from payment where payroll_id = ? and benefit_month <> ?),
                    reissued_amount = (select coalesce(sum(amount - deducted_amount), 0) from payment where payroll_id = ? and benefit_month <> ?)
                where id = ?""")
                .params(payrollId, payrollId, payrollId, payrollId, month, payrollId, month, payrollId).update();
    }

    /** New, raised, lowered and cancelled cases: this month's payments against last month's, in two passes. */
    private void computeChanges(long payrollId, YearMonth month) {
        String current = month.toString();
        String previous = month.minusMonths(1).toString();
        Changes changes = jdbc.sql("""
                select coalesce(sum(case when prev.id is null then 1 else 0 end), 0) as new_count,
                    coalesce(sum(case when cur.amount > prev.amount then 1 else 0 end), 0) as raised_count,
                    coalesce(sum(case when cur.amount < prev.amount then 1 else 0 end), 0) as lowered_count
                from payment cur left join payment prev on prev.case_id = cur.case_id and prev.benefit_month = ?
                where cur.benefit_month = ?""")
                .params(previous, current).query(RecordRows.of(Changes.class)).single();
        long cancelled = jdbc.sql("""
                select count(*) from payment prev where prev.benefit_month = ? and not exists
                    (select 1 from payment cur where cur.case_id = prev.case_id and cur.benefit_month = ?)""")
                .params(previous, current).query(Long.class).single();
        jdbc.sql("update payroll set new_count = ?, raised_count = ?, lowered_count = ?, cancelled_count = ? where id = ?")
                .params(changes.newCount(), changes.raisedCount(), changes.loweredCount(), cancelled, payrollId).update();
    }

    private record Changes(long newCount, long raisedCount, long loweredCount) {
    }
}
