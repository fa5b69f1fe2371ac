package org.cooperationdesk;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The database of every Spring context a test starts (registered in {@code META-INF/spring.factories}).
 * Normally nothing happens: each test keeps the in-memory H2 database it names. When the build runs with
 * {@code -Ppostgres} (system property {@code coopdesk.test.database=postgres}), each new context gets a fresh,
 * empty PostgreSQL database on the server the profile names, so Flyway and the engine create their schema there
 * exactly as in production. The databases are dropped when the test JVM ends.
 */
public class TestDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String PREFIX = "coopdesk_t_";

    private static final List<String> CREATED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::dropAll, "drop-test-databases"));
    }

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("coopdesk.test.database"));
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        if (!postgres() || context.getEnvironment().getPropertySources().contains("coopdeskTestDatabase")) {
            return;
        }
        if (context.getEnvironment().containsProperty("coopdesk.test.keep-datasource")) {
            return; // a cluster node: its database is chosen by the test that starts it
        }
        String url = createDatabase();
        // Spring keeps every test context it built (each with its own pool) until the JVM ends: small pools that let
        // idle connections go keep the suite under PostgreSQL's max_connections (100), however many contexts it caches.
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("coopdeskTestDatabase", Map.of(
                "spring.datasource.url", url,
                "spring.datasource.username", user(),
                "spring.datasource.password", password(),
                "spring.datasource.hikari.maximum-pool-size", "5",
                "spring.datasource.hikari.minimum-idle", "1",
                "spring.datasource.hikari.idle-timeout", "10000")));
    }

    /** A new empty database on the PostgreSQL server; returns its JDBC URL. */
    public static String createDatabase() {
        String name = PREFIX + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        execute("create database " + name);
        CREATED.add(name);
        return serverUrl() + name;
    }

    public static String serverUrl() {
        return System.getProperty("coopdesk.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/");
    }

    public static String user() {
        return System.getProperty("coopdesk.test.postgres.user", "postgres");
    }

    public static String password() {
        return System.getProperty("coopdesk.test.postgres.password", "");
    }

    private static void dropAll() {
        for (String name : CREATED) {
            try {
                execute("drop database if exists " + name + " with (force)");
            } catch (RuntimeException e) {
                // best effort while the JVM ends; a later run's databases have other names
            }
        }
    }

    private static void execute(String sql) {
        try (Connection connection = DriverManager.getConnection(serverUrl() + "postgres", user(), password());
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test database: " + sql + ": " + e.getMessage(), e);
        }
    }
}
