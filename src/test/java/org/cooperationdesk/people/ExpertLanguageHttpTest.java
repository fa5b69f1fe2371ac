package org.cooperationdesk.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.cooperationdesk.HttpApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An expert's correspondence language over real HTTP: coordinators set it (en or ja) and the record keeps it; a
 * manager may not, an unknown language or expert is refused, and a refusal changes nothing. Same configuration as the
 * desk pages' test, so both share one application.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:desk-pages-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "coopdesk.mail-sink.enabled=false",
        "spring.mail.host=127.0.0.1"
})
class ExpertLanguageHttpTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    long expertId;
    String before;

    @BeforeEach
    void anExpertWhoReadsEnglish() {
        expertId = jdbc.queryForObject("select min(person_id) from expert where correspondence_language = 'en'", Long.class);
        before = language();
    }

    @AfterEach
    void restore() {
        jdbc.update("update expert set correspondence_language = 'en' where person_id = ?", expertId);
    }

    @Test
    void aCoordinatorSetsJapaneseAndTheRecordKeepsIt() throws Exception {
        HttpApi.Response answer = api().put(path(), "coordinator", Map.of("correspondenceLanguage", "ja"));

        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(answer.json().path("correspondenceLanguage").asText()).isEqualTo("JA");
        assertThat(language()).isEqualTo("ja");
        assertThat(api().get("/api/experts/" + expertId, "manager").json().path("correspondenceLanguage").asText())
                .isEqualTo("JA");
    }

    @Test
    void refusalsChangeNothing() throws Exception {
        assertThat(api().put(path(), "manager", Map.of("correspondenceLanguage", "ja")).status()).isEqualTo(403);
        assertThat(api().put(path(), null, Map.of("correspondenceLanguage", "ja")).status()).isEqualTo(401);
        HttpApi.Response french = api().put(path(), "coordinator", Map.of("correspondenceLanguage", "fr"));
        assertThat(french.status()).isEqualTo(400);
        assertThat(french.body()).contains("correspondenceLanguage must be en or ja");
        assertThat(api().put("/api/experts/999999/correspondence-language", "coordinator",
                Map.of("correspondenceLanguage", "ja")).status()).isEqualTo(404);
        assertThat(language()).isEqualTo(before);
    }

    private String language() {
        return jdbc.queryForObject("select correspondence_language from expert where person_id = ?", String.class, expertId);
    }

    private String path() {
        return "/api/experts/" + expertId + "/correspondence-language";
    }

    private HttpApi api() {
        return new HttpApi(port);
    }
}
