package org.cooperationdesk.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;

import org.cooperationdesk.ContributionRows;
import org.cooperationdesk.HttpApi;
import org.cooperationdesk.MutableClock;
import org.cooperationdesk.notification.MailContent;
import org.cooperationdesk.portal.LinkThrottle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
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
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Governments' nominations through the office API: complete ones recorded, incomplete refused, late kept as refused. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:course-api-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "coopdesk.mail-sink.enabled=false",
        "spring.mail.host=127.0.0.1"
})
@Import(CourseApiHttpTest.TestClock.class)
class CourseApiHttpTest {

    static final GreenMail MAIL = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());

    @BeforeAll
    static void startMail() {
        MAIL.start();
    }

    @AfterAll
    static void stopMail() {
        MAIL.stop();
    }

    @DynamicPropertySource
    static void mailPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
    }

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

    @Autowired
    ManagementService managementService;
    @Autowired
    LinkThrottle throttle;

    HttpApi api;
    String reference;
    String processInstanceId;

    @BeforeEach
    void openCourse() throws Exception {
        api = new HttpApi(port);
        HttpApi.Response created = api.post("/api/courses", "coordinator", course());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        reference = created.json().path("reference").asText();
        processInstanceId = created.json().path("processInstanceId").asText();
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

    /**
     * A government's focal point nominates online through the personal link of the course announcement: one nominee at a
     * time with the official application letter, each reviewed by a coordinator in Tasklist (here through the engine's
     * REST API, as Tasklist calls it). The course invites the Philippines and Thailand, 2 places per country.
     */
    // Nominations online: in this class, not a @Nested one (a nested class here gets a Spring context of its own,
    // whose REST API then answers from the other context's engine: seen on PostgreSQL).

    static final Pattern LINK = Pattern.compile("/portal/([A-Za-z0-9_-]{43})");
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << >> endobj\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    String philippines;

    /** The course announced: each government has its link (the nominations-online tests start here). */
    void announceTheCourse() throws Exception {
        runJobs();
        philippines = tokenMailedTo("ph");
    }

    @AfterEach
    void forgetFailedAttempts() {
        throttle.forget("127.0.0.1");
        throttle.forget("0:0:0:0:0:0:0:1");
    }

    @Test
    void shouldMailEachGovernmentItsOwnLinkWithTheAnnouncementAndShowTheCourseOnIt() throws Exception {
        announceTheCourse();
        String thailand = tokenMailedTo("th");
        assertThat(thailand).isNotEqualTo(philippines);

        HttpApi.Response page = api.get("/portal/" + philippines, null);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Nominations of Philippines: Occupational Safety and Health Management (" + reference + ")",
                "Osaka", "Places per country", "At least 3 years of relevant experience, at most 45 years of age",
                "Your nominees on record", "None yet", "Nominee&#39;s full name", "name=\"fullName\"",
                "name=\"dateOfBirth\"", "name=\"yearsOfExperience\"", "name=\"nomineeLanguage\"",
                "name=\"officialLetter\"", "name=\"passports\"")
                .as("the country, the action and the application come from the link and the letter, not the page")
                .doesNotContain("name=\"countryCode\"", "name=\"nominationAction\"", "name=\"officialApplication\"");
        assertThat(api.get("/desk/courses/" + reference, "coordinator").body())
                .contains("Partners&#39; links and answers", "international-cooperation@ph.gov.example");
    }

    @Test
    void shouldFileANomineeTheCoordinatorAcceptsThenTakeTheNextUpToTheQuota() throws Exception {
        announceTheCourse();
        HttpResponse<String> sent = nominate(philippines, nominee("Maria Clara Reyes"), PDF);

        assertThat(sent.statusCode()).as(sent.body()).isEqualTo(303);
        assertThat(sent.headers().firstValue("Location")).hasValueSatisfying(location -> assertThat(location).endsWith("?sent"));
        JsonNode review = reviewTask();
        assertThat(review.path("name").asText()).isEqualTo("Review nomination of Maria Clara Reyes (Philippines)");
        assertThat(nominationStatuses()).as("nothing filed before the review").isEmpty();
        assertThat(jdbc.queryForObject("""
                select count(*) from partner_attachment a join partner_submission s on s.id = a.submission_id
                 where s.reference = ? and a.slot = 'officialLetter' and a.content_type = 'application/pdf'""",
                Integer.class, reference)).isEqualTo(1);

        HttpApi.Response accepted = api.post("/engine-rest/task/" + review.path("id").asText() + "/submit-form",
                "coordinator", Map.of("variables", Map.of("reviewDecision", Map.of("value", "accepted"))));

        assertThat(accepted.status()).as(accepted.body()).isEqualTo(204);
        JsonNode course = api.get("/api/courses/" + reference, "coordinator").json();
        assertThat(course.path("nominations")).singleElement().satisfies(nomination -> {
            assertThat(nomination.path("fullName").asText()).isEqualTo("Maria Clara Reyes");
            assertThat(nomination.path("countryCode").asText()).isEqualTo("PH");
            assertThat(nomination.path("status").asText()).isEqualTo("RECEIVED");
        });
        assertThat(api.get("/portal/" + philippines, null).body()).contains("Maria Clara Reyes (Received)", "Accepted");

        assertThat(nominate(philippines, nominee("Jose Santos"), PDF).statusCode()).isEqualTo(303);
        assertThat(api.post("/engine-rest/task/" + reviewTask().path("id").asText() + "/submit-form", "coordinator",
                Map.of("variables", Map.of("reviewDecision", Map.of("value", "accepted")))).status()).isEqualTo(204);
        assertThat(nominationStatuses()).containsExactly("RECEIVED", "RECEIVED");

        assertThat(api.get("/portal/" + philippines, null).body())
                .contains("as many candidates as the course takes from one country").doesNotContain("name=\"fullName\"");
        HttpResponse<String> third = nominate(philippines, nominee("Ana Lopez"), PDF);
        assertThat(third.statusCode()).isEqualTo(409);
        assertThat(submissions()).isEqualTo(2);
    }

    @Test
    void shouldFileTheLinksCountryWhateverCountryTheFormNames() throws Exception {
        announceTheCourse();
        Map<String, String> hostile = nominee("Maria Clara Reyes");
        hostile.put("countryCode", "TH");

        assertThat(nominate(philippines, hostile, PDF).statusCode()).isEqualTo(303);
        assertThat(api.post("/engine-rest/task/" + reviewTask().path("id").asText() + "/submit-form", "coordinator",
                Map.of("variables", Map.of("reviewDecision", Map.of("value", "accepted")))).status()).isEqualTo(204);

        assertThat(jdbc.queryForList("select n.country_code from nomination n join course c on c.id = n.course_id"
                + " where c.reference = ?", String.class, reference)).containsExactly("PH");
        assertThat(jdbc.queryForObject("select i.status from course_invitation i join course c on c.id = i.course_id"
                + " where c.reference = ? and i.country_code = 'TH'", String.class, reference)).isEqualTo("INVITED");
        assertThat(jdbc.queryForObject("select subject from partner_submission where reference = ?", String.class, reference))
                .isEqualTo("PH");
    }

    @Test
    void shouldAnswerANominationAfterTheDeadlineWithTheDeadLinkPageAndKeepNothing() throws Exception {
        announceTheCourse();
        clock.advance(Duration.ofDays(31));

        HttpResponse<String> late = nominate(philippines, nominee("Maria Clara Reyes"), PDF);

        assertThat(late.statusCode()).isEqualTo(404);
        assertThat(late.body()).contains("This link is not available");
        assertThat(submissions()).isZero();
        assertThat(nominationStatuses()).isEmpty();
    }

    @Test
    void shouldRefuseALetterThatIsNotAPdfAndKeepNothing() throws Exception {
        announceTheCourse();
        byte[] program = "MZ\u0090\u0000 this program cannot be run in DOS mode".getBytes(StandardCharsets.ISO_8859_1);

        HttpResponse<String> refused = nominate(philippines, nominee("Maria Clara Reyes"), program);

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("its content was checked, not its name", "value=\"Maria Clara Reyes\"");
        assertThat(submissions()).isZero();
        assertThat(jdbc.queryForObject("select count(*) from partner_attachment", Integer.class)).isZero();
        assertThat(reviewTasks()).isEmpty();
    }

    @Test
    void shouldRefuseAReplayedNominationWhileTheFirstIsUnderReview() throws Exception {
        announceTheCourse();
        assertThat(nominate(philippines, nominee("Maria Clara Reyes"), PDF).statusCode()).isEqualTo(303);

        HttpResponse<String> replayed = nominate(philippines, nominee("Maria Clara Reyes"), PDF);

        assertThat(replayed.statusCode()).isEqualTo(409);
        assertThat(replayed.body()).contains("Your answer is being reviewed by the office.", "Nothing was changed.");
        assertThat(submissions()).isEqualTo(1);
        assertThat(reviewTasks()).hasSize(1);
    }

    private void runJobs() {
        List<org.camunda.bpm.engine.runtime.Job> jobs;
        while (!(jobs = managementService.createJobQuery().processInstanceId(processInstanceId).messages().list()).isEmpty()) {
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    /** The token of the link the course's announcement mailed to the government of this country. */
    private String tokenMailedTo(String country) throws Exception {
        for (MimeMessage mail : MAIL.getReceivedMessages()) {
            if (mail.getSubject().contains(reference) && java.util.Arrays.stream(mail.getAllRecipients())
                    .anyMatch(to -> to.toString().equals("international-cooperation@" + country + ".gov.example"))) {
                Matcher link = LINK.matcher(MailContent.text(mail));
                assertThat(link.find()).as("a personal link in the announcement").isTrue();
                return link.group(1);
            }
        }
        throw new AssertionError("No announcement of " + reference + " to " + country);
    }

    private Map<String, String> nominee(String name) {
        return new LinkedHashMap<>(Map.ofEntries(
                Map.entry("organisation", "Department of Labor and Employment"),
                Map.entry("position", "Senior Labor Inspector"),
                Map.entry("fullName", name),
                Map.entry("email", name.toLowerCase().replace(' ', '.') + "@dole.ph.example"),
                Map.entry("dateOfBirth", "1986-04-12"),
                Map.entry("passportNumber", "P" + Math.abs(name.hashCode())),
                Map.entry("passportExpiry", LocalDate.now().plusYears(4).toString()),
                Map.entry("yearsOfExperience", "12"),
                Map.entry("nomineeLanguage", "english"),
                Map.entry("healthDeclaration", "true")));
    }

    /** Posts the page as a browser does: multipart/form-data, the letter in the officialLetter slot. */
    private HttpResponse<String> nominate(String token, Map<String, String> fields, byte[] letter) throws Exception {
        String boundary = "----nomination" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
                    + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"officialLetter\"; filename=\"application.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(letter);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/portal/" + token))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private List<JsonNode> reviewTasks() throws Exception {
        HttpApi.Response tasks = api.get("/engine-rest/task?processInstanceBusinessKey=" + reference
                + "&taskDefinitionKey=" + TraineeInvitationProcess.TASK_REVIEW_NOMINATION, "coordinator");
        assertThat(tasks.status()).as(tasks.body()).isEqualTo(200);
        List<JsonNode> found = new java.util.ArrayList<>();
        tasks.json().forEach(found::add);
        return found;
    }

    private JsonNode reviewTask() throws Exception {
        List<JsonNode> tasks = reviewTasks();
        assertThat(tasks).hasSize(1);
        return tasks.get(0);
    }

    private int submissions() {
        return jdbc.queryForObject("select count(*) from partner_submission where reference = ?", Integer.class, reference);
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
