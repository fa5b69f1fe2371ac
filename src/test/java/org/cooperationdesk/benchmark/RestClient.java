package org.cooperationdesk.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * HTTP calls to a server as a demo user (password = user id), each timed under a label and counted under the user
 * action the label names ({@link ActionStats}), with the server's own time and SQL statements when the server sends
 * them ({@link ServerCostFilter}).
 *
 * <p>Two servers: ours (the application) and the bare Camunda REST server ({@code barerest}); {@link #bare()} tells
 * the lifecycles which one they drive. Two ways of signing in: HTTP Basic on every call (the only way bare engine-rest
 * authenticates), or, for ours, as a Tasklist user does: one sign-in per client and user ({@code POST /login} with the
 * login page's CSRF token), then the session cookie, with the CSRF token of {@code GET /api/session} on every write.
 */
final class RestClient {

    record Response(int status, String body) {

        JsonNode json() throws IOException {
            return JSON.readTree(body);
        }
    }

    static final ObjectMapper JSON = new ObjectMapper();

    /** The simulated client a thread acts for (set by the runner's clients): each has sessions of its own. */
    static final ThreadLocal<Integer> CLIENT = ThreadLocal.withInitial(() -> 0);

    /** A signed-in user's session: its cookie and the CSRF header writes carry. */
    record Session(String cookie, String csrfHeader, String csrfToken) {
    }

    /** The sessions of ours, per client and user; shared by the runner's phases so that a client signs in once. */
    static final class Sessions {
        final Map<String, Session> byClientAndUser = new ConcurrentHashMap<>();
    }

    private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final Pattern CSRF_INPUT_VALUE_FIRST = Pattern.compile("<input[^>]*value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final HttpClient following = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final boolean bare;
    /** Null: HTTP Basic on every call. */
    private final Sessions sessions;
    final Map<String, Latencies> requests = new ConcurrentHashMap<>();
    final Map<ActionStats.Action, ActionStats> actions = ActionStats.newMap();

    /** Ours, with HTTP Basic on every call. */
    RestClient(int port) {
        this(port, false, null);
    }

    RestClient(int port, boolean bare, Sessions sessions) {
        this.base = "http://127.0.0.1:" + port;
        this.bare = bare;
        this.sessions = sessions;
    }

    /** The bare Camunda REST server, HTTP Basic on every call. */
    static RestClient bare(int port) {
        return new RestClient(port, true, null);
    }

    /** A client of the same server and sign-in whose figures are counted apart (the runner's phases). */
    RestClient fresh() {
        return new RestClient(Integer.parseInt(base.substring(base.lastIndexOf(':') + 1)), bare, sessions);
    }

    boolean bare() {
        return bare;
    }

    String signIn() {
        return sessions == null ? "HTTP Basic on every call" : "session (one sign-in per client and user, cookie + X-CSRF-TOKEN)";
    }

    Response get(String label, String path, String user) throws Exception {
        return send(label, () -> HttpRequest.newBuilder(URI.create(base + path)).GET(), user, "application/json", false);
    }

    /** A page as a browser asks for it (text/html), untimed here: the caller times it. */
    Response page(String path, String user) throws Exception {
        return page(null, path, user);
    }

    Response page(String label, String path, String user) throws Exception {
        return send(label, () -> HttpRequest.newBuilder(URI.create(base + path)).GET(), user,
                "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8", false);
    }

    /** A download as a browser fetches a link: its status and its size in bytes (the body is not kept). */
    record Download(int status, long bytes) {
    }

    Download download(String path, String user) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET()
                .header("Accept", "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8").timeout(Duration.ofSeconds(120))
                .header("Authorization", basic(user)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Download(response.statusCode(), response.body().length);
    }

    Response post(String label, String path, String user, Object body) throws Exception {
        return post(label, path, user, body, "application/json");
    }

    Response post(String label, String path, String user, Object body, String accept) throws Exception {
        String json = JSON.writeValueAsString(body);
        return send(label, () -> HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), user, accept, true);
    }

    interface Builder {
        HttpRequest.Builder build();
    }

    private Response send(String label, Builder builder, String user, String accept, boolean write) throws Exception {
        HttpResponse<String> response = attempt(label, builder, user, accept, write);
        if (sessions != null && user != null && signedOut(response)) {
            // The session ended (expired, or the server forgot it): sign in again, as a user would, and repeat.
            sessions.byClientAndUser.remove(CLIENT.get() + "/" + user);
            response = attempt(label, builder, user, accept, write);
        }
        return new Response(response.statusCode(), response.body());
    }

    private static boolean signedOut(HttpResponse<String> response) {
        return response.statusCode() == 401 || response.statusCode() == 302
                && response.headers().firstValue("Location").orElse("").contains("/login");
    }

    private HttpResponse<String> attempt(String label, Builder builder, String user, String accept, boolean write)
            throws Exception {
        HttpRequest.Builder request = builder.build().header("Accept", accept).timeout(Duration.ofSeconds(120));
        if (user != null) {
            if (sessions == null) {
                request.header("Authorization", basic(user));
            } else {
                Session session = session(user);
                request.header("Cookie", session.cookie());
                if (write) {
                    request.header(session.csrfHeader(), session.csrfToken());
                }
            }
        }
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        record(label, System.nanoTime() - start, response);
        return response;
    }

    private void record(String label, long nanos, HttpResponse<?> response) {
        if (label == null) {
            return;
        }
        requests.computeIfAbsent(label, Latencies::new).add(nanos);
        Double serverMillis = response.headers().firstValue(ServerCostFilter.TIMING)
                .map(value -> Double.parseDouble(value.substring(value.indexOf("dur=") + 4))).orElse(null);
        Long statements = response.headers().firstValue(ServerCostFilter.STATEMENTS).map(Long::parseLong).orElse(null);
        ActionStats.Action action = ActionStats.Action.of(label);
        actions.computeIfAbsent(action, ActionStats::new).add(nanos, serverMillis, statements);
    }

    private Session session(String user) throws Exception {
        String key = CLIENT.get() + "/" + user;
        Session session = sessions.byClientAndUser.get(key);
        if (session == null) {
            session = login(user);
            sessions.byClientAndUser.put(key, session);
        }
        return session;
    }

    /** Signs in as the login page does: its form with its CSRF token, then the session's CSRF token for the APIs. */
    private Session login(String user) throws Exception {
        long begin = System.nanoTime();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).GET()
                .header("Accept", "text/html").timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        String cookie = cookie(page).orElseThrow(() -> new IllegalStateException("No session cookie from /login"));
        Matcher input = CSRF_INPUT.matcher(page.body());
        Matcher valueFirst = CSRF_INPUT_VALUE_FIRST.matcher(page.body());
        String token = input.find() ? input.group(1) : valueFirst.find() ? valueFirst.group(1) : null;
        if (token == null) {
            throw new IllegalStateException("No CSRF token on the login page");
        }
        String form = "username=" + encode(user) + "&password=" + encode(user) + "&_csrf=" + encode(token);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                .header("Accept", "text/html").timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("Sign-in of " + user + " refused: " + signedIn.statusCode() + " " + location);
        }
        cookie = cookie(signedIn).orElse(cookie);
        HttpResponse<String> session = http.send(HttpRequest.newBuilder(URI.create(base + "/api/session")).GET()
                .header("Accept", "application/json").header("Cookie", cookie).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (session.statusCode() != 200) {
            throw new IllegalStateException("GET /api/session after sign-in: " + session.statusCode() + " " + session.body());
        }
        JsonNode csrf = JSON.readTree(session.body()).path("csrf");
        requests.computeIfAbsent("sign in (GET /login, POST /login, GET /api/session)", Latencies::new)
                .add(System.nanoTime() - begin);
        actions.computeIfAbsent(ActionStats.Action.SIGN_IN, ActionStats::new).add(System.nanoTime() - begin, null, null);
        return new Session(cookie, csrf.path("header").asText(), csrf.path("token").asText());
    }

    private static Optional<String> cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(value -> value.startsWith("JSESSIONID="))
                .map(value -> value.substring(0, value.contains(";") ? value.indexOf(';') : value.length())).findFirst();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    /** Status only, no login, following redirects: for waiting until a page answers. */
    int status(String path) {
        try {
            return following.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }
}
