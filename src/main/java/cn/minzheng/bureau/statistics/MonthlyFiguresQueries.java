package cn.minzheng.bureau.statistics;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.payroll.PaymentStatus;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;

/**
 * The read-only SQL of the monthly return, per program, by township and for the whole district, with the
 * definitions of the yearly figures ({@code dibao/figures/YearlyFiguresQueries}) narrowed to one program and month:
 * <ul>
 * <li>at month end = the payments for the month (benefit month); a grant program: the payments of the month's payroll;</li>
 * <li>added = enrolments whose first payment ever is for the month, except 低保 cases taken over from a roster, and
 * enrolments paid again after an end (reinstated);</li>
 * <li>ended = enrolments whose status history turned 已终止 in the month (persons: the 低保 case's members, 1 for a
 * person's enrolment);</li>
 * <li>paid = payments of the program's payroll of the month, issued and not returned by the bank, less deductions;
 * the year to date the same over January to the month, and person-times the persons at month end summed;</li>
 * <li>the persons behind the persons at month end, with their member records, for the breakdown ({@link Breakdowns}).</li>
 * </ul>
 * The district line is queried on its own (not summed from the township lines), so the return's consistency
 * check compares two counts.
 */
@Component
public class MonthlyFiguresQueries {

    /** Where a district line is asked for instead of township lines. */
    static final String DISTRICT = "DISTRICT";

    private final JdbcClient jdbc;

    public MonthlyFiguresQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Households and persons of one area. */
    public record Count(String areaCode, long households, long persons) {
    }

    /** Yuan paid in one area. */
    public record Paid(String areaCode, BigDecimal paid) {
    }

    public Map<String, Count> atMonthEnd(String programCode, boolean oneOff, YearMonth month, boolean district) {
        return covered(programCode, oneOff, month, month, district);
    }

    /**
     * Households and persons paid for the months {@code from} to {@code to} (a grant program: by the payrolls of
     * those months); over more than one month the persons are person-times (人次).
     */
    public Map<String, Count> covered(String programCode, boolean oneOff, YearMonth from, YearMonth to, boolean district) {
        String where = oneOff
                ? "join payroll r on r.id = p.payroll_id where e.program_code = ? and r.payroll_month >= ? and r.payroll_month <= ?"
                : "where e.program_code = ? and p.benefit_month >= ? and p.benefit_month <= ?";
        return counts(grouped("""
                select %s as area_code, count(distinct p.household_id) as households,
                    coalesce(sum(p.people_count), 0) as persons
                from payment p join enrolment e on e.id = p.enrolment_id
                """ + where, "p.township_code", district), programCode, from.toString(), to.toString());
    }

    /**
     * Enrolments paid for the month that came in: paid for the first time (except 低保 cases taken over from a
     * roster), or paid again after an end — their status history turned 已终止 in a month before this one and not
     * before the month of their last earlier payment (a cancelled case reinstated).
     */
    public Map<String, Count> added(String programCode, YearMonth month, boolean district) {
        return counts(grouped("""
                select %s as area_code, count(distinct p.household_id) as households,
                    coalesce(sum(p.people_count), 0) as persons
                from payment p join enrolment e on e.id = p.enrolment_id
                where e.program_code = ? and p.benefit_month = ?
                  and ((not exists (select 1 from payment q where q.enrolment_id = p.enrolment_id
                                    and q.benefit_month < p.benefit_month)
                        and not exists (select 1 from dibao_case c where e.program_code = ? and c.id = e.program_case_id
                                        and c.import_batch_id is not null))
                    or exists (select 1 from enrolment_status_history h where h.enrolment_id = p.enrolment_id
                               and h.status = ? and h.changed_at < ?
                               and exists (select 1 from payment q where q.enrolment_id = p.enrolment_id
                                           and q.benefit_month < p.benefit_month)
                               and not exists (select 1 from payment q where q.enrolment_id = p.enrolment_id
                                               and q.benefit_month < p.benefit_month
                                               and q.benefit_month > to_char(h.changed_at, 'YYYY-MM'))))""",
                        "p.township_code", district),
                programCode, month.toString(), Program.DIBAO, EnrolmentStatus.ENDED.name(),
                Timestamp.valueOf(month.atDay(1).atStartOfDay()));
    }

    public Map<String, Count> ended(String programCode, YearMonth month, boolean district) {
        return counts(grouped("""
                select %s as area_code, count(distinct e.household_id) as households,
                    coalesce(sum(case when e.person_id_number is not null then 1
                                      when e.program_code = ? then (select count(*) from dibao_case_person m
                                                                    where m.case_id = e.program_case_id)
                                      else 0 end), 0) as persons
                from enrolment e
                where e.program_code = ? and e.id in (select h.enrolment_id from enrolment_status_history h
                    where h.status = ? and h.changed_at >= ? and h.changed_at < ?)""", "e.township_code", district),
                Program.DIBAO, programCode, EnrolmentStatus.ENDED.name(),
                Timestamp.valueOf(month.atDay(1).atStartOfDay()),
                Timestamp.valueOf(month.plusMonths(1).atDay(1).atStartOfDay()));
    }

    public Map<String, BigDecimal> paid(String programCode, YearMonth month, boolean district) {
        return paid(programCode, month, month, district);
    }

    /** Paid by the program's payrolls of the months {@code from} to {@code to}: issued, not returned, less deductions. */
    public Map<String, BigDecimal> paid(String programCode, YearMonth from, YearMonth to, boolean district) {
        Map<String, BigDecimal> paid = new HashMap<>();
        jdbc.sql(grouped("""
                select %s as area_code, coalesce(sum(p.amount - p.deducted_amount), 0) as paid
                from payment p join payroll r on r.id = p.payroll_id
                where r.program_code = ? and r.payroll_month >= ? and r.payroll_month <= ? and p.status = ?""",
                        "p.township_code", district))
                .params(programCode, from.toString(), to.toString(), PaymentStatus.ISSUED.name())
                .query(RecordRows.of(Paid.class)).list()
                .forEach(p -> paid.put(p.areaCode(), p.paid()));
        return paid;
    }

    /**
     * One covered person of a payment, with what their member record says (null without one). paymentId and
     * idNumber name the person once: a household recorded twice with the same member is not counted twice.
     */
    public record Person(String areaCode, long paymentId, String idNumber, String employmentStatus,
                         String disabilityLevel) {
    }

    /**
     * The persons behind the persons at month end: a 低保 case's covered persons (dibao_case_person), the person of
     * a person's enrolment (特困), the members of a household granted (临时救助), each with the member record of the
     * paid household.
     */
    public List<Person> persons(String programCode, boolean oneOff, YearMonth month) {
        String columns = "select p.township_code as area_code, p.id as payment_id, %s as id_number, "
                + "m.employment_status, m.disability_level from payment p join enrolment e on e.id = p.enrolment_id ";
        String sql;
        Object[] params;
        if (oneOff) {
            sql = columns.formatted("m.id_number") + """
                    join payroll r on r.id = p.payroll_id
                    join household_member m on m.household_id = p.household_id
                    where e.program_code = ? and r.payroll_month = ?""";
            params = new Object[] {programCode, month.toString()};
        } else {
            sql = columns.formatted("cp.id_number") + """
                    join dibao_case_person cp on e.program_code = ? and cp.case_id = e.program_case_id
                    left join household_member m on m.household_id = p.household_id and m.id_number = cp.id_number
                    where e.program_code = ? and p.benefit_month = ? and e.person_id_number is null
                    union all
                    """ + columns.formatted("e.person_id_number") + """
                    left join household_member m on m.household_id = p.household_id and m.id_number = e.person_id_number
                    where e.program_code = ? and p.benefit_month = ? and e.person_id_number is not null""";
            params = new Object[] {Program.DIBAO, programCode, month.toString(), programCode, month.toString()};
        }
        return jdbc.sql(sql).params(params).query(RecordRows.of(Person.class)).list();
    }

    private Map<String, Count> counts(String sql, Object... params) {
        List<Count> list = jdbc.sql(sql).params(params).query(RecordRows.of(Count.class)).list();
        Map<String, Count> map = new HashMap<>();
        list.forEach(c -> map.put(c.areaCode(), c));
        return map;
    }

    /** The statement by township (grouped by {@code column}), or one line for the district. */
    private static String grouped(String sql, String column, boolean district) {
        return district ? sql.formatted("'" + DISTRICT + "'") : sql.formatted(column) + " group by " + column;
    }
}
