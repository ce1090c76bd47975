package cn.minzheng.bureau.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.common.DatabaseProduct;
import cn.minzheng.bureau.dibao.roster.DibaoRosterColumns;

/**
 * Benchmark (-Pbenchmark): a roster of N rows (default 100,000: N/2 households of two) generated to a
 * file, uploaded, validated and committed through the service as the page does, printing rows per
 * second and the heap's peak per step; in the same run the floor: the same workbook parsed (the import's own
 * SAX reader) and its rows batch-inserted with plain JDBC into a scratch table of the template's columns, and
 * the ratio of the whole import (upload, validate, commit) to it. On PostgreSQL also the data model's bound: the rows
 * the commit wrote, inserted set-wise into copies of their tables with their indexes, then also with their foreign keys
 * (what no code writing these tables can go below). The imported rows are removed afterwards, unless
 * {@code -Dbenchmark.keep=true}. See docs/benchmarks.md.
 *
 * <pre>
 * DB_URL=jdbc:postgresql://127.0.0.1:5432/yourdb ./mvnw -q -B -Pbenchmark test -Dtest.db=postgres \
 *     -Dlint.skip -Dtest=RosterImportBenchmark -Dbenchmark.rows=100000 -DargLine=-Xmx512m
 * </pre>
 */
@Tag("benchmark")
@SpringBootTest
class RosterImportBenchmark {

    @Autowired
    RosterImports imports;
    @Autowired
    ImportRepository batches;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    JdbcTemplate template;
    @Autowired
    DatabaseProduct database;

    private final List<String> lines = new ArrayList<>();

    @Test
    void importRoster() throws Exception {
        int rows = Integer.getInteger("benchmark.rows", 100_000);
        RosterSheets.Ids ids = new RosterSheets.Ids();
        Path file = Files.createTempFile("roster-benchmark", ".xlsx");
        List<String> people = new ArrayList<>(rows);
        step("generate workbook (SXSSF, to a file)", rows, () -> {
            write(file, rows, ids, people);
            return rows;
        });
        line("workbook: %d rows, %.1f MiB", rows, Files.size(file) / 1048576.0);
        long[] batchId = {0};
        double[] validated = new double[1];
        validated[0] = step("upload + validate (staging table)", rows, () -> {
            try (InputStream in = Files.newInputStream(file)) {
                batchId[0] = imports.upload("benchmark.xlsx", in, "admin").id();
            }
            ImportBatch done = await(batchId[0]);
            assertThat(done.status()).isEqualTo(ImportBatch.Status.VALIDATED);
            assertThat(done.acceptedCount()).isEqualTo(rows);
            return rows;
        });
        double[] commit = new double[1];
        commit[0] = step("commit (one transaction, chunks of " + ImportCommitter.CHUNK_ROWS + ")", rows, () -> {
            imports.commit(batchId[0], "admin", false);
            ImportBatch done = await(batchId[0]);
            assertThat(done.status()).isEqualTo(ImportBatch.Status.COMMITTED);
            return rows;
        });
        double floor = step("floor: parse the workbook + plain JDBC batch insert", rows, () -> {
            template.execute("create table import_floor (row_number int, household_key varchar(40), township varchar(40), "
                    + "community varchar(40), address varchar(200), bank_name varchar(50), bank_account varchar(30), "
                    + "name varchar(30), id_number varchar(18), relation varchar(20), employment varchar(20), "
                    + "disability varchar(20), wage_income numeric(12,2), other_income numeric(12,2), category varchar(20), "
                    + "monthly_amount numeric(12,2), start_month varchar(7))");
            try {
                List<Object[]> chunk = new ArrayList<>(1000);
                int[] seen = {0};
                XlsxRows.read(file, DibaoRosterColumns.COUNT, (rowNumber, cells) -> {
                    if (rowNumber == 1) {
                        return; // the header
                    }
                    Object[] values = new Object[DibaoRosterColumns.COUNT + 1];
                    values[0] = rowNumber;
                    for (int i = 0; i < DibaoRosterColumns.COUNT; i++) {
                        values[i + 1] = cells[i];
                    }
                    values[12] = decimal(cells[11]);
                    values[13] = decimal(cells[12]);
                    values[15] = decimal(cells[14]);
                    chunk.add(values);
                    seen[0]++;
                    if (chunk.size() == 1000) {
                        template.batchUpdate("insert into import_floor values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", chunk);
                        chunk.clear();
                    }
                });
                if (!chunk.isEmpty()) {
                    template.batchUpdate("insert into import_floor values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", chunk);
                }
                assertThat(seen[0]).isEqualTo(rows);
            } finally {
                template.execute("drop table import_floor");
            }
            return rows;
        });
        line("upload + validate + commit = %.2f s; floor = %.2f s; (upload + validate + commit) / floor = %.2f",
                validated[0] + commit[0], floor, (validated[0] + commit[0]) / floor);
        line("commit / floor = %.2f", commit[0] / floor);
        if (database.isPostgres()) {
            double indexes = modelBound(batchId[0], false);
            line("bound: the commit's rows into copies of their tables, indexes only = %.2f s = %.2f floors", indexes,
                    indexes / floor);
            double keys = modelBound(batchId[0], true);
            line("bound: the same with their foreign keys                        = %.2f s = %.2f floors", keys, keys / floor);
            line("(upload + validate + commit) / keyed bound = %.2f; commit / keyed bound = %.2f",
                    (validated[0] + commit[0]) / keys, commit[0] / keys);
        }
        if (Boolean.getBoolean("benchmark.keep")) {
            line("kept: the rows of import batch %d (-Dbenchmark.keep)", batchId[0]);
        } else {
            step("clean up (remove the imported rows)", rows, () -> {
                remove(batchId[0]);
                return rows;
            });
        }
        Files.deleteIfExists(file);
        System.out.println("\n=== benchmark: roster import ===\n" + String.join("\n", lines) + "\n");
    }

    private static BigDecimal decimal(String cell) {
        return cell == null || cell.isBlank() ? null : new BigDecimal(cell.trim());
    }

    private static void write(Path file, int rows, RosterSheets.Ids ids, List<String> people) throws Exception {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(200); OutputStream out = Files.newOutputStream(file)) {
            Sheet sheet = workbook.createSheet("低保在保家庭");
            Row header = sheet.createRow(0);
            for (int i = 0; i < DibaoRosterColumns.COUNT; i++) {
                header.createCell(i).setCellValue(DibaoRosterColumns.HEADERS.get(i));
            }
            int r = 1;
            for (int h = 0; h < rows / 2; h++) {
                for (String[] cells : RosterSheets.household("h" + h, ids, "640")) {
                    Row row = sheet.createRow(r++);
                    for (int i = 0; i < cells.length; i++) {
                        if (cells[i] != null) {
                            row.createCell(i).setCellValue(cells[i]);
                        }
                    }
                    people.add(cells[7]);
                }
            }
            workbook.write(out);
            workbook.dispose();
        }
    }

    private ImportBatch await(long id) throws InterruptedException {
        while (true) {
            ImportBatch batch = batches.find(id).orElseThrow();
            if (batch.status() != ImportBatch.Status.VALIDATING && batch.status() != ImportBatch.Status.COMMITTING) {
                return batch;
            }
            Thread.sleep(200);
        }
    }

    /** The tables a 低保 roster's commit writes, parents first, each with what selects the rows of one batch. */
    private static String[][] committedTables(long batchId) {
        String households = "select id from household where import_batch_id = " + batchId;
        String members = "select id from household_member where household_id in (" + households + ")";
        String cases = "select id from dibao_case where import_batch_id = " + batchId;
        String enrolments = "select id from enrolment where household_id in (" + households + ")";
        return new String[][] {
                {"household", "import_batch_id = " + batchId},
                {"household_member", "household_id in (" + households + ")"},
                {"income_item", "member_id in (" + members + ")"},
                {"dibao_case", "import_batch_id = " + batchId},
                {"dibao_case_person", "case_id in (" + cases + ")"},
                {"dibao_case_status_history", "case_id in (" + cases + ")"},
                {"enrolment", "household_id in (" + households + ")"},
                {"enrolment_status_history", "enrolment_id in (" + enrolments + ")"},
                {"audit_event", "case_id in (" + cases + ")"}};
    }

    /**
     * What the data model alone costs, whatever the code around it: the rows the commit wrote, already read into plain
     * tables (not timed), inserted by one {@code insert … select} per table, parents first, into a copy of each table
     * with its indexes ({@code like … including all}; no triggers, no round trips) and, if {@code withKeys}, its
     * foreign keys (to the copies of the nine, to the real {@code region} and {@code program}). Returns the seconds of
     * the inserts.
     */
    private double modelBound(long batchId, boolean withKeys) {
        String[][] tables = committedTables(batchId);
        Set<String> names = Arrays.stream(tables).map(table -> table[0]).collect(Collectors.toSet());
        long nanos = 0;
        long rows = 0;
        try {
            for (String[] table : tables) {
                template.execute("create table bound_rows_" + table[0] + " as select * from " + table[0] + " where " + table[1]);
                template.execute("create table bound_" + table[0] + " (like " + table[0] + " including all)");
                if (withKeys) {
                    for (String key : template.queryForList("select pg_get_constraintdef(oid) from pg_constraint "
                            + "where contype = 'f' and conrelid = cast(? as regclass)", String.class, table[0])) {
                        Matcher referenced = Pattern.compile("REFERENCES (\\w+)\\(").matcher(key);
                        String target = referenced.find() && names.contains(referenced.group(1))
                                ? referenced.replaceFirst("REFERENCES bound_$1(") : key;
                        template.execute("alter table bound_" + table[0] + " add " + target);
                    }
                }
            }
            template.execute("checkpoint");
            for (String[] table : tables) {
                long start = System.nanoTime();
                rows += template.update("insert into bound_" + table[0] + " select * from bound_rows_" + table[0]);
                nanos += System.nanoTime() - start;
            }
        } finally {
            for (String[] table : tables) {
                template.execute("drop table if exists bound_rows_" + table[0]);
            }
            for (int i = tables.length - 1; i >= 0; i--) {
                template.execute("drop table if exists bound_" + tables[i][0]);
            }
        }
        if (!withKeys) {
            line("rows the commit wrote into %d tables: %d", tables.length, rows);
        }
        return nanos / 1e9;
    }

    /** Deletes what the commit wrote, children first, and the batch's staged rows. */
    private void remove(long batchId) {
        String[][] tables = committedTables(batchId);
        for (int i = tables.length - 1; i >= 0; i--) {
            jdbc.sql("delete from " + tables[i][0] + " where " + tables[i][1]).update();
        }
        jdbc.sql("delete from import_row where batch_id = ?").param(batchId).update();
    }

    interface Step {
        int run() throws Exception;
    }

    /** Runs a step; prints elapsed time, rows per second and the heap's peak during it. Returns seconds. */
    private double step(String name, int rows, Step step) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        LongSupplier used = () -> heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();
        long before = used.getAsLong();
        long start = System.nanoTime();
        step.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        line("%-55s %8.2f s  %9.0f rows/s  heap before %4d MiB, peak %4d MiB", name, seconds, rows / seconds,
                before / 1048576, peak / 1048576);
        return seconds;
    }

    private void line(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        lines.add(line);
        System.out.println(line);
    }
}
