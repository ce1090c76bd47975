package cn.minzheng.bureau.program;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

import cn.minzheng.bureau.dibao.CaseStatus;

/**
 * The upgrade of a database the release before the program registry created: migrated to that release's
 * schema version, filled with the business data that release wrote when it seeded its demo data
 * ({@code upgrade/release-demo-data.sql}), then migrated to the current version. Every row of every table the
 * release had is still there with the values it had (later migrations add columns: the payroll's program, the
 * payment's enrolment, checked here too), and every 低保 case has its enrolment with the matching status,
 * amount, months and dated history. On H2, or on PostgreSQL (-Dtest.db=postgres) in a schema of its own.
 */
class EnrolmentMigrationTest {

    /** The schema version of the release before the program registry (V51, disaster roster import). */
    private static final String RELEASE_VERSION = "51";
    private static final String SCHEMA = "upgrade_test";

    @Test
    void upgradeKeepsEveryRowAndGivesEveryCaseItsEnrolment() throws SQLException {
        DataSource dataSource = freshDatabase();
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        flyway(dataSource).target(RELEASE_VERSION).load().migrate();
        new ResourceDatabasePopulator(new ClassPathResource("upgrade/release-demo-data.sql")).execute(dataSource);
        continueIdentities(jdbc, tables(dataSource));
        long cancelledCase = cancelAnApprovedCaseAsTheReleaseDid(jdbc);

        List<String> releaseTables = tables(dataSource);
        Map<String, List<Map<String, Object>>> before = new LinkedHashMap<>();
        for (String table : releaseTables) {
            before.put(table, rows(jdbc, table));
        }
        assertThat(before.get("dibao_case")).hasSizeGreaterThan(10);
        assertThat(before.get("payment")).isNotEmpty();
        assertThat(before.get("dibao_decision")).isNotEmpty();
        assertThat(before.get("audit_event")).hasSizeGreaterThan(100);

        flyway(dataSource).load().migrate();

        for (String table : releaseTables) {
            assertThat(columnsOf(before.get(table), rows(jdbc, table))).as("rows of %s after the upgrade", table)
                    .isEqualTo(before.get(table));
        }
        // V61: the release's payrolls are 低保's, its payments reference the case's enrolment
        assertThat(jdbc.queryForList("select distinct program_code from payroll", String.class)).containsExactly(Program.DIBAO);
        assertThat(jdbc.queryForObject("""
                select count(*) from payment p join enrolment e on e.id = p.enrolment_id
                where e.program_code = 'DIBAO' and e.program_case_id = p.case_id and p.one_off_enrolment_id is null""",
                Long.class)).isEqualTo(before.get("payment").size());
        assertThat(jdbc.queryForList("select code from program", String.class)).contains(Program.DIBAO);

        List<Map<String, Object>> cases = before.get("dibao_case");
        assertThat(jdbc.queryForObject("select count(*) from enrolment", Long.class)).isEqualTo(cases.size());
        for (Map<String, Object> c : cases) {
            long caseId = ((Number) c.get("id")).longValue();
            Map<String, Object> enrolment = jdbc.queryForMap(
                    "select * from enrolment where program_code = 'DIBAO' and program_case_id = ?", caseId);
            CaseStatus caseStatus = CaseStatus.valueOf((String) c.get("status"));
            assertThat(enrolment.get("status")).as("enrolment status of case %s", caseId)
                    .isEqualTo(caseStatus.enrolmentStatus().name());
            assertThat(enrolment.get("household_id")).isEqualTo(c.get("household_id"));
            assertThat(enrolment.get("township_code")).isEqualTo(c.get("township_code"));
            assertThat(enrolment.get("amount")).isEqualTo(c.get("monthly_amount"));
            assertThat(enrolment.get("start_month")).isEqualTo(c.get("start_month"));
            assertThat(enrolment.get("calculation_snapshot")).isEqualTo(c.get("calculation_snapshot"));
            assertThat(enrolment.get("person_id_number")).isNull();
            assertThat(history(jdbc, enrolment)).as("enrolment history of case %s", caseId)
                    .isEqualTo(expectedHistory(jdbc, caseId));
            assertThat(enrolment.get("end_month")).isEqualTo(caseId == cancelledCase ? "2026-12" : null);
        }
        // the payments of the release's payroll are those of active enrolments (but the one cancelled since)
        assertThat(jdbc.queryForList("""
                select e.status from payment p join enrolment e on e.program_case_id = p.case_id and e.program_code = 'DIBAO'
                where p.case_id <> ?""", String.class, cancelledCase)).isNotEmpty().containsOnly(EnrolmentStatus.ACTIVE.name());
    }

    /** The identity columns go on after the ids the release gave, as in the release's database. */
    private static void continueIdentities(JdbcTemplate jdbc, List<String> tables) {
        for (String table : tables) {
            Boolean hasId = jdbc.query("select * from " + table + " where 1 = 0",
                    (org.springframework.jdbc.core.ResultSetExtractor<Boolean>)
                            rs -> rs.getMetaData().getColumnName(1).equalsIgnoreCase("id"));
            if (Boolean.TRUE.equals(hasId)) {
                long next = jdbc.queryForObject("select coalesce(max(id), 0) + 1 from " + table, Long.class);
                jdbc.execute("alter table " + table + " alter column id restart with " + next);
            }
        }
    }

    /** The release's DibaoCaseRepository.changeStatus(CANCELLED), as it wrote it. */
    private static long cancelAnApprovedCaseAsTheReleaseDid(JdbcTemplate jdbc) {
        long caseId = jdbc.queryForObject("select min(id) from dibao_case where status = 'APPROVED'", Long.class);
        jdbc.update("update dibao_case set status = 'CANCELLED', closing_reason = '家庭收入超过标准' where id = ?", caseId);
        jdbc.update("update dibao_case_person set open_id_number = null where case_id = ?", caseId);
        jdbc.update("""
                insert into dibao_case_status_history (case_id, status, changed_at, changed_by, reason)
                values (?, 'CANCELLED', timestamp '2026-12-20 10:00:00', 'reviewer-district', '家庭收入超过标准')""", caseId);
        return caseId;
    }

    /** The case's status history in enrolment terms, consecutive repeats as one. */
    private static List<String> expectedHistory(JdbcTemplate jdbc, long caseId) {
        List<String> expected = new ArrayList<>();
        for (Map<String, Object> row : jdbc.queryForList("""
                select status, changed_at, changed_by, reason from dibao_case_status_history where case_id = ?
                order by changed_at, id""", caseId)) {
            String status = CaseStatus.valueOf((String) row.get("status")).enrolmentStatus().name();
            if (expected.isEmpty() || !expected.get(expected.size() - 1).startsWith(status + "|")) {
                expected.add(status + "|" + row.get("changed_at") + "|" + row.get("changed_by") + "|" + row.get("reason"));
            }
        }
        assertThat(expected).isNotEmpty();
        return expected;
    }

    private static List<String> history(JdbcTemplate jdbc, Map<String, Object> enrolment) {
        return jdbc.queryForList("""
                        select status, changed_at, changed_by, reason from enrolment_status_history where enrolment_id = ?
                        order by changed_at, id""", enrolment.get("id")).stream()
                .map(row -> row.get("status") + "|" + row.get("changed_at") + "|" + row.get("changed_by") + "|"
                        + row.get("reason"))
                .toList();
    }

    /**
     * Columns a later migration renamed, the release's name → today's: V310 counts the rooms of any damaged house
     * ({@code damaged_rooms}), not only the collapsed ones, and copies the collapsed rooms over.
     */
    private static final Map<String, String> RENAMED = Map.of("collapsed_rooms", "damaged_rooms");

    /** The rows as the release had them: only the columns it had (later migrations add some, rename a few). */
    private static List<Map<String, Object>> columnsOf(List<Map<String, Object>> release, List<Map<String, Object>> now) {
        if (release.isEmpty()) {
            return now;
        }
        return now.stream().map(row -> {
            Map<String, Object> kept = new LinkedHashMap<>();
            release.get(0).keySet().forEach(column -> kept.put(column,
                    row.containsKey(column) ? row.get(column) : row.get(RENAMED.getOrDefault(column, column))));
            return kept;
        }).toList();
    }

    private static List<Map<String, Object>> rows(JdbcTemplate jdbc, String table) {
        return jdbc.queryForList("select * from " + table + " order by 1, 2").stream()
                .map(row -> {
                    Map<String, Object> lower = new LinkedHashMap<>();
                    row.forEach((column, value) -> lower.put(column.toLowerCase(), value));
                    return lower;
                })
                .toList();
    }

    /** The business tables (the engine is not there: its schema is the engine's own to update). */
    private static List<String> tables(DataSource dataSource) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String table = rs.getString("TABLE_NAME").toLowerCase();
                if (!table.equals("flyway_schema_history")) {
                    tables.add(table);
                }
            }
        }
        assertThat(tables).contains("dibao_case", "payment", "payroll", "dibao_decision", "audit_event", "household")
                .doesNotContain("enrolment");
        return tables;
    }

    private static FluentConfiguration flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).locations("classpath:db/migration");
    }

    private static DataSource freshDatabase() {
        if (!Objects.toString(System.getProperty("spring.profiles.active"), "").contains("postgres")) {
            return new DriverManagerDataSource("jdbc:h2:mem:upgrade-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", "sa", "");
        }
        String url = System.getenv().getOrDefault("DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
        String user = System.getenv().getOrDefault("DB_USER", "postgres");
        String password = System.getenv().getOrDefault("DB_PASSWORD", "");
        new JdbcTemplate(new DriverManagerDataSource(url, user, password))
                .execute("drop schema if exists " + SCHEMA + " cascade; create schema " + SCHEMA);
        return new DriverManagerDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA, user, password);
    }
}
