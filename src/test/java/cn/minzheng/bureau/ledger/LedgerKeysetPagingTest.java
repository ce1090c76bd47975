package cn.minzheng.bureau.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.program.EnrolmentRepository;
import cn.minzheng.bureau.program.EnrolmentStatus;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.web.LedgerUser;

/**
 * Keyset paging walks every search to its end and back and yields exactly the rows of the plain query (offset-free:
 * the same households in the same order, newest first), for every filter, as district and as township user. Its own
 * 45 households of 岳村乡 (so that the searches span pages): cases 在保, some later cancelled (their latest case is
 * no longer 在保), half of them in 临时救助.
 */
@SpringBootTest
class LedgerKeysetPagingTest {

    private static final String PLAIN = """
            select h.id from household h
            join household_member m on m.household_id = h.id and m.relation = 'HEAD'
            left join dibao_case dc on dc.id = (select max(x.id) from dibao_case x where x.household_id = h.id)
            where 1 = 1""";

    private static final LedgerUser DISTRICT = new LedgerUser("approver", List.of("district-approver"));
    private static final LedgerUser YUECUN = new LedgerUser("clerk.yuecun", List.of("clerk-yuecun"));

    @Autowired
    LedgerQueries queries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    HouseholdRepository households;
    @Autowired
    EnrolmentRepository enrolments;

    /** A search of the table with its plain condition and parameters. */
    record Case(String label, HouseholdSearch search, String condition, List<Object> params) {
    }

    @Test
    void everySearchWalkedByKeysetGivesThePlainQuerysRowsInOrder() {
        String tag = "键页" + ThreadLocalRandom.current().nextInt(100, 1000);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 45; i++) {
            long household = ProgramHouseholds.household(households, List.of(tag + "户" + i),
                    List.of(LocalDate.of(1960, 1, 1).plusDays(i)), ids);
            insertCase(tag + "-" + i + "-a", household, "APPROVED");
            if (i % 4 == 3) {
                insertCase(tag + "-" + i + "-b", household, "CANCELLED");
            }
            if (i % 2 == 0) {
                ProgramHouseholds.enrol(enrolments, Program.LINSHI, household, null, EnrolmentStatus.ACTIVE, "100.00",
                        "2026-01", "键页测试");
            }
        }
        String community = "yuecun-yuecun";
        List<Case> cases = List.of(
                new Case("no filter", search(null, null, null, null, null, null), "", List.of()),
                new Case("name", search(tag, null, null, null, null, null),
                        " and exists (select 1 from household_member mm where mm.household_id = h.id and mm.name like ?)",
                        List.of("%" + tag + "%")),
                new Case("ID number", search(null, ids.get(7), null, null, null, null),
                        " and exists (select 1 from household_member mm where mm.household_id = h.id and mm.id_number = ?)",
                        List.of(ids.get(7))),
                new Case("community", search(null, null, community, null, null, null), " and h.community_code = ?",
                        List.of(community)),
                new Case("status 在保", search(null, null, null, "APPROVED", null, null), " and dc.status = ?",
                        List.of("APPROVED")),
                new Case("status 已取消", search(null, null, null, "CANCELLED", null, null), " and dc.status = ?",
                        List.of("CANCELLED")),
                new Case("program", search(null, null, null, null, Program.LINSHI, null),
                        " and exists (select 1 from enrolment e where e.household_id = h.id and e.program_code = ?)",
                        List.of(Program.LINSHI)),
                new Case("program status", search(null, null, null, null, null, "ACTIVE"),
                        " and exists (select 1 from enrolment e where e.household_id = h.id and e.status = ?)",
                        List.of("ACTIVE")),
                new Case("program and status", search(null, null, null, null, Program.LINSHI, "ACTIVE"),
                        " and exists (select 1 from enrolment e where e.household_id = h.id and e.program_code = ?"
                                + " and e.status = ?)", List.of(Program.LINSHI, "ACTIVE")),
                new Case("status and program", search(tag, null, null, "APPROVED", Program.LINSHI, null),
                        " and exists (select 1 from household_member mm where mm.household_id = h.id and mm.name like ?)"
                                + " and dc.status = ?"
                                + " and exists (select 1 from enrolment e where e.household_id = h.id and e.program_code = ?)",
                        List.of("%" + tag + "%", "APPROVED", Program.LINSHI)));
        for (LedgerUser user : List.of(DISTRICT, YUECUN)) {
            for (Case c : cases) {
                String label = user.id() + ", " + c.label();
                List<Object> params = new ArrayList<>(c.params());
                String sql = PLAIN + c.condition();
                if (user == YUECUN) {
                    sql += " and h.township_code = ?";
                    params.add("yuecun");
                }
                List<Long> plain = jdbc.sql(sql + " order by h.id desc").params(params).query(Long.class).list();
                assertThat(plain).as(label).isNotEmpty();
                walk(label, c.search(), user, plain);
            }
        }
        // the searches of our own households span several pages (others may add more)
        assertThat(queries.count(search(tag, null, null, null, null, null), YUECUN)).isEqualTo(45);
        assertThat(queries.count(search(tag, null, null, "APPROVED", null, null), YUECUN)).isEqualTo(34);
    }

    /**
     * A first page counts at most a bound: the exact count where the search finds no more, "more than the bound"
     * where it finds more (never a number it did not count); the exact count stays available.
     */
    @Test
    void theBoundedCountIsExactUpToItsBoundAndSaysMoreThanTheBoundBeyond() {
        String tag = "限数" + ThreadLocalRandom.current().nextInt(100, 1000);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            long household = ProgramHouseholds.household(households, List.of(tag + "户" + i),
                    List.of(LocalDate.of(1962, 1, 1).plusDays(i)), ids);
            insertCase(tag + "-" + i + "-a", household, "APPROVED");
            if (i % 3 == 0) {
                insertCase(tag + "-" + i + "-b", household, "CANCELLED");
            }
        }
        for (LedgerUser user : List.of(DISTRICT, YUECUN)) {
            HouseholdSearch all = search(tag, null, null, null, null, null);
            HouseholdSearch approved = search(tag, null, null, "APPROVED", null, null);
            assertThat(queries.countUpTo(30, all, user)).as(user.id()).isEqualTo(HouseholdCount.exactly(30));
            assertThat(queries.countUpTo(1000, all, user)).as(user.id()).isEqualTo(HouseholdCount.exactly(30));
            assertThat(queries.countUpTo(29, all, user)).as(user.id()).isEqualTo(HouseholdCount.moreThan(29));
            assertThat(queries.countUpTo(5, all, user)).as(user.id()).isEqualTo(HouseholdCount.moreThan(5));
            assertThat(queries.countUpTo(20, approved, user)).as(user.id()).isEqualTo(HouseholdCount.exactly(20));
            assertThat(queries.countUpTo(19, approved, user)).as(user.id()).isEqualTo(HouseholdCount.moreThan(19));
            assertThat(queries.count(approved, user)).as(user.id()).isEqualTo(20);
            assertThat(queries.households(all, Keyset.FIRST, null, null, user).count()).as(user.id())
                    .isEqualTo(HouseholdCount.exactly(30));
            // a bounded count carried by the links: pages follow without a number of pages
            HouseholdPage bounded = queries.households(all, Keyset.FIRST, HouseholdCount.moreThan(10), null, user);
            assertThat(bounded.count().text()).isEqualTo("超过 10 户");
            assertThat(bounded.pages()).isNull();
            assertThat(queries.households(all, Keyset.after(bounded.next()), bounded.count(), 2, user).rows())
                    .as(user.id()).hasSize(10);
        }
        // the district user sees every township's households, the township clerk 岳村乡's only
        HouseholdSearch otherTownship = new HouseholdSearch(tag, null, "renqiu", null, null, null, null);
        assertThat(queries.countUpTo(5, otherTownship, YUECUN)).isEqualTo(HouseholdCount.exactly(0));
        assertThat(queries.countUpTo(5, otherTownship, DISTRICT)).isEqualTo(HouseholdCount.exactly(0));
        assertThat(HouseholdCount.exactly(25).text()).isEqualTo("共 25 户");
    }

    /** Forward by 下一页 to the last page, back by 上一页 to the first, and an old ?page=N link's cursor. */
    private void walk(String label, HouseholdSearch search, LedgerUser user, List<Long> plain) {
        List<Long> forward = new ArrayList<>();
        HouseholdPage page = queries.households(search, Keyset.FIRST, null, null, user);
        assertThat(page.count()).as(label).isEqualTo(plain.size() <= HouseholdCount.BOUND
                ? HouseholdCount.exactly(plain.size()) : HouseholdCount.moreThan(HouseholdCount.BOUND));
        assertThat(page.previous()).as(label).isNull();
        int number = 1;
        List<HouseholdPage> pages = new ArrayList<>();
        while (true) {
            pages.add(page);
            assertThat(page.number()).as(label).isEqualTo(number);
            assertThat(page.rows()).as(label).hasSizeBetween(1, HouseholdSearch.PAGE_SIZE);
            page.rows().forEach(r -> forward.add(r.householdId()));
            if (page.next() == null) {
                break;
            }
            assertThat(page.rows()).as(label).hasSize(HouseholdSearch.PAGE_SIZE);
            page = queries.households(search, Keyset.after(page.next()), page.count(), ++number, user);
        }
        assertThat(forward).as(label + ", forward").isEqualTo(plain);
        if (pages.get(0).count().exact()) {
            assertThat(pages).as(label).hasSize(pages.get(0).pages().intValue());
        }

        List<Long> backward = new ArrayList<>(page.rows().stream().map(HouseholdRow::householdId).toList());
        Collections.reverse(backward);
        while (page.previous() != null) {
            page = queries.households(search, Keyset.before(page.previous()), page.count(), --number, user);
            assertThat(page.rows()).as(label).hasSize(HouseholdSearch.PAGE_SIZE);
            List<Long> rows = new ArrayList<>(page.rows().stream().map(HouseholdRow::householdId).toList());
            Collections.reverse(rows);
            backward.addAll(rows);
        }
        assertThat(number).as(label + ", back on the first page").isEqualTo(1);
        Collections.reverse(backward);
        assertThat(backward).as(label + ", backward").isEqualTo(plain);

        for (int n = 1; n < pages.size(); n++) {
            long cursor = queries.lastIdBeforePage(search, n, user).orElseThrow();
            assertThat(queries.households(search, Keyset.after(cursor), null, n + 1, user).rows())
                    .as(label + ", old link to page " + n).isEqualTo(pages.get(n).rows());
        }
        assertThat(queries.lastIdBeforePage(search, pages.size(), user)).as(label).isEmpty();
    }

    private static HouseholdSearch search(String name, String idNumber, String community, String status,
                                          String program, String programStatus) {
        return new HouseholdSearch(name, idNumber, null, community, status, program, programStatus);
    }

    private void insertCase(String number, long household, String status) {
        jdbc.sql("""
                insert into dibao_case (case_number, household_id, township_code, category, status, monthly_amount,
                    start_month, created_at, updated_at)
                values (?, ?, 'yuecun', 'ORDINARY', ?, 320.00, '2026-01', current_timestamp, current_timestamp)""")
                .params(number, household, status).update();
    }
}
