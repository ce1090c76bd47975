package cn.minzheng.bureau.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import cn.minzheng.bureau.web.LedgerUser;

/**
 * On PostgreSQL the ledger's searches are planned for their values however often a connection runs them: the driver
 * prepares a statement on the server after a few uses, and PostgreSQL would then settle on a generic plan (one for any
 * name pattern, any status), which reads a whole township where an index has a few entries. Read from the server's
 * own count of each prepared statement's plans on the connection the searches ran on. H2 plans every statement anew.
 */
@SpringBootTest
class LedgerCustomPlansTest {

    /** Well past the driver's five uses before it prepares, and PostgreSQL's five custom plans before a generic one. */
    private static final int EXECUTIONS = 15;

    private static final LedgerUser DISTRICT = new LedgerUser("approver", List.of("district-approver"));
    private static final LedgerUser YUECUN = new LedgerUser("clerk.yuecun", List.of("clerk-yuecun"));

    @Autowired
    LedgerQueries queries;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcTemplate jdbcTemplate;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void theNameAndStatusSearchesArePlannedForTheirValuesOnEveryExecutionOnOneConnection() {
        assumeTrue(postgres(), "PostgreSQL's plan cache (H2 plans every statement anew)");
        // one transaction: every search on the same connection, as a pooled connection serves page after page
        Map<String, Object> plans = transactions.execute(status -> {
            for (int i = 0; i < EXECUTIONS; i++) {
                queries.households(new HouseholdSearch("无此人" + i, null, null, null, null, null, null), Keyset.FIRST,
                        null, null, DISTRICT);
                queries.households(new HouseholdSearch(null, null, null, null, i % 2 == 0 ? "IN_NOTICE" : "UNDER_REVIEW",
                        null, null), Keyset.FIRST, null, null, YUECUN);
            }
            return jdbc.sql("""
                    select count(*) as statements, coalesce(sum(generic_plans), 0) as generic,
                           coalesce(min(custom_plans), 0) as fewest_custom
                    from pg_prepared_statements
                    where statement like '%mm.name like%' or statement like '%x.id > dc.id%dc.status =%'""")
                    .query().singleRow();
        });
        // the rows and the bounded count of each search, prepared on the server
        assertThat(((Number) plans.get("statements")).longValue()).as("prepared search statements").isGreaterThanOrEqualTo(4);
        assertThat(((Number) plans.get("generic")).longValue()).as("executions by a generic plan").isZero();
        assertThat(((Number) plans.get("fewest_custom")).longValue()).as("executions planned for their values")
                .isGreaterThan(5);
    }

    private boolean postgres() {
        return Boolean.TRUE.equals(jdbcTemplate.execute((ConnectionCallback<Boolean>) con ->
                con.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")));
    }
}
