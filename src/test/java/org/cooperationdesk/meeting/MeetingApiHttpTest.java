package org.cooperationdesk.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.cooperationdesk.ContributionRows;
import org.cooperationdesk.HttpApi;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
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

    HttpApi api;
    String reference;

    @BeforeEach
    void planMeeting() throws Exception {
        api = new HttpApi(port);
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
