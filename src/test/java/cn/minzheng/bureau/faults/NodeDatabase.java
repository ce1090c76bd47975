package cn.minzheng.bureau.faults;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/** The PostgreSQL database the fault tests' nodes share, reached as the application reaches it (DB_URL, DB_USER, DB_PASSWORD). */
final class NodeDatabase {

    private static final String URL = System.getenv().getOrDefault("DB_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String USER = System.getenv().getOrDefault("DB_USER", "postgres");
    private static final String PASSWORD = System.getenv().getOrDefault("DB_PASSWORD", "");

    private NodeDatabase() {
    }

    static Connection connect() throws SQLException {
        return DriverManager.getConnection(URL, USER, PASSWORD);
    }
}
