package cn.minzheng.bureau.dibao.figures;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.RecordRows;
import cn.minzheng.bureau.dibao.CaseStatus;

/**
 * The read-only SQL of the yearly figures, a few grouped queries by township: covered = the payments of the last
 * month of the year that has any; added = cases whose first payment ever falls in the year, except cases taken
 * over from an earlier roster (名册导入), which were not new; cancelled = cases cancelled during the year (people:
 * the members of the case); paid = payments issued and not returned by the bank, by the month of the payroll
 * that paid them. 低保 only: a payment of another program carries no case.
 */
@Component
public class YearlyFiguresQueries {

    private final JdbcClient jdbc;

    public YearlyFiguresQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Households and people of one township. */
    public record Count(String townshipCode, long households, long people) {
    }

    private record Paid(String townshipCode, String paidMonth, BigDecimal amount) {
    }

    /** The last month of the year with any payment ("2026-12"), or null. */
    public String coveredMonth(int year) {
        return jdbc.sql("select max(benefit_month) from payment where case_id is not null and benefit_month between ? and ?")
                .params(first(year), last(year)).query(String.class).optional().orElse(null);
    }

    /** Households and people paid for that month, by township. */
    public Map<String, Count> covered(String coveredMonth) {
        return byTownship(jdbc.sql("""
                select township_code, count(*) as households, coalesce(sum(people_count), 0) as people
                from payment where case_id is not null and benefit_month = ? group by township_code""")
                .param(coveredMonth == null ? "" : coveredMonth).query(RecordRows.of(Count.class)).list());
    }

    /** Cases first paid in the year, not taken over from a roster, by township. */
    public Map<String, Count> added(int year) {
        return byTownship(jdbc.sql("""
                select p.township_code, count(*) as households, coalesce(sum(p.people_count), 0) as people
                from payment p join (select case_id, min(benefit_month) as first_month from payment
                    where case_id is not null group by case_id) f
                  on f.case_id = p.case_id and f.first_month = p.benefit_month
                where f.first_month between ? and ?
                  and p.case_id not in (select c.id from dibao_case c where c.import_batch_id is not null)
                group by p.township_code""")
                .params(first(year), last(year)).query(RecordRows.of(Count.class)).list());
    }

    /** Cases cancelled during the year, with their members, by township. */
    public Map<String, Count> cancelled(int year) {
        return byTownship(jdbc.sql("""
                select c.township_code, count(*) as households,
                    coalesce(sum((select count(*) from dibao_case_person m where m.case_id = c.id)), 0) as people
                from dibao_case c where c.id in (select h.case_id from dibao_case_status_history h
                    where h.status = ? and h.changed_at >= ? and h.changed_at < ?)
                group by c.township_code""")
                .params(CaseStatus.CANCELLED.name(), Timestamp.valueOf(LocalDate.of(year, 1, 1).atStartOfDay()),
                        Timestamp.valueOf(LocalDate.of(year + 1, 1, 1).atStartOfDay()))
                .query(RecordRows.of(Count.class)).list());
    }

    /** Township → payroll month ("2026-03") → yuan paid and not returned. */
    public Map<String, Map<String, BigDecimal>> paid(int year) {
        Map<String, Map<String, BigDecimal>> paid = new HashMap<>();
        jdbc.sql("""
                select p.township_code, r.payroll_month as paid_month, sum(p.amount - p.deducted_amount) as amount
                from payment p join payroll r on r.id = p.payroll_id
                where p.status = 'ISSUED' and p.case_id is not null and r.payroll_month between ? and ?
                group by p.township_code, r.payroll_month""")
                .params(first(year), last(year)).query(RecordRows.of(Paid.class)).list()
                .forEach(p -> paid.computeIfAbsent(p.townshipCode(), t -> new HashMap<>()).put(p.paidMonth(), p.amount()));
        return paid;
    }

    private static String first(int year) {
        return year + "-01";
    }

    private static String last(int year) {
        return year + "-12";
    }

    private static Map<String, Count> byTownship(List<Count> counts) {
        Map<String, Count> map = new HashMap<>();
        counts.forEach(c -> map.put(c.townshipCode(), c));
        return map;
    }
}
