package cn.minzheng.bureau.payroll;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.program.ProgramKind;
import cn.minzheng.bureau.common.DatabaseProduct;
import cn.minzheng.bureau.engine.EngineClock;

/**
 * Computes a program's payroll of a month set-wise in the database, a handful of statements whatever the number
 * of enrolments: failed payments of the program's earlier months move into this payroll (re-issue), one payment
 * per active enrolment of the program is inserted with household, payee, bank account and amount frozen on the row, then the totals
 * per township and for the district and the changes against last month are derived from the rows.
 * Back pay and deductions ({@link PayrollAdjustments}) touch only the cases that have them; totals are net of
 * deductions, as the bank pays them.
 * Idempotent: a payroll already computed is left alone, and the unique (enrolment, month) key together with
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
            insert into %s (payroll_id, enrolment_id, case_id, benefit_month, household_id, township_code, payee_name,
                payee_id_number, bank_name, bank_account, people_count, amount, status, created_at)
            select ?, e.id, case when e.program_code = 'DIBAO_PROGRAM' then e.program_case_id end, ?, e.household_id,
                e.township_code, payee.name, payee.id_number, h.bank_name, h.bank_account,
                case when e.person_id_number is null
                    then (select count(*) from household_member m where m.household_id = e.household_id) else 1 end,
                e.amount, 'PENDING', ?
            from enrolment e
            join household h on h.id = e.household_id
            join household_member payee on payee.household_id = e.household_id
                and ((e.person_id_number is null and payee.relation = 'HEAD') or payee.id_number = e.person_id_number)
            where e.program_code = ? and e.status = 'PAYABLE_STATUS' and e.start_month <= ? and e.amount > 0
              and e.id not in (select p.enrolment_id from %s p where p.benefit_month = ?)"""
            .replace("PAYABLE_STATUS", EnrolmentStatus.ACTIVE.name()).replace("DIBAO_PROGRAM", Program.DIBAO);

    /**
     * The insert of a one-off program's payroll (临时救助): each active grant not yet paid, once whatever the month;
     * the payment carries its enrolment as {@code one_off_enrolment_id}, unique, so the database refuses a second.
     */
    static final String INSERT_ONE_OFF_PAYMENTS = """
            insert into payment (payroll_id, enrolment_id, one_off_enrolment_id, case_id, benefit_month, household_id,
                township_code, payee_name, payee_id_number, bank_name, bank_account, people_count, amount, status, created_at)
            select ?, e.id, e.id, null, ?, e.household_id, e.township_code, payee.name, payee.id_number, h.bank_name,
                h.bank_account,
                case when e.person_id_number is null
                    then (select count(*) from household_member m where m.household_id = e.household_id) else 1 end,
                e.amount, 'PENDING', ?
            from enrolment e
            join household h on h.id = e.household_id
            join household_member payee on payee.household_id = e.household_id
                and ((e.person_id_number is null and payee.relation = 'HEAD') or payee.id_number = e.person_id_number)
            where e.program_code = ? and e.status = 'PAYABLE_STATUS' and e.start_month <= ? and e.amount > 0
              and e.id not in (select p.one_off_enrolment_id from payment p where p.one_off_enrolment_id is not null)"""
            .replace("PAYABLE_STATUS", EnrolmentStatus.ACTIVE.name());

    /** PostgreSQL's memory per hash or sort of the computation's statements, for its transaction only. */
    static final String WORK_MEM = "64MB";

    private final JdbcClient jdbc;
    private final DatabaseProduct database;
    private final JdbcTemplate jdbcTemplate;
    private final PayrollRepository payrolls;
    private final PayrollAdjustments adjustments;
    private final List<ProgramBackPay> programBackPay;
    private final List<ProgramAmounts> programAmounts;

    public PayrollComputation(JdbcClient jdbc, JdbcTemplate jdbcTemplate, DatabaseProduct database, PayrollRepository payrolls,
                              PayrollAdjustments adjustments, ObjectProvider<ProgramBackPay> programBackPay,
                              ObjectProvider<ProgramAmounts> programAmounts) {
        this.programBackPay = programBackPay.orderedStream().toList();
        this.programAmounts = programAmounts.orderedStream().toList();
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.database = database;
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
        Timestamp now = Timestamp.from(EngineClock.instant());
        if (database.isPostgres()) {
            // the insert's hash joins hold the program's enrolments and payees: in memory, not in batches on disk
            jdbc.sql("set local work_mem = '" + WORK_MEM + "'").update();
        }
        long started = System.nanoTime();
        int reissued = reissueFailedPayments(payrollId, payroll.programCode(), month);
        // a program whose amounts follow the month's table (优抚: the year's standard)
        for (ProgramAmounts amounts : programAmounts) {
            if (amounts.programCode().equals(payroll.programCode())) {
                amounts.update(month);
            }
        }
        long reissuedAt = System.nanoTime();
        int inserted = oneOff(payroll.programCode())
                ? jdbc.sql(INSERT_ONE_OFF_PAYMENTS).params(payrollId, month, now, payroll.programCode(), month).update()
                : jdbc.sql(INSERT_PAYMENTS.formatted("payment", "payment"))
                        .params(payrollId, month, now, payroll.programCode(), month, month)
                        .update();
        // back pay and deductions are 低保's (its appeals and recoveries)
        boolean dibao = Program.DIBAO.equals(payroll.programCode());
        int backPaid = dibao ? adjustments.applyBackPay(payrollId, month, now) : 0;
        int deductions = dibao ? adjustments.applyDeductions(payrollId, month, now) : 0;
        // another program's own back pay (高龄津贴: months a suspension left unpaid)
        for (ProgramBackPay backPay : programBackPay) {
            if (backPay.programCode().equals(payroll.programCode())) {
                backPaid += backPay.apply(payrollId, month, now);
            }
        }
        long insertedAt = System.nanoTime();
        computeTotals(payrollId, month);
        long totalsAt = System.nanoTime();
        computeChanges(payrollId, payroll.programCode(), YearMonth.parse(month));
        log.debug("payroll {} timings (ms): re-issue {}, insert {}, totals {}, changes {}", payrollId,
                (reissuedAt - started) / 1_000_000, (insertedAt - reissuedAt) / 1_000_000,
                (totalsAt - insertedAt) / 1_000_000, (System.nanoTime() - totalsAt) / 1_000_000);
        jdbc.sql("update payroll set computed_at = ? where id = ?").params(now, payrollId).update();
        payrolls.transition(payrollId, PayrollStatus.COMPUTING, PayrollStatus.CHECKING);
        log.info("payroll {} ({} {}): {} payments, {} re-issued, {} back pay, {} deductions", payrollId, payroll.programCode(), month, inserted,
                reissued, backPaid, deductions);
        return inserted;
    }

    private boolean oneOff(String programCode) {
        return jdbc.sql("select kind from program where code = ?").param(programCode).query(String.class).optional()
                .map(ProgramKind.ONE_OFF.name()::equals).orElse(false);
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
    private int reissueFailedPayments(long payrollId, String programCode, String month) {
        return jdbc.sql("""
                update payment set payroll_id = ?, status = 'PENDING', issued_at = null, reissue_count = reissue_count + 1,
                    bank_name = (select h.bank_name from household h where h.id = payment.household_id),
                    bank_account = (select h.bank_account from household h where h.id = payment.household_id)
                where status = 'FAILED' and benefit_month < ?
                  and payroll_id in (select r.id from payroll r where r.program_code = ?)""")
                .params(payrollId, month, programCode).update();
    }

    /**
     * The totals in one pass over the payroll's payments, per township: households and people are the cases paid
     * for this month, yuan all the payroll pays (re-issues and back pay included, net of deductions); the re-issued
     * count and yuan are the payments of earlier months. The district's figures are the townships' sums.
     */
    private void computeTotals(long payrollId, String month) {
        List<TownshipSums> townships = jdbc.sql("""
                select township_code, sum(case when benefit_month = ? then 1 else 0 end) as household_count,
                    sum(case when benefit_month = ? then people_count else 0 end) as people_count,
                    sum(amount - deducted_amount) as total_amount,
                    sum(case when benefit_month <> ? then 1 else 0 end) as reissued_count,
                    sum(case when benefit_month <> ? then amount - deducted_amount else 0 end) as reissued_amount
                from payment where payroll_id = ? group by township_code order by township_code""")
                .params(month, month, month, month, payrollId).query(RecordRows.of(TownshipSums.class)).list();
        jdbc.sql("delete from payroll_township_total where payroll_id = ?").param(payrollId).update();
        long households = 0;
        long people = 0;
        long reissuedCount = 0;
        BigDecimal total = BigDecimal.ZERO.setScale(2);
        BigDecimal reissuedAmount = BigDecimal.ZERO.setScale(2);
        List<Object[]> rows = new ArrayList<>();
        for (TownshipSums t : townships) {
            rows.add(new Object[] {payrollId, t.townshipCode(), t.householdCount(), t.peopleCount(), t.totalAmount()});
            households += t.householdCount();
            people += t.peopleCount();
            total = total.add(t.totalAmount());
            reissuedCount += t.reissuedCount();
            reissuedAmount = reissuedAmount.add(t.reissuedAmount());
        }
        if (!rows.isEmpty()) {
            jdbcTemplate.batchUpdate("""
                    insert into payroll_township_total (payroll_id, township_code, household_count, people_count, total_amount)
                    values (?, ?, ?, ?, ?)""", rows);
        }
        jdbc.sql("""
                update payroll set household_count = ?, people_count = ?, total_amount = ?, reissued_count = ?,
                    reissued_amount = ? where id = ?""")
                .params(households, people, total, reissuedCount, reissuedAmount, payrollId).update();
    }

    private record TownshipSums(String townshipCode, long householdCount, long peopleCount, BigDecimal totalAmount,
                                long reissuedCount, BigDecimal reissuedAmount) {
    }

    /**
     * New, raised, lowered and cancelled enrolments: this month's payments of the payroll's program against last
     * month's, each enrolment's two months side by side (new: none last month; cancelled: none this month). The
     * months' own payments only: a tier's difference paid for last month (高龄津贴) is back pay, not last month's amount.
     * A payment of the program's enrolment lies in a payroll of the program of its month or later (re-issued or
     * back paid), so the payments read are those of the program's payrolls from last month on, found by payroll
     * through its index: the program's rows of the two months only, not every program's. One scan and one grouping,
     * no join whose plan could rest on statistics that do not yet count the month's payments inserted a moment ago
     * in this transaction.
     */
    private void computeChanges(long payrollId, String programCode, YearMonth month) {
        String current = month.toString();
        String previous = month.minusMonths(1).toString();
        List<Long> programPayrolls = jdbc.sql("select id from payroll where program_code = ? and payroll_month >= ?")
                .params(programCode, previous).query(Long.class).list();
        Changes changes = jdbc.sql("""
                select coalesce(sum(case when cur_amount is not null and prev_amount is null then 1 else 0 end), 0) as new_count,
                    coalesce(sum(case when cur_amount > prev_amount then 1 else 0 end), 0) as raised_count,
                    coalesce(sum(case when cur_amount < prev_amount then 1 else 0 end), 0) as lowered_count,
                    coalesce(sum(case when cur_amount is null and prev_amount is not null then 1 else 0 end), 0) as cancelled_count
                from (select max(case when benefit_month = :current then amount end) as cur_amount,
                          max(case when benefit_month = :previous then amount end) as prev_amount
                      from payment
                      where payroll_id in (:payrolls) and benefit_month in (:current, :previous) and payment_kind = 'REGULAR'
                      group by enrolment_id) months""")
                .param("current", current).param("previous", previous).param("payrolls", programPayrolls)
                .query(RecordRows.of(Changes.class)).single();
        jdbc.sql("update payroll set new_count = ?, raised_count = ?, lowered_count = ?, cancelled_count = ? where id = ?")
                .params(changes.newCount(), changes.raisedCount(), changes.loweredCount(), changes.cancelledCount(), payrollId)
                .update();
    }

    private record Changes(long newCount, long raisedCount, long loweredCount, long cancelledCount) {
    }
}
