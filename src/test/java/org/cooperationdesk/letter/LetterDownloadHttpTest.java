package org.cooperationdesk.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.cooperationdesk.LoginSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A record's letters over real HTTP: listed on the meeting's, course's, request's, person's and expert's pages, and
 * downloaded from there as the PDF kept, by the office's staff only; a letter showing passport numbers by
 * coordinators only; a letter whose kept bytes no longer match their checksum is never served.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:letter-download-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "coopdesk.mail-sink.enabled=false",
        "spring.mail.host=127.0.0.1"
})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class LetterDownloadHttpTest {

    static final String VISITOR = "visitor";
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    static final Pattern LINK = Pattern.compile("href=\"(/desk/letters/(\\d+)/([^\"]+))\"");

    record Download(int status, String contentType, String disposition, byte[] body) {

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IdentityService identityService;
    @Autowired
    Letters letters;

    final String meeting = "MT-2027-0901";
    final String course = "TC-2027-0901";
    final String request = "DR-2027-0901";
    long personId;
    long expertId;
    LetterStore.StoredLetter noteVerbale;
    LetterStore.StoredLetter visaLetter;
    LetterStore.StoredLetter acceptance;
    LetterStore.StoredLetter deployment;
    LetterStore.StoredLetter altered;

    @BeforeAll
    void issueLetters() {
        if (identityService.createUserQuery().userId(VISITOR).count() == 0) {
            User visitor = identityService.newUser(VISITOR);
            visitor.setPassword(VISITOR);
            identityService.saveUser(visitor);
        }
        LocalDate start = LocalDate.now().plusDays(60);
        jdbc.update("""
                insert into meeting (reference, title, theme, kind, start_date, end_date, venue, host_country, budget,
                    budget_yen, delegate_quota, nomination_deadline, field_visit, status, created_at)
                values (?, 'ASEAN and Japan High Level Officials Meeting on Caring Societies', 'Human resources',
                        'high_level_officials_meeting', ?, ?, 'Hotel New Otani', 'JP', 20000000, 20000000, 3, ?, false,
                        'PLANNED', ?)""", meeting, start, start.plusDays(2), start.minusDays(30), LocalDateTime.now());
        jdbc.update("""
                insert into course (reference, title, place, start_date, end_date, capacity, quota_per_country,
                    min_experience_years, max_age, language, nomination_deadline, status, created_at)
                values (?, 'Training Program of Leaders in Labour Administration', 'Tokyo', ?, ?, 20, 2, 3, 45, 'english',
                        ?, 'OPEN', ?)""", course, start, start.plusDays(18), start.minusDays(30), LocalDateTime.now());
        jdbc.update("""
                insert into dispatch_request (reference, requesting_body, requester_reference, requester_email, country_code,
                    purpose, terms_of_reference, skills_needed, start_date, duration_days, estimated_cost, estimated_cost_yen,
                    funded_by, status, created_at)
                values (?, 'WHO', 'GOARN-2027-114', 'goarn@who.example', 'KH', 'Avian influenza outbreak response',
                        'Terms', 'epidemiology', ?, 28, 800000, 800000, 'REQUESTER', 'DEPLOYED', ?)""",
                request, start, LocalDateTime.now());
        jdbc.update("insert into person (full_name, email, email_key, nationality, created_at) values (?, ?, ?, ?, ?)",
                "José Müller", "jose.muller@dole.gov.ph.example", "jose.muller@dole.gov.ph.example", "Filipino",
                LocalDateTime.now());
        personId = jdbc.queryForObject("select id from person where email_key = 'jose.muller@dole.gov.ph.example'", Long.class);
        expertId = jdbc.queryForObject("select id from person where full_name = 'Dr. Aiko Nakamura'", Long.class);

        noteVerbale = letters.issue(LetterRequest.of(LetterKind.NOTE_VERBALE, meeting,
                List.of("International cooperation focal point", "Government of Viet Nam"), LetterFixtures.meetingValues())
                .fileNamedFor("VN"), "test:" + meeting + ":VN", 1);
        visaLetter = letters.issue(LetterRequest.of(LetterKind.VISA_SUPPORT_LETTER, meeting,
                List.of("To the consular authorities concerned"), LetterFixtures.visaLetter().values())
                .fileNamedFor("VN"), "test:" + meeting + ":visa", 1);
        acceptance = letters.issue(LetterRequest.of(LetterKind.ACCEPTANCE_LETTER, course, List.of("José Müller", "Philippines"),
                LetterFixtures.courseValues("José Müller", "Philippines")).toPerson(personId).fileNamedFor("41"),
                "test:" + course + ":41", 1);
        deployment = letters.issue(LetterRequest.of(LetterKind.DEPLOYMENT_LETTER, request, List.of("Dr. Aiko Nakamura"),
                LetterFixtures.deploymentLetter().values()).toPerson(expertId).fileNamedFor("7"), "test:" + request, 1);
        altered = letters.issue(LetterRequest.of(LetterKind.REGRET_LETTER, course, List.of("Siriporn Chaiyasit", "Thailand"),
                LetterFixtures.regret().values()).fileNamedFor("42"), "test:" + course + ":42", 1);
        jdbc.update("update letter set content = ? where id = ?", "not the letter".getBytes(StandardCharsets.UTF_8),
                altered.id());
    }

    @Nested
    class Listed {

        @Test
        void shouldListTheMeetingsLettersWithAddresseeDateSizeAndChecksum() throws Exception {
            String page = page("/desk/meetings/" + meeting, "coordinator");

            assertThat(page).contains("Documents", "Note verbale", "Visa support letter",
                    "International cooperation focal point, Government of Viet Nam", "To the consular authorities concerned",
                    noteVerbale.sha256().substring(0, 12), (noteVerbale.sizeBytes() + 1023) / 1024 + " KB",
                    "href=\"/desk/letters/" + noteVerbale.id() + "/" + meeting + "-note-verbale-VN.pdf\"",
                    "href=\"/desk/letters/" + visaLetter.id() + "/" + meeting + "-visa-support-letter-VN.pdf\"");
            assertThat(page).doesNotContain("There are no documents yet");
        }

        @Test
        void shouldListACoursesLettersAndThoseAddressedToAPersonOnTheirPage() throws Exception {
            assertThat(page("/desk/courses/" + course, "manager")).contains("Acceptance letter", "José Müller, Philippines",
                    "href=\"/desk/letters/" + acceptance.id() + "/" + course + "-acceptance-letter-41.pdf\"");
            assertThat(page("/desk/people/" + personId, "director")).contains("Acceptance letter",
                    "href=\"/desk/letters/" + acceptance.id() + "/");
        }

        @Test
        void shouldListTheDeploymentLetterOnTheRequestsAndTheExpertsPages() throws Exception {
            String link = "href=\"/desk/letters/" + deployment.id() + "/" + request + "-deployment-letter-7.pdf\"";

            assertThat(page("/desk/dispatches/" + request, "coordinator")).contains("Deployment letter", link);
            assertThat(page("/desk/experts/" + expertId, "coordinator")).contains("Deployment letter", link);
            assertThat(page("/desk/people/" + expertId, "coordinator")).contains(link);
        }

        @Test
        void shouldLinkALetterWithPassportNumbersForCoordinatorsOnly() throws Exception {
            String page = page("/desk/meetings/" + meeting, "manager");

            assertThat(page).contains(meeting + "-visa-support-letter-VN.pdf", "shows passport numbers: coordinators only")
                    .doesNotContain("href=\"/desk/letters/" + visaLetter.id() + "/");
        }
    }

    @Nested
    class Downloaded {

        @Test
        void shouldServeTheLetterKeptFromTheLinkOnTheRecordsPage() throws Exception {
            Matcher link = LINK.matcher(page("/desk/meetings/" + meeting, "coordinator"));
            String href = null;
            while (link.find()) {
                if (link.group(3).endsWith("-note-verbale-VN.pdf")) {
                    href = link.group(1);
                }
            }
            assertThat(href).as("the note verbale's link on the meeting's page").isNotNull();

            Download pdf = download(href, "coordinator");

            assertThat(pdf.status()).isEqualTo(200);
            assertThat(pdf.contentType()).isEqualTo("application/pdf");
            assertThat(pdf.disposition()).isEqualTo("inline; filename=\"" + meeting + "-note-verbale-VN.pdf\"");
            assertThat(pdf.body()).isEqualTo(jdbc.queryForObject("select content from letter where id = ?", byte[].class,
                    noteVerbale.id()));
            assertThat(Letters.sha256(pdf.body())).isEqualTo(noteVerbale.sha256());
            assertThat(LetterMail.text(pdf.body())).contains("NOTE VERBALE", "presents its compliments to the Government of Viet Nam");
        }

        @Test
        void shouldServeALetterByItsIdAloneToo() throws Exception {
            Download pdf = download("/desk/letters/" + acceptance.id(), "director");

            assertThat(pdf.status()).isEqualTo(200);
            assertThat(pdf.body()).isEqualTo(acceptance.content());
        }

        @Test
        void shouldServeALetterWithPassportNumbersToACoordinator() throws Exception {
            assertThat(download(visaLink(), "coordinator").body()).isEqualTo(visaLetter.content());
        }
    }

    @Nested
    class Refused {

        @Test
        void shouldSendAnAnonymousReaderToTheLoginPage() throws Exception {
            LoginSession.Response page = LoginSession.anonymous(port)
                    .page("/desk/letters/" + noteVerbale.id() + "/" + noteVerbale.fileName());

            assertThat(page.status()).isEqualTo(302);
            assertThat(page.redirect()).isEqualTo("/login");
        }

        @Test
        void shouldRefuseAUserOutsideTheOfficeWithAPageSayingWhy() throws Exception {
            Download refused = download("/desk/letters/" + noteVerbale.id() + "/" + noteVerbale.fileName(), VISITOR);

            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("text/html");
            assertThat(refused.text()).contains("Not for your role", "signed in as visitor").doesNotContain("%PDF");
        }

        @Test
        void shouldRefuseALetterWithPassportNumbersToAManager() throws Exception {
            Download refused = download(visaLink(), "manager");

            assertThat(refused.status()).isEqualTo(403);
            assertThat(refused.text()).contains("shows passport numbers, which are for coordinators only")
                    .doesNotContain("%PDF");
        }

        @Test
        void shouldAnswerAnUnknownLetterOrFileNameWithANotFoundPage() throws Exception {
            Download unknown = download("/desk/letters/999999", "coordinator");
            Download misnamed = download("/desk/letters/" + noteVerbale.id() + "/another-letter.pdf", "coordinator");

            assertThat(unknown.status()).isEqualTo(404);
            assertThat(unknown.text()).contains("Not found", "There is no letter 999999.");
            assertThat(misnamed.status()).isEqualTo(404);
            assertThat(misnamed.contentType()).startsWith("text/html");
        }

        @Test
        void shouldNeverServeALetterWhoseBytesNoLongerMatchItsChecksumAndLogIt(CapturedOutput log) throws Exception {
            Download refused = download("/desk/letters/" + altered.id() + "/" + altered.fileName(), "coordinator");

            assertThat(refused.status()).isEqualTo(500);
            assertThat(refused.contentType()).startsWith("text/html");
            assertThat(refused.text()).contains("is no longer the one the office issued").doesNotContain("not the letter");
            assertThat(log.getOut()).contains("Letter " + altered.id() + " (" + altered.fileName()
                    + ") no longer matches its checksum");
        }
    }

    String visaLink() {
        return "/desk/letters/" + visaLetter.id() + "/" + visaLetter.fileName();
    }

    String page(String path, String user) throws Exception {
        Download page = download(path, user);
        assertThat(page.status()).as(path).isEqualTo(200);
        return page.text();
    }

    Download download(String path, String user) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/html,application/pdf,*/*;q=0.8")
                .header("Accept-Language", "en-GB")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                response.headers().firstValue("Content-Disposition").orElse(null), response.body());
    }
}
