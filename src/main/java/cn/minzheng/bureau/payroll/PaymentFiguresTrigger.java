package cn.minzheng.bureau.payroll;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Objects;

import org.h2.api.Trigger;

import cn.minzheng.bureau.common.TriggerColumns;

/**
 * H2's trigger on {@code payment} (db/vendor/h2/V391): keeps the summaries {@code figures_payment} and
 * {@code figures_dibao_case} (V390) current row by row, in the statement that changes a payment, as PostgreSQL's
 * statement-level triggers do set by set (db/vendor/postgresql/V391). Only the database calls it.
 */
public class PaymentFiguresTrigger implements Trigger {

    private TriggerColumns columns;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        columns = TriggerColumns.of(connection, schema, table);
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow != null) {
            add(connection, oldRow, -1);
        }
        if (newRow != null) {
            add(connection, newRow, 1);
        }
        Long oldCase = oldRow == null ? null : (Long) value(oldRow, "case_id");
        Long newCase = newRow == null ? null : (Long) value(newRow, "case_id");
        if (oldRow != null && newRow != null && Objects.equals(oldCase, newCase)
                && value(oldRow, "benefit_month").equals(value(newRow, "benefit_month"))
                && value(oldRow, "township_code").equals(value(newRow, "township_code"))
                && value(oldRow, "people_count").equals(value(newRow, "people_count"))) {
            return;
        }
        for (Long caseId : new Long[] {oldCase, newCase}) {
            if (caseId != null) {
                recompute(connection, caseId);
            }
        }
    }

    private Object value(Object[] row, String column) {
        return columns.value(row, column);
    }

    private void add(Connection connection, Object[] row, int sign) throws SQLException {
        Object[] key = {value(row, "payroll_id"), value(row, "township_code"), value(row, "benefit_month"),
                value(row, "status"), value(row, "case_id") != null};
        long people = sign * ((Number) value(row, "people_count")).longValue();
        BigDecimal amount = ((BigDecimal) value(row, "amount")).subtract((BigDecimal) value(row, "deducted_amount"))
                .multiply(BigDecimal.valueOf(sign));
        try (PreparedStatement update = connection.prepareStatement("""
                update figures_payment set payments = payments + ?, people = people + ?, amount = amount + ?
                where payroll_id = ? and township_code = ? and benefit_month = ? and status = ? and with_case = ?""")) {
            update.setLong(1, sign);
            update.setLong(2, people);
            update.setBigDecimal(3, amount);
            bind(update, 4, key);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        insert into figures_payment (payroll_id, township_code, benefit_month, status, with_case,
                            payments, people, amount) values (?, ?, ?, ?, ?, ?, ?, ?)""")) {
                    bind(insert, 1, key);
                    insert.setLong(6, sign);
                    insert.setLong(7, people);
                    insert.setBigDecimal(8, amount);
                    insert.executeUpdate();
                }
            }
        }
        if (sign < 0) {
            try (PreparedStatement delete = connection.prepareStatement("""
                    delete from figures_payment where payments = 0 and payroll_id = ? and township_code = ?
                    and benefit_month = ? and status = ? and with_case = ?""")) {
                bind(delete, 1, key);
                delete.executeUpdate();
            }
        }
    }

    private static void bind(PreparedStatement statement, int first, Object[] key) throws SQLException {
        for (int i = 0; i < key.length; i++) {
            statement.setObject(first + i, key[i]);
        }
    }

    /** The case's first payment from its payments as they are now (the row that fired included). */
    private static void recompute(Connection connection, long caseId) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("delete from figures_dibao_case where case_id = ?")) {
            delete.setLong(1, caseId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into figures_dibao_case (case_id, first_month, township_code, people_count, imported)
                select p.case_id, p.benefit_month, p.township_code, p.people_count,
                    case when c.import_batch_id is null then false else true end
                from payment p join dibao_case c on c.id = p.case_id
                where p.case_id = ? and p.benefit_month = (select min(q.benefit_month) from payment q where q.case_id = ?)""")) {
            insert.setLong(1, caseId);
            insert.setLong(2, caseId);
            insert.executeUpdate();
        }
    }
}
