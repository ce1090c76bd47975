package cn.minzheng.bureau.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

import cn.minzheng.bureau.BureauApplication;
import cn.minzheng.bureau.support.AppNode;
import cn.minzheng.bureau.support.Http;

/**
 * docs/operations.md "Backup and restore", with the commands it documents (ops/backup.sh, ops/restore.sh): an
 * installation with cases, a payroll, processes waiting and an uploaded roster workbook is backed up, restored into a
 * new database and a new import folder, and the application started on the copy finds all of it: every table's
 * rows, the workbook behind its batch, and a task open at backup time that completes and moves its process on.
 */
@EnabledIfSystemProperty(named = "spring.profiles.active", matches = ".*postgres.*")
class BackupRestoreTest {

    @TempDir
    Path dir;

    @Test
    void aRestoredBackupIsTheInstallationAsItWas() throws Exception {
        PostgresOps.requireClientTools();
        PostgresOps pg = new PostgresOps();
        String source = pg.freshDatabase("backup_source");
        String copy = pg.freshDatabase("backup_copy");
        Path sourceImports = dir.resolve("imports");
        Path copyImports = dir.resolve("restored-imports");
        Path backup = dir.resolve("backup");
        try {
            try (AppNode node = AppNode.start("backup-source", BureauApplication.class.getName(),
                    settings(pg, source, sourceImports, true))) {
                node.awaitLogin("finance", 600);
                awaitDemoData(pg, source, node);
            }
            Map<String, Long> rows = pg.rowCounts(source);
            assertThat(rows.get("dibao_case")).isPositive();
            assertThat(rows.get("payment")).isPositive();
            assertThat(rows.get("import_batch")).isPositive();
            List<String> openTasks = pg.column(source, "select id_ from act_ru_task order by id_");
            List<String> files = files(sourceImports);
            assertThat(files).isNotEmpty();

            pg.run(source, Map.of("BUREAU_IMPORT_DIRECTORY", sourceImports.toString()), "ops/backup.sh", backup.toString());
            pg.run(copy, Map.of("BUREAU_IMPORT_DIRECTORY", copyImports.toString()), "ops/restore.sh", backup.toString());

            assertThat(pg.rowCounts(copy)).isEqualTo(rows);
            assertThat(pg.column(copy, "select id_ from act_ru_task order by id_")).isEqualTo(openTasks);
            assertThat(files(copyImports)).isEqualTo(files);
            org.springframework.util.FileSystemUtils.deleteRecursively(sourceImports); // as on a new server

            try (AppNode node = AppNode.start("backup-copy", BureauApplication.class.getName(),
                    settings(pg, copy, copyImports, false))) {
                node.awaitLogin("finance", 600);
                Http http = node.http();
                String batch = pg.column(copy, "select min(id) from import_batch").get(0);
                Http.Download report = http.download("admin", "/api/imports/" + batch + "/report.xlsx");
                assertThat(report.status()).isEqualTo(200);
                assertThat(new String(report.body(), 0, 2)).isEqualTo("PK");

                var check = http.get("finance", "/engine-rest/task?taskDefinitionKey=Task_CheckByFinance").json().get(0);
                assertThat(openTasks).contains(check.get("id").asText());
                String instance = check.get("processInstanceId").asText();
                assertThat(http.post("finance", "/engine-rest/task/" + check.get("id").asText() + "/submit-form",
                        Map.of("variables", Map.of("checkDecision", Map.of("value", "CONFIRM")))).status()).isEqualTo(204);
                var next = http.get("approver", "/engine-rest/task?processInstanceId=" + instance).json();
                assertThat(next).hasSize(1);
                assertThat(next.get(0).get("taskDefinitionKey").asText()).isEqualTo("Task_ApproveByDistrict");
            }
        } finally {
            pg.drop(source);
            pg.drop(copy);
        }
    }

    static List<String> settings(PostgresOps pg, String database, Path imports, boolean demoData) {
        return List.of("--spring.profiles.active=postgres", "--spring.datasource.url=" + pg.jdbcUrl(database),
                "--bureau.demo-data.enabled=" + demoData, "--bureau.import.directory=" + imports);
    }

    /** The demo data is complete once the roster upload is validated and nothing changes any more. */
    static void awaitDemoData(PostgresOps pg, String database, AppNode node) throws Exception {
        long deadline = System.nanoTime() + 600_000_000_000L;
        Map<String, Long> last = Map.of();
        while (System.nanoTime() < deadline) {
            boolean uploaded = node.log().contains("demo data: a roster upload waiting for the administrator")
                    && pg.column(database, "select count(*) from import_batch where status = 'VALIDATING'").get(0).equals("0");
            Map<String, Long> now = pg.rowCounts(database);
            if (uploaded && now.equals(last)) {
                return;
            }
            last = now;
            Thread.sleep(3000);
        }
        throw new IllegalStateException("demo data not complete:\n" + node.tail());
    }

    static List<String> files(Path folder) throws Exception {
        try (Stream<Path> paths = Files.list(folder)) {
            return paths.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
