package org.cooperationdesk.benchmark;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

import javax.sql.DataSource;

/**
 * Counts and times the SQL statements that go through a data source, by statement text: where the time of
 * a lifecycle goes. A thin JDK proxy around the pool; its own cost is a clock read per execution.
 */
public final class SqlStats {

    /** Statements counted on the current thread while a request runs ({@link ServerCostFilter}); null: not counting. */
    private static final ThreadLocal<long[]> ON_THIS_THREAD = new ThreadLocal<>();

    /** Starts counting the statements of this thread (any SqlStats), for the request it serves. */
    static void countThisThread() {
        ON_THIS_THREAD.set(new long[1]);
    }

    /** Stops counting on this thread; returns the statements since {@link #countThisThread()}. */
    static long stopCountingThisThread() {
        long[] counter = ON_THIS_THREAD.get();
        ON_THIS_THREAD.remove();
        return counter == null ? 0 : counter[0];
    }

    /** The figures of another JVM's SqlStats (the bare REST server's, read over HTTP), to report as this JVM's are. */
    static SqlStats of(List<Entry> entries) {
        SqlStats stats = new SqlStats();
        entries.forEach(entry -> {
            Counter counter = stats.bySql.computeIfAbsent(entry.sql(), key -> new Counter());
            counter.count.add(entry.count());
            counter.nanos.add(entry.nanos());
        });
        return stats;
    }


    public record Entry(String sql, long count, long nanos) {
    }

    private static final class Counter {
        final LongAdder count = new LongAdder();
        final LongAdder nanos = new LongAdder();
    }

    private final Map<String, Counter> bySql = new ConcurrentHashMap<>();
    /** Which threads' statements are counted; null: every thread's. */
    private volatile java.util.function.Predicate<Thread> threads;

    public void reset() {
        bySql.clear();
    }

    /**
     * Counts only the statements of the threads that pass (the web server's request threads, to leave out the job
     * executor's polling while pages are measured); null counts every thread's again.
     */
    void countOnly(java.util.function.Predicate<Thread> threads) {
        this.threads = threads;
    }

    public long statements() {
        return bySql.values().stream().mapToLong(counter -> counter.count.sum()).sum();
    }

    long nanos() {
        return bySql.values().stream().mapToLong(counter -> counter.nanos.sum()).sum();
    }

    List<Entry> top(int n) {
        return top(n, sql -> true);
    }

    /** The application's own statements: those on tables other than Camunda's ACT_*. */
    List<Entry> topOfOurs(int n) {
        return top(n, sql -> !sql.toUpperCase(java.util.Locale.ROOT).contains(" ACT_"));
    }

    /** Every statement with its whole text (up to 2,000 characters), most total time first. */
    public List<Entry> all() {
        List<Entry> entries = new ArrayList<>();
        bySql.forEach((sql, counter) -> entries.add(new Entry(sql, counter.count.sum(), counter.nanos.sum())));
        entries.sort(Comparator.comparingLong(Entry::nanos).reversed());
        return entries;
    }

    /** The statement as the report shows it: its first 160 characters. */
    static String shortened(String sql) {
        return sql.length() > 160 ? sql.substring(0, 160) + "..." : sql;
    }

    List<Entry> top(int n, java.util.function.Predicate<String> filter) {
        List<Entry> entries = new ArrayList<>();
        bySql.forEach((sql, counter) -> {
            if (filter.test(sql)) {
                entries.add(new Entry(shortened(sql), counter.count.sum(), counter.nanos.sum()));
            }
        });
        entries.sort(Comparator.comparingLong(Entry::nanos).reversed());
        return entries.subList(0, Math.min(n, entries.size()));
    }

    private void record(String sql, long nanos) {
        long[] onThisThread = ON_THIS_THREAD.get();
        if (onThisThread != null) {
            onThisThread[0]++;
        }
        java.util.function.Predicate<Thread> counted = threads;
        if (counted != null && !counted.test(Thread.currentThread())) {
            return;
        }
        Counter counter = bySql.computeIfAbsent(normalise(sql), key -> new Counter());
        counter.count.increment();
        counter.nanos.add(nanos);
    }

    private static String normalise(String sql) {
        String oneLine = sql == null ? "?" : sql.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 2000 ? oneLine.substring(0, 2000) : oneLine;
    }

    public DataSource wrap(DataSource target) {
        return (DataSource) Proxy.newProxyInstance(SqlStats.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                    Object result = invoke(target, method, args);
                    return result instanceof Connection connection ? wrap(connection) : result;
                });
    }

    private Connection wrap(Connection connection) {
        return (Connection) Proxy.newProxyInstance(SqlStats.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    Object result = invoke(connection, method, args);
                    if (method.getName().equals("prepareStatement") && result instanceof PreparedStatement statement
                            && args != null && args[0] instanceof String sql) {
                        return wrap(statement, PreparedStatement.class, sql);
                    }
                    if (method.getName().equals("createStatement") && result instanceof Statement statement) {
                        return wrap(statement, Statement.class, null);
                    }
                    return result;
                });
    }

    private <S extends Statement> S wrap(S statement, Class<S> type, String preparedSql) {
        InvocationHandler handler = (proxy, method, args) -> {
            if (!method.getName().startsWith("execute")) {
                return invoke(statement, method, args);
            }
            String sql = preparedSql != null ? preparedSql
                    : args != null && args.length > 0 && args[0] instanceof String text ? text : "(batch)";
            long start = System.nanoTime();
            try {
                return invoke(statement, method, args);
            } finally {
                record(sql, System.nanoTime() - start);
            }
        };
        return type.cast(Proxy.newProxyInstance(SqlStats.class.getClassLoader(), new Class<?>[] {type}, handler));
    }

    private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
