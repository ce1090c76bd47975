package cn.minzheng.bureau.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import cn.minzheng.bureau.BureauApplication;
import cn.minzheng.bureau.support.AppNode;
import cn.minzheng.bureau.support.Http;

/**
 * docs/operations.md "Upgrading": the database of release 1.0.0 (src/test/resources/upgrade, made by
 * ops/release-database.sh from the tag v1.0.0) is upgraded by starting this version on it. No business row is lost,
 * Flyway has applied every migration of this version, every process instance of the release is still there (running,
 * or finished in history), and a task that was waiting under the release is completed and its process moves on.
 * Generic on purpose: tables and migrations added later are covered without changing the test.
 */
@EnabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*")
class UpgradeTest {

    static final String RELEASE_DUMP = "/upgrade/release-1.0.0.sql.gz";

    @TempDir
    Path dir;

    @Test
    void theCurrentVersionStartsOnTheFirstReleasesDatabaseAndWorksOn() throws Exception {
        PostgresOps.requireClientTools();
        PostgresOps pg = new PostgresOps();
        String database = pg.freshDatabase("upgrade");
        try {
            load(pg, database);
            Map<String, Long> before = businessRows(pg.rowCounts(database));
            assertThat(before.get("dibao_case")).isPositive();
            List<String> instances = pg.column(database, "select id_ from act_ru_execution where id_ = proc_inst_id_");
            assertThat(instances).isNotEmpty();
            String waiting = pg.column(database, "select id_ from act_ru_task where task_def_key_ = 'Task_CheckByFinance'").get(0);

            try (AppNode node = AppNode.start("upgraded", BureauApplication.class.getName(), List.of(
                    "--spring.profiles.active=postgres", "--spring.datasource.url=" + pg.jdbcUrl(database),
                    "--bureau.demo-data.enabled=false", "--bureau.import.directory=" + dir.resolve("imports")))) {
                node.awaitLogin("finance", 600);

                Map<String, Long> after = businessRows(pg.rowCounts(database));
                before.forEach((table, rows) -> assertThat(after.get(table)).as(table).isGreaterThanOrEqualTo(rows));
                assertThat(pg.column(database, "select count(*) from flyway_schema_history where success and version is not null"))
                        .containsExactly(String.valueOf(migrationsOfThisVersion()));
                assertThat(pg.column(database, "select id_ from act_hi_procinst")).containsAll(instances);

                Http http = node.http();
                var check = http.get("finance", "/engine-rest/task/" + waiting).json();
                assertThat(http.post("finance", "/engine-rest/task/" + waiting + "/submit-form",
                        Map.of("variables", Map.of("checkDecision", Map.of("value", "CONFIRM")))).status()).isEqualTo(204);
                var next = http.get("approver", "/engine-rest/task?processInstanceId=" + check.get("processInstanceId").asText()).json();
                assertThat(next).hasSize(1);
                assertThat(next.get(0).get("taskDefinitionKey").asText()).isEqualTo("Task_ApproveByDistrict");
            }
        } finally {
            pg.drop(database);
        }
    }

    /** psql reads the release's plain-SQL dump, as an installation would restore it. */
    static void load(PostgresOps pg, String database) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "-h", pg.host, "-p", pg.port,
                "-U", PostgresOps.USER, "-d", database).redirectErrorStream(true);
        builder.environment().put("PGPASSWORD", PostgresOps.PASSWORD);
        Process psql = builder.start();
        try (InputStream dump = new java.util.zip.GZIPInputStream(UpgradeTest.class.getResourceAsStream(RELEASE_DUMP));
             OutputStream in = psql.getOutputStream()) {
            dump.transferTo(in);
        }
        String output = new String(psql.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(psql.waitFor(5, TimeUnit.MINUTES)).isTrue();
        assertThat(psql.exitValue()).as(output).isZero();
    }

    /** The project's tables: everything but the engine's (whose runtime rows come and go) and Flyway's. */
    static Map<String, Long> businessRows(Map<String, Long> rows) {
        Map<String, Long> business = new java.util.TreeMap<>(rows);
        business.keySet().removeIf(table -> table.startsWith("act_") || table.equals("flyway_schema_history"));
        return business;
    }

    /** On PostgreSQL: the common migrations and PostgreSQL's own (Flyway location db/vendor/{vendor}). */
    static int migrationsOfThisVersion() throws IOException {
        var resources = new PathMatchingResourcePatternResolver();
        return resources.getResources("classpath*:db/migration/V*.sql").length
                + resources.getResources("classpath*:db/vendor/postgresql/V*.sql").length;
    }
}
