package org.cooperationdesk.meeting;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A partner's browser on its page {@code /portal/{token}}: no account, no cookie, no CSRF token; the form posted as
 * multipart/form-data with the form's field names and the files as parts named by slot. Calls come from 127.0.0.1
 * (the address the throttle counts), and redirects are not followed, so a test sees them.
 */
final class PartnerPageClient {

    /** What a page answered. */
    record Page(int status, String body, HttpResponse<String> raw) {

        String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    /** A file part: the slot it is sent in, the name the partner's computer gives it, what it claims to be, its bytes. */
    record FilePart(String slot, String fileName, String contentType, byte[] content) {
    }

    static final String ADDRESS = "127.0.0.1";
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final int port;

    PartnerPageClient(int port) {
        this.port = port;
    }

    Page open(String token) throws Exception {
        return open(token, "");
    }

    Page open(String token, String query) throws Exception {
        return send(HttpRequest.newBuilder(uri(token, query)).header("Accept", "text/html").GET());
    }

    /** Posts the page's form: fields by name (a name may repeat), then the files. */
    Page send(String token, List<Map.Entry<String, String>> fields, List<FilePart> files) throws Exception {
        String boundary = "----partner" + UUID.randomUUID().toString().replace("-", "");
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        for (FilePart file : files) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.slot() + "\"; filename=\""
                    + file.fileName() + "\"\r\nContent-Type: " + file.contentType() + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.write(file.content());
            body.write("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri(token, "")).header("Accept", "text/html")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    Page send(String token, Map<String, String> fields, List<FilePart> files) throws Exception {
        return send(token, new ArrayList<>(fields.entrySet()), files);
    }

    static FilePart pdf(String slot, String fileName, byte[] content) {
        return new FilePart(slot, fileName, "application/pdf", content);
    }

    private Page send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = HTTP.send(request.timeout(Duration.ofSeconds(60)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Page(response.statusCode(), response.body(), response);
    }

    private URI uri(String token, String query) {
        return URI.create("http://" + ADDRESS + ":" + port + "/portal/" + token + query);
    }
}
