package cn.minzheng.bureau.payroll;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * Benchmark, not a test (surefire's default includes do not match the name; run it by name):
 * seeds N active cases, computes one month's payroll and exports its bank files, printing rows per
 * second, elapsed time and peak heap; in the same run the floor, a plain INSERT … SELECT of the same
 * payment rows into a scratch table. Its own rows are removed before and after. See docs/benchmarks.md.
 *
 * <pre>
 * DB_URL=jdbc:postgresql://127.0.0.1:5432/yourdb ./mvnw -q -B test -Dtest.db=postgres \
 *     -Dtest=PayrollBenchmark -Dbenchmark.cases=100000 -DargLine=-Xmx512m
 * </pre>
 */
@SpringBootTest
class PayrollBenchmark {

    private static final String MARK = "BENCH";
    private static final YearMonth MONTH = YearMonth.of(9999, 1);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    RegionRepository regions;
    @Autowired
    PayrollRepository payrolls;
    @Autowired
    PayrollComputation computation;
    @Autowired
    PayrollIssue issue;
    @Autowired
    BankFileExporter bankFiles;

    private final List<String> report = new ArrayList<>();

    @Test
    void payrollAgainstTheFloor() throws Exception {
        int cases = Integer.getInteger("benchmark.cases", 10_000);
        boolean postgres = isPostgres();
        cleanUp(postgres);
        try {
            line("database %s, %d active cases, max heap %d MiB, %d cores", postgres ? "PostgreSQL" : "H2", cases,
                    Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());
            measure("seed cases (set-wise)", cases, () -> seed(cases, postgres));
            analyze(postgres);

            long floor1 = measure("floor: plain INSERT … SELECT", cases, () -> floor(postgres));
            long payrollId = payrolls.insert(MONTH);
            long compute = measure("payroll computation (payments, totals, changes)", cases,
                    () -> computation.compute(payrollId));
            long floor2 = measure("floor again (after the payroll, same caches)", cases, () -> floor(postgres));
            long floor = Math.min(floor1, floor2);
            line("payroll / floor = %.2f", compute / (double) floor);

            jdbc.sql("update payroll set status = 'APPROVED' where id = ?").param(payrollId).update();
            measure("issue (mark payments issued)", cases, () -> issue.issue(payrollId));
            Path dir = Files.createDirectories(Path.of("target", "benchmark"));
            measure("bank file CSV (streamed)", cases, () -> write(dir.resolve("bank-file.csv"), out -> bankFiles.writeCsv(payrollId, out)));
            measure("bank file xlsx (POI SXSSF)", cases, () -> write(dir.resolve("bank-file.xlsx"), out -> bankFiles.writeXlsx(payrollId, out)));
            line("files: csv %d KiB, xlsx %d KiB", Files.size(dir.resolve("bank-file.csv")) >> 10,
                    Files.size(dir.resolve("bank-file.xlsx")) >> 10);
        } finally {
            cleanUp(postgres);
            Files.write(Path.of("target", "benchmark", "payroll-" + cases + ".txt"), report);
        }
    }

    private interface Step {
        Object run() throws Exception;
    }

    private interface Export {
        long write(OutputStream out) throws IOException;
    }

    /** Runs a step, printing elapsed time, rows per second and the heap's peak during the step. */
    private long measure(String name, int rows, Step step) throws Exception {
        System.gc();
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        AtomicLong sampledPeak = new AtomicLong();
        Thread sampler = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                Runtime rt = Runtime.getRuntime();
                sampledPeak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long start = System.nanoTime();
        step.run();
        long elapsed = System.nanoTime() - start;
        sampler.interrupt();
        sampler.join();
        long poolPeak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        line("%-50s %8.2f s  %10.0f rows/s  peak heap %5d MiB (sampled used %d MiB)", name, elapsed / 1e9,
                rows / (elapsed / 1e9), poolPeak >> 20, sampledPeak.get() >> 20);
        return elapsed;
    }

    private long write(Path file, Export export) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            return export.write(out);
        }
    }

    /** N households of one or two people in the four townships, each with an approved case. */
    private int seed(int cases, boolean postgres) {
        String numbers = postgres ? "generate_series(1, ?) as n(i)" : "system_range(1, ?) as n(i)";
        String concat = postgres ? "n.i::varchar" : "cast(n.i as varchar)";
        List<Region> townships = regions.townships();
        Timestamp now = Timestamp.from(Instant.now());
        int perTownship = cases / townships.size();
        for (int t = 0; t < townships.size(); t++) {
            Region township = townships.get(t);
            String community = regions.children(township.code()).get(0).code();
            int count = t == townships.size() - 1 ? cases - perTownship * t : perTownship;
            jdbc.sql("insert into household (township_code, community_code, address, bank_name, bank_account, created_at) "
                    + "select ?, ?, '" + MARK + "', '中国农业银行', lpad(" + concat + ", 19, '6'), ? from " + numbers)
                    .params(township.code(), community, now, count).update();
        }
        jdbc.sql("""
                insert into household_member (household_id, name, id_number, birth_date, sex, relation, employment_status, disability_level)
                select h.id, '基准户主', lpad(%s, 18, '9'), date '1960-01-01', 'MALE', 'HEAD', 'UNEMPLOYED', 'NONE'
                from household h where h.address = '%s'""".formatted(postgres ? "h.id::varchar" : "cast(h.id as varchar)", MARK)).update();
        jdbc.sql("""
                insert into household_member (household_id, name, id_number, birth_date, sex, relation, employment_status, disability_level)
                select h.id, '基准成员', lpad(%s, 18, '8'), date '1990-01-01', 'FEMALE', 'SPOUSE', 'UNEMPLOYED', 'NONE'
                from household h where h.address = '%s' and mod(h.id, 2) = 0""".formatted(postgres ? "h.id::varchar" : "cast(h.id as varchar)", MARK)).update();
        int seeded = jdbc.sql("""
                insert into dibao_case (case_number, household_id, township_code, category, status, monthly_amount,
                    start_month, created_at, updated_at)
                select '%s-' || %s, h.id, h.township_code, 'ORDINARY', 'APPROVED', 200 + mod(h.id, 500), '2000-01', ?, ?
                from household h where h.address = '%s'""".formatted(MARK, postgres ? "h.id::varchar" : "cast(h.id as varchar)", MARK))
                .params(now, now).update();
        // each case's enrolment, as DibaoCaseRepository mirrors it: what the payroll reads
        jdbc.sql("""
                insert into enrolment (program_code, household_id, township_code, status, amount, start_month, program_case_id,
                    created_at, updated_at)
                select 'DIBAO', c.household_id, c.township_code, 'ACTIVE', c.monthly_amount, c.start_month, c.id, ?, ?
                from dibao_case c join household h on h.id = c.household_id where h.address = ?""")
                .params(now, now, MARK).update();
        return seeded;
    }

    /**
     * The same INSERT … SELECT of the same rows into a scratch copy of the payment table with the same
     * definition: keys, checks and the foreign key to the case. What the payroll adds on top is its own work.
     */
    private int floor(boolean postgres) {
        jdbc.sql("drop table if exists payment_floor").update();
        if (postgres) {
            jdbc.sql("create table payment_floor (like payment including all)").update();
            jdbc.sql("alter table payment_floor add foreign key (case_id) references dibao_case (id)").update();
        } else {
            jdbc.sql("create table payment_floor as select * from payment where 1 = 0").update();
            jdbc.sql("alter table payment_floor add constraint payment_floor_uk unique (case_id, benefit_month)").update();
            jdbc.sql("alter table payment_floor add constraint payment_floor_enrolment_uk unique (enrolment_id, benefit_month)").update();
            jdbc.sql("alter table payment_floor add constraint payment_floor_one_off_uk unique (one_off_enrolment_id)").update();
            jdbc.sql("alter table payment_floor add foreign key (case_id) references dibao_case (id)").update();
        }
        return jdbc.sql(PayrollComputation.INSERT_PAYMENTS.formatted("payment_floor", "payment_floor"))
                .params(0L, MONTH.toString(), Timestamp.from(Instant.now()), Program.DIBAO, MONTH.toString(), MONTH.toString())
                .update();
    }

    private void cleanUp(boolean postgres) throws SQLException {
        jdbc.sql("drop table if exists payment_floor").update();
        jdbc.sql("delete from payment_failure where payroll_id in (select id from payroll where payroll_month = ?)").param(MONTH.toString()).update();
        jdbc.sql("delete from payment where benefit_month = ?").param(MONTH.toString()).update();
        jdbc.sql("delete from payroll_township_total where payroll_id in (select id from payroll where payroll_month = ?)").param(MONTH.toString()).update();
        jdbc.sql("delete from payroll where payroll_month = ?").param(MONTH.toString()).update();
        analyze(postgres); // the foreign-key checks below then meet a small payment table
        jdbc.sql("delete from enrolment where household_id in (select id from household where address = ?)").param(MARK).update();
        jdbc.sql("delete from dibao_case where household_id in (select id from household where address = ?)").param(MARK).update();
        jdbc.sql("delete from household_member where household_id in (select id from household where address = ?)").param(MARK).update();
        jdbc.sql("delete from household where address = ?").param(MARK).update();
    }

    private void analyze(boolean postgres) throws SQLException {
        if (!postgres) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            connection.createStatement().execute("vacuum analyze household, household_member, dibao_case, enrolment, payment");
        }
    }

    private boolean isPostgres() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        }
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.add(text);
        System.out.println("[benchmark] " + text);
    }
}
