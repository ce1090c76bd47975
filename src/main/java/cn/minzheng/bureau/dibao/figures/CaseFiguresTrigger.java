package cn.minzheng.bureau.dibao.figures;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

import org.h2.api.Trigger;

import cn.minzheng.bureau.common.TriggerColumns;

/**
 * H2's trigger on {@code dibao_case}, {@code dibao_case_person} and {@code payment} (db/vendor/h2/V406): keeps the
 * summaries {@code figures_case_status} and {@code figures_unpaid_case} (V405) current row by row, in the statement
 * that changes a row, as PostgreSQL's statement-level triggers do set by set (db/vendor/postgresql/V406). Only the
 * database calls it.
 */
public class CaseFiguresTrigger implements Trigger {

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
        switch (table) {
            case "dibao_case" -> caseChanged(connection, oldRow, newRow);
            case "dibao_case_person" -> personChanged(connection, oldRow, newRow);
            case "payment" -> paymentChanged(connection, oldRow, newRow);
            default -> throw new SQLException("CaseFiguresTrigger on an unexpected table: " + table);
        }
    }

    private void caseChanged(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow != null && newRow != null && value(oldRow, "township_code").equals(value(newRow, "township_code"))
                && value(oldRow, "status").equals(value(newRow, "status"))
                && Objects.equals(value(oldRow, "start_month"), value(newRow, "start_month"))) {
            return;
        }
        Object[] any = newRow != null ? newRow : oldRow;
        long caseId = ((Number) value(any, "id")).longValue();
        long people = people(connection, caseId);
        if (oldRow != null) {
            add(connection, oldRow, -1, -people);
        }
        if (newRow != null) {
            add(connection, newRow, 1, people);
        }
        recomputeUnpaid(connection, caseId);
    }

    private void personChanged(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        Object oldCase = oldRow == null ? null : value(oldRow, "case_id");
        Object newCase = newRow == null ? null : value(newRow, "case_id");
        if (Objects.equals(oldCase, newCase)) {
            return;
        }
        if (oldCase != null) {
            addToCase(connection, ((Number) oldCase).longValue(), -1);
        }
        if (newCase != null) {
            addToCase(connection, ((Number) newCase).longValue(), 1);
        }
    }

    /** A payment that is or was issued: its case's first issued payment may have come or gone. */
    private void paymentChanged(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        for (Object[] row : new Object[][] {oldRow, newRow}) {
            if (row != null && "ISSUED".equals(value(row, "status")) && value(row, "case_id") != null) {
                recomputeUnpaid(connection, ((Number) value(row, "case_id")).longValue());
            }
        }
    }

    private Object value(Object[] row, String column) {
        return columns.value(row, column);
    }

    private static long people(Connection connection, long caseId) throws SQLException {
        try (PreparedStatement count = connection.prepareStatement("select count(*) from dibao_case_person where case_id = ?")) {
            count.setLong(1, caseId);
            try (ResultSet rs = count.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private void add(Connection connection, Object[] caseRow, long cases, long people) throws SQLException {
        String startMonth = (String) value(caseRow, "start_month");
        add(connection, (String) value(caseRow, "township_code"), (String) value(caseRow, "status"),
                startMonth == null ? "" : startMonth, cases, people);
    }

    /** A person added to (1) or taken from (-1) the row of its case as the case is now. */
    private static void addToCase(Connection connection, long caseId, long people) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "select township_code, status, coalesce(start_month, '') from dibao_case where id = ?")) {
            select.setLong(1, caseId);
            try (ResultSet rs = select.executeQuery()) {
                if (rs.next()) {
                    add(connection, rs.getString(1), rs.getString(2), rs.getString(3), 0, people);
                }
            }
        }
    }

    private static void add(Connection connection, String township, String status, String startMonth, long cases,
                            long people) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("""
                update figures_case_status set cases = cases + ?, people = people + ?
                where township_code = ? and status = ? and start_month = ?""")) {
            update.setLong(1, cases);
            update.setLong(2, people);
            update.setString(3, township);
            update.setString(4, status);
            update.setString(5, startMonth);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        insert into figures_case_status (township_code, status, start_month, cases, people)
                        values (?, ?, ?, ?, ?)""")) {
                    insert.setString(1, township);
                    insert.setString(2, status);
                    insert.setString(3, startMonth);
                    insert.setLong(4, cases);
                    insert.setLong(5, people);
                    insert.executeUpdate();
                }
            }
        }
        if (cases < 0) {
            try (PreparedStatement delete = connection.prepareStatement("""
                    delete from figures_case_status where cases = 0 and township_code = ? and status = ? and start_month = ?""")) {
                delete.setString(1, township);
                delete.setString(2, status);
                delete.setString(3, startMonth);
                delete.executeUpdate();
            }
        }
    }

    /** Whether the case is approved, started and paid by no issued payment, from the rows as they are now. */
    private static void recomputeUnpaid(Connection connection, long caseId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from figures_unpaid_case where case_id = ?")) {
            delete.setLong(1, caseId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into figures_unpaid_case (case_id, township_code, start_month)
                select c.id, c.township_code, c.start_month from dibao_case c
                where c.id = ? and c.status = 'APPROVED' and c.start_month is not null
                  and not exists (select 1 from payment p where p.case_id = c.id and p.status = 'ISSUED')""")) {
            insert.setLong(1, caseId);
            insert.executeUpdate();
        }
    }
}
