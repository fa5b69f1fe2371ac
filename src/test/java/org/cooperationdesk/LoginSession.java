package org.cooperationdesk;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a browser holds after signing in at {@code /login}: a session cookie, used for real HTTP calls to the running
 * application the way the pages and the Camunda webapps make them. Redirects are not followed, so a test sees them.
 */
public final class LoginSession {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    public record Response(int status, String body, HttpResponse<String> raw) {

        public JsonNode json() throws IOException {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** The Location of a redirect, without the scheme, host and port. */
        public String redirect() {
            String location = header("Location");
            return location == null ? null : URI.create(location).getRawPath()
                    + (URI.create(location).getRawQuery() == null ? "" : "?" + URI.create(location).getRawQuery());
        }
    }

    private final int port;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient browser;
    private Response signIn;

    private LoginSession(int port) {
        this.port = port;
        this.browser = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** A browser that has not signed in (yet). */
    public static LoginSession anonymous(int port) {
        return new LoginSession(port);
    }

    /** Signs in as a person does: opens the login page, posts its form with the page's CSRF token. */
    public static LoginSession signIn(int port, String user, String password) throws Exception {
        LoginSession session = new LoginSession(port);
        session.submitLogin(user, password);
        return session;
    }

    /** Demo users' password is their id. */
    public static LoginSession signIn(int port, String user) throws Exception {
        return signIn(port, user, user);
    }

    /** Posts the login form (with the token of a fresh login page); the answer is a redirect either way. */
    public Response submitLogin(String user, String password) throws Exception {
        Response page = get("/login");
        Matcher token = CSRF_FIELD.matcher(page.body());
        if (page.status() != 200 || !token.find()) {
            throw new IllegalStateException("no login form at /login: " + page.status() + " " + page.body());
        }
        signIn = postForm("/login", Map.of("username", user, "password", password, "_csrf", token.group(1)));
        return signIn;
    }

    /** The answer to the login form: 302 to the page asked for before, or to /login?error. */
    public Response signInResponse() {
        return signIn;
    }

    public boolean signedIn() {
        return signIn != null && signIn.status() == 302 && !signIn.redirect().startsWith("/login");
    }

    public Response get(String path) throws Exception {
        return send(request(path).header("Accept", "application/json, text/html;q=0.9, */*;q=0.5").GET());
    }

    /** A page as the browser's address bar asks for it (HTML preferred). */
    public Response page(String path) throws Exception {
        return send(request(path).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET());
    }

    /** A file as the browser downloads it from a link: the answer with its bytes as sent. */
    public HttpResponse<byte[]> download(String path) throws Exception {
        return browser.send(request(path).header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** JSON to the APIs riding on the session, with the session's CSRF token as a page's script sends it. */
    public Response post(String path, Object body) throws Exception {
        return send(request(path).header("Content-Type", "application/json").header("Accept", "application/json")
                .header("X-CSRF-TOKEN", csrfToken())
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    /** The same without the CSRF token, or with the given header value, as a forged request from another site. */
    public Response postWithToken(String path, Object body, String token) throws Exception {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json").header("Accept", "application/json");
        if (token != null) {
            request.header("X-CSRF-TOKEN", token);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
    }

    public Response postForm(String path, Map<String, String> fields) throws Exception {
        StringBuilder form = new StringBuilder();
        new LinkedHashMap<>(fields).forEach((name, value) -> form.append(form.isEmpty() ? "" : "&")
                .append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return send(request(path).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .POST(HttpRequest.BodyPublishers.ofString(form.toString())));
    }

    /** The session's CSRF token for the APIs and page forms, as {@code GET /api/session} hands it to a page. */
    public String csrfToken() throws Exception {
        Response session = get("/api/session");
        if (session.status() != 200) {
            throw new IllegalStateException("not signed in: " + session.status());
        }
        return session.json().path("csrf").path("token").asText();
    }

    /** Signs out with the form every page has: POST /logout with the CSRF token. */
    public Response signOut() throws Exception {
        return postForm("/logout", Map.of("_csrf", csrfToken()));
    }

    /** The Camunda webapps' own CSRF token, handed out with their pages (header X-XSRF-TOKEN). */
    public String webappCsrfToken(String app) throws Exception {
        Response page = page("/camunda/app/" + app + "/default/");
        String token = page.header("X-XSRF-TOKEN");
        if (token == null) {
            throw new IllegalStateException("no X-XSRF-TOKEN from " + app + ": " + page.status());
        }
        return token;
    }

    /** A call the webapps' scripts make under /camunda/api, with their CSRF token. */
    public Response webappCall(String method, String path, String webappToken, String contentType, String body)
            throws Exception {
        return webappCall(method, path, webappToken, contentType, body, "Accept", "application/json, text/plain, */*");
    }

    /** The same with the headers given as name, value, name, value… (e.g. Accept, Accept-Language). */
    public Response webappCall(String method, String path, String webappToken, String contentType, String body,
            String... headers) throws Exception {
        HttpRequest.Builder request = request(path).headers(headers).header("X-XSRF-TOKEN", webappToken);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    public String sessionCookie() {
        return cookies.getCookieStore().getCookies().stream().filter(cookie -> cookie.getName().equals("JSESSIONID"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30));
    }

    private Response send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = browser.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Response(response.statusCode(), response.body(), response);
    }
}
