package org.cooperationdesk.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.cooperationdesk.ContributionRows;
import org.cooperationdesk.HttpApi;
import org.cooperationdesk.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Governments' nominations through the office API: complete ones recorded, incomplete refused, late kept as refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:course-api-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "coopdesk.mail-sink.enabled=false"
})
@Import(CourseApiHttpTest.TestClock.class)
class CourseApiHttpTest {

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JdbcClient jdbcClient;
    @Autowired
    MutableClock clock;

    HttpApi api;
    String reference;

    @BeforeEach
    void openCourse() throws Exception {
        api = new HttpApi(port);
        HttpApi.Response created = api.post("/api/courses", "coordinator", course());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        reference = created.json().path("reference").asText();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldRecordACompleteNomination() throws Exception {
        HttpApi.Response response = api.post("/api/courses/" + reference + "/nominations", "coordinator", nomination());

        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().path("status").asText()).isEqualTo("RECEIVED");
        assertThat(nominationStatuses()).containsExactly("RECEIVED");
    }

    @Test
    void shouldRefuseAnIncompleteNominationWithTheMissingPartsAndRecordNothing() throws Exception {
        Map<String, Object> incomplete = nomination();
        incomplete.remove("passportNumber");
        incomplete.put("email", "not-an-address");

        HttpApi.Response response = api.post("/api/courses/" + reference + "/nominations", "coordinator", incomplete);

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("errors").findValuesAsText("field")).contains("passportNumber", "email");
        assertThat(nominationStatuses()).isEmpty();
    }

    @Test
    void shouldKeepALateNominationAsRefusedAndSayWhy() throws Exception {
        clock.advance(java.time.Duration.ofDays(31));

        HttpApi.Response response = api.post("/api/courses/" + reference + "/nominations", "coordinator", nomination());

        assertThat(response.status()).isEqualTo(409);
        assertThat(response.json().path("detail").asText()).contains("after the nomination deadline");
        assertThat(nominationStatuses()).containsExactly("REFUSED");
    }

    @Test
    void shouldNotLetAManagerRecordNominations() throws Exception {
        assertThat(api.post("/api/courses/" + reference + "/nominations", "manager", nomination()).status()).isEqualTo(403);
        assertThat(nominationStatuses()).isEmpty();
    }

    @Test
    void shouldOpenACourseTheIloProjectFundsAndShowItsReference() throws Exception {
        ContributionRows.Row project = ContributionRows.insert(jdbcClient, "ILO", "ACTIVE", "Industrial relations in ASEAN");
        Map<String, Object> funded = course();
        funded.put("programme", project.reference());

        HttpApi.Response created = api.post("/api/courses", "coordinator", funded);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String course = created.json().path("reference").asText();
        assertThat(jdbc.queryForObject("select contribution_id from course where reference = ?", Long.class, course))
                .isEqualTo(project.id());
        HttpApi.Response shown = api.get("/api/courses/" + course, "coordinator");
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.json().path("programme").asText()).isEqualTo(project.reference());
    }

    @Test
    void shouldRefuseACourseForAContributionThatIsNotRunningOrUnknown() throws Exception {
        ContributionRows.Row closed = ContributionRows.insert(jdbcClient, "ILO", "CLOSED", "Labour inspection, phase 1");
        int before = jdbc.queryForObject("select count(*) from course", Integer.class);

        for (String programme : List.of(closed.reference(), "CT-1999-0001")) {
            Map<String, Object> course = course();
            course.put("programme", programme);
            HttpApi.Response refused = api.post("/api/courses", "coordinator", course);

            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("programme");
            assertThat(refused.body()).contains("'" + programme + "' is not a running contribution or programme");
        }
        assertThat(jdbc.queryForObject("select count(*) from course", Integer.class)).isEqualTo(before);
    }

    private static Map<String, Object> course() {
        return new HashMap<>(Map.ofEntries(
                Map.entry("title", "Occupational Safety and Health Management"),
                Map.entry("place", "Osaka"),
                Map.entry("startDate", LocalDate.now().plusDays(60).toString()),
                Map.entry("endDate", LocalDate.now().plusDays(75).toString()),
                Map.entry("capacity", 10),
                Map.entry("quotaPerCountry", 2),
                Map.entry("minExperienceYears", 3),
                Map.entry("maxAge", 45),
                Map.entry("language", "english"),
                Map.entry("alsoInvited", List.of("PH", "TH")),
                Map.entry("nominationDeadline", LocalDate.now().plusDays(30).toString())));
    }

    private List<String> nominationStatuses() {
        return jdbc.queryForList("select n.status from nomination n join course c on c.id = n.course_id where c.reference = ?",
                String.class, reference);
    }

    private static Map<String, Object> nomination() {
        return new HashMap<>(Map.ofEntries(
                Map.entry("countryCode", "PH"),
                Map.entry("officialApplication", true),
                Map.entry("organisation", "Department of Labor and Employment"),
                Map.entry("position", "Senior Labor Inspector"),
                Map.entry("fullName", "Maria Clara Reyes"),
                Map.entry("email", "mc.reyes@dole.ph.example"),
                Map.entry("dateOfBirth", "1986-04-12"),
                Map.entry("passportNumber", "P1234567A"),
                Map.entry("passportExpiry", LocalDate.now().plusYears(4).toString()),
                Map.entry("yearsOfExperience", 12),
                Map.entry("nomineeLanguage", "english"),
                Map.entry("healthDeclaration", true)));
    }
}
