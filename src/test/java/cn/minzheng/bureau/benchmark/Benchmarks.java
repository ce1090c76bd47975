package cn.minzheng.bureau.benchmark;

import java.lang.management.ManagementFactory;
import java.util.List;

import javax.sql.DataSource;

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
                .append('\n');
        figures.forEach(f -> out.append("  ").append(f).append('\n'));
        System.out.println(out);
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
        return jdbc.queryForObject("show autovacuum", String.class);
    }

    private static boolean isPostgres(JdbcTemplate jdbc) {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
                connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres")));
    }

    private static long totalMemoryGib() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return Math.round(sun.getTotalMemorySize() / (1024.0 * 1024 * 1024));
        }
        return -1;
    }
}
