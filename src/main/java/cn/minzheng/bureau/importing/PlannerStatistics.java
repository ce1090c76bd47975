package cn.minzheng.bureau.importing;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.minzheng.bureau.common.DatabaseProduct;

/**
 * Keeps PostgreSQL's row estimates of the tables a roster commit fills up to date inside the commit's own transaction.
 *
 * <p>A commit is one transaction that may write many times the rows its tables held when they were last analysed (a
 * district loading its old ledger into a new installation). Autovacuum cannot see those rows before the commit, so the
 * planner keeps estimating the tables at their old size: the cross-program re-check and the summaries' triggers then
 * chose an index on the status, which reads every live row written so far, and each chunk took longer than the one
 * before (100,000 rows: 58.7 s against 10.9 s for 40,000; docs/benchmarks.md). {@code ANALYZE} inside the transaction
 * counts the transaction's own rows. It runs only when a table holds fewer rows by its estimate than the commit has
 * written so far, so a few times per table over a whole commit (the estimate doubles each time) and never for an
 * import that is small next to the tables.
 *
 * <p>{@code ANALYZE} holds a lock until the commit ends that another {@code ANALYZE} of the same table waits for
 * (writes do not): a second such commit at the same time waits for the first (docs/roster-import.md).
 */
@Component
public class PlannerStatistics {

    private static final Logger log = LoggerFactory.getLogger(PlannerStatistics.class);

    /** The tables the re-check at commit and the summaries' triggers read while the commit fills them. */
    static final List<String> TABLES = List.of("household", "household_member", "dibao_case", "dibao_case_person",
            "enrolment");
    /**
     * The statistics target of these analyses: 3,000 sampled rows a table instead of the default's 30,000. What the
     * commit needs is the tables' size; autovacuum analyses them at the full target once the commit has ended.
     */
    static final int SAMPLE_TARGET = 10;

    private final JdbcClient jdbc;
    private final DatabaseProduct database;

    public PlannerStatistics(JdbcClient jdbc, DatabaseProduct database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /** After a chunk: analyses the tables estimated at fewer rows than {@code rowsWritten}. */
    void keepUpWith(int rowsWritten) {
        if (!database.isPostgres()) {
            return;
        }
        List<String> behind = jdbc.sql("""
                select c.relname from pg_class c
                where c.relname in (:tables) and c.relkind = 'r' and c.relnamespace = current_schema()::regnamespace
                  and c.reltuples < :written""")
                .param("tables", TABLES).param("written", rowsWritten)
                .query(String.class).list();
        if (!behind.isEmpty()) {
            log.debug("analysing {} after {} rows of a roster commit", behind, rowsWritten);
            jdbc.sql("set local default_statistics_target = " + SAMPLE_TARGET).update();
            jdbc.sql("analyze " + String.join(", ", behind)).update();
            jdbc.sql("reset default_statistics_target").update();
        }
    }
}
