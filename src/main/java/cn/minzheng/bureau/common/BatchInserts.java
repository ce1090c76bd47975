package cn.minzheng.bureau.common;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * Bulk inserts of many rows (a roster import's thousands) in the caller's transaction. The statement is always a
 * plain {@code insert into table (columns) values (?, …)}, written by the table's owner; on PostgreSQL the rows go
 * in by {@code COPY … FROM STDIN} on the transaction's own connection ({@link PostgresCopy}), elsewhere (H2) as
 * one JDBC batch of that statement. Where the rows' generated ids are wanted, PostgreSQL draws them from the id
 * column's sequence first and copies them with the rows; H2 hands them back from the batch. Either way the ids
 * come back in the rows' order, ascending, so what refers to them is inserted with them as plain values.
 */
public final class BatchInserts {

    private static final Pattern INSERT = Pattern.compile(
            "(?is)\\s*insert\\s+into\\s+(\\w+)\\s*\\(([^)]*)\\)\\s*values\\s*\\(([^)]*)\\)\\s*");
    /** Table → its id column's sequence (PostgreSQL), looked up once. */
    private static final Map<String, String> SEQUENCES = new ConcurrentHashMap<>();

    private BatchInserts() {
    }

    /** Inserts {@code rows} with {@code sql}; each row's values in the statement's column order. */
    public static void insert(JdbcTemplate template, String sql, List<Object[]> rows) {
        insert(template, sql, rows, null);
    }

    /**
     * The same, with the columns' SQL types ({@link java.sql.Types}) for the JDBC batch, so that a null is bound the
     * same on every database.
     */
    public static void insert(JdbcTemplate template, String sql, List<Object[]> rows, int[] types) {
        if (rows.isEmpty()) {
            return;
        }
        Insert insert = Insert.parse(sql);
        if (copies(template)) {
            copy(template, insert.table, insert.columns, rows);
        } else if (types != null) {
            template.batchUpdate(sql, rows, types);
        } else {
            template.batchUpdate(sql, rows);
        }
    }

    /** Inserts {@code rows} with {@code sql} (column "id" generated); returns the ids in the rows' order. */
    public static List<Long> insertReturningIds(JdbcTemplate template, String sql, List<Object[]> rows) {
        return insertReturningIds(template, sql, rows.size(), (i, id) -> rows.get(i));
    }

    /** A row's values; {@code id}: its id where it is drawn before the insert (PostgreSQL), else null. */
    public interface RowOfId {
        Object[] values(int index, Long id);
    }

    /**
     * Inserts {@code count} rows with {@code sql} (column "id" generated), a row's values possibly built from its id
     * (a number derived from it) where the id is known before the insert; returns the ids in the rows' order.
     */
    public static List<Long> insertReturningIds(JdbcTemplate template, String sql, int count, RowOfId row) {
        if (count == 0) {
            return List.of();
        }
        Insert insert = Insert.parse(sql);
        if (copies(template)) {
            List<Long> ids = newIds(template, insert.table, count);
            List<Object[]> withIds = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                Object[] given = row.values(i, ids.get(i));
                Object[] values = new Object[given.length + 1];
                values[0] = ids.get(i);
                System.arraycopy(given, 0, values, 1, given.length);
                withIds.add(values);
            }
            List<String> columns = new ArrayList<>(insert.columns.size() + 1);
            columns.add("id");
            columns.addAll(insert.columns);
            copy(template, insert.table, columns, withIds);
            return ids;
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        template.batchUpdate(con -> con.prepareStatement(sql, new String[] {"id"}), new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Object[] values = row.values(i, null);
                for (int c = 0; c < values.length; c++) {
                    StatementCreatorUtils.setParameterValue(ps, c + 1, SqlTypeValue.TYPE_UNKNOWN, values[c]);
                }
            }

            @Override
            public int getBatchSize() {
                return count;
            }
        }, keys);
        List<Long> ids = new ArrayList<>(count);
        for (Map<String, Object> key : keys.getKeyList()) {
            ids.add(((Number) key.values().iterator().next()).longValue());
        }
        if (ids.size() != count) {
            throw new IllegalStateException("expected " + count + " generated keys, got " + ids.size());
        }
        return ids;
    }

    private static boolean copies(JdbcTemplate template) {
        return Boolean.TRUE.equals(template.execute((ConnectionCallback<Boolean>) PostgresCopy::available));
    }

    private static void copy(JdbcTemplate template, String table, List<String> columns, List<Object[]> rows) {
        long copied = template.execute((ConnectionCallback<Long>) con -> PostgresCopy.copy(con, table, columns, rows));
        if (copied != rows.size()) {
            throw new IllegalStateException("copied " + copied + " rows into " + table + ", expected " + rows.size());
        }
    }

    /** {@code count} new values of the table's id sequence, ascending (other sessions may draw between them). */
    private static List<Long> newIds(JdbcTemplate template, String table, int count) {
        String sequence = SEQUENCES.computeIfAbsent(table, t -> template.queryForObject(
                "select pg_get_serial_sequence(?, 'id')", String.class, t));
        if (sequence == null) {
            throw new IllegalStateException("table " + table + " has no generated id column");
        }
        List<Long> ids = new ArrayList<>(template.queryForList(
                "select nextval(cast(? as regclass)) from generate_series(1, ?)", Long.class, sequence, count));
        ids.sort(null);
        return ids;
    }

    /** The table and columns of a plain insert whose values are all placeholders. */
    record Insert(String table, List<String> columns) {

        static Insert parse(String sql) {
            Matcher m = INSERT.matcher(sql);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a plain insert into a table's columns: " + sql);
            }
            List<String> columns = Arrays.stream(m.group(2).split(",")).map(String::trim).toList();
            List<String> values = Arrays.stream(m.group(3).split(",")).map(String::trim).toList();
            if (values.size() != columns.size() || values.stream().anyMatch(v -> !v.equals("?"))) {
                throw new IllegalArgumentException("every value of a bulk insert is a placeholder, one per column: " + sql);
            }
            return new Insert(m.group(1), columns);
        }
    }
}
