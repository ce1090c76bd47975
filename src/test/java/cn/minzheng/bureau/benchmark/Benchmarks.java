package cn.minzheng.bureau.benchmark;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** Prints a benchmark's figures with the machine and database they were measured on. */
final class Benchmarks {

    private Benchmarks() {
    }

    static void print(String name, List<String> figures) {
        StringBuilder out = new StringBuilder("\n=== benchmark: " + name + " ===\n");
        out.append("machine: ").append(Runtime.getRuntime().availableProcessors()).append(" cores, ")
                .append(totalMemoryGib()).append(" GiB; JVM max heap ")
                .append(Runtime.getRuntime().maxMemory() / (1024 * 1024)).append(" MiB; database: ")
                .append(System.getProperty("spring.profiles.active", "?").contains("postgres") ? "PostgreSQL" : "H2")
                .append("; engine: ").append(engine()).append('\n');
        figures.forEach(f -> out.append("  ").append(f).append('\n'));
        System.out.println(out);
    }

    /** Camunda 7 or, in the converted build (docs/engine-continuity.md), Operaton, with its version. */
    static String engine() {
        Package engine = ProcessEngine.class.getPackage();
        return (engine.getName().startsWith("org.operaton") ? "Operaton " : "Camunda ") + engine.getImplementationVersion();
    }

    static String database(DataSource dataSource) {
        try (var connection = dataSource.getConnection()) {
            var meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (Exception e) {
            return "?";
        }
    }

    /**
     * On PostgreSQL, vacuums and analyzes the database, as autovacuum does in production. A benchmark creates
     * and ends thousands of instances in a minute; without vacuum (autovacuum can be off on a test machine)
     * the engine's runtime tables fill with dead rows and, never analyzed, are joined by full scans, which
     * makes every variable load slower the longer a run lasts. Returns the server's autovacuum setting.
     */
    static String vacuum(JdbcTemplate jdbc) {
        if (!isPostgres(jdbc)) {
            return "n/a";
        }
        jdbc.execute("vacuum analyze");
        try {
            // the dirty pages of the last run are written now, not by a checkpoint in the middle of the next
            jdbc.execute("checkpoint");
        } catch (RuntimeException notSuperuser) {
            // only a superuser may; the run is then just noisier
        }
        return jdbc.queryForObject("show autovacuum", String.class);
    }

    /**
     * With -Dbenchmark.statements and PostgreSQL's pg_stat_statements loaded, starts counting the statements
     * of the next run. Returns false when the profile is not wanted or not available.
     */
    static boolean resetStatements(JdbcTemplate jdbc) {
        if (!Boolean.getBoolean("benchmark.statements") || !isPostgres(jdbc)) {
            return false;
        }
        try {
            jdbc.execute("create extension if not exists pg_stat_statements");
            jdbc.queryForList("select pg_stat_statements_reset()");
            return true;
        } catch (RuntimeException notLoaded) {
            System.out.println("statement profile unavailable (pg_stat_statements not in shared_preload_libraries)");
            return false;
        }
    }

    /** The statements since {@link #resetStatements}: calls and milliseconds per lifecycle, most expensive first. */
    static List<String> statements(JdbcTemplate jdbc, int lifecycles) {
        List<String> lines = new ArrayList<>();
        var rows = jdbc.queryForList("""
                select calls, total_exec_time, regexp_replace(query, '\\s+', ' ', 'g') as query
                from pg_stat_statements where dbid = (select oid from pg_database where datname = current_database())
                  and query not like '%pg_stat_statements%'
                order by total_exec_time desc""");
        double calls = 0;
        double millis = 0;
        for (var row : rows) {
            calls += ((Number) row.get("calls")).doubleValue();
            millis += ((Number) row.get("total_exec_time")).doubleValue();
        }
        lines.add(String.format("statements per lifecycle: %.1f, executing %.2f ms", calls / lifecycles, millis / lifecycles));
        rows.stream().limit(Integer.getInteger("benchmark.statements.limit", 40)).forEach(row -> {
            String query = (String) row.get("query");
            lines.add(String.format("  %6.2f calls %6.3f ms  %s", ((Number) row.get("calls")).doubleValue() / lifecycles,
                    ((Number) row.get("total_exec_time")).doubleValue() / lifecycles,
                    query.length() > 150 ? query.substring(0, 150) : query));
        });
        return lines;
    }

    private static boolean isPostgres(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
                connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
    }

    /** CPU time of this JVM so far, all threads (JIT and GC included); -1 where the platform does not say. */
    static long processCpuNanos() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    /** CPU time of the calling thread: the work it drives, without the compiler's and the collector's threads. */
    static long threadCpuNanos() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long totalMemoryGib() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return Math.round(sun.getTotalMemorySize() / (1024.0 * 1024 * 1024));
        }
        return -1;
    }
}
