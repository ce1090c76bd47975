package cn.minzheng.bureau.ledger;

import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.minzheng.bureau.common.DatabaseProduct;

/**
 * Runs a ledger search in a read-only transaction in which PostgreSQL plans every statement for its values, on every
 * execution. The driver prepares a statement on the server after a few uses on a connection, and PostgreSQL then
 * may settle on one plan for any value (a generic plan): for a name pattern or a township's rare case status that
 * plan cannot know how few rows match, and reads a whole township instead of an index's few entries. Only the
 * statements of this transaction are concerned ({@code set local}); H2 has no such setting and plans every time.
 */
@Component
class CustomPlans {

    /** A download's memory for sorts and hashes (the cases of the district hashed whole: 31 MB at 400,000 cases). */
    private static final String DOWNLOAD_WORK_MEM = "64MB";

    private final JdbcTemplate jdbc;
    private final DatabaseProduct database;
    private final TransactionTemplate readOnly;

    CustomPlans(JdbcTemplate jdbc, DatabaseProduct database, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.database = database;
        this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
        this.readOnly.setReadOnly(true);
    }

    /** The search's result, its statements planned for their values. */
    <T> T read(Supplier<T> search) {
        return readOnly.execute(status -> {
            if (database.isPostgres()) {
                jdbc.execute("set local plan_cache_mode = force_custom_plan");
            }
            return search.get();
        });
    }

    /**
     * The same for a download, which hands its rows on as it reads them: a whole community or township, read once.
     * On PostgreSQL also without JIT compilation and with room to sort and hash in memory. Its plan costs far over
     * the JIT thresholds, so the server compiled and optimised it before the first row (0.5–5 s at 1,000,000
     * households), though the statement only reads and joins columns; and at 4 MB the sort by household and the hash
     * of the cases went to disk in batches (docs/benchmarks.md, exports at 1,000,000 households).
     */
    void stream(Runnable search) {
        read(() -> {
            if (database.isPostgres()) {
                jdbc.execute("set local jit = off");
                jdbc.execute("set local work_mem = '" + DOWNLOAD_WORK_MEM + "'");
            }
            search.run();
            return null;
        });
    }
}
