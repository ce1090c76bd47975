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

    /** The same for a search that hands its rows on as it reads them. */
    void run(Runnable search) {
        read(() -> {
            search.run();
            return null;
        });
    }
}
