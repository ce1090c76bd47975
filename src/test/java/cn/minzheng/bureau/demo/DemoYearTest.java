package cn.minzheng.bureau.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.dibao.figures.YearlyFigures;
import cn.minzheng.bureau.dibao.figures.YearlyFiguresService;
import cn.minzheng.bureau.engine.EngineClock;
import cn.minzheng.bureau.ledger.Dashboard;
import cn.minzheng.bureau.ledger.YearAtAGlance;
import cn.minzheng.bureau.relief.HouseholdCategory;
import cn.minzheng.bureau.statistics.MonthlyFigures;
import cn.minzheng.bureau.statistics.MonthlyFiguresService;
import cn.minzheng.bureau.web.LedgerUser;

/**
 * The demo year at one twentieth of the bureau's scale, built at start (bureau.demo-data.year) in a database of its
 * own, so that the figures are the year's alone: the year-end figures agree with the payrolls' own totals and the
 * cases' status history, queried apart from them; the year has its cancellations, two disasters with their
 * households, a donation campaign and twelve payrolls, each paid once; a second start builds nothing.
 * Tagged {@code own-database}: its database is the same whatever {@code test.db} says, so the PostgreSQL pass
 * leaves it to the H2 pass rather than build the same year twice.
 */
@Tag("own-database")
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:bureau-demo-year;DB_CLOSE_DELAY=-1",
        "bureau.demo-data.enabled=true",
        "bureau.security.allow-demo-credentials=true",
        "bureau.demo-data.applications=false",
        "bureau.demo-data.year=true",
        "bureau.demo-data.year-scale=0.05"})
class DemoYearTest {

    @Autowired
    DemoYear demoYear;
    @Autowired
    DemoDataSeeder seeder;
    @Autowired
    YearlyFiguresService figures;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Dashboard dashboard;
    @Autowired
    MonthlyFiguresService monthlyFigures;

    private final YearMonth current = YearMonth.now();
    private final YearMonth first = current.minusMonths(12);
    private final YearMonth last = current.minusMonths(1);

    @Test
    void theYearEndFiguresAgreeWithThePaymentsAndTheStatusHistory() {
        assertThat(EngineClock.today()).as("the clock is back").isEqualTo(LocalDate.now());
        long cancelledInWindow = 0;
        long addedInWindow = 0;
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            YearlyFigures.Row total = figures.compute(year, "district").total();

            // paid: the reconciled payrolls' own totals of the year's months
            BigDecimal payrollTotals = jdbc.sql("""
                    select coalesce(sum(total_amount), 0) from payroll
                    where program_code = 'DIBAO' and status = 'RECONCILED' and payroll_month between ? and ?""")
                    .params(year + "-01", year + "-12").query(BigDecimal.class).single();
            assertThat(total.paidInYear()).as("paid in " + year).isEqualByComparingTo(payrollTotals);
            assertThat(total.paidInYear()).isPositive();

            // cancelled: the status history's cancellations of the year
            long cancelled = jdbc.sql("""
                    select count(distinct case_id) from dibao_case_status_history
                    where status = 'CANCELLED' and changed_at >= ? and changed_at < ?""")
                    .params(start(year), start(year + 1)).query(Long.class).single();
            assertThat(total.householdsCancelled()).as("cancelled in " + year).isEqualTo(cancelled);
            cancelledInWindow += cancelled;

            // added: cases approved to start in the year's months that had a payroll (each paid from its first month),
            // not the roster taken over before the year
            String lastPaid = YearMonth.of(year, 12).isAfter(last) ? last.toString() : year + "-12";
            long added = jdbc.sql("select count(*) from dibao_case where start_month between ? and ? and import_batch_id is null")
                    .params(year + "-01", lastPaid).query(Long.class).single();
            assertThat(total.householdsAdded()).as("added in " + year).isEqualTo(added);
            addedInWindow += added;

            // covered at the year's last paid month: started by then and not cancelled before that month
            String month = figures.compute(year, "district").coveredMonth();
            long covered = jdbc.sql("""
                    select count(*) from dibao_case c where c.start_month <= ? and not exists (
                        select 1 from dibao_case_status_history h where h.case_id = c.id and h.status = 'CANCELLED'
                        and h.changed_at < ?)""")
                    .params(month, start(YearMonth.parse(month))).query(Long.class).single();
            assertThat(total.householdsCovered()).as("covered in " + month).isEqualTo(covered);
            long people = jdbc.sql("""
                    select coalesce(sum((select count(*) from dibao_case_person p where p.case_id = c.id)), 0)
                    from dibao_case c where c.start_month <= ? and not exists (
                        select 1 from dibao_case_status_history h where h.case_id = c.id and h.status = 'CANCELLED'
                        and h.changed_at < ?)""")
                    .params(month, start(YearMonth.parse(month))).query(Long.class).single();
            assertThat(total.peopleCovered()).as("people covered in " + month).isEqualTo(people);
        }
        assertThat(cancelledInWindow).as("80 households at full scale").isEqualTo(4);
        assertThat(addedInWindow).as("new cases of the year").isPositive();
        assertThat(jdbc.sql("select count(*) from dibao_case where import_batch_id is not null").query(Long.class).single())
                .as("the roster taken over before the year").isEqualTo(71);
    }

    /**
     * The year-end summary (年度概览's paragraph, the dashboard's and the year-end workbook's) of each calendar year the
     * window touches, number by number against sums over the year's own rows: the payments, the status history with
     * the cancelled cases' people, the disaster registers (each household once, under its most pressing category)
     * and the donations; and the last month's statistical return against its payments and status history.
     */
    @Test
    void theYearEndSummaryAndTheMonthlyReturnAgreeWithTheirOwnRows() {
        LedgerUser district = new LedgerUser("approver", List.of("district-approver"));
        for (int year = first.getYear(); year <= last.getYear(); year++) {
            YearAtAGlance glance = dashboard.year(year, district, "district");
            BigDecimal paid = jdbc.sql("""
                    select coalesce(sum(p.amount), 0) from payment p join payroll r on r.id = p.payroll_id
                    where r.program_code = 'DIBAO' and p.status = 'ISSUED' and r.payroll_month between ? and ?""")
                    .params(year + "-01", year + "-12").query(BigDecimal.class).single();
            long[] cancelled = jdbc.sql("""
                    select count(*), coalesce(sum((select count(*) from dibao_case_person p where p.case_id = c.id)), 0)
                    from dibao_case c where c.id in (select h.case_id from dibao_case_status_history h
                        where h.status = 'CANCELLED' and h.changed_at >= ? and h.changed_at < ?)""")
                    .params(start(year), start(year + 1)).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
            Map<String, HouseholdCategory> households = new HashMap<>();
            jdbc.sql("""
                    select h.id_number, h.category from relief_household h join relief_disaster d on d.id = h.disaster_id
                    where d.occurred_at >= ? and d.occurred_at < ?""").params(start(year), start(year + 1))
                    .query(rs -> {
                        households.merge(rs.getString(1), HouseholdCategory.valueOf(rs.getString(2)),
                                (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
                    });
            Map<HouseholdCategory, Long> byCategory = new HashMap<>();
            households.values().forEach(c -> byCategory.merge(c, 1L, Long::sum));
            BigDecimal donated = jdbc.sql("select coalesce(sum(cash), 0) from donation where registered_at >= ? and registered_at < ?")
                    .params(start(year), start(year + 1)).query(BigDecimal.class).single();

            assertThat(glance.summary()).as("the year-end summary of " + year)
                    .contains("取消" + cancelled[0] + "户" + cancelled[1] + "人")
                    .contains("全年共发放低保资金" + paid.setScale(2).toPlainString() + "元")
                    .contains("受灾困难家庭：" + byCategory.getOrDefault(HouseholdCategory.FIVE_GUARANTEE, 0L) + "户五保户、"
                            + byCategory.getOrDefault(HouseholdCategory.EXTREMELY_POOR, 0L) + "户特困户、"
                            + byCategory.getOrDefault(HouseholdCategory.SEVERELY_AFFECTED, 0L) + "户重灾户")
                    .contains("共募集捐款" + donated.setScale(2).toPlainString() + "元");
            assertThat(glance.disasterHouseholdsByCategory().values().stream().mapToLong(Long::longValue).sum())
                    .as("every registered household once").isEqualTo(households.size());
        }

        MonthlyFigures.Row month = monthlyFigures.of(last).sheet("DIBAO").total();
        long[] paidFor = jdbc.sql("select count(*), coalesce(sum(people_count), 0) from payment where case_id is not null "
                + "and benefit_month = ?").param(last.toString())
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
        assertThat(month.households()).as("households at month end").isEqualTo(paidFor[0]).isPositive();
        assertThat(month.persons()).as("persons at month end").isEqualTo(paidFor[1]);
        BigDecimal paidInYear = jdbc.sql("""
                select coalesce(sum(p.amount), 0) from payment p join payroll r on r.id = p.payroll_id
                where r.program_code = 'DIBAO' and p.status = 'ISSUED' and r.payroll_month between ? and ?""")
                .params(last.getYear() + "-01", last.toString()).query(BigDecimal.class).single();
        assertThat(month.yearToDate().paid()).as("paid in the year to " + last).isEqualByComparingTo(paidInYear);
        long personTimes = jdbc.sql("select coalesce(sum(people_count), 0) from payment where case_id is not null "
                + "and benefit_month between ? and ?").params(last.getYear() + "-01", last.toString()).query(Long.class).single();
        assertThat(month.yearToDate().personTimes()).as("人次 in the year to " + last).isEqualTo(personTimes);
        long ended = jdbc.sql("""
                select count(distinct case_id) from dibao_case_status_history
                where status = 'CANCELLED' and changed_at >= ? and changed_at < ?""")
                .params(start(last), start(last.plusMonths(1))).query(Long.class).single();
        assertThat(month.endedHouseholds()).as("ended in " + last).isEqualTo(ended);
    }

    @Test
    void twelvePayrollsEachReconciledAndEveryCasePaidOnceAMonth() {
        List<String> months = jdbc.sql("""
                select payroll_month from payroll where program_code = 'DIBAO' and status = 'RECONCILED' order by payroll_month""")
                .query(String.class).list();
        assertThat(months).hasSize(12).first().isEqualTo(first.toString());
        assertThat(months).last().isEqualTo(last.toString());
        assertThat(jdbc.sql("""
                select count(*) from (select case_id, benefit_month from payment where case_id is not null
                group by case_id, benefit_month having count(*) > 1) twice""").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                select count(*) from payroll r where r.program_code = 'DIBAO'
                and not exists (select 1 from payment p where p.payroll_id = r.id and p.status = 'ISSUED')""")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from payment where case_id is not null and status <> 'ISSUED'")
                .query(Long.class).single()).isZero();
    }

    @Test
    void twoDisastersWithTheirHouseholdsAndAWinterCampaign() {
        record Disaster(String kind, long households, String status) {
        }
        List<Disaster> disasters = jdbc.sql("""
                select d.kind, (select count(*) from relief_household h where h.disaster_id = d.id), d.status
                from relief_disaster d order by d.occurred_at""")
                .query((rs, n) -> new Disaster(rs.getString(1), rs.getLong(2), rs.getString(3))).list();
        assertThat(disasters).extracting(Disaster::kind).containsExactlyInAnyOrder("HAIL", "WATERLOGGING");
        assertThat(disasters).allSatisfy(d -> assertThat(d.households()).isGreaterThanOrEqualTo(15));
        // the city's fund went to the households by priority; every household allotted money was paid
        assertThat(jdbc.sql("select count(*) from relief_household where allocated_amount > 0").query(Long.class).single())
                .isGreaterThan(20);
        assertThat(jdbc.sql("select count(*) from relief_household where allocated_amount > 0 and paid_at is null")
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from relief_disaster where status <> 'CLOSED'").query(Long.class).single()).isZero();

        long campaigns = jdbc.sql("select count(*) from donation_campaign where title = ?").param(DemoYear.CAMPAIGN_TITLE)
                .query(Long.class).single();
        assertThat(campaigns).isEqualTo(1);
        BigDecimal donated = jdbc.sql("select sum(cash) from donation").query(BigDecimal.class).single();
        assertThat(donated).isPositive();
        if (!LocalDate.of(first.getYear() + (first.getMonthValue() > 10 ? 1 : 0), 11, 10).isAfter(LocalDate.now().minusDays(1))
                && current.isAfter(YearMonth.of(first.getYear() + (first.getMonthValue() > 10 ? 1 : 0), 11))) {
            assertThat(jdbc.sql("select sum(cash) from donation_distribution").query(BigDecimal.class).single())
                    .isEqualByComparingTo(donated);
        }
    }

    @Test
    void aSecondStartBuildsNoSecondYear() {
        long payrolls = jdbc.sql("select count(*) from payroll").query(Long.class).single();
        long cases = jdbc.sql("select count(*) from dibao_case").query(Long.class).single();
        assertThat(demoYear.present()).isTrue();
        seeder.seed();
        assertThat(jdbc.sql("select count(*) from payroll").query(Long.class).single()).isEqualTo(payrolls);
        assertThat(jdbc.sql("select count(*) from dibao_case").query(Long.class).single()).isEqualTo(cases);
    }

    private static Timestamp start(int year) {
        return Timestamp.valueOf(LocalDate.of(year, 1, 1).atStartOfDay());
    }

    private static Timestamp start(YearMonth month) {
        return Timestamp.valueOf(month.atDay(1).atStartOfDay());
    }
}
