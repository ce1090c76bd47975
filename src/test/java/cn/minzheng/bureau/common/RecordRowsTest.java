package cn.minzheng.bureau.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.RowMapper;

class RecordRowsTest {

    enum Status { APPLIED, APPROVED }

    record CaseRow(long id, String caseNumber, Status status, BigDecimal monthlyAmount, LocalDateTime createdAt,
                   Long householdId) {
    }

    record Total(String townshipCode, long cases) {
    }

    private Connection connection;

    @BeforeEach
    void table() throws SQLException {
        connection = DriverManager.getConnection("jdbc:h2:mem:record_rows;DB_CLOSE_DELAY=-1");
        connection.createStatement().execute("""
                create table case_row (id bigint, case_number varchar(20), status varchar(20),
                    monthly_amount decimal(12, 2), created_at timestamp, household_id bigint)""");
        connection.createStatement().execute("""
                insert into case_row values (7, 'DB2026-000007', 'APPROVED', 456.70, timestamp '2026-11-29 10:15:00', null),
                    (8, 'DB2026-000008', 'APPLIED', 0, timestamp '2026-11-29 11:00:00', 3)""");
    }

    @AfterEach
    void drop() throws SQLException {
        connection.createStatement().execute("drop all objects");
        connection.close();
    }

    @Test
    void mapsSnakeCaseColumnsToTheComponentsWithTheirTypes() throws SQLException {
        List<CaseRow> rows = map("select * from case_row order by id", RecordRows.of(CaseRow.class), new ArrayList<>());

        assertThat(rows).containsExactly(
                new CaseRow(7, "DB2026-000007", Status.APPROVED, new BigDecimal("456.70"),
                        LocalDateTime.of(2026, 11, 29, 10, 15), null),
                new CaseRow(8, "DB2026-000008", Status.APPLIED, new BigDecimal("0.00"),
                        LocalDateTime.of(2026, 11, 29, 11, 0), 3L));
    }

    @Test
    void asksForTheSnakeCaseColumnFirstSoNoLookupFails() throws SQLException {
        List<String> failedLookups = new ArrayList<>();

        map("select * from case_row", RecordRows.of(CaseRow.class), failedLookups);

        assertThat(failedLookups).isEmpty();
    }

    @Test
    void aColumnAliasedToTheComponentsOwnNameStillMaps() throws SQLException {
        List<Total> totals = map("select 'yuecun' as townshipCode, count(*) as cases from case_row",
                RecordRows.of(Total.class), new ArrayList<>());

        assertThat(totals).containsExactly(new Total("yuecun", 2));
    }

    @Test
    void aComponentWithoutAColumnIsAnError() {
        assertThatThrownBy(() -> map("select id, case_number from case_row", RecordRows.of(CaseRow.class), new ArrayList<>()))
                .isInstanceOf(SQLException.class);
    }

    @Test
    void oneMapperPerRecordType() {
        assertThat(RecordRows.of(CaseRow.class)).isSameAs(RecordRows.of(CaseRow.class));
    }

    /** Runs the query and maps every row; the result set records every column name it did not find. */
    private <T> List<T> map(String sql, RowMapper<T> mapper, List<String> failedLookups) throws SQLException {
        try (ResultSet rs = connection.createStatement().executeQuery(sql)) {
            ResultSet watched = watchLookups(rs, failedLookups);
            List<T> rows = new ArrayList<>();
            while (watched.next()) {
                rows.add(mapper.mapRow(watched, rows.size()));
            }
            return rows;
        }
    }

    private static ResultSet watchLookups(ResultSet rs, List<String> failedLookups) {
        return (ResultSet) Proxy.newProxyInstance(RecordRowsTest.class.getClassLoader(), new Class<?>[] {ResultSet.class},
                (proxy, method, args) -> {
                    try {
                        return method.invoke(rs, args);
                    } catch (InvocationTargetException e) {
                        if (method.getName().equals("findColumn")) {
                            failedLookups.add((String) args[0]);
                        }
                        throw e.getCause();
                    }
                });
    }
}
