package cn.minzheng.bureau.common;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The columns of the table an H2 row trigger ({@link org.h2.api.Trigger}) fires on, by name: H2 hands the trigger a
 * row as an array in the table's column order.
 */
public final class TriggerColumns {

    private final Map<String, Integer> positions;

    private TriggerColumns(Map<String, Integer> positions) {
        this.positions = Map.copyOf(positions);
    }

    /** Read once, in the trigger's {@code init}. */
    public static TriggerColumns of(Connection connection, String schema, String table) throws SQLException {
        Map<String, Integer> positions = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement("""
                select lower(column_name), ordinal_position from information_schema.columns
                where table_schema = ? and table_name = ?""")) {
            statement.setString(1, schema);
            statement.setString(2, table);
            try (ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    positions.put(rs.getString(1), rs.getInt(2) - 1);
                }
            }
        }
        return new TriggerColumns(positions);
    }

    /** The row's value of the column (lower case). */
    public Object value(Object[] row, String column) {
        Integer position = positions.get(column);
        if (position == null) {
            throw new IllegalArgumentException("no column " + column + " in " + positions.keySet());
        }
        return row[position];
    }
}
