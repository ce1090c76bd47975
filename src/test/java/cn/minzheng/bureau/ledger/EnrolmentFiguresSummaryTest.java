package cn.minzheng.bureau.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.dibao.figures.YearlyFiguresQueries;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.web.LedgerUser;

/**
 * The summaries of the enrolments ({@code figures_enrolment_household}, {@code figures_enrolment}, V430, kept by the
 * triggers on the enrolments and the households' members, db/vendor/{h2,postgresql}/V431) equal the enrolments
 * grouped afresh after every kind of change: an application, its grant with a start month and amount, a second
 * enrolment of the same household (counted once), a suspension and its resumption, a member added to and removed from
 * the household, a member moved to another household, the enrolment moved to another township, its end and the end
 * backdated into the year before, an update that changes no figure, two enrolments inserted in one statement, and
 * deletes; and the dashboard's programs today and the programs' enrolments added and ended, read from them, equal the
 * plain queries over the enrolments that they ran before.
 */
@SpringBootTest
class EnrolmentFiguresSummaryTest {

    /** The programs today as the dashboard counted them before the summary, for the district or one township. */
    private static final String PROGRAMS_NOW = """
            select e.program_code,
                count(distinct case when e.status = 'ACTIVE' then e.household_id end) as households,
                coalesce(sum(case when e.status <> 'ACTIVE' then 0 when e.person_id_number is not null then 1
                    else (select count(*) from household_member m where m.household_id = e.household_id) end), 0) as people,
                coalesce(sum(case when e.status = 'ACTIVE' then e.amount else 0 end), 0) as amount,
                sum(case when e.status = 'SUSPENDED' then 1 else 0 end) as suspended,
                sum(case when e.status = 'APPLIED' then 1 else 0 end) as applied
            from enrolment e where e.program_code <> 'DIBAO' and e.status in ('ACTIVE', 'SUSPENDED', 'APPLIED') AREA
            group by e.program_code""";

    /** The enrolments added or ended in a year as the yearly figures counted them before the summary. */
    private static final String ADDED_OR_ENDED = """
            select e.program_code, e.township_code, count(distinct e.household_id) as households,
                coalesce(sum(case when e.person_id_number is not null then 1
                    else (select count(*) from household_member m where m.household_id = e.household_id) end), 0) as people
            from enrolment e where e.program_code <> 'DIBAO' and CONDITION and MONTH between ? and ?
            group by e.program_code, e.township_code""";

    private static final LedgerUser DISTRICT = new LedgerUser("approver", List.of("district-approver"));

    @Autowired
    Dashboard dashboard;
    @Autowired
    YearlyFiguresQueries yearly;
    @Autowired
    EnrolmentRepository enrolments;
    @Autowired
    JdbcClient jdbc;

    private final int year = Year.now().getValue();

    @Test
    void theSummariesEqualTheEnrolmentsAfterEveryChangeAnEnrolmentGoesThrough() {
        assertSummariesEqualTheEnrolments("before this test's changes");
        long household = jdbc.sql("select min(id) from household where township_code = 'yuecun'").query(Long.class).single();
        long other = jdbc.sql("select max(id) from household where township_code = 'yuecun'").query(Long.class).single();
        assertThat(household).isNotEqualTo(other);
        String thisYear = year + "-03";

        long applied = enrolment("GAOLING", household, null, "APPLIED", null, null);
        assertSummariesEqualTheEnrolments("a household's application");
        jdbc.sql("update enrolment set status = 'ACTIVE', start_month = ?, amount = 200.50 where id = ?")
                .params(thisYear, applied).update();
        assertSummariesEqualTheEnrolments("granted with its start month and amount");
        long person = enrolment("GAOLING", household, "410322193001010011", "ACTIVE", year + "-05", "100.00");
        assertSummariesEqualTheEnrolments("a person's enrolment of the same household");
        assertThat(programNow("district", "GAOLING").get("households"))
                .as("a household with two enrolments counts once").isEqualTo(programNowPlain("", "GAOLING").get("households"));

        jdbc.sql("update enrolment set status = 'SUSPENDED' where id = ?").param(person).update();
        assertSummariesEqualTheEnrolments("suspended");
        jdbc.sql("update enrolment set status = 'ACTIVE' where id = ?").param(person).update();
        assertSummariesEqualTheEnrolments("resumed");

        jdbc.sql("""
                insert into household_member (household_id, name, id_number, birth_date, sex, relation, employment_status,
                    disability_level)
                values (?, '汇总测试', '410322199001010099', ?, 'FEMALE', 'SPOUSE', 'UNEMPLOYED', 'NONE')""")
                .params(household, java.sql.Date.valueOf("1990-01-01")).update();
        assertSummariesEqualTheEnrolments("a member added to the household");
        jdbc.sql("update household_member set household_id = ? where id_number = '410322199001010099'").param(other).update();
        assertSummariesEqualTheEnrolments("the member moved to another household");
        jdbc.sql("update household_member set household_id = ? where id_number = '410322199001010099'").param(household).update();
        jdbc.sql("delete from household_member where id_number = '410322199001010099'").update();
        assertSummariesEqualTheEnrolments("the member removed");

        jdbc.sql("update enrolment set township_code = 'mengke' where id = ?").param(applied).update();
        assertSummariesEqualTheEnrolments("moved to another township (one enrolment of two)");
        assertThat(programNow("district", "GAOLING").get("households"))
                .as("the district counts the household once though its enrolments name two townships")
                .isEqualTo(programNowPlain("", "GAOLING").get("households"));

        jdbc.sql("update enrolment set status = 'ENDED', end_month = ? where id = ?").params(year + "-09", applied).update();
        assertSummariesEqualTheEnrolments("ended in the year");
        enrolments.backdateEnd(applied, (year - 1) + "-12");
        assertSummariesEqualTheEnrolments("its end backdated into the year before");
        jdbc.sql("update enrolment set updated_at = ?, calculation_snapshot = 'x' where id = ?").params(now(), person).update();
        assertSummariesEqualTheEnrolments("an update that changes no figure");
        jdbc.sql("update enrolment set household_id = ? where id = ?").params(other, person).update();
        assertSummariesEqualTheEnrolments("a person's enrolment moved to another household");

        jdbc.sql("""
                insert into enrolment (program_code, household_id, person_id_number, township_code, status, amount,
                    start_month, created_at, updated_at)
                values ('TEKUN', ?, null, 'yuecun', 'ACTIVE', 300.00, ?, ?, ?),
                       ('TEKUN', ?, '410322193001010022', 'yuecun', 'APPLIED', null, null, ?, ?)""")
                .params(household, thisYear, now(), now(), other, now(), now()).update();
        assertSummariesEqualTheEnrolments("two enrolments inserted in one statement");

        jdbc.sql("delete from enrolment_status_history where enrolment_id in (select id from enrolment where household_id in (?, ?) "
                + "and program_code in ('GAOLING', 'TEKUN'))").params(household, other).update();
        jdbc.sql("delete from enrolment where household_id in (?, ?) and program_code in ('GAOLING', 'TEKUN') and id <> ?")
                .params(household, other, applied).update();
        assertSummariesEqualTheEnrolments("enrolments deleted in one statement");
        jdbc.sql("delete from enrolment where id = ?").param(applied).update();
        assertSummariesEqualTheEnrolments("the last deleted");
    }

    private long enrolment(String program, long household, String person, String status, String startMonth,
                           String amount) {
        jdbc.sql("""
                insert into enrolment (program_code, household_id, person_id_number, township_code, status, amount,
                    start_month, created_at, updated_at)
                values (?, ?, ?, (select township_code from household where id = ?), ?, ?, ?, ?, ?)""")
                .params(program, household, person, household, status,
                        amount == null ? null : new java.math.BigDecimal(amount), startMonth, now(), now())
                .update();
        return jdbc.sql("select max(id) from enrolment").query(Long.class).single();
    }

    private void assertSummariesEqualTheEnrolments(String after) {
        String measures = "enrolments, households, people, amount, suspended, applied";
        assertThat(rows("select program_code, household_id, figure, period, township_code, " + measures
                + " from figures_enrolment_household order by household_id, program_code, figure, period, township_code"))
                .as("figures_enrolment_household after: " + after)
                .isEqualTo(rows("select program_code, household_id, figure, period, township_code, " + measures
                        + " from figures_enrolment_household_afresh order by household_id, program_code, figure, period,"
                        + " township_code"));
        assertThat(rows("select program_code, township_code, figure, period, " + measures
                + " from figures_enrolment order by program_code, township_code, figure, period"))
                .as("figures_enrolment after: " + after)
                .isEqualTo(rows("select program_code, township_code, figure, period, sum(enrolments), sum(households), "
                        + "sum(people), sum(amount), sum(suspended), sum(applied) from figures_enrolment_household_afresh "
                        + "group by program_code, township_code, figure, period order by program_code, township_code, figure, period"));
        for (String area : new String[] {"district", "yuecun", "mengke"}) {
            Map<String, YearAtAGlance.ProgramNow> shown = new TreeMap<>();
            dashboard.year(year, DISTRICT, area).programsNow().stream().filter(p -> p.households() + p.suspended()
                    + p.applied() + p.people() > 0).forEach(p -> shown.put(p.programName(), p));
            Map<String, YearAtAGlance.ProgramNow> plain = new TreeMap<>();
            jdbc.sql(PROGRAMS_NOW.replace("AREA", "district".equals(area) ? "" : "and e.township_code = '" + area + "'")
                            .replace("group by", "and e.program_code in (select code from program where kind = 'MONTHLY') group by"))
                    .query(rs -> {
                        String name = jdbc.sql("select name from program where code = ?").param(rs.getString(1))
                                .query(String.class).single();
                        plain.put(name, new YearAtAGlance.ProgramNow(name, rs.getLong(2), rs.getLong(3),
                                cn.minzheng.bureau.common.Money.of(rs.getBigDecimal(4)), rs.getLong(5), rs.getLong(6)));
                    });
            plain.values().removeIf(p -> p.households() + p.suspended() + p.applied() + p.people() == 0);
            assertThat(shown).as("the dashboard's programs today (" + area + ") after: " + after).isEqualTo(plain);
        }
        for (int y : new int[] {year - 1, year}) {
            assertThat(sorted(yearly.programAdded(y))).as("added in " + y + " after: " + after)
                    .isEqualTo(plain("e.status in ('ACTIVE', 'SUSPENDED', 'ENDED')", "e.start_month", y));
            assertThat(sorted(yearly.programEnded(y))).as("ended in " + y + " after: " + after)
                    .isEqualTo(plain("e.status = 'ENDED'", "e.end_month", y));
        }
    }

    private Map<String, Object> programNow(String area, String program) {
        String name = jdbc.sql("select name from program where code = ?").param(program).query(String.class).single();
        YearAtAGlance.ProgramNow now = dashboard.year(year, DISTRICT, area).programsNow().stream()
                .filter(p -> p.programName().equals(name)).findFirst().orElseThrow();
        return Map.of("households", now.households());
    }

    private Map<String, Object> programNowPlain(String township, String program) {
        long households = jdbc.sql("select count(distinct household_id) from enrolment where program_code = ? and status = 'ACTIVE'"
                + (township.isEmpty() ? "" : " and township_code = '" + township + "'")).param(program).query(Long.class).single();
        return Map.of("households", households);
    }

    private List<String> plain(String condition, String month, int y) {
        return jdbc.sql(ADDED_OR_ENDED.replace("CONDITION", condition).replace("MONTH", month))
                .params(y + "-01", y + "-12")
                .query((rs, n) -> rs.getString(1) + "/" + rs.getString(2) + ": " + rs.getLong(3) + " households, "
                        + rs.getLong(4) + " people")
                .list().stream().sorted().toList();
    }

    private static List<String> sorted(List<YearlyFiguresQueries.ProgramCount> counts) {
        return counts.stream().map(c -> c.programCode() + "/" + c.townshipCode() + ": " + c.households() + " households, "
                + c.people() + " people").sorted().toList();
    }

    private List<String> rows(String sql) {
        return jdbc.sql(sql).query((rs, n) -> {
            StringBuilder row = new StringBuilder();
            for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                Object value = rs.getObject(i);
                row.append(value instanceof java.math.BigDecimal b ? b.stripTrailingZeros().toPlainString() : String.valueOf(value))
                        .append('|');
            }
            return row.toString();
        }).list();
    }

    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now());
    }
}
