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
 * <li>added = enrolments whose first payment ever is for the month, except 低保 cases taken over from a roster;</li>
 * <li>ended = enrolments whose status history turned 已终止 in the month (persons: the 低保 case's members, 1 for a
 * person's enrolment);</li>
 * <li>paid = payments of the program's payroll of the month, issued and not returned by the bank, less deductions.</li>
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
        String where = oneOff
                ? "join payroll r on r.id = p.payroll_id where e.program_code = ? and r.payroll_month = ?"
                : "where e.program_code = ? and p.benefit_month = ?";
        return counts(grouped("""
                select %s as area_code, count(distinct p.household_id) as households,
                    coalesce(sum(p.people_count), 0) as persons
                from payment p join enrolment e on e.id = p.enrolment_id
                """ + where, "p.township_code", district), programCode, month.toString());
    }

    public Map<String, Count> added(String programCode, YearMonth month, boolean district) {
        return counts(grouped("""
                select %s as area_code, count(distinct p.household_id) as households,
                    coalesce(sum(p.people_count), 0) as persons
                from payment p join enrolment e on e.id = p.enrolment_id
                where e.program_code = ? and p.benefit_month = ?
                  and not exists (select 1 from payment q where q.enrolment_id = p.enrolment_id
                                  and q.benefit_month < p.benefit_month)
                  and not exists (select 1 from dibao_case c where e.program_code = ? and c.id = e.program_case_id
                                  and c.import_batch_id is not null)""", "p.township_code", district),
                programCode, month.toString(), Program.DIBAO);
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
        Map<String, BigDecimal> paid = new HashMap<>();
        jdbc.sql(grouped("""
                select %s as area_code, coalesce(sum(p.amount - p.deducted_amount), 0) as paid
                from payment p join payroll r on r.id = p.payroll_id
                where r.program_code = ? and r.payroll_month = ? and p.status = ?""", "p.township_code", district))
                .params(programCode, month.toString(), PaymentStatus.ISSUED.name())
                .query(RecordRows.of(Paid.class)).list()
                .forEach(p -> paid.put(p.areaCode(), p.paid()));
        return paid;
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
