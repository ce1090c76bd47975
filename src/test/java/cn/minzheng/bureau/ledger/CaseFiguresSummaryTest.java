package cn.minzheng.bureau.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.Year;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.demo.DibaoWalker;
import cn.minzheng.bureau.dibao.CaseStatus;
import cn.minzheng.bureau.dibao.DibaoCase;
import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.support.TestApplications;
import cn.minzheng.bureau.web.LedgerUser;

/**
 * The summaries of the 低保 cases ({@code figures_case_status}, {@code figures_unpaid_case}, V405, kept by the triggers
 * on the cases, their people and the payments, db/vendor/{h2,postgresql}/V406) equal the cases grouped afresh after
 * every kind of change: a new application with its people, each status change through approval with its start month, a
 * payment computed, issued, returned by the bank, issued again and deleted, a case moved to another township, a person
 * moved between cases, two cases moved in one statement, a cancellation, an approved case inserted at once (as a roster import does) and a case deleted by
 * hand; and the dashboard's 当前在保 read from them equals the plain queries over the cases and payments.
 */
@SpringBootTest
class CaseFiguresSummaryTest {

    /** The cases grouped as figures_case_status holds them. */
    private static final String CASES_GROUPED = """
            select c.township_code, c.status, coalesce(c.start_month, '') as start_month, count(*) as cases,
                coalesce(sum((select count(*) from dibao_case_person p where p.case_id = c.id)), 0) as people
            from dibao_case c group by c.township_code, c.status, coalesce(c.start_month, '')""";

    /** The approved, started cases no issued payment pays, as figures_unpaid_case holds them. */
    private static final String UNPAID = """
            select c.id, c.township_code, c.start_month from dibao_case c
            where c.status = 'APPROVED' and c.start_month is not null
              and not exists (select 1 from payment p where p.case_id = c.id and p.status = 'ISSUED')""";

    private static final LedgerUser DISTRICT = new LedgerUser("approver", List.of("district-approver"));

    @Autowired
    DibaoWalker walker;
    @Autowired
    DibaoCaseRepository cases;
    @Autowired
    Dashboard dashboard;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theSummariesEqualTheCasesAfterEveryChangeACaseGoesThrough() {
        assertSummariesEqualTheCases("before this test's changes");

        DibaoCase applied = walker.submit("clerk.yuecun", TestApplications.yuecunHousehold(3, "600"));
        assertThat(count("select count(*) from dibao_case_person where case_id = ?", applied.id())).isEqualTo(3);
        assertSummariesEqualTheCases("a new application with its people");
        walker.accept("clerk.yuecun", applied);
        walker.survey("clerk.yuecun", applied, Map.of());
        assertSummariesEqualTheCases("accepted and surveyed");
        walker.reviewByTownship("reviewer.yuecun", applied, "APPROVE", "同意");
        walker.endNotice(applied);
        walker.approveByDistrict("approver", applied, "APPROVE", "同意");
        DibaoCase approved = cases.find(applied.id()).orElseThrow();
        assertThat(approved.status()).isEqualTo(CaseStatus.APPROVED);
        assertThat(count("select count(*) from figures_unpaid_case where case_id = ?", approved.id()))
                .as("an approved case waits for its first payment").isEqualTo(1);
        assertSummariesEqualTheCases("approved with its start month");

        // its payments through a payroll's states, written as any writer would
        long payment = payment(approved, approved.startMonth(), "PENDING");
        assertSummariesEqualTheCases("a payment computed");
        jdbc.sql("update payment set status = 'ISSUED' where id = ?").param(payment).update();
        assertThat(count("select count(*) from figures_unpaid_case where case_id = ?", approved.id()))
                .as("an issued payment pays the case").isZero();
        assertSummariesEqualTheCases("the payment issued");
        jdbc.sql("update payment set status = 'FAILED' where id = ?").param(payment).update();
        assertSummariesEqualTheCases("the payment returned by the bank");
        jdbc.sql("update payment set status = 'ISSUED' where id = ?").param(payment).update();
        long second = payment(approved, "9999-12", "ISSUED");
        jdbc.sql("delete from payment where id = ?").param(payment).update();
        assertSummariesEqualTheCases("one of two issued payments deleted");
        jdbc.sql("delete from payment where id = ?").param(second).update();
        assertSummariesEqualTheCases("the other deleted");

        cases.moveToArea(approved.id(), "mengke");
        assertSummariesEqualTheCases("moved to another township");

        DibaoCase other = walker.submit("clerk.yuecun", TestApplications.yuecunHousehold(2, "300"));
        String person = jdbc.sql("select min(id_number) from dibao_case_person where case_id = ?").param(other.id())
                .query(String.class).single();
        jdbc.sql("update dibao_case_person set case_id = ? where case_id = ? and id_number = ?")
                .params(approved.id(), other.id(), person).update();
        assertSummariesEqualTheCases("a person moved to another case");
        jdbc.sql("update dibao_case_person set case_id = ? where case_id = ? and id_number = ?")
                .params(other.id(), approved.id(), person).update();

        // several cases in one statement (a reorganisation moves a community's cases): the set-wise path
        jdbc.sql("update dibao_case set township_code = case when id = ? then 'yuecun' else 'mengke' end where id in (?, ?)")
                .params(approved.id(), approved.id(), other.id()).update();
        assertSummariesEqualTheCases("two cases, one of them approved and unpaid, moved in one statement");

        cases.changeStatus(approved.id(), CaseStatus.CANCELLED, "approver", "复核停保");
        assertSummariesEqualTheCases("cancelled");

        // an approved case inserted at once (a roster import), paid, and deleted by hand with its people
        String number = "SUM-T-" + System.nanoTime();
        jdbc.sql("""
                insert into dibao_case (case_number, household_id, township_code, category, status, related_to_staff,
                    start_month, created_at, updated_at)
                values (?, ?, 'yuecun', 'ORDINARY', 'APPROVED', false, '9998-01', ?, ?)""")
                .params(number, other.householdId(), now(), now()).update();
        long bare = jdbc.sql("select id from dibao_case where case_number = ?").param(number).query(Long.class).single();
        jdbc.sql("insert into dibao_case_person (case_id, id_number) values (?, '410322190001010000'), (?, '410322190001010001')")
                .params(bare, bare).update();
        assertSummariesEqualTheCases("an approved case inserted with its people");
        long paid = payment(cases.find(bare).orElseThrow(), "9998-01", "ISSUED");
        assertSummariesEqualTheCases("inserted issued");
        jdbc.sql("delete from payment where id = ?").param(paid).update();
        jdbc.sql("delete from dibao_case_person where case_id = ?").param(bare).update();
        jdbc.sql("delete from dibao_case where id = ?").param(bare).update();
        assertThat(count("select count(*) from figures_unpaid_case where case_id = ?", bare)).isZero();
        assertSummariesEqualTheCases("a case deleted");
    }

    private void assertSummariesEqualTheCases(String after) {
        assertThat(rows("select township_code, status, start_month, cases, people from figures_case_status "
                + "order by township_code, status, start_month"))
                .as("figures_case_status after: " + after)
                .isEqualTo(rows("select * from (" + CASES_GROUPED + ") g order by township_code, status, start_month"));
        assertThat(rows("select case_id, township_code, start_month from figures_unpaid_case order by case_id"))
                .as("figures_unpaid_case after: " + after)
                .isEqualTo(rows("select * from (" + UNPAID + ") u order by id"));
        for (String area : new String[] {"district", "yuecun", "mengke"}) {
            CoveredNow covered = dashboard.year(Year.now().getValue(), DISTRICT, area).now();
            String confine = "district".equals(area) ? "" : " and c.township_code = '" + area + "'";
            Map<String, Object> plain = jdbc.sql("""
                    select count(distinct c.id) as households, count(p.id_number) as people, min(c.start_month) as first_month
                    from dibao_case c left join dibao_case_person p on p.case_id = c.id
                    where c.status = 'APPROVED'""" + confine).query().singleRow();
            Map<String, Long> upcoming = new LinkedHashMap<>();
            jdbc.sql("""
                    select c.start_month, count(*) from dibao_case c
                    where c.status = 'APPROVED' and c.start_month is not null
                      and not exists (select 1 from payment p where p.case_id = c.id and p.status = 'ISSUED')"""
                            + confine + " group by c.start_month order by c.start_month")
                    .query(rs -> {
                        upcoming.put(rs.getString(1), rs.getLong(2));
                    });
            assertThat(List.of(covered.households(), covered.people(), String.valueOf(covered.firstPaymentMonth())))
                    .as("当前在保 of %s after: %s", area, after)
                    .isEqualTo(List.of(((Number) plain.get("households")).longValue(),
                            ((Number) plain.get("people")).longValue(), String.valueOf(plain.get("first_month"))));
            assertThat(covered.upcomingFirstPayments()).as("upcoming first payments of %s after: %s", area, after)
                    .containsExactlyEntriesOf(upcoming);
        }
    }

    private long payment(DibaoCase c, String month, String status) {
        jdbc.sql("""
                insert into payment (payroll_id, case_id, benefit_month, household_id, township_code, payee_name,
                    payee_id_number, bank_name, bank_account, people_count, amount, status, issued_at, created_at, enrolment_id)
                values (0, ?, ?, ?, ?, '测试', '410322198001010000', '测试银行', '6228480000000001', 3, 100.00, ?, ?, ?,
                    coalesce((select e.id from enrolment e where e.program_code = 'DIBAO' and e.program_case_id = ?), -?))""")
                .params(c.id(), month, c.householdId(), c.townshipCode(), status, now(), now(), c.id(), c.id()).update();
        return count("select max(id) from payment where case_id = ?", c.id());
    }

    private long count(String sql, Object param) {
        return jdbc.sql(sql).param(param).query(Long.class).single();
    }

    private List<String> rows(String sql) {
        return jdbc.sql(sql).query().listOfRows().stream().map(row -> row.values().stream()
                .map(v -> v instanceof Number n ? Long.toString(n.longValue()) : String.valueOf(v)).toList().toString())
                .toList();
    }

    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now());
    }
}
