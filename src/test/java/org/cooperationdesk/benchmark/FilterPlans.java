package org.cooperationdesk.benchmark;

import static org.cooperationdesk.benchmark.SharedFilters.check;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.cooperationdesk.CooperationDeskApplication;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The benchmark's task-list phase alone, against a PostgreSQL database that already holds a backlog (one the runner
 * left, e.g. {@code -Dbench.pg.prefix=bench_filters}): starts the application on that database without recreating it
 * (Flyway applies any new migration first, so the same backlog is measured before and after an index), then asks the
 * shared filters exactly as {@code BenchmarkRunner.taskLists} does and prints p50 / p95 / p99 per filter and way and
 * the statements each request kind issued. To see the plans of those very statements, switch PostgreSQL's
 * {@code auto_explain} on for the database first, e.g.
 * <pre>
 * ALTER DATABASE bench_filters SET session_preload_libraries = 'auto_explain';
 * ALTER DATABASE bench_filters SET auto_explain.log_min_duration = 5;
 * ALTER DATABASE bench_filters SET auto_explain.log_analyze = on;
 * </pre>
 * and read the server log. Run with the test class path:
 * {@code java -cp target/test-classes:target/classes:<dependencies> org.cooperationdesk.benchmark.FilterPlans}
 * ({@code -Dfilters.db}, {@code -Dfilters.queries}, {@code -Dfilters.auth=session|basic} (how the client signs in,
 * session as Tasklist by default), {@code -Dfilters.args} (more application arguments), {@code -Dbench.pg.url},
 * {@code -Dbench.pg.user}).
 * Not a test: nothing here asserts a time.
 */
public final class FilterPlans {

    private static final int WARM_UP = 5;

    private final String pgBase = System.getProperty("bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/");
    private final String pgUser = System.getProperty("bench.pg.user", "postgres");
    private final String pgPassword = System.getProperty("bench.pg.password", "");
    private final String database = System.getProperty("filters.db", "bench_filters");
    private final int repeats = Integer.getInteger("filters.queries", 100);
    private final Path work = Paths.get(System.getProperty("filters.work", "target/filter-plans"));
    /** session: one sign-in per user, then the session cookie, as Tasklist; basic: HTTP Basic on every request. */
    private final String auth = System.getProperty("filters.auth", "session");

    public static void main(String[] args) throws Exception {
        int status = 0;
        try {
            new FilterPlans().run();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    void run() throws Exception {
        SqlStats sql = new SqlStats();
        SpringApplication application = new SpringApplication(CooperationDeskApplication.class);
        application.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource && "dataSource".equals(name) ? sql.wrap(dataSource) : bean;
            }
        }));
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--coopdesk.data-dir=" + work.toAbsolutePath(), "--coopdesk.mail-sink.enabled=false",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=1", "--camunda.bpm.job-execution.enabled=false",
                "--logging.level.root=WARN", "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + pgBase + database, "--spring.datasource.username=" + pgUser,
                "--spring.datasource.password=" + pgPassword));
        // More settings to compare, e.g. -Dfilters.args=--camunda.bpm.generic-properties.properties.authorizationCheckRevokes=always
        String extra = System.getProperty("filters.args", "");
        if (!extra.isBlank()) {
            arguments.addAll(List.of(extra.trim().split("\\s+")));
        }
        ConfigurableApplicationContext app = application.run(arguments.toArray(String[]::new));
        try {
            ProcessEngine engine = app.getBean(ProcessEngine.class);
            int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
            System.out.printf(Locale.ROOT, "Database %s: %d open tasks%n", database, engine.getTaskService().createTaskQuery().count());
            RestClient api = "basic".equals(auth) ? new RestClient(port) : new RestClient(port, false, new RestClient.Sessions());
            System.out.printf(Locale.ROOT, "Signed in: %s%n", "basic".equals(auth) ? "HTTP Basic on every request" : "once per user (session)");
            measure(engine.getFilterService(), api, sql);
        } finally {
            app.close();
        }
    }

    private void measure(FilterService filters, RestClient api, SqlStats sql) throws Exception {
        Map<String, String> ids = SharedFilters.ids(filters);
        List<String> table = new ArrayList<>();
        table.add("| filter, way | p50 ms | p95 ms | p99 ms | answered | SQL statements per request |");
        table.add("|---|---:|---:|---:|---:|---:|");
        for (SharedFilters.Query query : SharedFilters.QUERIES) {
            String label = query.label();
            Map<String, SharedFilters.Call> ways = SharedFilters.ways(api, ids.get(query.filter()), query.user());
            for (Map.Entry<String, SharedFilters.Call> way : ways.entrySet()) {
                for (int i = 0; i < WARM_UP; i++) {
                    check(way.getValue().call());
                }
                sql.reset();
                Latencies latencies = new Latencies(label + ": " + way.getKey());
                String answered = "";
                for (int i = 0; i < repeats; i++) {
                    long begin = System.nanoTime();
                    RestClient.Response response = way.getValue().call();
                    latencies.add(System.nanoTime() - begin);
                    check(response);
                    if (i == 0) {
                        answered = SharedFilters.summary(response);
                    }
                }
                table.add(String.format(Locale.ROOT, "| %s | %.1f | %.1f | %.1f | %s | %.1f |", latencies.name,
                        latencies.percentileMillis(50), latencies.percentileMillis(95), latencies.percentileMillis(99),
                        answered, sql.statements() / (double) repeats));
                System.out.println("\n### " + latencies.name + ": statements (per " + repeats + " requests), total ms");
                for (SqlStats.Entry entry : sql.all()) {
                    System.out.printf(Locale.ROOT, "%6d %9.1f  %s%n", entry.count(), entry.nanos() / 1e6, entry.sql());
                }
            }
        }
        System.out.println();
        table.forEach(System.out::println);
    }
}
