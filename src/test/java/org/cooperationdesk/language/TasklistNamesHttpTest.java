package org.cooperationdesk.language;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.filter.Filter;
import org.cooperationdesk.DispatchRequests;
import org.cooperationdesk.LoginSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Tasklist's lists and task views name tasks and processes in the reader's language, over the engine's REST API as
 * Tasklist calls it: Japanese for a Japanese browser or the {@code coopdesk-lang=ja} cookie, the model's English
 * otherwise; Tasklist's HAL list (tasks with their embedded process definitions, as Tasklist asks for them under
 * /camunda/api/engine in a signed-in session) as well as the plain lists.
 * Same configuration as the desk pages' test, so both share one application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:desk-pages-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "coopdesk.mail-sink.enabled=false",
        "spring.mail.host=127.0.0.1"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasklistNamesHttpTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @LocalServerPort
    int port;
    @Autowired
    FilterService filterService;
    String processInstanceId;

    @BeforeAll
    void aRequestWaitsForItsMatch() throws Exception {
        Map<String, Object> request = DispatchRequests.valid("GOARN-NAMES-001");
        HttpResponse<String> created = HTTP.send(as("coordinator", "/api/dispatch-requests")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(request))).build(), ofUtf8());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        processInstanceId = JSON.readTree(created.body()).path("processInstanceId").asText();
    }

    @Test
    void aJapaneseBrowserReadsTheTaskAndItsProcessInJapanese() throws Exception {
        JsonNode tasks = get("/engine-rest/task?processInstanceId=" + processInstanceId, "ja", null);
        assertThat(tasks.get(0).path("name").asText()).isEqualTo("名簿から専門家を選ぶ");

        String taskId = tasks.get(0).path("id").asText();
        assertThat(get("/engine-rest/task/" + taskId, "ja", null).path("name").asText()).isEqualTo("名簿から専門家を選ぶ");
        assertThat(get("/engine-rest/process-definition/key/ExpertDispatchProcess", "ja", null).path("name").asText())
                .isEqualTo("専門家派遣");
    }

    @Test
    void tasklistsFilterListNamesTasksAndEmbeddedProcessesInJapanese() throws Exception {
        LoginSession tasklist = LoginSession.signIn(port, "coordinator");
        String token = tasklist.webappCsrfToken("tasklist");
        String api = "/camunda/api/engine/engine/default/";
        JsonNode filters = tasklist.webappCall("GET", api + "filter?resourceType=Task", token, null, null,
                "Accept", "application/json").json();
        String filterId = java.util.stream.StreamSupport.stream(filters.spliterator(), false)
                .filter(filter -> filter.path("name").asText().equals("Coordination")).findFirst().orElseThrow()
                .path("id").asText();
        LoginSession.Response response = tasklist.webappCall("POST", api + "filter/" + filterId + "/list?firstResult=0&maxResults=15",
                token, "application/json", "{\"processInstanceId\":\"" + processInstanceId + "\"}",
                "Accept", "application/hal+json, application/json; q=0.5", "Accept-Language", "ja,en-US;q=0.9,en;q=0.8");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode embedded = JSON.readTree(response.body()).path("_embedded");
        assertThat(embedded.path("task").get(0)).as(response.body()).isNotNull();
        assertThat(embedded.path("task").get(0).path("name").asText()).isEqualTo("名簿から専門家を選ぶ");
        assertThat(embedded.path("processDefinition").get(0).path("name").asText()).isEqualTo("専門家派遣");

        JsonNode filtersInJapanese = tasklist.webappCall("GET", api + "filter?resourceType=Task&itemCount=true", token,
                null, null, "Accept", "application/json", "Accept-Language", "ja").json();
        JsonNode coordination = java.util.stream.StreamSupport.stream(filtersInJapanese.spliterator(), false)
                .filter(filter -> filter.path("id").asText().equals(filterId)).findFirst().orElseThrow();
        assertThat(coordination.path("name").asText()).isEqualTo("調整");
        assertThat(coordination.path("properties").path("description").asText()).isEqualTo("調整担当者の要請、オファー、手配、報告");
        assertThat(coordination.path("properties").path("variables").findValuesAsText("label")).containsExactly("参照番号", "国");
        assertThat(coordination.path("itemCount").asInt()).isPositive();
    }

    @Test
    void aFilterSavedFromAJapaneseTasklistKeepsItsStoredNames() throws Exception {
        LoginSession tasklist = LoginSession.signIn(port, "admin");
        String token = tasklist.webappCsrfToken("tasklist");
        String api = "/camunda/api/engine/engine/default/";
        Filter stored = filterService.createTaskFilterQuery().filterName("Coordination").singleResult();
        JsonNode shown = tasklist.webappCall("GET", api + "filter/" + stored.getId(), token, null, null,
                "Accept", "application/json", "Accept-Language", "ja").json();
        assertThat(shown.path("name").asText()).isEqualTo("調整");
        ((com.fasterxml.jackson.databind.node.ObjectNode) shown.path("properties")).put("priority", 1);

        LoginSession.Response saved = tasklist.webappCall("PUT", api + "filter/" + stored.getId(), token,
                "application/json", JSON.writeValueAsString(shown), "Accept", "application/json", "Accept-Language", "ja");

        assertThat(saved.status()).as(saved.body()).isEqualTo(204);
        Filter after = filterService.getFilter(stored.getId());
        assertThat(after.getName()).isEqualTo("Coordination");
        assertThat(after.getProperties().get("description")).isEqualTo("Requests, offers, bookings and reports for coordinators");
        assertThat(after.getProperties().get("priority")).as("the change itself is saved").isEqualTo(1);
        assertThat(after.getProperties().get("variables").toString()).contains("Reference", "Country").doesNotContain("参照番号");
        filterService.saveFilter(after.setProperties(stored.getProperties()));
    }

    @Test
    void englishIsTheModelsOwnAndTheCookieWinsOverTheBrowser() throws Exception {
        String query = "/engine-rest/task?processInstanceId=" + processInstanceId;
        assertThat(get(query, "en-GB,en;q=0.9", null).get(0).path("name").asText()).isEqualTo("Match expert from roster");
        assertThat(get(query, "ja", "en").get(0).path("name").asText()).isEqualTo("Match expert from roster");
        assertThat(get(query, "fr", "ja").get(0).path("name").asText()).isEqualTo("名簿から専門家を選ぶ");
        assertThat(get(query, "fr-FR", null).get(0).path("name").asText()).isEqualTo("Match expert from roster");
    }

    private JsonNode get(String path, String acceptLanguage, String cookie) throws Exception {
        HttpRequest.Builder request = as("coordinator", path).header("Accept", "application/json")
                .header("Accept-Language", acceptLanguage).GET();
        if (cookie != null) {
            request.header("Cookie", LanguageFilter.COOKIE + "=" + cookie);
        }
        HttpResponse<String> response = HTTP.send(request.build(), ofUtf8());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private HttpRequest.Builder as(String user, String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)));
    }

    private static HttpResponse.BodyHandler<String> ofUtf8() {
        return HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8);
    }
}
