package cn.minzheng.bureau.youfu;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.program.Program;

/**
 * The one writer of the 年审 tables: {@code youfu_annual_check} (one row per recipient and year) and
 * {@code youfu_back_pay} (the months a suspension left unpaid, and the payroll that paid each).
 */
@Repository
public class YoufuAnnualRepository {

    public enum CheckStatus { PENDING, CONFIRMED, NOT_CONFIRMED }

    public record AnnualCheck(long id, int checkYear, long recipientId, String townshipCode, LocalDate deadline,
                              CheckStatus status, String reason, String decidedBy, String suspendedFrom,
                              String processInstanceId) {
    }

    public record BackPay(long recipientId, String benefitMonth, BigDecimal amount, Long payrollId) {
    }

    private static final String CHECK_COLUMNS = """
            id, check_year, recipient_id, township_code, deadline, status, reason, decided_by, suspended_from,
            process_instance_id""";

    private final JdbcClient jdbc;

    public YoufuAnnualRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Lists every active recipient of the register for the year, once (unique per year and recipient). */
    public int insertChecks(int year, LocalDate deadline, String processInstanceId) {
        return jdbc.sql("""
                insert into youfu_annual_check (check_year, recipient_id, township_code, deadline, status,
                    process_instance_id, created_at)
                select ?, r.id, r.township_code, ?, 'PENDING', ?, ? from youfu_recipient r
                where r.status = 'ACTIVE' and not exists
                    (select 1 from youfu_annual_check c where c.check_year = ? and c.recipient_id = r.id)""")
                .params(year, deadline, processInstanceId, now(), year).update();
    }

    public List<String> townships(String processInstanceId) {
        return jdbc.sql("select distinct township_code from youfu_annual_check where process_instance_id = ? order by township_code")
                .param(processInstanceId).query(String.class).list();
    }

    public List<AnnualCheck> checks(String processInstanceId, String townshipCode) {
        return jdbc.sql("select " + CHECK_COLUMNS + " from youfu_annual_check where process_instance_id = ? and township_code = ? order by id")
                .params(processInstanceId, townshipCode).query(RecordRows.of(AnnualCheck.class)).list();
    }

    public List<AnnualCheck> checksOfRecipient(long recipientId) {
        return jdbc.sql("select " + CHECK_COLUMNS + " from youfu_annual_check where recipient_id = ? order by check_year")
                .param(recipientId).query(RecordRows.of(AnnualCheck.class)).list();
    }

    public Optional<AnnualCheck> check(long id) {
        return jdbc.sql("select " + CHECK_COLUMNS + " from youfu_annual_check where id = ?").param(id)
                .query(RecordRows.of(AnnualCheck.class)).optional();
    }

    /** Records an answer: from PENDING, or a later confirmation of one NOT_CONFIRMED. */
    public boolean decide(long id, CheckStatus status, String reason, String actor) {
        return jdbc.sql("""
                update youfu_annual_check set status = ?, reason = ?, decided_by = ?, decided_at = ?
                where id = ? and (status = 'PENDING' or (status = 'NOT_CONFIRMED' and ? = 'CONFIRMED'))""")
                .params(status.name(), reason, actor, now(), id, status.name()).update() == 1;
    }

    /** The first month the suspension of this check left unpaid. */
    public void markSuspended(long id, String fromMonth) {
        jdbc.sql("update youfu_annual_check set suspended_from = ? where id = ?").params(fromMonth, id).update();
    }

    /**
     * Each month from {@code from} up to the one before {@code resumedIn} is recorded for back pay at the amount
     * (once: unique per recipient and month). Returns the months recorded.
     */
    public int recordBackPay(long recipientId, String from, YearMonth resumedIn, BigDecimal amount) {
        Timestamp now = now();
        int recorded = 0;
        for (YearMonth m = YearMonth.parse(from); m.isBefore(resumedIn); m = m.plusMonths(1)) {
            recorded += jdbc.sql("""
                    insert into youfu_back_pay (recipient_id, benefit_month, amount, created_at)
                    select ?, ?, ?, ? from youfu_recipient r where r.id = ? and not exists
                        (select 1 from youfu_back_pay b where b.recipient_id = r.id and b.benefit_month = ?)""")
                    .params(recipientId, m.toString(), amount, now, recipientId, m.toString()).update();
        }
        return recorded;
    }

    public List<BackPay> backPay(long recipientId) {
        return jdbc.sql("select recipient_id, benefit_month, amount, payroll_id from youfu_back_pay where recipient_id = ? order by benefit_month")
                .param(recipientId).query(RecordRows.of(BackPay.class)).list();
    }

    /**
     * The YOUFU payroll's back pay: a payment of each recorded month not paid yet, to the person; each row is then
     * marked with the payroll that paid its month. Returns the number of payments inserted.
     */
    public int payBackPay(long payrollId, String month, Timestamp now) {
        int inserted = jdbc.sql("""
                insert into payment (payroll_id, enrolment_id, case_id, benefit_month, household_id, township_code, payee_name,
                    payee_id_number, bank_name, bank_account, people_count, amount, status, created_at)
                select ?, e.id, null, b.benefit_month, e.household_id, e.township_code, payee.name, payee.id_number,
                    h.bank_name, h.bank_account, 1, b.amount, 'PENDING', ?
                from youfu_back_pay b
                join enrolment e on e.program_code = 'YOUFU' and e.program_case_id = b.recipient_id
                join household h on h.id = e.household_id
                join household_member payee on payee.household_id = e.household_id and payee.id_number = e.person_id_number
                where b.payroll_id is null and b.benefit_month < ? and e.status = 'ACTIVE'
                  and not exists (select 1 from payment p where p.enrolment_id = e.id and p.benefit_month = b.benefit_month)""")
                .params(payrollId, now, month).update();
        jdbc.sql("""
                update youfu_back_pay set payroll_id = (select p.payroll_id from payment p join enrolment e on e.id = p.enrolment_id
                    where e.program_code = 'YOUFU' and e.program_case_id = youfu_back_pay.recipient_id
                      and p.benefit_month = youfu_back_pay.benefit_month)
                where payroll_id is null and exists (select 1 from payment p join enrolment e on e.id = p.enrolment_id
                    where e.program_code = 'YOUFU' and e.program_case_id = youfu_back_pay.recipient_id
                      and p.benefit_month = youfu_back_pay.benefit_month)""")
                .update();
        return inserted;
    }

    /** The latest benefit month paid to the recipient, or null. */
    public String lastPaidMonth(long recipientId) {
        return jdbc.sql("""
                select max(p.benefit_month) from payment p join enrolment e on e.id = p.enrolment_id
                where e.program_code = ? and e.program_case_id = ?""")
                .params(Program.YOUFU, recipientId).query(String.class).optional().orElse(null);
    }

    private static Timestamp now() {
        return Timestamp.from(Instant.now());
    }
}
