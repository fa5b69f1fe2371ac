package org.cooperationdesk.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.cooperationdesk.SmallPdf;
import org.cooperationdesk.language.Language;
import org.cooperationdesk.language.LanguageFormats;
import org.cooperationdesk.notification.MailContent;
import org.cooperationdesk.portal.LinkThrottle;
import org.cooperationdesk.portal.PortalVariables;
import org.cooperationdesk.system.Groups;
import org.cooperationdesk.ContributionRows;
import org.cooperationdesk.HttpApi;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Governments' answers and the meeting's calendar through the office API, with the Tasklist form's rules. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:meeting-api-test;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "coopdesk.mail-sink.enabled=false",
        "spring.mail.host=127.0.0.1"
})
class MeetingApiHttpTest {

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

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    JdbcClient jdbcClient;
    @Autowired
    ManagementService managementService;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    LinkThrottle throttle;

    PartnerPageClient portal;

    HttpApi api;
    String reference;

    @BeforeEach
    void planMeeting() throws Exception {
        api = new HttpApi(port);
        portal = new PartnerPageClient(port);
        HttpApi.Response created = api.post("/api/meetings", "coordinator", meeting());
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        reference = created.json().path("reference").asText();
        // The invitations go out first (asynchronous mail steps; the job executor is off here).
        managementService.createJobQuery().processInstanceId(created.json().path("processInstanceId").asText()).list()
                .forEach(job -> managementService.executeJob(job.getId()));
    }

    @Test
    void shouldRecordAGovernmentsDelegationSentThroughTheApi() throws Exception {
        HttpApi.Response answer = api.post("/api/meetings/" + reference + "/delegations/TH", "coordinator", Map.of(
                "delegationAnswer", "nominated", "headName", "Somchai Wong", "headEmail", "somchai@m-society.go.th.example",
                "headPassportNumber", "AA1234567", "headPassportExpiry", LocalDate.now().plusYears(5).toString()));

        assertThat(answer.status()).as(answer.body()).isEqualTo(202);
        assertThat(jdbc.queryForList("select d.full_name from delegate d join meeting m on m.id = d.meeting_id where m.reference = ?",
                String.class, reference)).containsExactly("Somchai Wong");
    }

    @Test
    void shouldRefuseADelegationAboveTheQuotaWithTheFieldNamed() throws Exception {
        String expiry = LocalDate.now().plusYears(5).toString();
        HttpApi.Response answer = api.post("/api/meetings/" + reference + "/delegations/PH", "coordinator", Map.ofEntries(
                Map.entry("delegationAnswer", "nominated"),
                Map.entry("headName", "Ana Cruz"), Map.entry("headEmail", "ana@dswd.ph.example"),
                Map.entry("headPassportNumber", "P1"), Map.entry("headPassportExpiry", expiry),
                Map.entry("delegate2Name", "Ben Reyes"), Map.entry("delegate2Email", "ben@dswd.ph.example"),
                Map.entry("delegate2PassportNumber", "P2"), Map.entry("delegate2PassportExpiry", expiry),
                Map.entry("delegate3Name", "Carla Santos"), Map.entry("delegate3Email", "carla@dswd.ph.example"),
                Map.entry("delegate3PassportNumber", "P3"), Map.entry("delegate3PassportExpiry", expiry)));

        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.json().path("errors").findValuesAsText("field")).contains("delegate3Name");
        assertThat(jdbc.queryForObject("select count(*) from delegate d join meeting m on m.id = d.meeting_id where m.reference = ?",
                Integer.class, reference)).isZero();
    }

    @Test
    void shouldNotTakeChangesBeforeTheListIsFrozen() throws Exception {
        HttpApi.Response change = api.post("/api/meetings/" + reference + "/changes", "coordinator", Map.of(
                "countryCode", "TH", "fullName", "Late Person", "email", "late@example.org", "passportNumber", "X1",
                "passportExpiry", LocalDate.now().plusYears(3).toString(), "reason", "late"));

        assertThat(change.status()).isEqualTo(409);
        assertThat(change.json().path("detail").asText()).contains("not frozen");
    }

    @Test
    void shouldExportTheMeetingAsACalendarFile() throws Exception {
        HttpApi.Response ics = api.get("/api/meetings/" + reference + "/calendar.ics", "manager");

        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.body()).startsWith("BEGIN:VCALENDAR\r\n").contains("UID:" + reference + "@cooperation-desk")
                .contains("DTSTART;VALUE=DATE:" + LocalDate.now().plusDays(90).toString().replace("-", ""));
        assertThat(api.get("/api/meetings/" + reference + "/calendar.ics", null).status()).isEqualTo(401);
    }

    @Test
    void shouldPlanAWorkshopTheIloProjectFundsAndShowItsReference() throws Exception {
        ContributionRows.Row project = ContributionRows.insert(jdbcClient, "ILO", "ACTIVE", "Industrial relations in ASEAN");
        Map<String, Object> funded = meeting();
        funded.put("programme", project.reference());

        HttpApi.Response created = api.post("/api/meetings", "coordinator", funded);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String meeting = created.json().path("reference").asText();
        assertThat(jdbc.queryForObject("select contribution_id from meeting where reference = ?", Long.class, meeting))
                .isEqualTo(project.id());
        HttpApi.Response shown = api.get("/api/meetings/" + meeting, "coordinator");
        assertThat(shown.status()).as(shown.body()).isEqualTo(200);
        assertThat(shown.json().path("programme").asText()).isEqualTo(project.reference());
    }

    @Test
    void shouldRefuseAMeetingForAContributionThatIsNotRunningOrUnknown() throws Exception {
        ContributionRows.Row suspended = ContributionRows.insert(jdbcClient, "WHO", "SUSPENDED", "Health security, phase 2");
        int before = jdbc.queryForObject("select count(*) from meeting", Integer.class);

        for (String programme : List.of(suspended.reference(), "CT-1999-0001")) {
            Map<String, Object> meeting = meeting();
            meeting.put("programme", programme);
            HttpApi.Response refused = api.post("/api/meetings", "coordinator", meeting);

            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.json().path("errors").findValuesAsText("field")).containsExactly("programme");
            assertThat(refused.body()).contains("'" + programme + "' is not a running contribution or programme");
        }
        assertThat(jdbc.queryForObject("select count(*) from meeting", Integer.class)).isEqualTo(before);
    }

    @Test
    void shouldRequireAReasonToCancel() throws Exception {
        HttpApi.Response cancel = api.post("/api/meetings/" + reference + "/cancellation", "manager", Map.of("reason", " "));

        assertThat(cancel.status()).isEqualTo(400);
        assertThat(jdbc.queryForObject("select status from meeting where reference = ?", String.class, reference))
                .isEqualTo("PLANNED");
    }

    /** A manager holds no right on process instances in the engine; the office API cancels for them. */
    @Test
    void shouldLetAManagerCancelAndACoordinatorPostponeThroughTheApi() throws Exception {
        HttpApi.Response postpone = api.post("/api/meetings/" + reference + "/postponement", "coordinator", Map.of(
                "startDate", LocalDate.now().plusDays(120).toString(), "endDate", LocalDate.now().plusDays(121).toString(),
                "reason", "Typhoon season"));
        assertThat(postpone.status()).as(postpone.body()).isEqualTo(202);
        assertThat(jdbc.queryForObject("select start_date from meeting where reference = ?", java.sql.Date.class, reference)
                .toLocalDate()).isEqualTo(LocalDate.now().plusDays(120));

        HttpApi.Response cancel = api.post("/api/meetings/" + reference + "/cancellation", "manager",
                Map.of("reason", "The host ministry withdrew"));
        assertThat(cancel.status()).as(cancel.body()).isEqualTo(202);
        assertThat(jdbc.queryForObject("select status from meeting where reference = ?", String.class, reference))
                .isEqualTo("CANCELLED");
        assertThat(api.post("/api/meetings/" + reference + "/cancellation", "manager", Map.of("reason", "again")).status())
                .isEqualTo(409);
    }

    // ---------------------------------------------------------------- partners answer online (portal/)

    static final String CAMBODIA = "international-cooperation@kh.gov.example";
    static final String THAILAND = "international-cooperation@th.gov.example";
    static final Pattern LINK = Pattern.compile("/portal/([A-Za-z0-9_-]{43})");
    static final byte[] NOTE_VERBALE = SmallPdf.withText("Note verbale No. 123/2026 of the Royal Government of Cambodia");

    /**
     * A focal point answers through the link in its government's invitation: sends the delegation with its note
     * verbale, a coordinator returns it with a reason, the focal point corrects it, the coordinator accepts it and the
     * meeting goes on; the meeting's page lists the file and serves it checked.
     */
    @Nested
    class PartnersAnswerOnline {

        @AfterEach
        void forgetFailedAttempts() {
            throttle.forget(PartnerPageClient.ADDRESS);
        }

        @Test
        void shouldTakeADelegationSentOnlineReturnedCorrectedAndAcceptedAndGoOnWithTheMeeting() throws Exception {
            String meeting = planOnlineMeeting("Regional Workshop on Social Protection", "KH", "TH");
            MimeMessage invitation = mailTo(CAMBODIA, meeting, "Invitation:");
            String link = linkIn(invitation);
            assertThat(MailContent.text(invitation)).contains("send the delegation online",
                    "by note verbale through the diplomatic channel");

            PartnerPageClient.Page page = portal.open(link);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("Delegation of Cambodia: Regional Workshop on Social Protection", meeting,
                    "Tokyo, Mita Kaigisho, Japan", LanguageFormats.date(LocalDate.now().plusDays(40), Language.EN),
                    "name=\"headName\"", "name=\"officialLetter\"");
            assertThat(portal.open(link, "?lang=ja").body()).as("the page in Japanese, should the focal point switch")
                    .contains("カンボジアの代表団：Regional Workshop on Social Protection", "会期", "団長");

            PartnerPageClient.Page sent = portal.send(link, cambodianDelegation("KH100200"),
                    List.of(PartnerPageClient.pdf("officialLetter", "note-verbale-123.pdf", NOTE_VERBALE)));
            assertThat(sent.status()).as(sent.body()).isIn(302, 303);
            assertThat(sent.header("Location")).endsWith("/portal/" + link + "?sent");
            assertThat(portal.open(link, "?sent").body()).contains("your answer was received",
                    "Your answer is being reviewed by the office.");

            HttpApi.Response reviews = api.get("/engine-rest/task?processInstanceBusinessKey=" + meeting
                    + "&taskDefinitionKey=" + MeetingOrganisationProcess.TASK_REVIEW_DELEGATION, "coordinator");
            assertThat(reviews.status()).as(reviews.body()).isEqualTo(200);
            assertThat(reviews.json().findValuesAsText("name")).as("the coordinators' review task")
                    .containsExactly("Review delegation of Cambodia");
            String review = reviews.json().get(0).path("id").asText();
            assertThat(taskService.getIdentityLinksForTask(review)).extracting(IdentityLink::getGroupId)
                    .contains(Groups.COORDINATORS);

            String reason = "Please give the head of delegation's passport number as printed: KH100299.";
            HttpApi.Response returned = decide(review, PortalVariables.RETURNED, reason);
            assertThat(returned.status()).as(returned.body()).isEqualTo(204);
            runJobs(meeting);
            MimeMessage correction = mailTo(CAMBODIA, meeting, "Please correct your answer");
            assertThat(MailContent.text(correction)).contains(reason, "/portal/" + link);
            assertThat(linkIn(correction)).as("the same link").isEqualTo(link);

            PartnerPageClient.Page toCorrect = portal.open(link);
            assertThat(toCorrect.body()).contains("Your answer was returned on", "KH100299", "value=\"Sok Chenda\"",
                    "value=\"KH100200\"", "note-verbale-123.pdf");
            PartnerPageClient.Page corrected = portal.send(link, cambodianDelegation("KH100299"), List.of());
            assertThat(corrected.status()).as(corrected.body()).isIn(302, 303);

            String secondReview = openTask(meeting, MeetingOrganisationProcess.TASK_REVIEW_DELEGATION).getId();
            assertThat(decide(secondReview, PortalVariables.ACCEPTED, null).status()).isEqualTo(204);

            Task registration = openTask(meeting, MeetingOrganisationProcess.TASK_REGISTER_DELEGATION);
            assertThat(taskService.getVariable(registration.getId(), MeetingVariables.COUNTRY_CODE)).isEqualTo("KH");
            assertThat(jdbc.queryForList("select d.full_name || ' ' || d.passport_number from delegate d join meeting m"
                    + " on m.id = d.meeting_id where m.reference = ? and d.country_code = 'KH' order by d.id", String.class, meeting))
                    .containsExactly("Sok Chenda KH100299", "Heng Vanna KH100201");
            assertThat(portal.open(link).body()).contains("Your answer was accepted. Thank you.").doesNotContain("name=\"headName\"");

            Map<String, Object> file = jdbc.queryForMap("select a.id, a.file_name, a.sha256 from partner_attachment a join"
                    + " partner_submission s on s.id = a.submission_id where s.reference = ? and s.status = 'ACCEPTED'", meeting);
            assertThat(file.get("SHA256")).isEqualTo(sha256(NOTE_VERBALE));
            HttpApi.Response meetingPage = api.get("/desk/meetings/" + meeting, "coordinator");
            assertThat(meetingPage.body()).contains("note-verbale-123.pdf", ((String) file.get("SHA256")).substring(0, 12));
            HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            "http://127.0.0.1:" + port + "/desk/attachments/" + file.get("ID") + "/note-verbale-123.pdf"))
                    .header("Authorization", basic("coordinator")).build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(download.statusCode()).isEqualTo(200);
            assertThat(download.headers().firstValue("Content-Type")).hasValue("application/pdf");
            assertThat(sha256(download.body())).isEqualTo(file.get("SHA256"));

            jdbc.update("update partner_attachment set content = ? where id = ?", "%PDF-1.4 altered".getBytes(), file.get("ID"));
            HttpApi.Response altered = api.get("/desk/attachments/" + file.get("ID") + "/note-verbale-123.pdf", "coordinator");
            assertThat(altered.status()).as("a file that no longer matches its checksum is not served").isEqualTo(500);
        }
    }

    /** Hostile input through the partners' pages: refused with a page, nothing changed. */
    @Nested
    class Hostile {

        @AfterEach
        void forgetFailedAttempts() {
            throttle.forget(PartnerPageClient.ADDRESS);
        }

        @Test
        void shouldKeepTheAnswerTheLinksCountrysWhateverCountryTheFormNames() throws Exception {
            String meeting = planOnlineMeeting("Forum on Labour Inspection", "KH", "TH");
            String link = linkIn(mailTo(CAMBODIA, meeting, "Invitation:"));
            List<Map.Entry<String, String>> fields = new ArrayList<>(cambodianDelegation("KH100200").entrySet());
            fields.add(Map.entry("countryCode", "TH"));
            fields.add(Map.entry("countryName", "Thailand"));
            fields.add(Map.entry("subject", "TH"));
            fields.add(Map.entry("meetingId", "1"));

            PartnerPageClient.Page sent = portal.send(link, fields,
                    List.of(PartnerPageClient.pdf("officialLetter", "note.pdf", NOTE_VERBALE)));

            assertThat(sent.status()).as(sent.body()).isIn(302, 303);
            assertThat(jdbc.queryForList("select subject from partner_submission where reference = ?", String.class, meeting))
                    .containsExactly("KH");
            Task review = openTask(meeting, MeetingOrganisationProcess.TASK_REVIEW_DELEGATION);
            assertThat(review.getName()).isEqualTo("Review delegation of Cambodia");
            assertThat(taskService.getVariable(review.getId(), MeetingVariables.COUNTRY_CODE)).isEqualTo("KH");
            assertThat(jdbc.queryForObject("select answer from partner_submission where reference = ?", String.class, meeting))
                    .doesNotContain("TH", "Thailand");
            assertThat(countryTask(meeting, MeetingOrganisationProcess.TASK_RECORD_DELEGATION, "TH"))
                    .as("Thailand's answer is still awaited").isPresent();
            assertThat(countryTask(meeting, MeetingOrganisationProcess.TASK_REVIEW_DELEGATION, "TH")).isEmpty();

            assertThat(decide(review.getId(), PortalVariables.ACCEPTED, null).status()).isEqualTo(204);
            assertThat(jdbc.queryForList("select distinct d.country_code from delegate d join meeting m on m.id = d.meeting_id"
                    + " where m.reference = ?", String.class, meeting)).containsExactly("KH");
            assertThat(jdbc.queryForObject("select i.status from meeting_invitation i join meeting m on m.id = i.meeting_id"
                    + " where m.reference = ? and i.country_code = 'TH'", String.class, meeting)).isEqualTo("INVITED");
        }

        @Test
        void shouldOpenOnlyItsOwnMeetingWithTheLinkOfAnotherMeeting() throws Exception {
            String first = planOnlineMeeting("First Meeting on Caring Societies", "KH");
            String second = planOnlineMeeting("Second Meeting on Occupational Safety", "KH");
            String firstLink = linkIn(mailTo(CAMBODIA, first, "Invitation:"));
            String secondLink = linkIn(mailTo(CAMBODIA, second, "Invitation:"));
            assertThat(secondLink).isNotEqualTo(firstLink);

            PartnerPageClient.Page page = portal.open(secondLink);
            assertThat(page.body()).contains("Second Meeting on Occupational Safety", second)
                    .doesNotContain("First Meeting on Caring Societies", first);
            PartnerPageClient.Page sent = portal.send(secondLink, cambodianDelegation("KH100200"),
                    List.of(PartnerPageClient.pdf("officialLetter", "note.pdf", NOTE_VERBALE)));

            assertThat(sent.status()).as(sent.body()).isIn(302, 303);
            assertThat(jdbc.queryForList("select reference from partner_submission where reference in (?, ?)", String.class,
                    first, second)).containsExactly(second);
            assertThat(countryTask(first, MeetingOrganisationProcess.TASK_RECORD_DELEGATION, "KH")).isPresent();
            assertThat(countryTask(first, MeetingOrganisationProcess.TASK_REVIEW_DELEGATION, "KH")).isEmpty();
            assertThat(countryTask(second, MeetingOrganisationProcess.TASK_REVIEW_DELEGATION, "KH")).isPresent();
            assertThat(portal.open(firstLink).body()).contains("First Meeting on Caring Societies", "name=\"headName\"")
                    .doesNotContain("Second Meeting on Occupational Safety");
        }

        @Test
        void shouldKeepAScriptInANameAsTextAndShowItEscaped() throws Exception {
            String script = "<script>alert(1)</script>";
            String meeting = planOnlineMeeting("Workshop on Community Health", "KH");
            String link = linkIn(mailTo(CAMBODIA, meeting, "Invitation:"));
            Map<String, String> delegation = new LinkedHashMap<>(cambodianDelegation("KH100200"));
            delegation.put("headName", script);
            portal.send(link, delegation, List.of(PartnerPageClient.pdf("officialLetter", "note.pdf", NOTE_VERBALE)));
            decide(openTask(meeting, MeetingOrganisationProcess.TASK_REVIEW_DELEGATION).getId(), PortalVariables.RETURNED,
                    "Check <b>the</b> name");

            String partnerPage = portal.open(link).body();
            assertThat(partnerPage).contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\"", "Check &lt;b&gt;the&lt;/b&gt; name")
                    .doesNotContain(script, "<b>the</b>");

            portal.send(link, delegation, List.of());
            decide(openTask(meeting, MeetingOrganisationProcess.TASK_REVIEW_DELEGATION).getId(), PortalVariables.ACCEPTED, null);
            assertThat(jdbc.queryForObject("select d.full_name from delegate d join meeting m on m.id = d.meeting_id"
                    + " where m.reference = ? and d.role = 'HEAD'", String.class, meeting)).isEqualTo(script);
            String meetingPage = api.get("/desk/meetings/" + meeting, "coordinator").body();
            assertThat(meetingPage).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain(script);
        }

        @Test
        void shouldRefuseAFileThatIsNotWhatItClaimsAndKeepNothing() throws Exception {
            String meeting = planOnlineMeeting("Seminar on Health Financing", "KH");
            String link = linkIn(mailTo(CAMBODIA, meeting, "Invitation:"));
            byte[] html = "<html><body><script>alert(1)</script>Not a letter</body></html>".getBytes(StandardCharsets.UTF_8);
            byte[] png = new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

            PartnerPageClient.Page disguised = portal.send(link, cambodianDelegation("KH100200"),
                    List.of(PartnerPageClient.pdf("officialLetter", "note.pdf", html)));
            PartnerPageClient.Page image = portal.send(link, cambodianDelegation("KH100200"),
                    List.of(new PartnerPageClient.FilePart("officialLetter", "scan.png", "image/png", png)));

            assertThat(disguised.status()).isEqualTo(400);
            assertThat(disguised.body()).contains("&quot;note.pdf&quot; is not a file of a type this takes (PDF)",
                    "nothing was sent");
            assertThat(image.status()).isEqualTo(400);
            assertThat(image.body()).contains("&quot;scan.png&quot; is not a file of a type this takes (PDF)");
            assertNothingSent(meeting);
        }

        @Test
        void shouldRefuseAFileOverTheLimitAndARequestTooLargeToRead() throws Exception {
            String meeting = planOnlineMeeting("Seminar on Health Workforce", "KH");
            String link = linkIn(mailTo(CAMBODIA, meeting, "Invitation:"));

            PartnerPageClient.Page large = portal.send(link, cambodianDelegation("KH100200"),
                    List.of(PartnerPageClient.pdf("officialLetter", "large.pdf", pdfOfSize(11 * 1024 * 1024))));
            PartnerPageClient.Page tooLarge = portal.send(link, cambodianDelegation("KH100200"),
                    List.of(PartnerPageClient.pdf("officialLetter", "huge.pdf", pdfOfSize(13 * 1024 * 1024))));

            assertThat(large.status()).isEqualTo(400);
            assertThat(large.body()).contains("&quot;large.pdf&quot; is larger than 10 MB");
            assertThat(tooLarge.status()).isEqualTo(413);
            assertThat(tooLarge.body()).contains("too large to read", "Nothing was changed.");
            assertNothingSent(meeting);
        }

        @Test
        void shouldRefuseAReplayAfterAcceptanceAndChangeNothing() throws Exception {
            String meeting = planOnlineMeeting("Workshop on Long-Term Care", "KH");
            String link = linkIn(mailTo(CAMBODIA, meeting, "Invitation:"));
            List<PartnerPageClient.FilePart> letter = List.of(PartnerPageClient.pdf("officialLetter", "note.pdf", NOTE_VERBALE));
            portal.send(link, cambodianDelegation("KH100200"), letter);
            decide(openTask(meeting, MeetingOrganisationProcess.TASK_REVIEW_DELEGATION).getId(), PortalVariables.ACCEPTED, null);
            String before = stateOf(meeting);

            PartnerPageClient.Page replay = portal.send(link, cambodianDelegation("KH100200"), letter);

            assertThat(replay.status()).isEqualTo(409);
            assertThat(replay.body()).contains("Your answer was not taken", "Your answer was accepted", "Nothing was changed.");
            assertThat(stateOf(meeting)).isEqualTo(before);
        }

        @Test
        void shouldAnswerUnknownExpiredRevokedAndReplacedLinksWithTheSamePage() throws Exception {
            String meeting = planOnlineMeeting("Meeting on Ageing Societies", "KH", "TH");
            String expired = linkIn(mailTo(CAMBODIA, meeting, "Invitation:"));
            String revoked = linkIn(mailTo(THAILAND, meeting, "Invitation:"));
            jdbc.update("update partner_link set expires_at = ? where reference = ? and subject = 'KH'",
                    Timestamp.from(Instant.now().minusSeconds(60)), meeting);
            assertThat(api.post("/desk/links/" + linkId(meeting, "TH") + "/revoke", "coordinator", Map.of()).status())
                    .isIn(302, 303);
            String other = planOnlineMeeting("Meeting on Disability Inclusion", "KH");
            String replaced = linkIn(mailTo(CAMBODIA, other, "Invitation:"));
            assertThat(api.post("/desk/links/" + linkId(other, "KH") + "/renew", "coordinator", Map.of()).status()).isIn(302, 303);
            String unknown = "A".repeat(43);

            Map<String, String> pages = new LinkedHashMap<>();
            for (String token : List.of(unknown, expired, revoked, replaced)) {
                PartnerPageClient.Page page = portal.open(token);
                assertThat(page.status()).as(token).isEqualTo(404);
                pages.put(token, page.body().replace(token, "TOKEN"));
            }
            assertThat(new HashSet<>(pages.values())).as("one page for every link that opens nothing").hasSize(1);
            assertThat(pages.get(unknown)).contains("This link is not available").doesNotContain(meeting, "Cambodia");
            assertThat(portal.send(revoked, cambodianDelegation("KH100200"), List.of()).status()).isEqualTo(404);
            assertNothingSent(meeting);
        }

        @Test
        void shouldSlowDownAnAddressAfterTenLinksThatOpenNothing() throws Exception {
            for (int attempt = 1; attempt <= 10; attempt++) {
                assertThat(portal.open(("bad" + attempt).repeat(5)).status()).isEqualTo(404);
            }

            PartnerPageClient.Page slowed = portal.open("B".repeat(43));

            assertThat(slowed.status()).isEqualTo(429);
            assertThat(Long.parseLong(slowed.header("Retry-After"))).isPositive();
            assertThat(slowed.body()).contains("Too many attempts");
        }

        @Test
        void shouldLogEveryUseOfALinkWithTimeAddressAndOutcome() throws Exception {
            String meeting = planOnlineMeeting("Meeting on Migrant Workers", "KH");
            String link = linkIn(mailTo(CAMBODIA, meeting, "Invitation:"));
            Instant before = Instant.now().minusSeconds(5);
            portal.open(link);
            portal.send(link, Map.of("delegationAnswer", "nominated"), List.of());
            portal.send(link, Map.of("delegationAnswer", "declined", "declineReason", "Cabinet reshuffle"), List.of());
            portal.open("C".repeat(43));

            List<Map<String, Object>> uses = jdbc.queryForList("select used_at, address, action, outcome from partner_link_use"
                    + " where link_id = ? order by id", linkId(meeting, "KH"));
            assertThat(uses).extracting(use -> use.get("ACTION") + " " + use.get("OUTCOME")).containsExactly(
                    "OPEN LIVE", "SUBMIT LIVE", "SUBMIT REFUSED", "SUBMIT LIVE", "SUBMIT RECEIVED");
            assertThat(uses).allSatisfy(use -> {
                assertThat(use.get("ADDRESS")).isEqualTo(PartnerPageClient.ADDRESS);
                assertThat(((Timestamp) use.get("USED_AT")).toInstant()).isAfter(before);
            });
            assertThat(jdbc.queryForObject("select count(*) from partner_link_use where link_id is null and outcome = 'UNKNOWN'"
                    + " and address = ? and used_at > ?", Integer.class, PartnerPageClient.ADDRESS, Timestamp.from(before)))
                    .isEqualTo(1);
        }

        @Test
        void shouldLetACoordinatorButNotAManagerRevokeResendAndRenewALink() throws Exception {
            String meeting = planOnlineMeeting("Meeting on Universal Health Coverage", "KH");
            String link = linkIn(mailTo(CAMBODIA, meeting, "Invitation:"));
            long id = linkId(meeting, "KH");
            assertThat(api.get("/desk/meetings/" + meeting, "coordinator").body()).contains(
                    "action=\"/desk/links/" + id + "/revoke\"", "action=\"/desk/links/" + id + "/resend\"",
                    "action=\"/desk/links/" + id + "/renew\"");
            assertThat(api.get("/desk/meetings/" + meeting, "manager").body()).doesNotContain("/desk/links/" + id + "/revoke");

            assertThat(api.post("/desk/links/" + id + "/revoke", "manager", Map.of()).status()).isEqualTo(403);
            assertThat(portal.open(link).status()).as("still working").isEqualTo(200);

            HttpResponse<String> resent = pressButton("/desk/links/" + id + "/resend", "coordinator", "/desk/meetings/" + meeting);
            assertThat(resent.statusCode()).isIn(302, 303);
            assertThat(resent.headers().firstValue("Location")).as("back to the meeting's page")
                    .hasValueSatisfying(location -> assertThat(location).endsWith("/desk/meetings/" + meeting));
            assertThat(linkIn(mailTo(CAMBODIA, meeting, "Your personal link"))).as("the same link again").isEqualTo(link);

            assertThat(api.post("/desk/links/" + id + "/renew", "coordinator", Map.of()).status()).isIn(302, 303);
            String renewed = linkIn(mailTo(CAMBODIA, meeting, "Your personal link"));
            assertThat(renewed).isNotEqualTo(link);
            assertThat(portal.open(link).status()).as("the old link is dead").isEqualTo(404);
            assertThat(portal.open(renewed).status()).isEqualTo(200);

            long renewedId = linkId(meeting, "KH");
            assertThat(api.post("/desk/links/" + renewedId + "/revoke", "coordinator", Map.of()).status()).isIn(302, 303);
            assertThat(portal.open(renewed).status()).isEqualTo(404);
        }

        private void assertNothingSent(String meeting) {
            assertThat(jdbc.queryForObject("select count(*) from partner_submission where reference = ?", Integer.class, meeting))
                    .as("no answer kept").isZero();
            assertThat(taskService.createTaskQuery().processInstanceBusinessKey(meeting)
                    .taskDefinitionKey(MeetingOrganisationProcess.TASK_REVIEW_DELEGATION).count()).as("no review task").isZero();
        }

        /** What an answer could have changed: answers, files, delegates, invitations, open tasks. */
        private String stateOf(String meeting) {
            return jdbc.queryForList("""
                    select 'submission ' || s.id || ' ' || s.status from partner_submission s where s.reference = ?
                    union all select 'file ' || a.id from partner_attachment a join partner_submission s on s.id = a.submission_id
                      where s.reference = ?
                    union all select 'delegate ' || d.id || ' ' || d.full_name from delegate d join meeting m on m.id = d.meeting_id
                      where m.reference = ?
                    union all select 'invitation ' || i.country_code || ' ' || i.status from meeting_invitation i
                      join meeting m on m.id = i.meeting_id where m.reference = ?""", String.class, meeting, meeting, meeting, meeting)
                    .stream().sorted().toList() + " " + taskService.createTaskQuery().processInstanceBusinessKey(meeting).list()
                    .stream().map(Task::getTaskDefinitionKey).sorted().toList();
        }
    }

    /** A meeting inviting these governments, its invitations sent; its reference. */
    String planOnlineMeeting(String title, String... countries) throws Exception {
        Map<String, Object> plan = meeting();
        plan.put("title", title);
        plan.put("alsoInvited", List.of(countries));
        plan.put("delegateQuota", 3);
        HttpApi.Response created = api.post("/api/meetings", "coordinator", plan);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String planned = created.json().path("reference").asText();
        runJobs(planned);
        return planned;
    }

    /** Runs the meeting's due asynchronous steps (mails, the ends of countries' branches), as the job executor would. */
    void runJobs(String meeting) {
        runJobsOf(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(meeting).singleResult().getId());
    }

    void runJobsOf(String processInstanceId) {
        List<org.camunda.bpm.engine.runtime.Job> jobs;
        while (!(jobs = managementService.createJobQuery().processInstanceId(processInstanceId).messages().withRetriesLeft()
                .list()).isEmpty()) {
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    /** The latest mail to this address about this meeting whose subject starts so. */
    MimeMessage mailTo(String address, String meeting, String subjectStart) throws Exception {
        MimeMessage found = null;
        for (MimeMessage message : MAIL.getReceivedMessages()) {
            boolean to = Arrays.stream(message.getAllRecipients()).anyMatch(recipient -> recipient.toString().equals(address));
            if (to && message.getSubject().startsWith(subjectStart) && message.getSubject().contains(meeting)) {
                found = message;
            }
        }
        assertThat(found).as("mail '%s…' about %s to %s", subjectStart, meeting, address).isNotNull();
        return found;
    }

    static String linkIn(MimeMessage mail) {
        Matcher link = LINK.matcher(MailContent.text(mail));
        assertThat(link.find()).as("a personal link in the mail").isTrue();
        return link.group(1);
    }

    long linkId(String meeting, String country) {
        return jdbc.queryForObject("select max(id) from partner_link where reference = ? and subject = ?", Long.class,
                meeting, country);
    }

    Task openTask(String meeting, String taskKey) {
        return taskService.createTaskQuery().processInstanceBusinessKey(meeting).taskDefinitionKey(taskKey).singleResult();
    }

    java.util.Optional<Task> countryTask(String meeting, String taskKey, String country) {
        return taskService.createTaskQuery().processInstanceBusinessKey(meeting).taskDefinitionKey(taskKey).list().stream()
                .filter(task -> country.equals(taskService.getVariable(task.getId(), MeetingVariables.COUNTRY_CODE))).findFirst();
    }

    /** The coordinator's decision on the review form, through the engine's REST API as Tasklist submits it. */
    HttpApi.Response decide(String taskId, String decision, String reason) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put(PortalVariables.REVIEW_DECISION, Map.of("value", decision));
        if (reason != null) {
            variables.put(PortalVariables.RETURN_REASON, Map.of("value", reason));
        }
        String instance = taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
        HttpApi.Response answer = api.post("/engine-rest/task/" + taskId + "/submit-form", "coordinator",
                Map.of("variables", variables));
        runJobsOf(instance);
        return answer;
    }

    /** A button of the record page's link table, pressed on that page (the browser sends the page's address along). */
    HttpResponse<String> pressButton(String path, String user, String page) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", basic(user)).header("Referer", "http://127.0.0.1:" + port + page)
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    static Map<String, String> cambodianDelegation(String headPassport) {
        String expiry = LocalDate.now().plusYears(5).toString();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("delegationAnswer", "nominated");
        fields.put("headName", "Sok Chenda");
        fields.put("headEmail", "sok.chenda@moh.kh.example");
        fields.put("headPassportNumber", headPassport);
        fields.put("headPassportExpiry", expiry);
        fields.put("delegate2Name", "Heng Vanna");
        fields.put("delegate2Email", "heng.vanna@moh.kh.example");
        fields.put("delegate2PassportNumber", "KH100201");
        fields.put("delegate2PassportExpiry", expiry);
        return fields;
    }

    /** A file that starts as a PDF does, of this size. */
    static byte[] pdfOfSize(int bytes) {
        byte[] content = new byte[bytes];
        Arrays.fill(content, (byte) ' ');
        System.arraycopy(NOTE_VERBALE, 0, content, 0, NOTE_VERBALE.length);
        return content;
    }

    static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> meeting() {
        return new HashMap<>(Map.ofEntries(
                Map.entry("title", "High Level Officials Meeting on Caring Societies"),
                Map.entry("theme", "Human resources for health and welfare"),
                Map.entry("kind", "high_level_officials_meeting"),
                Map.entry("startDate", LocalDate.now().plusDays(90).toString()),
                Map.entry("endDate", LocalDate.now().plusDays(92).toString()),
                Map.entry("venue", "Tokyo, Mita Kaigisho"),
                Map.entry("hostCountry", "JP"),
                Map.entry("budget", 20_000_000),
                Map.entry("budgetCurrency", "JPY"),
                Map.entry("alsoInvited", List.of("TH", "PH")),
                Map.entry("delegateQuota", 2),
                Map.entry("nominationDeadline", LocalDate.now().plusDays(40).toString()),
                Map.entry("fieldVisit", false)));
    }
}
