package org.cooperationdesk.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** HTTP calls to the application as a demo user (password = user id), each timed under a label. */
final class RestClient {

    record Response(int status, String body) {

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base;
    final Map<String, Latencies> requests = new ConcurrentHashMap<>();

    RestClient(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    Response get(String label, String path, String user) throws Exception {
        return send(label, HttpRequest.newBuilder(URI.create(base + path)).GET(), user, "application/json");
    }

    /** A page as a browser asks for it (text/html), untimed here: the caller times it. */
    Response page(String path, String user) throws Exception {
        return send(null, HttpRequest.newBuilder(URI.create(base + path)).GET(), user,
                "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");
    }

    /** A download as a browser fetches a link: its status and its size in bytes (the body is not kept). */
    record Download(int status, long bytes) {
    }

    Download download(String path, String user) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET()
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8").timeout(Duration.ofSeconds(120))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Download(response.statusCode(), response.body().length);
    }

    Response post(String label, String path, String user, Object body) throws Exception {
        return post(label, path, user, body, "application/json");
    }

    Response post(String label, String path, String user, Object body, String accept) throws Exception {
        return send(label, HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), user, accept);
    }

    private Response send(String label, HttpRequest.Builder request, String user, String accept) throws Exception {
        request.header("Accept", accept).timeout(Duration.ofSeconds(120));
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
        }
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (label != null) {
            requests.computeIfAbsent(label, Latencies::new).add(System.nanoTime() - start);
        }
        return new Response(response.statusCode(), response.body());
    }

    /** Status only, no login: for waiting until a page answers. */
    int status(String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
