package org.cooperationdesk.portal;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.cooperationdesk.TestDatabase;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The office's schema, migrated by Flyway into a database of its own (H2 in memory, or PostgreSQL with -Ppostgres). */
final class PortalDatabase {

    private static final AtomicInteger COUNT = new AtomicInteger();

    final DataSource dataSource;
    final JdbcClient jdbc;
    final DataSourceTransactionManager transactions;

    PortalDatabase() {
        dataSource = TestDatabase.postgres()
                ? new DriverManagerDataSource(TestDatabase.createDatabase(), TestDatabase.user(), TestDatabase.password())
                : new DriverManagerDataSource("jdbc:h2:mem:portal-" + COUNT.incrementAndGet() + ";DB_CLOSE_DELAY=-1", "sa", "");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        transactions = new DataSourceTransactionManager(dataSource);
    }
}
