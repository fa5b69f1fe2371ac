package org.cooperationdesk.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every refusal of the office API has one shape, RFC 9457 problem details: {@code application/problem+json} with
 * type, title, status, detail, instance and the fields at fault ({@code errors}), for 400, 403, 404 and 409 alike.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:api-problem-detail-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "coopdesk.mail-sink.enabled=false"
})
class ApiProblemDetailHttpTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    RuntimeService runtimeService;

    record Problem(int status, String contentType, JsonNode body) {
    }

    @Test
    void aRefusedFormNamesEachFieldWithItsLabelAndReason() throws Exception {
        Map<String, Object> body = validRequest();
        body.put("startDate", LocalDate.now().minusDays(1).toString());
        body.put("durationDays", 0);

        Problem problem = send("POST", "/api/dispatch-requests", "coordinator", JSON.writeValueAsString(body));

        assertProblem(problem, 400, "/api/dispatch-requests");
        assertThat(problem.body().path("type").asText()).isEqualTo("https://cooperation-desk.example/problems/invalid-submission");
        assertThat(problem.body().path("detail").asText())
                .isEqualTo("Please correct the form. Duration (days): must be at least 1; Start date: must not be in the past");
        assertThat(problem.body().path("errors")).hasSize(2);
        JsonNode startDate = problem.body().path("errors").get(1);
        assertThat(startDate.path("field").asText()).isEqualTo("startDate");
        assertThat(startDate.path("label").asText()).isEqualTo("Start date");
        assertThat(startDate.path("message").asText()).isEqualTo("must not be in the past");
    }

    @Test
    void aBodyThatIsNotJsonIsA400ProblemToo() throws Exception {
        Problem problem = send("POST", "/api/dispatch-requests", "coordinator", "{not json");

        assertProblem(problem, 400, "/api/dispatch-requests");
        assertThat(problem.body().path("detail").asText()).isEqualTo("The request body is not valid JSON");
        assertThat(problem.body().path("errors")).isEmpty();
    }

    @Test
    void aManagerWhoTriesACoordinatorsRequestGetsA403Problem() throws Exception {
        Problem problem = send("POST", "/api/dispatch-requests", "manager", JSON.writeValueAsString(validRequest()));

        assertProblem(problem, 403, "/api/dispatch-requests");
        assertThat(problem.body().path("title").asText()).isEqualTo("Forbidden");
        assertThat(problem.body().path("detail").asText()).isEqualTo("This needs membership of coordinators");
        assertThat(problem.body().path("errors")).isEmpty();
    }

    @Test
    void anUnknownRecordIsA404Problem() throws Exception {
        Problem problem = send("GET", "/api/dispatch-requests/DR-1999-9999", "coordinator", null);

        assertProblem(problem, 404, "/api/dispatch-requests/DR-1999-9999");
        assertThat(problem.body().path("title").asText()).isEqualTo("Not Found");
        assertThat(problem.body().path("detail").asText()).isEqualTo("No request DR-1999-9999");
    }

    @Test
    void aStandDownOfAClosedRequestIsA409Problem() throws Exception {
        Problem created = send("POST", "/api/dispatch-requests", "coordinator", JSON.writeValueAsString(validRequest()));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        String reference = created.body().path("reference").asText();
        runtimeService.deleteProcessInstance(created.body().path("processInstanceId").asText(), "closed for the test");

        Problem problem = send("POST", "/api/dispatch-requests/" + reference + "/stand-down", "coordinator",
                "{\"reason\":\"The outbreak is over\"}");

        assertProblem(problem, 409, "/api/dispatch-requests/" + reference + "/stand-down");
        assertThat(problem.body().path("title").asText()).isEqualTo("Conflict");
        assertThat(problem.body().path("detail").asText()).isEqualTo(reference + " is already closed");
    }

    /** A coordinator holds no right on process instances in the engine; the office API stands the mission down for them. */
    @Test
    void aCoordinatorStandsDownARunningRequest() throws Exception {
        Problem created = send("POST", "/api/dispatch-requests", "coordinator", JSON.writeValueAsString(validRequest()));
        String reference = created.body().path("reference").asText();

        Problem accepted = send("POST", "/api/dispatch-requests/" + reference + "/stand-down", "coordinator",
                "{\"reason\":\"The outbreak is over\"}");

        assertThat(accepted.status()).isEqualTo(202);
        // stood down: only the mail telling the requester is left to send
        assertThat(runtimeService.getActiveActivityIds(created.body().path("processInstanceId").asText()))
                .containsExactly("Task_NotifyStandDown");
    }

    private static void assertProblem(Problem problem, int status, String instance) {
        assertThat(problem.status()).as(problem.body().toString()).isEqualTo(status);
        assertThat(problem.contentType()).startsWith("application/problem+json");
        assertThat(problem.body().path("status").asInt()).isEqualTo(status);
        assertThat(problem.body().path("type").asText()).isNotBlank();
        assertThat(problem.body().path("title").asText()).isNotBlank();
        assertThat(problem.body().path("detail").asText()).isNotBlank();
        assertThat(problem.body().path("instance").asText()).isEqualTo(instance);
        assertThat(problem.body().path("errors").isArray()).as("errors is a list").isTrue();
        assertThat(problem.body().has("message")).as("one shape: no 'message' beside 'detail'").isFalse();
    }

    private Problem send(String method, String path, String user, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Problem(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                JSON.readTree(response.body()));
    }

    private static Map<String, Object> validRequest() {
        return SecurityHttpTest.validRequest();
    }
}
