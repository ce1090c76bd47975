package cn.minzheng.bureau.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test's PostgreSQL server (from DB_URL, as the suite's) as the operations scripts and IT staff meet it: fresh
 * databases next to the suite's (named after it), the scripts of ops/ run with the libpq variables, and every
 * table's row count.
 */
final class PostgresOps {

    static final String URL = System.getenv().getOrDefault("DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String USER = System.getenv().getOrDefault("DB_USER", "postgres");
    static final String PASSWORD = System.getenv().getOrDefault("DB_PASSWORD", "");
    private static final Pattern JDBC = Pattern.compile("jdbc:postgresql://([^:/]+)(?::(\\d+))?/([^?]+).*");

    final String host;
    final String port;
    final String suiteDatabase;

    PostgresOps() {
        Matcher m = JDBC.matcher(URL);
        if (!m.matches()) {
            throw new IllegalStateException("DB_URL is not a PostgreSQL URL: " + URL);
        }
        host = m.group(1);
        port = m.group(2) != null ? m.group(2) : "5432";
        suiteDatabase = m.group(3);
    }

    /** pg_dump, pg_restore and psql are needed; missing, they skip the test, except under CI=true. */
    static void requireClientTools() {
        boolean present = List.of("pg_dump", "pg_restore", "psql").stream().allMatch(PostgresOps::onPath);
        if ("true".equals(System.getenv("CI"))) {
            assertThat(present).as("pg_dump, pg_restore and psql (Debian: postgresql-client) under CI=true").isTrue();
        }
        assumeTrue(present, "pg_dump / pg_restore / psql not installed");
    }

    private static boolean onPath(String tool) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    /** A new empty database named after the suite's, dropped first if an earlier run left it. */
    String freshDatabase(String suffix) throws Exception {
        String name = suiteDatabase + "_" + suffix;
        try (Connection db = connect(suiteDatabase); Statement sql = db.createStatement()) {
            sql.execute("drop database if exists " + name + " with (force)");
            sql.execute("create database " + name + " encoding 'UTF8' template template0");
        }
        return name;
    }

    void drop(String database) throws Exception {
        try (Connection db = connect(suiteDatabase); Statement sql = db.createStatement()) {
            sql.execute("drop database if exists " + database + " with (force)");
        }
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
    }

    /** Runs a command (a script of ops/) with the libpq variables for the database; returns its output. */
    String run(String database, Map<String, String> environment, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("PGHOST", host, "PGPORT", port, "PGUSER", USER, "PGPASSWORD", PASSWORD,
                "PGDATABASE", database));
        builder.environment().putAll(environment);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ":\n" + output).isZero();
        return output;
    }

    /** Every table of the public schema (business tables, the engine's, Flyway's) with its number of rows. */
    Map<String, Long> rowCounts(String database) throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection db = connect(database); Statement sql = db.createStatement()) {
            List<String> tables = column(sql, "select tablename from pg_tables where schemaname = 'public'");
            for (String table : tables) {
                try (ResultSet rows = sql.executeQuery("select count(*) from \"" + table + "\"")) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        return counts;
    }

    List<String> column(String database, String query) throws SQLException {
        try (Connection db = connect(database); Statement sql = db.createStatement()) {
            return column(sql, query);
        }
    }

    static List<String> column(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
