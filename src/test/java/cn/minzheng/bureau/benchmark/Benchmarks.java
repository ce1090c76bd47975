package cn.minzheng.bureau.benchmark;

import java.lang.management.ManagementFactory;
import java.util.List;

import javax.sql.DataSource;

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

    private static long totalMemoryGib() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        if (os instanceof com.sun.management.OperatingSystemMXBean sun) {
            return Math.round(sun.getTotalMemorySize() / (1024.0 * 1024 * 1024));
        }
        return -1;
    }
}
