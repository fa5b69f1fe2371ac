package org.cooperationdesk.benchmark;

import static org.cooperationdesk.benchmark.SharedFilters.check;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.cooperationdesk.CooperationDeskApplication;
import org.cooperationdesk.people.Availability;
import org.cooperationdesk.people.ExpertRoster;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Measures Cooperation Desk as an office's work grows; see docs/benchmarks.md. Run it with
 * {@code mvn -Pbenchmark verify -Dbench.db=h2|postgres -Dbench.scale=small|full}. Prints a table and
 * writes it to target/benchmarks/&lt;timestamp&gt;-&lt;db&gt;.md and .csv. Not a test: nothing here asserts a time.
 */
public final class BenchmarkRunner {

    record Scale(int lifecycles, int openTasks, int finishedInstances, int queryRepeats) {
    }

    interface RestLifecycle {
        void run(RestClient api) throws Exception;
    }

    interface BareLifecycle {
        void run(BareEngine bare, Map<String, Latencies> calls) throws Exception;
    }

    /** A process driven end to end: through the application's REST API and on the bare engine. */
    record OfficeProcess(String name, String title, String roles, RestLifecycle overRest, BareLifecycle onBareEngine) {
    }

    static final List<OfficeProcess> PROCESSES = List.of(
            new OfficeProcess("dispatch", "Expert dispatch lifecycle", "coordinator/manager",
                    DispatchLifecycle::overRest, DispatchLifecycle::onBareEngine),
            new OfficeProcess("trainee", "Trainee invitation lifecycle", "coordinator/manager",
                    TraineeLifecycle::overRest, TraineeLifecycle::onBareEngine),
            new OfficeProcess("meeting", "Meeting organisation lifecycle", "coordinator/manager",
                    MeetingLifecycle::overRest, MeetingLifecycle::onBareEngine));

    private final String db = System.getProperty("bench.db", "h2");
    private final String scaleName = System.getProperty("bench.scale", "small");
    private final Scale scale = "full".equals(scaleName) ? new Scale(
            Integer.getInteger("bench.lifecycles", 100), Integer.getInteger("bench.openTasks", 10_000),
            Integer.getInteger("bench.history", 100_000), Integer.getInteger("bench.queries", 100))
            : new Scale(Integer.getInteger("bench.lifecycles", 20), Integer.getInteger("bench.openTasks", 1_000),
            Integer.getInteger("bench.history", 10_000), Integer.getInteger("bench.queries", 50));
    private final int clients = Integer.getInteger("bench.clients", 4);
    private final int generators = Integer.getInteger("bench.generators", Math.max(2, Runtime.getRuntime().availableProcessors()));
    private final String pgBase = System.getProperty("bench.pg.url", "jdbc:postgresql://127.0.0.1:5432/");
    private final String pgUser = System.getProperty("bench.pg.user", "postgres");
    private final String pgPassword = System.getProperty("bench.pg.password", "");
    /** Names of the databases the run drops and creates: the prefix, then _bare, _startup (two runs at once need two). */
    private final String pgPrefix = option("bench.pg.prefix", "coopdesk_bench");
    private final Path jar = Paths.get(System.getProperty("bench.jar", "target/cooperation-desk-0.1.0-SNAPSHOT.jar"));
    private final Path work = Paths.get(System.getProperty("bench.work", "target/benchmarks/work"));
    private final Path out = Paths.get(System.getProperty("bench.out", "target/benchmarks"));
    private final String skipStartup = System.getProperty("bench.skipStartup", "false");
    private final List<OfficeProcess> processes = PROCESSES.stream().filter(process -> List.of(System.getProperty(
            "bench.processes", "dispatch,trainee,meeting").split(",")).contains(process.name())).toList();
    /** The office's pages with ten years of records: false (not measured), true (after the other phases) or only. */
    private final String pages = option("bench.pages", "false");
    /** The office history's size: 1 is the ten years (20,000 people, 5,000 requests, 40,000 nominations...). */
    private final double officeScale = Double.parseDouble(option("bench.officeScale", "1"));
    private final long officeSeed = Long.parseLong(option("bench.seed", "14"));
    /** Measured requests per page (a record page cycles through its sample), after the warm-up. */
    private final int pageRepeats = Integer.getInteger("bench.pageRepeats", scale.queryRepeats());
    private final int pageWarmUp = Integer.getInteger("bench.pageWarmUp", 5);
    /** Records of each kind whose pages are requested, spread evenly over the records. */
    private final int pageSample = Integer.getInteger("bench.pageSample", 20);

    /** How our lifecycle clients sign in: session (one sign-in per client and user, as Tasklist) or basic (every call). */
    private final String auth = option("bench.auth", "session");
    /** Our clients' sessions, kept over the phases: each client signs in once per user. */
    private final RestClient.Sessions sessions = new RestClient.Sessions();
    /** The bare Camunda REST server in its own JVM (barerest.BareRestServer): what an office would run instead. */
    private final String bareRest = option("bench.bareRest", "true");
    private Process bareRestProcess;
    private int bareRestPort;

    /** Per process, ours / bare REST / bare Java side by side. */
    record Side(String server, Latencies lifecycles, double sqlPerLifecycle, double ownRequests, double polls) {
    }

    private final Map<String, List<Side>> sides = new LinkedHashMap<>();
    /** The clients' own CPU time: each driving thread reads its own. */
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Per phase (process and server), what each user action cost. */
    private final Map<String, Map<ActionStats.Action, ActionStats>> actionTables = new LinkedHashMap<>();
    /** Lifecycles that returned, per server and process key: the instances the check expects to have ended. */
    private final Map<String, Integer> returned = new ConcurrentHashMap<>();
    private final List<String> notEnded = new ArrayList<>();

    /** The office's pages measured, in order. */
    private final List<PageResult> pageResults = new ArrayList<>();
    /** Rows of the latency table, in order. */
    private final List<Latencies> rows = new ArrayList<>();
    private final Map<Latencies, String> sections = new LinkedHashMap<>();
    /** Single figures: start-up, memory, generation, ratio, SQL per lifecycle. */
    private final Map<String, String> figures = new LinkedHashMap<>();
    private final Map<String, List<SqlStats.Entry>> topSql = new LinkedHashMap<>();
    /** Every statement of every measured phase, for comparing two runs: written as -sql.csv. */
    private final Map<String, List<SqlStats.Entry>> allSql = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        int status = 0;
        try {
            new BenchmarkRunner().run();
        } catch (Throwable e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    void run() throws Exception {
        if (!List.of("session", "basic").contains(auth)) {
            throw new IllegalArgumentException("bench.auth is session or basic, not " + auth);
        }
        if (!List.of("false", "true", "only").contains(pages)) {
            throw new IllegalArgumentException("bench.pages is false, true or only, not " + pages);
        }
        ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC);
        Files.createDirectories(out);
        deleteRecursively(work);
        Files.createDirectories(work);
        log("Cooperation Desk benchmark: db=%s scale=%s %s clients=%d pages=%s auth=%s", db, scaleName, scale, clients, pages,
                auth);

        if (!Boolean.parseBoolean(skipStartup) && !pagesOnly()) {
            startupInSeparateJvm();
        }
        if (Boolean.parseBoolean(bareRest) && !pagesOnly()) {
            // Stopped in any case, also when this JVM ends otherwise (a failed start of ours, an interrupted run).
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                if (bareRestProcess != null) {
                    bareRestProcess.destroy();
                }
            }));
            startBareRestServer();
        }

        SqlStats appSql = new SqlStats();
        GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        mail.start();
        ConfigurableApplicationContext app = startApplication(appSql, mail.getSmtp().getPort());
        try {
            int port = ((ServletWebServerApplicationContext) app).getWebServer().getPort();
            if (!pagesOnly()) {
                processPhases(app, port, appSql, mail);
            }
            if (pagesOnly() || Boolean.parseBoolean(pages)) {
                pagesPhase(app, port, appSql);
            }
            figures.put("Resident memory of the benchmark JVM after the run (application, bare engine, clients), MB",
                    String.valueOf(rssMegabytes(ProcessHandle.current().pid())));
        } catch (Exception | Error e) {
            figures.put("Run aborted", String.valueOf(e));
            throw e;
        } finally {
            // What was measured so far is written even when a phase failed.
            report(started);
            app.close();
            mail.stop();
            stopBareRestServer();
        }
        if (!notEnded.isEmpty()) {
            throw new IllegalStateException("Lifecycles that did not end: " + notEnded);
        }
    }

    /** Phases 1 to 5 of docs/benchmarks.md: the lifecycles, the bare engine, the backlog and the task lists. */
    private void processPhases(ConfigurableApplicationContext app, int port, SqlStats appSql, GreenMail mail) throws Exception {
        ExpertRoster roster = app.getBean(ExpertRoster.class);
        ProcessEngine engine = app.getBean(ProcessEngine.class);
        // Each dispatch of ours takes one: the warm-up's, the fresh database's and the backlog's, and some to spare.
        addExperts(roster, warmUp() + 2 * scale.lifecycles() + 2 * clients + 10);

        // 1. lifecycles through the REST API on a fresh database
        Map<OfficeProcess, Latencies> ours = new LinkedHashMap<>();
        for (OfficeProcess process : processes) {
            RestClient warmUpClient = ours(port);
            ended("ours", process, drive(process.name() + " warm-up", warmUp(), () -> process.overRest().run(warmUpClient), null));
            // A client per phase: the report's rows keep counting the requests of their own client only.
            RestClient api = ours(port);
            appSql.reset();
            Latencies latencies = drive(process.name(), scale.lifecycles(), () -> process.overRest().run(api), appSql);
            ended("ours", process, latencies);
            ours.put(process, rename(latencies, process.title() + ", REST as " + process.roles() + " (fresh database)"));
            row("Lifecycles", latencies);
            api.requests.values().forEach(request -> row("REST requests during the " + process.name()
                    + " lifecycles (fresh database)", request));
            sqlFigures(process.name() + ", ours (fresh database)", appSql, scale.lifecycles());
            side(process, "ours over REST (" + ("session".equals(auth) ? "session" : "HTTP Basic") + ")", latencies, appSql, api);
            mail.purgeEmailFromAllMailboxes();
            checkEnded("ours", process, (key, finished) -> historic(engine, key, finished));
        }

        // 2. the same lifecycles on a bare engine
        SqlStats bareSql = new SqlStats();
        Map<OfficeProcess, Latencies> bare = new LinkedHashMap<>();
        try (BareEngine baseline = new BareEngine(bareJdbcUrl(), user(), password(), bareSql)) {
            for (OfficeProcess process : processes) {
                Map<String, Latencies> calls = new ConcurrentHashMap<>();
                ended("bare Java", process, drive("bare " + process.name() + " warm-up", warmUp(),
                        () -> process.onBareEngine().run(baseline, new ConcurrentHashMap<>()), null));
                bareSql.reset();
                Latencies latencies = drive("bare " + process.name(), scale.lifecycles(),
                        () -> process.onBareEngine().run(baseline, calls), bareSql);
                ended("bare Java", process, latencies);
                sides.computeIfAbsent(process.name(), name -> new ArrayList<>()).add(new Side("bare engine, Java API",
                        latencies, bareSql.statements() / (double) Math.max(1, latencies.count()), Double.NaN, Double.NaN));
                checkEnded("bare Java", process, (key, finished) -> historic(baseline.engine, key, finished));
                bare.put(process, rename(latencies, process.title() + ", bare engine (no-op delegates, Java API)"));
                row("Lifecycles", latencies);
                calls.values().forEach(call -> row("Bare engine API calls during the " + process.name() + " lifecycles", call));
                sqlFigures(process.name() + ", bare engine", bareSql, scale.lifecycles());
            }
        }
        // 2b. the same lifecycles on the bare Camunda REST server (its own JVM), as a Camunda-only office runs them
        Map<OfficeProcess, Latencies> bareRestLifecycles = new LinkedHashMap<>();
        if (bareRestProcess != null) {
            for (OfficeProcess process : processes) {
                RestClient warmUpClient = RestClient.bare(bareRestPort);
                ended("bare REST", process, drive("bare REST " + process.name() + " warm-up", warmUp(),
                        () -> process.overRest().run(warmUpClient), null, bareRestProcess.pid()));
                RestClient api = RestClient.bare(bareRestPort);
                resetBareRestSql();
                Latencies latencies = drive("bare REST " + process.name(), scale.lifecycles(),
                        () -> process.overRest().run(api), null, bareRestProcess.pid());
                ended("bare REST", process, latencies);
                SqlStats sql = bareRestSql();
                bareRestLifecycles.put(process, rename(latencies, process.title()
                        + ", bare Camunda REST (own JVM, no-op delegates, HTTP Basic)"));
                row("Lifecycles", latencies);
                api.requests.values().forEach(request -> row("Bare REST requests during the " + process.name()
                        + " lifecycles", request));
                sqlFigures("bare REST " + process.name(), sql, scale.lifecycles());
                side(process, "bare Camunda REST (HTTP Basic)", latencies, sql, api);
                RestClient checker = RestClient.bare(bareRestPort);
                checkEnded("bare REST", process, (key, finished) -> checker.get(null, "/engine-rest/history/process-instance/count"
                        + "?processDefinitionKey=" + key + (finished ? "&finished=true" : "&unfinished=true"), "coordinator")
                        .json().path("count").asLong());
            }
            figures.put("Resident memory of the bare REST server after its lifecycles, MB",
                    String.valueOf(rssMegabytes(bareRestProcess.pid())));
        }
        for (OfficeProcess process : processes) {
            figures.put("Throughput ratio ours / bare engine, " + process.name() + " (fresh database)", ratio(ours, bare, process));
            if (bareRestLifecycles.containsKey(process)) {
                figures.put("Throughput ratio ours / bare REST, " + process.name() + " (fresh database; target >= 1)",
                        ratio(ours, bareRestLifecycles, process));
                List<Side> row = sides.get(process.name());
                Side oursSide = row.stream().filter(side -> side.server().startsWith("ours")).findFirst().orElseThrow();
                Side restSide = row.stream().filter(side -> side.server().startsWith("bare Camunda")).findFirst().orElseThrow();
                figures.put("SQL statements per lifecycle ours / bare REST, " + process.name() + " (target <= 1.3)",
                        String.format(Locale.ROOT, "%.2f", oursSide.sqlPerLifecycle() / restSide.sqlPerLifecycle()));
            }
        }

        // 2c. a filter listed as Tasklist lists it, on both servers in the same state (the lifecycles' instances, all
        // ended): what authentication and the filter cost per request before the backlog
        listFilters("ours", ours(port), SharedFilters.ids(engine.getFilterService()));
        if (bareRestProcess != null) {
            RestClient bareApi = RestClient.bare(bareRestPort);
            Map<String, String> ids = new LinkedHashMap<>();
            for (var filter : bareApi.get(null, "/engine-rest/filter?resourceType=Task", "coordinator").json()) {
                ids.put(filter.path("name").asText(), filter.path("id").asText());
            }
            for (var filter : bareApi.get(null, "/engine-rest/filter?resourceType=Task", "manager").json()) {
                ids.put(filter.path("name").asText(), filter.path("id").asText());
            }
            listFilters("bare REST", bareApi, ids);
        }

        // 3. an office's backlog: open tasks and finished instances
        appSql.reset();
        generate(engine);
        sqlFigures("backlog generation (per generated instance, not a lifecycle)", appSql,
                Math.max(1, scale.finishedInstances() + scale.openTasks()));
        analyze(app.getBean(DataSource.class));

        // 4. the Tasklist filters with that backlog
        appSql.reset();
        int calls = taskLists(engine.getFilterService(), ours(port));
        sqlFigures("task list queries (per request, not a lifecycle)", appSql, calls);

        // 5. lifecycles again, with the backlog in the database
        Map<OfficeProcess, Latencies> oursLoaded = new LinkedHashMap<>();
        for (OfficeProcess process : processes) {
            RestClient loaded = ours(port);
            appSql.reset();
            Latencies latencies = drive(process.name() + " with backlog", scale.lifecycles(),
                    () -> process.overRest().run(loaded), appSql);
            ended("ours", process, latencies);
            checkEnded("ours", process, (key, finished) -> historic(engine, key, finished));
            actionTables.put(process.name() + ", ours (with the backlog)", loaded.actions);
            oursLoaded.put(process, rename(latencies, process.title() + ", REST (with the backlog)"));
            row("Lifecycles", latencies);
            loaded.requests.values().forEach(request -> row("REST requests during the " + process.name()
                    + " lifecycles (with the backlog)", request));
            sqlFigures(process.name() + ", ours (with the backlog)", appSql, scale.lifecycles());
            mail.purgeEmailFromAllMailboxes();
        }
        for (OfficeProcess process : processes) {
            figures.put("Throughput ratio ours with the backlog / bare engine (fresh database), " + process.name(),
                    ratio(oursLoaded, bare, process));
        }
    }

    // ------------------------------------------------------------------ the lifecycles' clients and checks

    /** A client of ours, signing in as bench.auth says. */
    private RestClient ours(int port) {
        return new RestClient(port, false, "session".equals(auth) ? sessions : null);
    }

    private void ended(String server, OfficeProcess process, Latencies returnedLifecycles) {
        returned.merge(server + "/" + process.name(), returnedLifecycles.count(), Integer::sum);
    }

    interface HistoryCount {
        long count(String processKey, boolean finished) throws Exception;
    }

    private static long historic(ProcessEngine engine, String key, boolean finished) {
        var query = engine.getHistoryService().createHistoricProcessInstanceQuery().processDefinitionKey(key);
        return finished ? query.finished().count() : query.unfinished().count();
    }

    /**
     * That every lifecycle that returned really ended on that server: as many finished instances of the process as
     * lifecycles returned, none unfinished. A run where one did not fails after writing its report.
     */
    private void checkEnded(String server, OfficeProcess process, HistoryCount history) throws Exception {
        String key = switch (process.name()) {
            case "dispatch" -> DispatchLifecycle.PROCESS_KEY;
            case "trainee" -> TraineeLifecycle.PROCESS_KEY;
            default -> MeetingLifecycle.PROCESS_KEY;
        };
        int expected = returned.getOrDefault(server + "/" + process.name(), 0);
        long finished = history.count(key, true);
        long unfinished = history.count(key, false);
        String verdict = finished == expected && unfinished == 0 ? "ended" : "NOT ENDED";
        figures.put("Check: " + process.name() + " on " + server + ", lifecycles returned / instances finished / unfinished",
                expected + " / " + finished + " / " + unfinished + " (" + verdict + ")");
        if (!"ended".equals(verdict)) {
            notEnded.add(process.name() + " on " + server + ": " + expected + " returned, " + finished + " finished, "
                    + unfinished + " unfinished");
        }
    }

    /** The lifecycle's figures beside the other servers', and what each user action cost. */
    private void side(OfficeProcess process, String server, Latencies latencies, SqlStats sql, RestClient api) {
        double lifecycles = Math.max(1, latencies.count());
        double own = api.actions.entrySet().stream().filter(entry -> !entry.getKey().poll
                        && entry.getKey() != ActionStats.Action.SIGN_IN)
                .mapToInt(entry -> entry.getValue().count()).sum() / lifecycles;
        double polls = api.actions.entrySet().stream().filter(entry -> entry.getKey().poll)
                .mapToInt(entry -> entry.getValue().count()).sum() / lifecycles;
        sides.computeIfAbsent(process.name(), name -> new ArrayList<>())
                .add(new Side(server, latencies, sql.statements() / lifecycles, own, polls));
        actionTables.put(process.name() + ", " + server + " (fresh database)", api.actions);
    }

    /** Each shared filter listed as Tasklist lists it (POST hal+json, newest first, 15), by the user who has it. */
    private void listFilters(String server, RestClient api, Map<String, String> ids) throws Exception {
        for (SharedFilters.Query query : SharedFilters.QUERIES) {
            String id = ids.get(query.filter());
            for (int i = 0; i < QUERY_WARM_UP; i++) {
                check(SharedFilters.postAsTasklist(api, null, id, query.user()));
            }
            for (int i = 0; i < scale.queryRepeats(); i++) {
                check(SharedFilters.postAsTasklist(api, "list filter " + query.filter() + " as " + query.user(), id,
                        query.user()));
            }
        }
        actionTables.put("list a filter, " + server + " (after the lifecycles, no backlog; 4 filter/user pairs)", api.actions);
    }

    // ------------------------------------------------------------------ the bare Camunda REST server in its own JVM

    /**
     * Starts barerest.BareRestServer on the runner's class path in a JVM of its own, with default JVM options and a
     * fresh database; its start-up to a ready Tasklist and its memory are measured as ours are.
     */
    private void startBareRestServer() throws Exception {
        bareRestPort = freePort();
        String url = postgres() ? pgBase + recreateDatabase(pgPrefix + "_barerest")
                : "jdbc:h2:file:" + work.resolve("barerest").toAbsolutePath() + "/bare-rest";
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-cp", System.getProperty("java.class.path"),
                "org.cooperationdesk.benchmark.barerest.BareRestServer", "--server.port=" + bareRestPort,
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + user(),
                "--spring.datasource.password=" + password()));
        Path logFile = out.resolve("barerest-" + db + ".log");
        log("Starting the bare REST server: java -cp <runner's class path> %s", String.join(" ",
                command.subList(3, command.size())));
        long begin = System.nanoTime();
        bareRestProcess = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        RestClient client = RestClient.bare(bareRestPort);
        while (client.status("/camunda/app/tasklist/default/") != 200) {
            if (!bareRestProcess.isAlive() || System.nanoTime() - begin > 300e9) {
                throw new IllegalStateException("The bare REST server did not start; see " + logFile);
            }
            Thread.sleep(20);
        }
        long millis = (System.nanoTime() - begin) / 1_000_000;
        figures.put("Start-up of the bare REST server to a ready Tasklist (GET /camunda/app/tasklist/default/ 200; "
                + "java -cp, fresh database, default JVM options), ms", String.valueOf(millis));
        figures.put("Resident memory of the bare REST server right after start-up, MB",
                String.valueOf(rssMegabytes(bareRestProcess.pid())));
        String ours = figures.get(OURS_STARTUP);
        if (ours != null) {
            figures.put("Start-up ratio ours / bare REST (target <= 1.2)",
                    String.format(Locale.ROOT, "%.2f", Long.parseLong(ours) / (double) millis));
        }
        while (client.status("/bench/ready") != 200) {
            if (!bareRestProcess.isAlive() || System.nanoTime() - begin > 300e9) {
                throw new IllegalStateException("The bare REST server did not set up its users; see " + logFile);
            }
            Thread.sleep(20);
        }
    }

    private void stopBareRestServer() throws InterruptedException {
        if (bareRestProcess != null) {
            bareRestProcess.destroy();
            bareRestProcess.waitFor();
        }
    }

    private void resetBareRestSql() throws Exception {
        check204(RestClient.bare(bareRestPort).post(null, "/bench/sql/reset", null, Map.of()));
    }

    private SqlStats bareRestSql() throws Exception {
        RestClient.Response response = RestClient.bare(bareRestPort).get(null, "/bench/sql", null);
        check(response);
        List<SqlStats.Entry> entries = new ArrayList<>();
        response.json().forEach(entry -> entries.add(new SqlStats.Entry(entry.path("sql").asText(),
                entry.path("count").asLong(), entry.path("nanos").asLong())));
        return SqlStats.of(entries);
    }

    private static void check204(RestClient.Response response) {
        if (response.status() != 204) {
            throw new IllegalStateException(response.status() + ": " + response.body());
        }
    }

    // ------------------------------------------------------------------ start-up in its own JVM

    static final String OURS_STARTUP = "Start-up to a ready Tasklist (java -jar of the extracted layout, as README's "
            + "production instructions; GET /camunda/app/tasklist/default/ signed out, redirects followed to the login "
            + "page, 200; fresh database, default JVM options), ms";

    /**
     * Our start-up to a ready Tasklist in a JVM of its own, twice: from the packed jar ({@code java -jar
     * cooperation-desk.jar}, classes read from jars inside the jar) and from the layout Spring Boot recommends for
     * production and README's production instructions use ({@code java -Djarmode=tools -jar ... extract}, then
     * {@code java -jar} of the extracted jar, whose libraries are plain jars on its class path, as the bare REST server's
     * {@code java -cp}). The second is the one compared with the bare REST server; a few lifecycles of each process
     * then run against it.
     */
    private void startupInSeparateJvm() throws Exception {
        if (!Files.exists(jar)) {
            log("No %s: start-up not measured (run through mvn -Pbenchmark verify, which packages first)", jar);
            return;
        }
        Path extracted = work.resolve("startup-extracted").toAbsolutePath();
        Process extract = new ProcessBuilder(javaBinary(), "-Djarmode=tools", "-jar", jar.toAbsolutePath().toString(), "extract",
                "--destination", extracted.toString()).redirectErrorStream(true)
                .redirectOutput(out.resolve("startup-extract.log").toFile()).start();
        if (extract.waitFor() != 0) {
            throw new IllegalStateException("java -Djarmode=tools extract failed; see " + out.resolve("startup-extract.log"));
        }
        startup("packed", jar.toAbsolutePath(), (process, client, millis) -> figures.put("Start-up to a ready Tasklist "
                + "(java -jar of the packed jar, otherwise as above), ms", String.valueOf(millis)));
        startup("extracted", extracted.resolve(jar.getFileName()), (process, client, millis) -> {
            figures.put(OURS_STARTUP, String.valueOf(millis));
            figures.put("Resident memory of the application right after start-up, MB", String.valueOf(rssMegabytes(process.pid())));
            // A few lifecycles of each process against it (dispatches take the demo roster's experts), then its memory.
            int warm = Integer.getInteger("bench.startupLifecycles", 4);
            for (OfficeProcess lifecycle : processes) {
                drive("separate JVM " + lifecycle.name(), warm, () -> lifecycle.overRest().run(client), null, process.pid());
            }
            figures.put("Resident memory of the application after " + warm + " lifecycles of each process (java -jar, "
                    + "default JVM options), MB", String.valueOf(rssMegabytes(process.pid())));
        });
    }

    /** What to do with a started application: its process, a client, and how long it took to a ready Tasklist. */
    private interface Started {
        void with(Process process, RestClient client, long millis) throws Exception;
    }

    private void startup(String name, Path applicationJar, Started started) throws Exception {
        int port = freePort();
        int smtp = freePort();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-jar", applicationJar.toString(),
                "--server.port=" + port, "--coopdesk.mail-sink.port=" + smtp, "--spring.mail.port=" + smtp,
                "--coopdesk.data-dir=" + work.resolve("startup-" + name).toAbsolutePath()));
        if (postgres()) {
            String database = recreateDatabase(pgPrefix + "_startup");
            command.addAll(List.of("--spring.datasource.url=" + pgBase + database,
                    "--spring.datasource.username=" + pgUser, "--spring.datasource.password=" + pgPassword));
        }
        Path logFile = out.resolve("startup-" + name + "-" + db + ".log");
        log("Starting %s", String.join(" ", command));
        long begin = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        try {
            RestClient client = new RestClient(port);
            // The login page answers when Tasklist does (both once the web server is up); Tasklist itself now sends a
            // signed-out caller there.
            while (client.status("/camunda/app/tasklist/default/") != 200) {
                if (!process.isAlive() || System.nanoTime() - begin > 300e9) {
                    throw new IllegalStateException("The application did not start; see " + logFile);
                }
                Thread.sleep(20);
            }
            long millis = (System.nanoTime() - begin) / 1_000_000;
            log("Started from the %s jar in %d ms", name, millis);
            started.with(process, client, millis);
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    // ------------------------------------------------------------------ the application in this JVM

    private ConfigurableApplicationContext startApplication(SqlStats sql, int smtpPort) throws Exception {
        List<String> args = new ArrayList<>(List.of("--server.port=0",
                "--coopdesk.data-dir=" + work.resolve("app").toAbsolutePath(),
                "--coopdesk.mail-sink.enabled=false",
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtpPort,
                "--logging.level.root=WARN", "--spring.main.banner-mode=off"));
        if (postgres()) {
            String database = recreateDatabase(pgPrefix);
            args.addAll(List.of("--spring.datasource.url=" + pgBase + database,
                    "--spring.datasource.username=" + pgUser, "--spring.datasource.password=" + pgPassword));
        }
        SpringApplication application = new SpringApplication(CooperationDeskApplication.class);
        application.addInitializers(context -> context.getBeanFactory().addBeanPostProcessor(new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource && "dataSource".equals(name) ? sql.wrap(dataSource) : bean;
            }
        }));
        // Benchmark only: each request's server time and SQL statements in its response headers (never in src/main).
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("benchServerCost",
                ServerCostFilter.registration()));
        long begin = System.nanoTime();
        ConfigurableApplicationContext context = application.run(args.toArray(String[]::new));
        figures.put("Start-up of the application in the benchmark JVM (SpringApplication.run), ms",
                String.valueOf((System.nanoTime() - begin) / 1_000_000));
        return context;
    }

    private void addExperts(ExpertRoster roster, int count) {
        LocalDate twoYears = LocalDate.now().plusYears(2);
        for (int i = 1; i <= count; i++) {
            roster.add(String.format("Bench Expert %04d", i), "bench.expert." + i + "@experts.example", "Japanese",
                    "Benchmark roster", Availability.AVAILABLE, twoYears, twoYears,
                    List.of("epidemiology", "laboratory"), List.of("english", "japanese"));
        }
        log("Added %d experts to the roster (each mission takes one for the day)", count);
    }

    // ------------------------------------------------------------------ backlog and task lists

    static final String HELPER_PROCESS = "BenchmarkWorkItem";
    private final int batch = Integer.getInteger("bench.batch", 500);

    private int batches(int count) {
        return (count + batch - 1) / batch;
    }

    private void generate(ProcessEngine engine) throws Exception {
        BpmnModelInstance helper = Bpmn.createExecutableProcess(HELPER_PROCESS).name("Benchmark work item")
                .camundaHistoryTimeToLive(180)
                .startEvent()
                .userTask("Task_Work").name("Work item").camundaCandidateGroups("${group}").camundaAssignee("${assignee}")
                .endEvent()
                .done();
        engine.getRepositoryService().createDeployment().name("benchmark-helper")
                .addModelInstance(HELPER_PROCESS + ".bpmn", helper).deploy();

        CommandExecutor commands = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getCommandExecutorTxRequired();
        long begin = System.nanoTime();
        // Finished instances: each batch one transaction (one engine command) that starts its instances and
        // completes their tasks, found in the command's entity cache. The engine writes the history as for any
        // instance (level full, removal times); the runtime rows are inserted and deleted in the same flush, so
        // never written.
        parallel(batches(scale.finishedInstances()), number -> commands.execute(context -> {
            for (int i = number * batch; i < Math.min((number + 1) * batch, scale.finishedInstances()); i++) {
                engine.getRuntimeService().startProcessInstanceByKey(HELPER_PROCESS, "BENCH-H-" + i, workItem(i));
            }
            List<String> tasks = context.getDbEntityManager().getCachedEntitiesByType(TaskEntity.class).stream()
                    .map(TaskEntity::getId).toList();
            tasks.forEach(task -> engine.getTaskService().complete(task, Map.of("outcome", "done")));
            return null;
        }));
        long historyMillis = (System.nanoTime() - begin) / 1_000_000;
        figures.put("Generated " + scale.finishedInstances() + " finished instances of a helper process (start, user task, "
                + "complete; " + batch + " instances per transaction, " + generators + " threads), s",
                String.format(Locale.ROOT, "%.1f", historyMillis / 1000.0));

        begin = System.nanoTime();
        parallel(batches(scale.openTasks()), number -> commands.execute(context -> {
            for (int i = number * batch; i < Math.min((number + 1) * batch, scale.openTasks()); i++) {
                engine.getRuntimeService().startProcessInstanceByKey(HELPER_PROCESS, "BENCH-O-" + i, workItem(i));
            }
            return null;
        }));
        long openMillis = (System.nanoTime() - begin) / 1_000_000;
        figures.put("Generated " + scale.openTasks() + " open tasks (70% coordinators, 30% managers, 5% assigned; "
                + batch + " per transaction, " + generators + " threads), s", String.format(Locale.ROOT, "%.1f", openMillis / 1000.0));
        figures.put("Open tasks in the database during the task list queries",
                String.valueOf(engine.getTaskService().createTaskQuery().count()));
        figures.put("Finished process instances in the history during the task list queries",
                String.valueOf(engine.getHistoryService().createHistoricProcessInstanceQuery().finished().count()));
    }

    private static Map<String, Object> workItem(int i) {
        boolean coordinators = i % 10 < 7;
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("group", coordinators ? "coordinators" : "managers");
        variables.put("assignee", i % 20 == 0 ? (coordinators ? "coordinator" : "manager") : null);
        variables.put("reference", "BENCH-" + i);
        variables.put("subject", "Work item " + i + " of the benchmark backlog");
        variables.put("amount", 1000L * i);
        return variables;
    }

    /** Returns the number of requests made (warm-up included), for the statements per request. */
    private int taskLists(FilterService filters, RestClient api) throws Exception {
        Map<String, String> ids = SharedFilters.ids(filters);
        int requests = 0;
        for (SharedFilters.Query query : SharedFilters.QUERIES) {
            for (Map.Entry<String, SharedFilters.Call> way : SharedFilters.ways(api, ids.get(query.filter()), query.user()).entrySet()) {
                timed(query.label() + ": " + way.getKey(), way.getValue()).run();
                requests += QUERY_WARM_UP + scale.queryRepeats();
            }
        }
        return requests;
    }

    static final int QUERY_WARM_UP = 5;

    private Runnable timed(String label, SharedFilters.Call call) {
        return () -> {
            try {
                for (int i = 0; i < QUERY_WARM_UP; i++) {
                    check(call.call());
                }
                Latencies latencies = new Latencies(label);
                long window = System.nanoTime();
                for (int i = 0; i < scale.queryRepeats(); i++) {
                    long begin = System.nanoTime();
                    RestClient.Response response = call.call();
                    latencies.add(System.nanoTime() - begin);
                    check(response);
                    if (i == 0) {
                        figures.put("Rows/count answered for " + label, SharedFilters.summary(response));
                    }
                }
                latencies.window(System.nanoTime() - window);
                row("Task list queries (one client, sequential)", latencies);
            } catch (Exception e) {
                throw new IllegalStateException(label, e);
            }
        };
    }

    // ------------------------------------------------------------------ the office's pages with ten years of records

    /** One page measured: what it is, as whom, an address of it, its latencies and the SQL of one request. */
    record PageResult(String page, String user, String example, Latencies latencies, double statements, double sqlMillis,
                      long bytes) {
    }

    /**
     * A page to request: a list's address, a record page's addresses for a sample of records, or the figures report's
     * addresses for each year; download: a file (its bytes counted, not read as text).
     */
    private record PageCall(String page, String user, List<String> paths, boolean download) {

        PageCall(String page, String user, List<String> paths) {
            this(page, user, paths, false);
        }
    }

    /** What a request answered: status, size, and the body of a page (for the message when it is not 200). */
    private record Answer(int status, long bytes, String body) {
    }

    private static Answer request(RestClient browser, PageCall call, String path) throws Exception {
        if (call.download()) {
            RestClient.Download download = browser.download(path, call.user());
            return new Answer(download.status(), download.bytes(), "");
        }
        RestClient.Response response = browser.page(path, call.user());
        return new Answer(response.status(), response.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length,
                response.body());
    }

    private boolean pagesOnly() {
        return "only".equals(pages);
    }

    /**
     * Fills the application's database with ten years of an office's records (OfficeHistory), then requests each list
     * (first page, a search, a filter, a sorted page, a late page) and each kind of record page (a sample of records),
     * first all of them for the warm-up, then each in turn, one client, sequentially, as in a browser (HTTP Basic,
     * text/html). Latency is the client's, on localhost; the SQL is counted on the web server's request threads only.
     */
    private void pagesPhase(ConfigurableApplicationContext app, int port, SqlStats appSql) throws Exception {
        // The pool itself, not the counting proxy: the history's inserts are not the pages' statements.
        DataSource database = app.getBean(DataSource.class).unwrap(DataSource.class);
        log("Office history: ten years at scale %s (seed %d)", officeScale, officeSeed);
        OfficeHistory.Result history = new OfficeHistory(database, officeScale, officeSeed, LocalDate.now()).generate();
        log("Office history: %d rows in %.1f s", history.total(), history.millis() / 1000.0);
        figures.put("Office history generated (ten years at scale " + officeScale + ", seed " + officeSeed
                + ", multi-row inserts in one transaction, then ANALYZE): rows / s",
                String.format(Locale.ROOT, "%d / %.1f", history.total(), history.millis() / 1000.0));
        StringBuilder tables = new StringBuilder();
        history.rows().forEach((table, count) -> tables.append(tables.isEmpty() ? "" : ", ").append(table).append(' ').append(count));
        figures.put("Office history rows by table", tables.toString());

        List<PageCall> calls = new ArrayList<>();
        try (Connection connection = database.getConnection(); Statement statement = connection.createStatement()) {
            for (DeskPages.ListPage list : DeskPages.LISTS) {
                String path = list.path();
                if (list.rows() != null) {
                    long rows = longs(statement, list.rows()).get(0);
                    long lastPage = Math.max(1, (rows + DeskPages.PAGE_SIZE - 1) / DeskPages.PAGE_SIZE);
                    path = path.replace("{late}", String.valueOf(Math.max(1, lastPage * 4 / 5)));
                }
                calls.add(new PageCall(list.label(), DeskPages.LIST_USER, List.of(path)));
            }
            for (DeskPages.RecordPage record : DeskPages.RECORDS) {
                List<String> keys = strings(statement, record.keys());
                List<String> paths = new ArrayList<>();
                int sample = Math.min(pageSample, keys.size());
                for (int i = 0; i < sample; i++) {
                    String key = keys.get((int) ((long) i * keys.size() / sample));
                    paths.add(record.path().replace("{key}", java.net.URLEncoder.encode(key, java.nio.charset.StandardCharsets.UTF_8)));
                }
                for (String user : DeskPages.RECORD_USERS) {
                    calls.add(new PageCall(record.kind() + " (record, " + sample + " records)", user, paths));
                }
            }
        }
        // The figures of the history's last ten years (the current, still partial, one included), and the downloads
        // of the last whole fiscal year.
        LocalDate today = LocalDate.now();
        int fiscalYear = today.getMonthValue() < 4 ? today.getYear() - 1 : today.getYear();
        for (DeskPages.ReportPage report : DeskPages.REPORTS) {
            List<String> paths = new ArrayList<>();
            if (report.everyYear()) {
                int last = report.path().contains("period=fiscal") ? fiscalYear : today.getYear();
                for (int year = last - DeskPages.REPORT_YEARS + 1; year <= last; year++) {
                    paths.add(report.path().replace("{year}", String.valueOf(year)));
                }
            } else {
                paths.add(report.path().replace("{year}", String.valueOf(fiscalYear - 1)));
            }
            calls.add(new PageCall(report.kind() + (report.everyYear() ? " (" + paths.size() + " years)" : ""),
                    DeskPages.REPORT_USER, paths, report.download()));
        }

        RestClient browser = new RestClient(port);
        List<PageCall> answering = new ArrayList<>();
        for (PageCall call : calls) {
            Answer refused = null;
            // At least each record of the sample once: its first request is never a measured one.
            int warmUps = Math.max(pageWarmUp, call.paths().size());
            for (int i = 0; i < warmUps && refused == null; i++) {
                String path = call.paths().get(i % call.paths().size());
                Answer response = request(browser, call, path);
                if (response.status() != 200) {
                    refused = response;
                    figures.put("Page not measured: " + call.page() + " as " + call.user(), response.status() + " for " + path);
                    log("Page not measured: %s as %s: %d for %s", call.page(), call.user(), response.status(), path);
                }
            }
            if (refused == null) {
                answering.add(call);
            }
        }

        Map<String, long[]> phaseSql = new LinkedHashMap<>();
        try {
            appSql.countOnly(thread -> thread.getName().startsWith("http-nio"));
            for (PageCall call : answering) {
                appSql.reset();
                Latencies latencies = new Latencies(call.page());
                long bytes = 0;
                long window = System.nanoTime();
                for (int i = 0; i < pageRepeats; i++) {
                    String path = call.paths().get(i % call.paths().size());
                    long begin = System.nanoTime();
                    Answer response = request(browser, call, path);
                    latencies.add(System.nanoTime() - begin);
                    if (response.status() != 200) {
                        throw new IllegalStateException(call.page() + " as " + call.user() + ": " + response.status() + " for " + path);
                    }
                    bytes += response.bytes();
                }
                latencies.window(System.nanoTime() - window);
                PageResult result = new PageResult(call.page(), call.user(), call.paths().get(0), latencies,
                        appSql.statements() / (double) pageRepeats, appSql.nanos() / 1e6 / pageRepeats, bytes / pageRepeats);
                pageResults.add(result);
                // Whole statements in the -sql.csv, to be pasted into EXPLAIN ANALYZE.
                allSql.put("page " + call.page() + " as " + call.user() + " (" + pageRepeats + " requests)", appSql.all());
                for (SqlStats.Entry entry : appSql.all()) {
                    long[] sum = phaseSql.computeIfAbsent(entry.sql(), sql -> new long[2]);
                    sum[0] += entry.count();
                    sum[1] += entry.nanos();
                }
                log("%s as %s: p50 %.1f ms, p95 %.1f ms, max %.1f ms, %.1f SQL statements per page", call.page(), call.user(),
                        latencies.percentileMillis(50), latencies.percentileMillis(95), latencies.percentileMillis(100),
                        result.statements());
            }
        } finally {
            appSql.countOnly(null);
            appSql.reset();
        }
        List<SqlStats.Entry> merged = new ArrayList<>();
        phaseSql.forEach((sql, sum) -> merged.add(new SqlStats.Entry(SqlStats.shortened(sql), sum[0], sum[1])));
        merged.sort(java.util.Comparator.comparingLong(SqlStats.Entry::nanos).reversed());
        topSql.put("the office's pages (every measured request)", merged.subList(0, Math.min(12, merged.size())));
        List<SqlStats.Entry> ours = merged.stream().filter(entry -> !entry.sql().toUpperCase(Locale.ROOT).contains(" ACT_")).toList();
        // Shown by their first 160 characters: a list's variants (search, filter, sort) are rows of their own that begin alike.
        topSql.put("the office's pages, the application's own tables only", ours.subList(0, Math.min(12, ours.size())));
        figures.put("Pages measured / not measured (not 200 at the warm-up)", answering.size() + " / " + (calls.size() - answering.size()));

        // The letters, made by the running application's renderer (its templates, letterhead and fonts), each kind in
        // turn; the one insert that keeps a letter is not in it.
        for (LetterMaking.Result letter : LetterMaking.run(app, pageRepeats, pageWarmUp, System.out)) {
            figures.put("Letter made: " + letter.kind() + " (" + letter.count() + "), median / p95 ms, PDF KB",
                    String.format(Locale.ROOT, "%.1f / %.1f, %d", letter.medianMillis(), letter.p95Millis(),
                            letter.bytes() / 1024));
        }
    }

    private static List<Long> longs(Statement statement, String sql) throws java.sql.SQLException {
        List<Long> values = new ArrayList<>();
        try (java.sql.ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getLong(1));
            }
        }
        return values;
    }

    private static List<String> strings(Statement statement, String sql) throws java.sql.SQLException {
        List<String> values = new ArrayList<>();
        try (java.sql.ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    // ------------------------------------------------------------------ running clients

    interface Lifecycle {
        void run() throws Exception;
    }

    interface Item {
        void run(int i) throws Exception;
    }

    private Latencies drive(String name, int count, Lifecycle lifecycle, SqlStats sql) throws Exception {
        return drive(name, count, lifecycle, sql, null);
    }

    /** Drives the lifecycles against the server in this JVM, or in the JVM {@code serverPid}, and notes their CPU. */
    private Latencies drive(String name, int count, Lifecycle lifecycle, SqlStats sql, Long serverPid) throws Exception {
        Latencies latencies = new Latencies(name);
        AtomicLong clientCpu = new AtomicLong();
        CpuTime cpu = serverPid == null ? CpuTime.ofThisJvm() : CpuTime.ofServer(serverPid);
        AtomicInteger remaining = new AtomicInteger(count);
        AtomicInteger failures = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long window = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            futures.add(pool.submit(() -> {
                RestClient.CLIENT.set(client);
                long threadCpu = THREADS.getCurrentThreadCpuTime();
                try {
                    runLifecycles(name, lifecycle, latencies, remaining, failures);
                } finally {
                    clientCpu.addAndGet(THREADS.getCurrentThreadCpuTime() - threadCpu);
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        latencies.window(System.nanoTime() - window);
        latencies.cpu(cpu.since(clientCpu.get()));
        pool.shutdown();
        log("%s: %d lifecycles in %.1f s (%.2f/s), p50 %.0f ms, %d failed%s, CPU ms per lifecycle %s (server / PostgreSQL / clients)",
                name, latencies.count(),
                count == 0 ? 0 : latencies.count() / latencies.throughputPerSecond(), latencies.throughputPerSecond(),
                latencies.percentileMillis(50), failures.get(),
                sql == null ? "" : String.format(Locale.ROOT, ", %d SQL statements", sql.statements()),
                latencies.cpu().perLifecycle(latencies.count()));
        if (failures.get() > 0) {
            figures.put("Failed lifecycles: " + name, String.valueOf(failures.get()));
        }
        return latencies;
    }

    private static void runLifecycles(String name, Lifecycle lifecycle, Latencies latencies, AtomicInteger remaining,
                                      AtomicInteger failures) {
        while (remaining.getAndDecrement() > 0) {
            long begin = System.nanoTime();
            try {
                lifecycle.run();
                latencies.add(System.nanoTime() - begin);
            } catch (Exception e) {
                if (failures.incrementAndGet() <= 3) {
                    log("%s: a lifecycle failed: %s", name, e);
                }
            }
        }
    }

    /**
     * Statistics for the tables the backlog has filled, as an office's database has them: PostgreSQL's autovacuum
     * analyzes a table once a tenth of it has changed (this machine's server runs without it), H2 keeps selectivity
     * per column. Without them PostgreSQL plans the task lists on guesses (seconds per request at 10,000 open tasks).
     */
    private void analyze(DataSource dataSource) throws Exception {
        long start = System.nanoTime();
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute("ANALYZE");
        }
        log("Analyzed the database in %.1f s", (System.nanoTime() - start) / 1e9);
    }

    private void parallel(int count, Item item) throws Exception {
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(generators);
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < generators; t++) {
            futures.add(pool.submit(() -> {
                int i;
                while ((i = next.getAndIncrement()) < count) {
                    item.run(i);
                    if (i > 0 && i % 20 == 0) {
                        log("  ... %d", i);
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();
    }

    // ------------------------------------------------------------------ report

    private void row(String section, Latencies latencies) {
        rows.add(latencies);
        sections.put(latencies, section);
    }

    /**
     * Warm-up lifecycles per process and server. The full scale warms up with 40: with 8, the JIT compiler was still
     * compiling our letters, mails and forms through the measured phase (28 s of compiler threads in a 70 s trainee
     * phase), and the same dispatches cost our server 803 ms of CPU each on the fresh database but 455 ms minutes
     * later with the backlog; the bare REST server, with less code, warms sooner (docs/benchmarks.md).
     */
    private int warmUp() {
        return Integer.getInteger("bench.warmUp", "full".equals(scaleName) ? 40 : Math.max(2 * clients, 8));
    }

    private static String ratio(Map<OfficeProcess, Latencies> ours, Map<OfficeProcess, Latencies> bare, OfficeProcess process) {
        return String.format(Locale.ROOT, "%.3f", ours.get(process).throughputPerSecond() / bare.get(process).throughputPerSecond());
    }

    private static Latencies rename(Latencies latencies, String name) {
        latencies.name = name;
        return latencies;
    }

    private void sqlFigures(String label, SqlStats sql, int lifecycles) {
        figures.put("SQL statements per lifecycle, " + label,
                String.format(Locale.ROOT, "%.0f", sql.statements() / (double) lifecycles));
        figures.put("SQL time per lifecycle (sum over statements), " + label + ", ms",
                String.format(Locale.ROOT, "%.1f", sql.nanos() / 1e6 / lifecycles));
        topSql.put(label, sql.top(12));
        allSql.put(label, sql.top(Integer.MAX_VALUE));
        if (!label.startsWith("bare") && !label.startsWith("backlog")) {
            topSql.put(label + ", the application's own tables only", sql.topOfOurs(10));
        }
    }

    private void report(ZonedDateTime started) throws IOException {
        StringBuilder md = new StringBuilder();
        StringBuilder csv = new StringBuilder("section,measure,count,throughput_per_s,p50_ms,p95_ms,p99_ms,value\n");
        md.append("# Cooperation Desk benchmark, ").append(started.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME)).append(" UTC\n\n");
        String phases = pagesOnly() ? "the office's pages only" : String.format(Locale.ROOT, "scale=%s (%d lifecycles, %d open tasks, "
                        + "%d finished instances, %d repeats per query), %d concurrent clients", scaleName, scale.lifecycles(),
                scale.openTasks(), scale.finishedInstances(), scale.queryRepeats(), clients);
        md.append(String.format(Locale.ROOT, "Our clients sign in: %s (bench.auth=%s); the bare REST server: HTTP Basic on every "
                + "call%n%n", "session".equals(auth) ? "once per client and user, then session cookie + X-CSRF-TOKEN"
                : "HTTP Basic on every call", auth));
        md.append(String.format(Locale.ROOT, "db=%s, %s; machine: %d cores, %s, %s %s, max heap %d MB%n%n", db, phases,
                Runtime.getRuntime().availableProcessors(), cpuModel(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().maxMemory() / (1024 * 1024)));
        if (!"false".equals(pages)) {
            md.append(String.format(Locale.ROOT, "Office pages: ten years of records at scale %s (seed %d), %d requests per page "
                            + "after %d warm-up requests, %d records sampled per record page, one client%n%n", officeScale,
                    officeSeed, pageRepeats, pageWarmUp, pageSample));
        }
        if (!sides.isEmpty()) {
            md.append("\n### Side by side: ours, the bare Camunda REST server, the bare engine's Java API (fresh databases)\n\n")
                    .append("Same models, same form data, same warm-up and clients. SQL: every statement on the server, job ")
                    .append("executor included. Requests per lifecycle: the user's own (start, record page, forms, reads) / ")
                    .append("polls while waiting (5 ms apart). CPU per lifecycle (CpuTime): the server's JVM (ours: the ")
                    .append("benchmark JVM less its client threads, the mail sink included; the bare engine's Java API runs on ")
                    .append("the clients' threads), PostgreSQL's processes, the clients' threads.\n\n")
                    .append("| process | server | lifecycles | lifecycles/s | p50 ms | p95 ms | SQL per lifecycle | requests per lifecycle (own / polls) | CPU ms per lifecycle (server / PostgreSQL / clients) |\n")
                    .append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
            sides.forEach((process, row) -> row.forEach(side -> {
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.2f | %.0f | %.0f | %.0f | %s | %s |%n", process, side.server(),
                        side.lifecycles().count(), side.lifecycles().throughputPerSecond(),
                        side.lifecycles().percentileMillis(50), side.lifecycles().percentileMillis(95), side.sqlPerLifecycle(),
                        Double.isNaN(side.ownRequests()) ? "(Java API)"
                                : String.format(Locale.ROOT, "%.1f / %.1f", side.ownRequests(), side.polls()),
                        side.lifecycles().cpu().perLifecycle(side.lifecycles().count())));
                csv.append(String.format(Locale.ROOT, "%s,%s,%d,%.3f,%.2f,%.2f,%.2f,%.1f%n", quote("Side by side: " + process),
                        quote(side.server() + " (SQL per lifecycle in value)"), side.lifecycles().count(),
                        side.lifecycles().throughputPerSecond(), side.lifecycles().percentileMillis(50),
                        side.lifecycles().percentileMillis(95), side.lifecycles().percentileMillis(99), side.sqlPerLifecycle()));
            }));
        }
        if (!actionTables.isEmpty()) {
            md.append("\n### Per user action: client and server time, SQL statements per request (polls in rows of their own)\n\n")
                    .append("Server time and SQL from each response's Server-Timing and X-Bench-Sql headers (a benchmark-only ")
                    .append("filter, first of all filters: authentication included; the statements on the request's thread). ")
                    .append("The bare REST server has no record page: \"open a record page\" there is ")
                    .append("GET /engine-rest/history/variable-instance?processInstanceId={id}, what a Camunda-only office's coordinator can open instead (with our grants, READ_HISTORY but no READ on instances, GET process-instance/{id}/variables is refused).\n\n")
                    .append("| phase | action | count | client p50 ms | client p95 ms | server p50 ms | server p95 ms | SQL per request |\n")
                    .append("|---|---|---:|---:|---:|---:|---:|---:|\n");
            actionTables.forEach((phase, table) -> java.util.Arrays.stream(ActionStats.Action.values())
                    .filter(table::containsKey).forEach(action -> {
                        ActionStats stats = table.get(action);
                        md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f |%n", phase,
                                action.title, stats.count(), stats.client.percentileMillis(50),
                                stats.client.percentileMillis(95), stats.server.percentileMillis(50),
                                stats.server.percentileMillis(95), stats.statementsPerRequest()));
                        csv.append(String.format(Locale.ROOT, "%s,%s,%d,,%.2f,%.2f,,%.2f%n", quote("Per action: " + phase),
                                quote(action.title + " (client; SQL per request in value)"), stats.count(),
                                stats.client.percentileMillis(50), stats.client.percentileMillis(95),
                                stats.statementsPerRequest()));
                        csv.append(String.format(Locale.ROOT, "%s,%s,%d,,%.2f,%.2f,,%n", quote("Per action: " + phase),
                                quote(action.title + " (server)"), stats.server.count(), stats.server.percentileMillis(50),
                                stats.server.percentileMillis(95)));
                    }));
        }
        String section = null;
        for (Latencies latencies : rows) {
            String current = sections.get(latencies);
            if (!current.equals(section)) {
                section = current;
                md.append("\n### ").append(section).append("\n\n")
                        .append("| measure | count | throughput /s | p50 ms | p95 ms | p99 ms |\n|---|---:|---:|---:|---:|---:|\n");
            }
            md.append(String.format(Locale.ROOT, "| %s | %d | %.2f | %.1f | %.1f | %.1f |%n", latencies.name, latencies.count(),
                    latencies.throughputPerSecond(), latencies.percentileMillis(50), latencies.percentileMillis(95),
                    latencies.percentileMillis(99)));
            csv.append(String.format(Locale.ROOT, "%s,%s,%d,%.3f,%.2f,%.2f,%.2f,%n", quote(section), quote(latencies.name),
                    latencies.count(), latencies.throughputPerSecond(), latencies.percentileMillis(50),
                    latencies.percentileMillis(95), latencies.percentileMillis(99)));
        }
        StringBuilder pagesCsv = new StringBuilder("page,user,example,requests,p50_ms,p95_ms,p99_ms,max_ms,sql_statements_per_page,"
                + "sql_ms_per_page,bytes_per_page\n");
        if (!pageResults.isEmpty()) {
            md.append("\n### The office's pages with ten years of records (one client, sequential; target p95 < 100 ms, the figures report < 1 s)\n\n")
                    .append("| page | as | requests | p50 ms | p95 ms | max ms | SQL statements per page | SQL ms per page | KB |\n")
                    .append("|---|---|---:|---:|---:|---:|---:|---:|---:|\n");
            for (PageResult page : pageResults) {
                Latencies latencies = page.latencies();
                md.append(String.format(Locale.ROOT, "| %s | %s | %d | %.1f | %.1f | %.1f | %.1f | %.1f | %.0f |%n", page.page(),
                        page.user(), latencies.count(), latencies.percentileMillis(50), latencies.percentileMillis(95),
                        latencies.percentileMillis(100), page.statements(), page.sqlMillis(), page.bytes() / 1024.0));
                csv.append(String.format(Locale.ROOT, "%s,%s,%d,%.3f,%.2f,%.2f,%.2f,%.1f%n", quote("Office pages"),
                        quote(page.page() + " as " + page.user()), latencies.count(), latencies.throughputPerSecond(),
                        latencies.percentileMillis(50), latencies.percentileMillis(95), latencies.percentileMillis(99),
                        page.statements()));
                pagesCsv.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%.2f,%.2f,%.2f,%.2f,%.1f,%.2f,%d%n", quote(page.page()),
                        page.user(), quote(page.example()), latencies.count(), latencies.percentileMillis(50),
                        latencies.percentileMillis(95), latencies.percentileMillis(99), latencies.percentileMillis(100),
                        page.statements(), page.sqlMillis(), page.bytes()));
            }
        }
        md.append("\n### Figures\n\n| figure | value |\n|---|---:|\n");
        figures.forEach((name, value) -> {
            md.append("| ").append(name).append(" | ").append(value).append(" |\n");
            csv.append("Figures,").append(quote(name)).append(",,,,,,").append(quote(value)).append('\n');
        });
        topSql.forEach((label, entries) -> {
            md.append("\n### Where the SQL time goes: ").append(label).append(" (top statements by total time)\n\n")
                    .append("| statement | executions | total ms |\n|---|---:|---:|\n");
            entries.forEach(entry -> md.append(String.format(Locale.ROOT, "| `%s` | %d | %.0f |%n",
                    entry.sql().replace("|", "\\|"), entry.count(), entry.nanos() / 1e6)));
        });
        String stamp = started.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path markdown = out.resolve(stamp + "-" + db + ".md");
        Files.writeString(markdown, md);
        Files.writeString(out.resolve(stamp + "-" + db + ".csv"), csv);
        if (!pageResults.isEmpty()) {
            Files.writeString(out.resolve(stamp + "-" + db + "-pages.csv"), pagesCsv);
        }
        StringBuilder statements = new StringBuilder("phase,statement,executions,total_ms\n");
        allSql.forEach((label, entries) -> entries.forEach(entry -> statements.append(String.format(Locale.ROOT,
                "%s,%s,%d,%.1f%n", quote(label), quote(entry.sql()), entry.count(), entry.nanos() / 1e6))));
        Files.writeString(out.resolve(stamp + "-" + db + "-sql.csv"), statements);
        System.out.println();
        System.out.println(md);
        log("Written %s and .csv", markdown);
    }

    /** A system property, or the default when it is missing or blank (the benchmark profile passes empty ones). */
    private static String option(String name, String defaultValue) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? defaultValue : value.trim();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "\"\"") + "\"";
    }

    // ------------------------------------------------------------------ environment

    private boolean postgres() {
        return "postgres".equals(db);
    }

    private String bareJdbcUrl() throws Exception {
        if (postgres()) {
            return pgBase + recreateDatabase(pgPrefix + "_bare");
        }
        return "jdbc:h2:file:" + work.resolve("bare").toAbsolutePath() + "/bare-engine";
    }

    private String user() {
        return postgres() ? pgUser : "sa";
    }

    private String password() {
        return postgres() ? pgPassword : "";
    }

    private String recreateDatabase(String name) throws Exception {
        try (Connection connection = DriverManager.getConnection(pgBase + "test", pgUser, pgPassword);
             Statement statement = connection.createStatement()) {
            statement.execute("drop database if exists " + name + " with (force)");
            statement.execute("create database " + name);
        }
        return name;
    }

    private static long rssMegabytes(long pid) {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
                }
            }
        } catch (IOException e) {
            // not Linux
        }
        return -1;
    }

    private static String cpuModel() {
        try {
            return Files.readAllLines(Paths.get("/proc/cpuinfo")).stream().filter(line -> line.startsWith("model name"))
                    .findFirst().map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("?");
        } catch (IOException e) {
            return "?";
        }
    }

    private static String javaBinary() {
        return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.exists(path)) {
            try (var walk = Files.walk(path)) {
                walk.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    static void log(String format, Object... args) {
        System.out.println("[bench " + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_TIME) + "] "
                + String.format(Locale.ROOT, format, args));
    }
}
