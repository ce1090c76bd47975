package cn.minzheng.bureau.common;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.support.GeneratedKeyHolder;

/**
 * One batched insert that hands back the generated ids, in the rows' order: what lets a bulk write insert the
 * rows that refer to them with their ids as plain values, instead of looking each one up again.
 */
public final class BatchInserts {

    private BatchInserts() {
    }

    /** Inserts {@code rows} with {@code sql} (column "id" generated); returns the ids in the rows' order. */
    public static List<Long> insertReturningIds(JdbcTemplate template, String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        template.batchUpdate(con -> con.prepareStatement(sql, new String[] {"id"}), new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int i) throws SQLException {
                Object[] row = rows.get(i);
                for (int c = 0; c < row.length; c++) {
                    StatementCreatorUtils.setParameterValue(ps, c + 1, SqlTypeValue.TYPE_UNKNOWN, row[c]);
                }
            }

            @Override
            public int getBatchSize() {
                return rows.size();
            }
        }, keys);
        List<Long> ids = new ArrayList<>(rows.size());
        for (Map<String, Object> key : keys.getKeyList()) {
            ids.add(((Number) key.values().iterator().next()).longValue());
        }
        if (ids.size() != rows.size()) {
            throw new IllegalStateException("expected " + rows.size() + " generated keys, got " + ids.size());
        }
        return ids;
    }
}
