package org.cooperationdesk.security;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.slf4j.LoggerFactory;

/**
 * Counts the SQL statements the engine prepares while it is open, by statement: MyBatis logs each one at DEBUG under
 * the statement's id ({@code org.camunda.bpm.engine.impl.persistence.entity.GroupEntity.selectGroupByQueryCriteria}),
 * so a test (or a measurement) sees which identity queries a request runs without a second Spring context or a spy.
 * The logger's level is put back on {@link #close()}.
 */
final class EngineStatements extends AppenderBase<ILoggingEvent> implements AutoCloseable {

    private static final String ENGINE_STATEMENTS = "org.camunda.bpm.engine.impl.persistence.entity";

    private final Logger logger = (Logger) LoggerFactory.getLogger(ENGINE_STATEMENTS);
    private final Level levelBefore = logger.getLevel();
    private final List<String> statements = Collections.synchronizedList(new ArrayList<>());
    private final List<String> sql = Collections.synchronizedList(new ArrayList<>());

    private EngineStatements() {
    }

    static EngineStatements count() {
        EngineStatements counter = new EngineStatements();
        counter.setName("engine-statements-" + System.nanoTime());
        counter.setContext(counter.logger.getLoggerContext());
        counter.start();
        counter.logger.addAppender(counter);
        counter.logger.setLevel(Level.DEBUG);
        return counter;
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (event.getFormattedMessage().startsWith("==>  Preparing:")) {
            String statement = event.getLoggerName().substring(ENGINE_STATEMENTS.length() + 1);
            synchronized (statements) {
                statements.add(statement);
                sql.add(event.getFormattedMessage());
            }
        }
    }

    /** The statements so far, as {@code Entity.statementId}, and starts again from none. */
    List<String> takeAll() {
        synchronized (statements) {
            List<String> taken = List.copyOf(statements);
            statements.clear();
            sql.clear();
            return taken;
        }
    }

    /** The SQL text of each statement {@code statement} (as {@code Entity.statementId}) so far, and starts again. */
    List<String> takeSqlOf(String statement) {
        synchronized (statements) {
            List<String> taken = new ArrayList<>();
            for (int i = 0; i < statements.size(); i++) {
                if (statements.get(i).equals(statement)) {
                    taken.add(sql.get(i));
                }
            }
            statements.clear();
            sql.clear();
            return taken;
        }
    }

    /** Of {@link #takeAll()}, those that read users, groups, memberships or tenants. */
    List<String> takeIdentity() {
        return takeAll().stream().filter(EngineStatements::readsIdentity).toList();
    }

    static boolean readsIdentity(String statement) {
        return statement.startsWith("UserEntity.") || statement.startsWith("GroupEntity.")
                || statement.startsWith("TenantEntity.") || statement.startsWith("MembershipEntity.")
                || statement.startsWith("TenantMembershipEntity.");
    }

    @Override
    public void close() {
        logger.setLevel(levelBefore);
        logger.detachAppender(this);
        stop();
    }
}
