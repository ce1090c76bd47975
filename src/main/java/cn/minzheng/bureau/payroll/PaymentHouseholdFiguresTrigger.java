package cn.minzheng.bureau.payroll;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Objects;

import org.h2.api.Trigger;

import cn.minzheng.bureau.common.TriggerColumns;

/**
 * H2's trigger on {@code payment} (db/vendor/h2/V501): keeps the households paid ({@code figures_payment_household}
 * and its counts {@code figures_payment_household_count}, V500) current row by row, in the statement that changes a
 * payment, as PostgreSQL's statement-level triggers do set by set (db/vendor/postgresql/V501). Only the database
 * calls it.
 */
public class PaymentHouseholdFiguresTrigger implements Trigger {

    private static final String[] KEY = {"payroll_id", "benefit_month", "household_id", "township_code"};

    private TriggerColumns columns;

    @Override
    public void init(Connection connection, String schema, String trigger, String table, boolean before, int type)
            throws SQLException {
        columns = TriggerColumns.of(connection, schema, table);
    }

    @Override
    public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws SQLException {
        if (oldRow != null && newRow != null && sameKey(oldRow, newRow)) {
            return;
        }
        if (oldRow != null) {
            add(connection, oldRow, -1);
        }
        if (newRow != null) {
            add(connection, newRow, 1);
        }
    }

    private boolean sameKey(Object[] oldRow, Object[] newRow) {
        for (String column : KEY) {
            if (!Objects.equals(columns.value(oldRow, column), columns.value(newRow, column))) {
                return false;
            }
        }
        return true;
    }

    private void add(Connection connection, Object[] row, int sign) throws SQLException {
        String month = (String) columns.value(row, "benefit_month");
        long household = ((Number) columns.value(row, "household_id")).longValue();
        String township = (String) columns.value(row, "township_code");
        String program;
        int own;
        try (PreparedStatement payroll = connection.prepareStatement(
                "select program_code, payroll_month from payroll where id = ?")) {
            payroll.setLong(1, ((Number) columns.value(row, "payroll_id")).longValue());
            try (ResultSet rs = payroll.executeQuery()) {
                if (!rs.next()) {
                    return; // a payment of no payroll is in no payroll's figures (PostgreSQL's join leaves it out too)
                }
                program = rs.getString(1);
                own = month.equals(rs.getString(2)) ? sign : 0;
            }
        }
        long[] inTownship = sums(connection, program, month, household, township);
        long[] inDistrict = sums(connection, program, month, household, null);
        try (PreparedStatement delete = connection.prepareStatement("""
                delete from figures_payment_household
                where program_code = ? and benefit_month = ? and household_id = ? and township_code = ?""")) {
            bind(delete, program, month, household, township);
            delete.executeUpdate();
        }
        if (inTownship[0] + sign > 0) {
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into figures_payment_household (program_code, benefit_month, household_id, township_code,
                        payments, own_payments) values (?, ?, ?, ?, ?, ?)""")) {
                bind(insert, program, month, household, township);
                insert.setLong(5, inTownship[0] + sign);
                insert.setLong(6, inTownship[1] + own);
                insert.executeUpdate();
            }
        }
        count(connection, program, month, township, inTownship, sign, own);
        count(connection, program, month, "", inDistrict, sign, own);
    }

    /** The household's payments and own payments of the program and month, in the township or (null) in all. */
    private static long[] sums(Connection connection, String program, String month, long household, String township)
            throws SQLException {
        try (PreparedStatement sums = connection.prepareStatement("""
                select coalesce(sum(payments), 0), coalesce(sum(own_payments), 0) from figures_payment_household
                where program_code = ? and benefit_month = ? and household_id = ?"""
                + (township == null ? "" : " and township_code = ?"))) {
            sums.setString(1, program);
            sums.setString(2, month);
            sums.setLong(3, household);
            if (township != null) {
                sums.setString(4, township);
            }
            try (ResultSet rs = sums.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        }
    }

    /** Changes the count of the township ('' the district) where the household's payments appear or go. */
    private static void count(Connection connection, String program, String month, String township, long[] was,
                              int sign, int own) throws SQLException {
        long households = present(was[0] + sign) - present(was[0]);
        long ownHouseholds = present(was[1] + own) - present(was[1]);
        if (households == 0 && ownHouseholds == 0) {
            return;
        }
        try (PreparedStatement update = connection.prepareStatement("""
                update figures_payment_household_count set households = households + ?, own_households = own_households + ?
                where program_code = ? and benefit_month = ? and township_code = ?""")) {
            update.setLong(1, households);
            update.setLong(2, ownHouseholds);
            update.setString(3, program);
            update.setString(4, month);
            update.setString(5, township);
            if (update.executeUpdate() == 0) {
                try (PreparedStatement insert = connection.prepareStatement("""
                        insert into figures_payment_household_count (program_code, benefit_month, township_code,
                            households, own_households) values (?, ?, ?, ?, ?)""")) {
                    insert.setString(1, program);
                    insert.setString(2, month);
                    insert.setString(3, township);
                    insert.setLong(4, households);
                    insert.setLong(5, ownHouseholds);
                    insert.executeUpdate();
                }
            }
        }
        try (PreparedStatement delete = connection.prepareStatement("""
                delete from figures_payment_household_count where households = 0 and own_households = 0
                and program_code = ? and benefit_month = ? and township_code = ?""")) {
            delete.setString(1, program);
            delete.setString(2, month);
            delete.setString(3, township);
            delete.executeUpdate();
        }
    }

    private static long present(long payments) {
        return payments > 0 ? 1 : 0;
    }

    private static void bind(PreparedStatement statement, String program, String month, long household, String township)
            throws SQLException {
        statement.setString(1, program);
        statement.setString(2, month);
        statement.setLong(3, household);
        statement.setString(4, township);
    }
}
