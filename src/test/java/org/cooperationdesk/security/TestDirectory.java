package org.cooperationdesk.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The office's directory for tests: Debian's OpenLDAP server ({@code slapd}, {@code apt-get install -y slapd}) started
 * on a free port with a throw-away configuration and database, loaded with the office's people and groups
 * ({@code directory.ldif} beside this class). Nothing is installed or downloaded at run time.
 */
final class TestDirectory implements AutoCloseable {

    /** CI (.ci/run) sets it: a missing slapd then fails the build instead of skipping the directory tests. */
    static final String REQUIRED_PROPERTY = "ldap.tests.required";

    static final Path SLAPD = Path.of(System.getProperty("ldap.slapd", "/usr/sbin/slapd"));
    static final Path SLAPADD = Path.of(System.getProperty("ldap.slapadd", "/usr/sbin/slapadd"));
    static final Path SCHEMAS = Path.of(System.getProperty("ldap.schemas", "/etc/ldap/schema"));
    static final Path MODULES = Path.of(System.getProperty("ldap.modules", "/usr/lib/ldap"));

    static final String BASE_DN = "dc=mhlw,dc=example";
    static final String MANAGER_DN = "cn=directory-manager," + BASE_DN;
    static final String MANAGER_PASSWORD = "manager-secret";

    private final Path home;
    private final Process slapd;
    private final int port;

    private TestDirectory(Path home, Process slapd, int port) {
        this.home = home;
        this.slapd = slapd;
        this.port = port;
    }

    /**
     * Skips a directory test, with the reason, where slapd is not installed; evaluated before the application starts.
     * With {@code -Dldap.tests.required=true} (CI) it runs anyway and fails in {@link #start()}'s caller.
     */
    static final class Installed implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<String> missing = missing();
            if (missing.isEmpty()) {
                return ConditionEvaluationResult.enabled("slapd is installed");
            }
            if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
                return ConditionEvaluationResult.enabled("-D" + REQUIRED_PROPERTY + "=true: run and fail");
            }
            System.out.println(missing.get());
            return ConditionEvaluationResult.disabled(missing.get());
        }
    }

    /** Why no directory can be started here, or empty when slapd is installed. */
    static Optional<String> missing() {
        for (Path needed : List.of(SLAPD, SLAPADD)) {
            if (!Files.isExecutable(needed)) {
                return Optional.of("LDAP tests skipped: " + needed + " not found (apt-get install -y slapd ldap-utils)");
            }
        }
        if (!Files.isRegularFile(SCHEMAS.resolve("inetorgperson.schema"))) {
            return Optional.of("LDAP tests skipped: no OpenLDAP schemas in " + SCHEMAS + " (apt-get install -y slapd)");
        }
        return Optional.empty();
    }

    static TestDirectory start() throws IOException, InterruptedException {
        Path home = Files.createTempDirectory("cooperation-desk-slapd-");
        Files.createDirectories(home.resolve("data"));
        Path config = home.resolve("slapd.conf");
        Files.writeString(config, """
                include %1$s/core.schema
                include %1$s/cosine.schema
                include %1$s/inetorgperson.schema
                pidfile %2$s/slapd.pid
                modulepath %3$s
                moduleload back_mdb
                database mdb
                maxsize 10485760
                suffix "%4$s"
                rootdn "%5$s"
                rootpw %6$s
                directory %2$s/data
                # As an office's directory would: passwords are for binding only, the rest readable once bound.
                access to attrs=userPassword by self write by anonymous auth by * none
                access to * by users read by * none
                """.formatted(SCHEMAS, home, MODULES, BASE_DN, MANAGER_DN, MANAGER_PASSWORD));
        Path ldif = home.resolve("directory.ldif");
        try (var entries = TestDirectory.class.getResourceAsStream("directory.ldif")) {
            Files.copy(entries, ldif);
        }
        run(List.of(SLAPADD.toString(), "-f", config.toString(), "-l", ldif.toString()), home.resolve("slapadd.log"));

        int port = freePort();
        // -d 0: stay in the foreground (a child of this JVM, stopped with it), logging nothing but errors.
        Process slapd = new ProcessBuilder(SLAPD.toString(), "-f", config.toString(), "-h", "ldap://127.0.0.1:" + port + "/", "-d", "0")
                .redirectErrorStream(true).redirectOutput(home.resolve("slapd.log").toFile()).start();
        TestDirectory directory = new TestDirectory(home, slapd, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!directory.answers()) {
            if (!slapd.isAlive() || System.nanoTime() > deadline) {
                String log = Files.readString(home.resolve("slapd.log"));
                directory.close();
                throw new IllegalStateException("slapd did not start: " + log);
            }
            Thread.sleep(100);
        }
        return directory;
    }

    String url() {
        return "ldap://127.0.0.1:" + port + "/";
    }

    private boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        slapd.destroy();
        try {
            if (!slapd.waitFor(10, TimeUnit.SECONDS)) {
                slapd.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(home)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // a temp dir left behind is harmless
        }
    }

    private static void run(List<String> command, Path log) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + Files.readString(log));
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
