package org.cooperationdesk.cluster;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * One application node: the packaged jar in its own JVM, in the prod profile, on its own port, sharing the test's
 * PostgreSQL database and SMTP server. Killed with SIGKILL when a test says so. Its log is under
 * {@code target/cluster-logs/}.
 */
final class ClusterNode {

    static final String ADMIN = "admin";
    static final String ADMIN_PASSWORD = "cluster-admin";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    record Response(int status, String body) {
        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    final String name;
    final int port;
    private final List<String> command;
    private final Path log;
    private Process process;

    ClusterNode(String name, String databaseUrl, int smtpPort) {
        this.name = name;
        this.port = freePort();
        this.log = Path.of("target", "cluster-logs", name + ".log");
        String jar = System.getProperty("coopdesk.test.jar");
        if (jar == null || !new File(jar).isFile()) {
            throw new IllegalStateException("No application jar at " + jar + ": run with mvn verify -Ppostgres");
        }
        command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-jar", jar,
                "--spring.profiles.active=prod",
                "--server.port=" + port,
                "--spring.datasource.url=" + databaseUrl,
                "--spring.datasource.username=" + org.cooperationdesk.TestDatabase.user(),
                "--spring.datasource.password=" + org.cooperationdesk.TestDatabase.password(),
                "--COOPDESK_ADMIN_PASSWORD=" + ADMIN_PASSWORD,
                "--COOPDESK_SECURE_COOKIES=false",
                "--COOPDESK_PORTAL_LINK_KEY=cluster-test-link-key-the-same-on-every-node",
                "--COOPDESK_PORTAL_BASE_URL=http://127.0.0.1:" + port,
                "--SPRING_MAIL_HOST=127.0.0.1",
                "--SPRING_MAIL_PORT=" + smtpPort,
                "--SPRING_MAIL_SMTP_AUTH=false",
                "--SPRING_MAIL_STARTTLS=false",
                "--coopdesk.notification.retry-cycle=R3/PT1S",
                // A job locked by a node that died is taken over when its lock expires (production: 5 minutes).
                "--camunda.bpm.job-execution.lock-time-in-millis=10000",
                // Jobs created on the other node are found within a second or two (production: up to 60 s idle).
                "--camunda.bpm.job-execution.max-wait=1000",
                "--camunda.bpm.job-execution.wait-time-in-millis=500",
                "--camunda.bpm.generic-properties.properties.hostname=" + name));
    }

    void start() throws IOException {
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().keySet().removeIf(key -> key.startsWith("COOPDESK_") || key.startsWith("SPRING_"));
        process = builder.start();
    }

    /** Polls until the node answers as an admin (its database, engine and access setup are ready). */
    void awaitReady() throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (get("/engine-rest/group/coordinators", ADMIN).status() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " did not become ready; see " + log);
    }

    /** kill -9: no shutdown hook, no connection closed, no transaction finished. */
    void kill9() throws Exception {
        new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start().waitFor();
        process.waitFor();
    }

    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    Response get(String path, String user) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).GET(), user);
    }

    Response post(String path, String user, Object body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), user);
    }

    Response put(String path, String user, Object body) throws Exception {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .PUT(body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), user);
    }

    /** Submits a task form as Tasklist does: untyped values. */
    Response submitForm(String taskId, String user, Map<String, Object> values) throws Exception {
        Map<String, Object> variables = new java.util.LinkedHashMap<>();
        values.forEach((key, value) -> variables.put(key, Map.of("value", value)));
        return post("/engine-rest/task/" + taskId + "/submit-form", user, Map.of("variables", variables));
    }

    private Response send(HttpRequest.Builder request, String user) throws Exception {
        String password = ADMIN.equals(user) ? ADMIN_PASSWORD : user;
        request.header("Accept", "application/json").timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return name + ":" + port;
    }
}
