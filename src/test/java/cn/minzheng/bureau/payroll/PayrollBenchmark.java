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

import cn.minzheng.bureau.benchmark.ScaleData;
import cn.minzheng.bureau.program.Program;
import cn.minzheng.bureau.region.Region;
import cn.minzheng.bureau.region.RegionRepository;

/**
 * Benchmark, not a test (surefire's default includes do not match the name; run it by name):
 * seeds N active enrolments (低保 cases by default; {@code -Dbenchmark.programs=DIBAO,TEKUN,GAOLING} spreads
 * them over programs), computes one month's payroll of each program and exports the first one's bank files, then
 * computes the month after (every case paid before, last month full),
 * printing rows per second, elapsed time and peak heap; in the same run the floor, a minimal INSERT … SELECT
 * of the same payment rows (staged beforehand) into an empty copy of the payment table. Its own rows are
 * removed before and after. See docs/benchmarks.md.
 *
 * {@code -Dbenchmark.scaleHouseholds=N} (PostgreSQL) first builds {@link ScaleData}'s district of N households with a
 * year of payments, unless the database already holds it, so the payroll writes into a payment table with history;
 * {@code -Dbenchmark.keep=true} leaves the run's rows behind for {@code explain analyze} (the next run removes them).
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
    private static final YearMonth NEXT_MONTH = MONTH.plusMonths(1);

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
        int enrolments = Integer.getInteger("benchmark.cases", 10_000);
        List<String> programs = List.of(System.getProperty("benchmark.programs", Program.DIBAO).split(","));
        boolean postgres = isPostgres();
        int scaleHouseholds = Integer.getInteger("benchmark.scaleHouseholds", 0);
        cleanUp(postgres);
        try {
            if (postgres && scaleHouseholds > 0) {
                // a district with a year of history beside the benchmark's enrolments (kept for the next run)
                try (Connection connection = dataSource.getConnection()) {
                    long present = ScaleData.households(connection);
                    if (present == 0) {
                        report.addAll(new ScaleData(dataSource).generate(scaleHouseholds, YearMonth.now().getYear() - 1));
                    } else {
                        line("scale data present: %d households (not rebuilt)", present);
                    }
                }
            }
            line("database: %d households, %d enrolments, %d payments before the run",
                    count("household"), count("enrolment"), count("payment"));
            line("database %s, %d active enrolments of %s, max heap %d MiB, %d cores", postgres ? "PostgreSQL" : "H2",
                    enrolments, String.join(", ", programs), Runtime.getRuntime().maxMemory() >> 20,
                    Runtime.getRuntime().availableProcessors());
            measure("seed cases and enrolments (set-wise)", enrolments, () -> seed(enrolments, programs, postgres));
            analyze(postgres);
            int rows = stageFloorRows(programs);
            line("payment rows the payrolls will write (staged for the floor, not timed): %d", rows);

            long floor1 = measure("floor: minimal INSERT … SELECT of the same rows", rows, () -> floor(postgres));
            List<Long> payrollIds = insertPayrolls(programs, MONTH);
            long compute = measure("payroll computation, " + String.join(" + ", programs), rows,
                    () -> computeAll(payrollIds));
            long floor2 = measure("floor again (after the payroll, same caches)", rows, () -> floor(postgres));
            long floor = Math.min(floor1, floor2);
            line("payroll / floor = %.2f", compute / (double) floor);

            for (long id : payrollIds) {
                jdbc.sql("update payroll set status = 'APPROVED' where id = ?").param(id).update();
            }
            measure("issue (mark payments issued)", rows, () -> {
                for (long id : payrollIds) {
                    issue.issue(id);
                }
                return null;
            });
            long payrollId = payrollIds.get(0);
            int firstRows = jdbc.sql("select count(*) from payment where payroll_id = ?").param(payrollId).query(Integer.class).single();
            Path dir = Files.createDirectories(Path.of("target", "benchmark"));
            measure("bank file CSV (streamed), " + programs.get(0), firstRows, () -> write(dir.resolve("bank-file.csv"), out -> bankFiles.writeCsv(payrollId, out)));
            measure("bank file xlsx (POI SXSSF), " + programs.get(0), firstRows, () -> write(dir.resolve("bank-file.xlsx"), out -> bankFiles.writeXlsx(payrollId, out)));
            line("files: csv %d KiB, xlsx %d KiB", Files.size(dir.resolve("bank-file.csv")) >> 10,
                    Files.size(dir.resolve("bank-file.xlsx")) >> 10);

            // the month after, as a bureau's payroll runs month by month: every case has been paid before and last
            // month is full. Vacuumed and analysed first (not timed), as autovacuum would have done in the month
            // between; the floor is measured again beside it.
            analyze(postgres);
            List<Long> nextIds = insertPayrolls(programs, NEXT_MONTH);
            long next = measure("payroll computation, the month after", rows, () -> computeAll(nextIds));
            long floor3 = measure("floor a third time", rows, () -> floor(postgres));
            line("the month after: payroll / floor = %.2f", next / (double) Math.min(floor, floor3));
        } finally {
            if (!Boolean.getBoolean("benchmark.keep")) {
                cleanUp(postgres);
            }
            Files.createDirectories(Path.of("target", "benchmark"));
            Files.write(Path.of("target", "benchmark", "payroll-" + enrolments + ".txt"), report);
        }
    }

    /** Each program's payroll of the month, still to be computed. */
    private List<Long> insertPayrolls(List<String> programs, YearMonth month) {
        List<Long> ids = new ArrayList<>();
        for (String program : programs) {
            ids.add(payrolls.insert(program, month));
        }
        return ids;
    }

    /** Computes the payrolls in turn; returns the payments inserted. */
    private int computeAll(List<Long> payrollIds) {
        int inserted = 0;
        for (long id : payrollIds) {
            inserted += computation.compute(id);
        }
        return inserted;
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

    /**
     * N active enrolments over the given programs, in the four townships: 低保 households of one or two people, each
     * with an approved case and its enrolment; for 特困供养 and 高龄津贴 (the programs other than 低保, in the
     * proportions 6 : 1 : 3 for 低保, 特困供养, 高龄津贴, or evenly for other lists) a household of one elderly
     * person enrolled as a person.
     */
    private int seed(int enrolments, List<String> programs, boolean postgres) {
        String numbers = postgres ? "generate_series(1, ?) as n(i)" : "system_range(1, ?) as n(i)";
        String concat = postgres ? "n.i::varchar" : "cast(n.i as varchar)";
        String idText = postgres ? "h.id::varchar" : "cast(h.id as varchar)";
        List<Region> townships = regions.townships();
        Timestamp now = Timestamp.from(Instant.now());
        int seeded = 0;
        for (int p = 0; p < programs.size(); p++) {
            String program = programs.get(p);
            int count = p == programs.size() - 1 ? enrolments - seeded : share(enrolments, programs, program);
            String mark = MARK + "-" + program;
            int perTownship = count / townships.size();
            for (int t = 0; t < townships.size(); t++) {
                Region township = townships.get(t);
                String community = regions.children(township.code()).get(0).code();
                int inTownship = t == townships.size() - 1 ? count - perTownship * t : perTownship;
                jdbc.sql("insert into household (township_code, community_code, address, bank_name, bank_account, created_at) "
                        + "select ?, ?, '" + mark + "', '中国农业银行', lpad(" + concat + ", 19, '6'), ? from " + numbers)
                        .params(township.code(), community, now, inTownship).update();
            }
            boolean dibao = Program.DIBAO.equals(program);
            jdbc.sql("""
                    insert into household_member (household_id, name, id_number, birth_date, sex, relation, employment_status, disability_level)
                    select h.id, '基准户主', lpad(%s, 18, '9'), date '%s', 'MALE', 'HEAD', 'UNEMPLOYED', 'NONE'
                    from household h where h.address = '%s'""".formatted(idText, dibao ? "1960-01-01" : "1935-01-01", mark)).update();
            if (dibao) {
                jdbc.sql("""
                        insert into household_member (household_id, name, id_number, birth_date, sex, relation, employment_status, disability_level)
                        select h.id, '基准成员', lpad(%s, 18, '8'), date '1990-01-01', 'FEMALE', 'SPOUSE', 'UNEMPLOYED', 'NONE'
                        from household h where h.address = '%s' and mod(h.id, 2) = 0""".formatted(idText, mark)).update();
                jdbc.sql("""
                        insert into dibao_case (case_number, household_id, township_code, category, status, monthly_amount,
                            start_month, created_at, updated_at)
                        select '%s-' || %s, h.id, h.township_code, 'ORDINARY', 'APPROVED', 200 + mod(h.id, 500), '2000-01', ?, ?
                        from household h where h.address = '%s'""".formatted(MARK, idText, mark))
                        .params(now, now).update();
                // each case's enrolment, as DibaoCaseRepository mirrors it: what the payroll reads
                seeded += jdbc.sql("""
                        insert into enrolment (program_code, household_id, township_code, status, amount, start_month, program_case_id,
                            created_at, updated_at)
                        select 'DIBAO', c.household_id, c.township_code, 'ACTIVE', c.monthly_amount, c.start_month, c.id, ?, ?
                        from dibao_case c join household h on h.id = c.household_id where h.address = ?""")
                        .params(now, now, mark).update();
            } else {
                // a person's enrolment (特困供养, 高龄津贴): the payee is the person
                seeded += jdbc.sql("""
                        insert into enrolment (program_code, household_id, person_id_number, township_code, status, amount,
                            start_month, created_at, updated_at)
                        select ?, h.id, m.id_number, h.township_code, 'ACTIVE', 100 + mod(h.id, 1000), '2000-01', ?, ?
                        from household h join household_member m on m.household_id = h.id where h.address = ?""")
                        .params(program, now, now, mark).update();
            }
        }
        return seeded;
    }

    private static int share(int enrolments, List<String> programs, String program) {
        if (programs.equals(List.of(Program.DIBAO, "TEKUN", "GAOLING"))) {
            return enrolments * (Program.DIBAO.equals(program) ? 6 : "TEKUN".equals(program) ? 1 : 3) / 10;
        }
        return enrolments / programs.size();
    }

    /**
     * The floor's input: the very payment rows the payrolls will insert (each program's statement, run into a scratch
     * table, not timed), so that the floor writes the same rows and only the writing is measured.
     */
    private int stageFloorRows(List<String> programs) {
        jdbc.sql("drop table if exists payment_rows").update();
        jdbc.sql("create table payment_rows as select * from payment where 1 = 0").update();
        int rows = 0;
        for (String program : programs) {
            rows += jdbc.sql(PayrollComputation.INSERT_PAYMENTS.formatted("payment_rows", "payment_rows"))
                    .params(0L, MONTH.toString(), Timestamp.from(Instant.now()), program, MONTH.toString(), MONTH.toString())
                    .update();
        }
        return rows;
    }

    /**
     * The floor: a minimal INSERT … SELECT of the same payment rows (staged above) into an empty copy of the payment
     * table with the same definition, keys, checks and the foreign key to the case. What the payroll adds on top is
     * finding the rows (the enrolments, payees and households joined, the months already paid left out), the
     * re-issues, the totals and the changes.
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
        return jdbc.sql("""
                insert into payment_floor (payroll_id, enrolment_id, case_id, benefit_month, household_id, township_code,
                    payee_name, payee_id_number, bank_name, bank_account, people_count, amount, status, created_at)
                select payroll_id, enrolment_id, case_id, benefit_month, household_id, township_code,
                    payee_name, payee_id_number, bank_name, bank_account, people_count, amount, status, created_at
                from payment_rows""").update();
    }

    private void cleanUp(boolean postgres) throws SQLException {
        jdbc.sql("drop table if exists payment_floor").update();
        jdbc.sql("drop table if exists payment_rows").update();
        for (YearMonth month : List.of(NEXT_MONTH, MONTH)) {
            jdbc.sql("delete from payment_failure where payroll_id in (select id from payroll where payroll_month = ?)").param(month.toString()).update();
            jdbc.sql("delete from payment where benefit_month = ?").param(month.toString()).update();
            jdbc.sql("delete from payroll_township_total where payroll_id in (select id from payroll where payroll_month = ?)").param(month.toString()).update();
            jdbc.sql("delete from payroll where payroll_month = ?").param(month.toString()).update();
        }
        analyze(postgres); // the foreign-key checks below then meet a small payment table
        String marked = "select id from household where address like '" + MARK + "%'";
        jdbc.sql("delete from enrolment_status_history where enrolment_id in (select id from enrolment where household_id in ("
                + marked + "))").update();
        jdbc.sql("delete from enrolment where household_id in (" + marked + ")").update();
        jdbc.sql("delete from dibao_case where household_id in (" + marked + ")").update();
        jdbc.sql("delete from household_member where household_id in (" + marked + ")").update();
        jdbc.sql("delete from household where address like '" + MARK + "%'").update();
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

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
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
