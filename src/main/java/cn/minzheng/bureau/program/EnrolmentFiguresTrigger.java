package cn.minzheng.bureau.program;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.h2.api.Trigger;

import cn.minzheng.bureau.common.TriggerColumns;

/**
 * H2's trigger on {@code enrolment} and {@code household_member} (db/vendor/h2/V431): keeps the summaries
 * {@code figures_enrolment_household} and {@code figures_enrolment} (V430) current row by row, in the statement that
 * changes a row, as PostgreSQL's statement-level triggers do set by set (db/vendor/postgresql/V431): the touched
 * household's rows are taken from the sums, computed afresh from its enrolments and added back. Only the database
 * calls it.
 */
public class EnrolmentFiguresTrigger implements Trigger {

    /** The columns of an enrolment that change a figure (not the calculation or the time stamps). */
    private static final List<String> FIGURE_COLUMNS = List.of("program_code", "household_id", "person_id_number",
            "township_code", "status", "amount", "start_month", "end_month");

    private static final String MEASURES = "enrolments, households, people, amount, suspended, applied";

    private TriggerColumns columns;
    private String table;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        this.table = table.toLowerCase();
        columns = TriggerColumns.of(connection, schema, table);
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        Set<Long> households = switch (table) {
            case "enrolment" -> enrolmentChanged(oldRow, newRow);
            case "household_member" -> memberChanged(connection, oldRow, newRow);
            default -> throw new SQLException("EnrolmentFiguresTrigger on an unexpected table: " + table);
        };
        for (long household : households) {
            recompute(connection, household);
        }
    }

    private Set<Long> enrolmentChanged(Object[] oldRow, Object[] newRow) {
        Set<Long> households = new LinkedHashSet<>();
        if (oldRow != null && newRow != null
                && FIGURE_COLUMNS.stream().allMatch(c -> Objects.equals(value(oldRow, c), value(newRow, c)))) {
            return households;
        }
        for (Object[] row : new Object[][] {oldRow, newRow}) {
            if (row != null && !Program.DIBAO.equals(value(row, "program_code"))) {
                households.add(((Number) value(row, "household_id")).longValue());
            }
        }
        return households;
    }

    /** A member added, removed or moved: the households whose household enrolments count their members. */
    private Set<Long> memberChanged(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        Set<Long> households = new LinkedHashSet<>();
        Object oldHousehold = oldRow == null ? null : value(oldRow, "household_id");
        Object newHousehold = newRow == null ? null : value(newRow, "household_id");
        if (Objects.equals(oldHousehold, newHousehold)) {
            return households;
        }
        for (Object household : new Object[] {oldHousehold, newHousehold}) {
            if (household == null) {
                continue;
            }
            try (PreparedStatement select = connection.prepareStatement("""
                    select count(*) from enrolment
                    where household_id = ? and program_code <> 'DIBAO' and person_id_number is null""")) {
                select.setLong(1, ((Number) household).longValue());
                try (ResultSet rs = select.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        households.add(((Number) household).longValue());
                    }
                }
            }
        }
        return households;
    }

    private Object value(Object[] row, String column) {
        return columns.value(row, column);
    }

    /** The household's rows out of the sums, afresh from its enrolments, and back into the sums. */
    private static void recompute(Connection connection, long household) throws SQLException {
        addRows(connection, "select program_code, township_code, figure, period, " + MEASURES
                + " from figures_enrolment_household where household_id = ?", household, -1);
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from figures_enrolment_household where household_id = ?")) {
            delete.setLong(1, household);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into figures_enrolment_household (program_code, household_id, figure, period, township_code,
                    MEASURES)
                select program_code, household_id, figure, period, township_code, MEASURES
                from figures_enrolment_household_afresh where household_id = ?""".replace("MEASURES", MEASURES))) {
            insert.setLong(1, household);
            insert.executeUpdate();
        }
        addRows(connection, "select program_code, township_code, figure, period, " + MEASURES
                + " from figures_enrolment_household where household_id = ?", household, 1);
        try (PreparedStatement delete = connection.prepareStatement("delete from figures_enrolment where enrolments = 0")) {
            delete.executeUpdate();
        }
    }

    private static void addRows(Connection connection, String sql, long household, int sign) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setLong(1, household);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    add(connection, rs, sign);
                }
            }
        }
    }

    private static void add(Connection connection, ResultSet row, int sign) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                update figures_enrolment set enrolments = enrolments + ?, households = households + ?,
                    people = people + ?, amount = amount + ?, suspended = suspended + ?, applied = applied + ?
                where program_code = ? and township_code = ? and figure = ? and period = ?""")) {
            measures(update, row, sign, 1);
            for (int i = 0; i < 4; i++) {
                update.setString(7 + i, row.getString(1 + i));
            }
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        insert into figures_enrolment (program_code, township_code, figure, period, MEASURES)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""".replace("MEASURES", MEASURES))) {
                    for (int i = 0; i < 4; i++) {
                        insert.setString(1 + i, row.getString(1 + i));
                    }
                    measures(insert, row, sign, 5);
                    insert.executeUpdate();
                }
            }
        }
    }

    /** enrolments, households, people, amount, suspended, applied of the row (columns 5–10), times the sign. */
    private static void measures(PreparedStatement statement, ResultSet row, int sign, int first) throws SQLException {
        for (int i = 0; i < 6; i++) {
            if (i == 3) {
                statement.setBigDecimal(first + i, row.getBigDecimal(5 + i).multiply(java.math.BigDecimal.valueOf(sign)));
            } else {
                statement.setLong(first + i, sign * row.getLong(5 + i));
            }
        }
    }
}
