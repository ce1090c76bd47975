package cn.minzheng.bureau.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.web.LedgerUser;

/**
 * The ledger's fast count and status search (only the joins that change the number; the latest case found from the
 * cases in a status) give exactly what the plain query gives: the households with a head, their latest case, filtered
 * by case status and by program.
 */
@SpringBootTest
class LedgerSearchCountTest {

    private static final String PLAIN = """
            select h.id from household h
            join household_member m on m.household_id = h.id and m.relation = 'HEAD'
            join region t on t.code = h.township_code
            join region c on c.code = h.community_code
            left join dibao_case dc on dc.id = (select max(x.id) from dibao_case x where x.household_id = h.id)
            where 1 = 1""";

    @Autowired
    LedgerQueries queries;
    @Autowired
    JdbcClient jdbc;

    @Test
    void countsAndStatusSearchesEqualThePlainQuery() {
        LedgerUser district = new LedgerUser("approver", List.of("district-approver"));
        LedgerUser yuecun = new LedgerUser("clerk.yuecun", List.of("clerk-yuecun"));
        List<String> statuses = jdbc.sql("select distinct status from dibao_case").query(String.class).list();
        assertThat(statuses).isNotEmpty();
        List<String> tried = new ArrayList<>(statuses);
        tried.add(null);
        List<String> programs = new ArrayList<>();
        programs.add(null);
        programs.addAll(jdbc.sql("select distinct program_code from enrolment where household_id is not null")
                .query(String.class).list());
        for (String status : tried) {
            for (String program : programs) {
                for (LedgerUser user : List.of(district, yuecun)) {
                    String township = user == district ? null : "yuecun";
                    String label = user.id() + " " + status + " " + program;
                    List<Object> params = new ArrayList<>();
                    String sql = PLAIN;
                    if (township != null) {
                        sql += " and h.township_code = ?";
                        params.add(township);
                    }
                    if (status != null) {
                        sql += " and dc.status = ?";
                        params.add(status);
                    }
                    if (program != null) {
                        sql += " and exists (select 1 from enrolment e where e.household_id = h.id and e.program_code = ?)";
                        params.add(program);
                    }
                    List<Long> plain = jdbc.sql(sql + " order by h.id desc").params(params).query(Long.class).list();
                    HouseholdSearch search = new HouseholdSearch(null, null, null, null, status, program, null);
                    var page = queries.households(search, Keyset.FIRST, null, null, user);
                    List<HouseholdRow> streamedRows = new ArrayList<>();
                    queries.eachHousehold(search, user, streamedRows::add);
                    List<Long> streamed = streamedRows.stream().map(HouseholdRow::householdId).toList();
                    assertThat(page.count()).as(label).isEqualTo(plain.size() <= HouseholdCount.BOUND
                            ? HouseholdCount.exactly(plain.size()) : HouseholdCount.moreThan(HouseholdCount.BOUND));
                    assertThat(queries.count(search, user)).as(label).isEqualTo(plain.size());
                    assertThat(streamed).as(label).isEqualTo(plain);
                    assertThat(page.rows()).extracting(HouseholdRow::householdId)
                            .isEqualTo(plain.subList(0, Math.min(plain.size(), HouseholdSearch.PAGE_SIZE)));
                    // the download reads the programs with its rows, the page after them: every column alike
                    assertThat(streamedRows.subList(0, page.rows().size())).as(label).isEqualTo(page.rows());
                }
            }
        }
    }

    /**
     * The download reads the latest case and the members its own way on PostgreSQL (one read of a household's members,
     * the latest case by a probe): a household of several members with a newer case than its first shows that case and
     * every member, as its page row does.
     */
    @Test
    void theDownloadShowsAHouseholdsLatestCaseAndCountsEveryMember() {
        record Household(long id, String idNumber, int members) {
        }
        Household household = jdbc.sql("""
                select h.id, m.id_number, (select count(*) from household_member mm where mm.household_id = h.id) as members
                from household h join household_member m on m.household_id = h.id and m.relation = 'HEAD'
                where h.township_code = 'yuecun' and exists (select 1 from dibao_case x where x.household_id = h.id)
                order by members desc, h.id fetch first 1 rows only""")
                .query((rs, n) -> new Household(rs.getLong(1), rs.getString(2), rs.getInt(3))).single();
        assertThat(household.members()).isGreaterThan(1);
        jdbc.sql("""
                insert into dibao_case (case_number, household_id, township_code, category, status, created_at, updated_at)
                select 'LATEST-' || id, household_id, township_code, category, 'REJECTED', created_at, updated_at
                from dibao_case where household_id = ?""").param(household.id()).update();
        long latest = jdbc.sql("select max(id) from dibao_case where household_id = ?").param(household.id())
                .query(Long.class).single();
        try {
            for (LedgerUser user : List.of(new LedgerUser("approver", List.of("district-approver")),
                    new LedgerUser("clerk.yuecun", List.of("clerk-yuecun")))) {
                HouseholdSearch search = new HouseholdSearch(null, household.idNumber(), null, null, null, null, null);
                List<HouseholdRow> streamed = new ArrayList<>();
                queries.eachHousehold(search, user, streamed::add);
                assertThat(streamed).as(user.id()).singleElement().satisfies(row -> {
                    assertThat(row.caseId()).isEqualTo(latest);
                    assertThat(row.caseStatus()).isEqualTo("REJECTED");
                    assertThat(row.members()).isEqualTo(household.members());
                });
                assertThat(streamed).as(user.id())
                        .isEqualTo(queries.households(search, Keyset.FIRST, null, null, user).rows());
            }
        } finally {
            jdbc.sql("delete from dibao_case where id = ?").param(latest).update();
        }
    }
}
