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
}
