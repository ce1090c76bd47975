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
 *
 * <p>The {@code program…} queries give the same figures for every other program of the registry, by program and
 * township, from its enrolments and the payments of its payrolls: covered = a monthly program's payments of its last
 * benefit month of the year (a one-off program: its grants of the year, a household once with its largest payment's
 * people); added / ended = enrolments granted (享受中, 暂停发放 or 已终止) with their first month in the year / ended
 * with their end month in the year (people: the person of a person's enrolment, the household's members on record for
 * a household's); paid = as for 低保.
 *
 * <p>The payments' counts, people and yuan are read from their summaries {@code figures_payment} and
 * {@code figures_dibao_case} (V390), which triggers on {@code payment} keep in the statement that changes a payment
 * (V391 in db/vendor/{h2,postgresql}); distinct households from the payments' index. The enrolments added and ended
 * from their summary {@code figures_enrolment} (V430), kept by triggers on the enrolments and the households' members
 * (V431).
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
        return jdbc.sql("select max(benefit_month) from figures_payment where with_case and benefit_month between ? and ?")
                .params(first(year), last(year)).query(String.class).optional().orElse(null);
    }

    /** Households and people paid for that month, by township. */
    public Map<String, Count> covered(String coveredMonth) {
        return byTownship(jdbc.sql("""
                select township_code, sum(payments) as households, coalesce(sum(people), 0) as people
                from figures_payment where with_case and benefit_month = ? group by township_code""")
                .param(coveredMonth == null ? "" : coveredMonth).query(RecordRows.of(Count.class)).list());
    }

    /** Cases first paid in the year, not taken over from a roster, by township. */
    public Map<String, Count> added(int year) {
        return byTownship(jdbc.sql("""
                select township_code, count(*) as households, coalesce(sum(people_count), 0) as people
                from figures_dibao_case where first_month between ? and ? and not imported
                group by township_code""")
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
                select f.township_code, r.payroll_month as paid_month, sum(f.amount) as amount
                from figures_payment f join payroll r on r.id = f.payroll_id
                where f.status = 'ISSUED' and f.with_case and r.payroll_month between ? and ?
                group by f.township_code, r.payroll_month""")
                .params(first(year), last(year)).query(RecordRows.of(Paid.class)).list()
                .forEach(p -> paid.computeIfAbsent(p.townshipCode(), t -> new HashMap<>()).put(p.paidMonth(), p.amount()));
        return paid;
    }

    /** Households and people of one program in one township. */
    public record ProgramCount(String programCode, String townshipCode, long households, long people) {
    }

    /** Yuan paid and not returned by one program in one township, by payroll month. */
    public record ProgramPaid(String programCode, String townshipCode, String paidMonth, BigDecimal amount) {
    }

    /** Each other program's last benefit month of the year with any payment. */
    public Map<String, String> programCoveredMonths(int year) {
        Map<String, String> months = new HashMap<>();
        jdbc.sql("""
                select r.program_code, max(f.benefit_month) from figures_payment f join payroll r on r.id = f.payroll_id
                where r.program_code <> 'DIBAO' and f.benefit_month between ? and ? group by r.program_code""")
                .params(first(year), last(year))
                .query(rs -> {
                    months.put(rs.getString(1), rs.getString(2));
                });
        return months;
    }

    /** Monthly programs: households and people paid for the program's last benefit month of the year. */
    public List<ProgramCount> programCoveredInLastMonth(int year) {
        return jdbc.sql("""
                select r.program_code, p.township_code, count(distinct p.household_id) as households,
                    coalesce(sum(p.people_count), 0) as people
                from payment p join payroll r on r.id = p.payroll_id
                join (select r2.program_code as program_code, max(f.benefit_month) as last_month
                      from figures_payment f join payroll r2 on r2.id = f.payroll_id
                      where r2.program_code <> 'DIBAO' and f.benefit_month between ? and ?
                        and r2.program_code in (select code from program where kind = 'MONTHLY')
                      group by r2.program_code) l on l.program_code = r.program_code and l.last_month = p.benefit_month
                group by r.program_code, p.township_code""")
                .params(first(year), last(year)).query(RecordRows.of(ProgramCount.class)).list();
    }

    /**
     * One-off programs: the households granted in the year, each once with its largest payment's people. The one-off
     * programs' payrolls are looked up first and written into the statement as numbers, with the year's months (built
     * from an int): PostgreSQL then reads their few payments through the payments' payroll index. With bound
     * parameters it switches after five executions to a generic plan that reads the year's payments of every program
     * (0.5 s instead of 15 ms at 100,000 households).
     */
    public List<ProgramCount> programCoveredInYear(int year) {
        List<Long> payrolls = jdbc.sql("""
                select r.id from payroll r where r.program_code <> 'DIBAO'
                  and r.program_code in (select code from program where kind = 'ONE_OFF')""").query(Long.class).list();
        if (payrolls.isEmpty()) {
            return List.of();
        }
        String ids = payrolls.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(", "));
        return jdbc.sql("""
                select program_code, township_code, count(*) as households, coalesce(sum(people), 0) as people
                from (select r.program_code, p.township_code, p.household_id, max(p.people_count) as people
                      from payment p join payroll r on r.id = p.payroll_id
                      where p.payroll_id in (IDS) and p.benefit_month between 'FIRST' and 'LAST'
                      group by r.program_code, p.township_code, p.household_id) g
                group by program_code, township_code""".replace("IDS", ids).replace("FIRST", first(year))
                        .replace("LAST", last(year)))
                .query(RecordRows.of(ProgramCount.class)).list();
    }

    /** Enrolments granted with their first month in the year. */
    public List<ProgramCount> programAdded(int year) {
        return programEnrolments("ADDED", year);
    }

    /** Enrolments ended with their end month in the year. */
    public List<ProgramCount> programEnded(int year) {
        return programEnrolments("ENDED", year);
    }

    /**
     * From the summary of the enrolments ({@code figures_enrolment}, V430, kept by the triggers on the enrolments and the
     * households' members, V431 in db/vendor/{h2,postgresql}): a household once per program and township, people the
     * person of a person's enrolment and the household's members for a household's.
     */
    private List<ProgramCount> programEnrolments(String figure, int year) {
        return jdbc.sql("""
                select program_code, township_code, households, people from figures_enrolment
                where figure = ? and period = ? and township_code <> ''""")
                .params(figure, String.valueOf(year)).query(RecordRows.of(ProgramCount.class)).list();
    }

    /** Yuan paid and not returned by each other program, by township and payroll month. */
    public List<ProgramPaid> programPaid(int year) {
        return jdbc.sql("""
                select r.program_code, f.township_code, r.payroll_month as paid_month, sum(f.amount) as amount
                from figures_payment f join payroll r on r.id = f.payroll_id
                where f.status = 'ISSUED' and r.program_code <> 'DIBAO' and r.payroll_month between ? and ?
                group by r.program_code, f.township_code, r.payroll_month""")
                .params(first(year), last(year)).query(RecordRows.of(ProgramPaid.class)).list();
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
