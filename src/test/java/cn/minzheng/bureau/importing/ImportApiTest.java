package cn.minzheng.bureau.importing;

import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.dibao.DibaoCaseRepository;
import cn.minzheng.bureau.household.HouseholdRepository;
import cn.minzheng.bureau.household.HouseholdValidator;
import cn.minzheng.bureau.program.EnrolmentRepository;

/**
 * A test of the roster import against the running application: its REST API at the random port, its database, and
 * the people it has on record. Every such test shares the one application context of the suite.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ImportApiTest {

    int port;
    JdbcClient jdbc;
    ImportClient client;
    PeopleOnRecord people;

    @Autowired
    void connect(@LocalServerPort int port, JdbcClient jdbc, HouseholdValidator validator,
                 HouseholdRepository households, EnrolmentRepository enrolments, DibaoCaseRepository dibaoCases) {
        this.port = port;
        this.jdbc = jdbc;
        this.client = new ImportClient(port);
        this.people = new PeopleOnRecord(jdbc, validator, households, enrolments, dibaoCases);
    }

    /** The single count a query with positional parameters gives. */
    long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    /** The single count a query gives for the ID numbers bound to {@code :ids}. */
    long countOf(String sql, List<String> ids) {
        return jdbc.sql(sql).param("ids", ids).query(Long.class).single();
    }
}
