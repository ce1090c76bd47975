package cn.minzheng.bureau.common;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.postgresql.PGConnection;

/**
 * PostgreSQL's {@code COPY … FROM STDIN} (the driver's {@code CopyManager}) on a connection of the pool, in the
 * transaction that connection is in: the one class that uses the PostgreSQL driver's own API (so the driver is a
 * compile dependency). Rows go in COPY's text format; a value is written as the JDBC batch would bind it (a
 * timestamp as the JVM zone's wall-clock time, as {@code setTimestamp} sends it).
 */
final class PostgresCopy {

    private PostgresCopy() {
    }

    /** Whether the connection (behind the pool's and Spring's proxies) is PostgreSQL's. */
    static boolean available(Connection con) throws SQLException {
        return con.isWrapperFor(PGConnection.class);
    }

    /** Copies the rows into the table's columns; returns the rows the server took. */
    static long copy(Connection con, String table, List<String> columns, List<Object[]> rows) throws SQLException {
        StringBuilder text = new StringBuilder(rows.size() * 16 * columns.size());
        for (Object[] row : rows) {
            if (row.length != columns.size()) {
                throw new IllegalArgumentException(row.length + " values for " + columns.size() + " columns of " + table);
            }
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                field(text, row[i]);
            }
            text.append('\n');
        }
        try {
            return con.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy " + table + " (" + String.join(", ", columns) + ") from stdin", new StringReader(text.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed", e);
        }
    }

    /** One value in COPY's text format: \N for null, a backslash, tab, newline or carriage return escaped. */
    static void field(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '\\' -> out.append("\\\\");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\r' -> out.append("\\r");
                    default -> out.append(c);
                }
            }
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof java.sql.Timestamp || value instanceof java.sql.Date || value instanceof LocalDate
                || value instanceof LocalDateTime) {
            out.append(value); // yyyy-MM-dd[ HH:mm:ss.f…] in the JVM's zone, as the driver binds it
        } else {
            throw new IllegalArgumentException("no COPY text form for a " + value.getClass().getName());
        }
    }
}
