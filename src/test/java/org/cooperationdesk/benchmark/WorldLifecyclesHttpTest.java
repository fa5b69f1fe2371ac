package org.cooperationdesk.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The office's lifecycles over HTTP, as Tasklist and the office API drive them, beyond ASEAN and the yen: a course
 * inviting China, Viet Nam and Indonesia, a WHO request for Egypt in US dollars, a meeting inviting ASEAN+3. Each
 * runs to its end with the job executor and a real SMTP server; the records then hold the world as it was asked for.
 * (These are the benchmark's lifecycles, so the benchmark keeps working too.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:world-lifecycles-test;DB_CLOSE_DELAY=-1",
        "coopdesk.mail-sink.enabled=false",
        "spring.mail.host=127.0.0.1"
})
class WorldLifecyclesHttpTest {

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
    JdbcClient jdbc;

    @Test
    void aCourseInvitingChinaVietNamAndIndonesiaRunsToItsEnd() throws Exception {
        Map<String, Object> course = new java.util.LinkedHashMap<>(TraineeLifecycle.course(LocalDate.now()));
        course.put("title", "Leaders in Labour Administration (Asia, China included)");
        course.put("alsoInvited", List.of("CN", "VN", "ID"));

        TraineeLifecycle.overRest(new RestClient(port), course, TraineeLifecycle.nominees("CN", "ID", "VN"));

        String reference = jdbc.sql("select reference from course where title = ?").param(course.get("title"))
                .query(String.class).single();
        assertThat(jdbc.sql("""
                        select i.country_code from course_invitation i join course c on c.id = i.course_id
                         where c.reference = ? order by i.country_code""").param(reference).query(String.class).list())
                .containsExactly("CN", "ID", "VN");
        assertThat(jdbc.sql("""
                        select n.country_code from nomination n join course c on c.id = n.course_id
                         where c.reference = ? and n.status = 'COMPLETED' order by n.country_code""")
                .param(reference).query(String.class).list()).containsExactly("CN", "CN", "ID", "VN");
        assertThat(jdbc.sql("select status from course where reference = ?").param(reference).query(String.class).single())
                .isEqualTo("CLOSED");
    }

    /** Tasklist's nomination form offers the governments the course invited, not the whole world. */
    @Test
    void aCoursesNominationFormOffersOnlyTheGovernmentsItInvited() throws Exception {
        RestClient api = new RestClient(port);
        Map<String, Object> course = new java.util.LinkedHashMap<>(TraineeLifecycle.course(LocalDate.now()));
        course.put("alsoInvited", List.of("CN", "VN", "ID"));
        RestClient.Response opened = api.post("POST /api/courses", "/api/courses", "coordinator", course);
        TasklistSteps.expect(opened, 201);

        JsonNode task = TasklistSteps.awaitTask(api, opened.json().path("processInstanceId").asText(),
                "Task_RecordNomination", "coordinator", null);
        JsonNode form = api.get("GET deployed-form", "/engine-rest/task/" + task.path("id").asText() + "/deployed-form",
                "coordinator").json();

        Map<String, String> offered = new java.util.LinkedHashMap<>();
        for (JsonNode component : form.path("components")) {
            if ("countryCode".equals(component.path("key").asText())) {
                component.path("values").forEach(option -> offered.put(option.path("value").asText(), option.path("label").asText()));
            }
        }
        assertThat(offered).containsExactly(Map.entry("CN", "China"), Map.entry("ID", "Indonesia"), Map.entry("VN", "Viet Nam"));
    }

    @Test
    void aWhoRequestForEgyptInUsDollarsRunsToItsEnd() throws Exception {
        Map<String, Object> request = new java.util.LinkedHashMap<>(DispatchLifecycle.request(LocalDate.now()));
        request.put("requesterReference", "GOARN-EG-2026-031");
        request.put("countryCode", "EG");
        request.put("estimatedCost", 15_000);
        request.put("estimatedCostCurrency", "USD");

        DispatchLifecycle.overRest(new RestClient(port), request);

        Map<String, Object> row = jdbc.sql("""
                        select r.status, r.country_code, r.requesting_body, r.estimated_cost_currency, r.estimated_cost_yen,
                               x.yen_per_unit
                          from dispatch_request r join exchange_rate x on x.id = r.estimated_cost_rate_id
                         where r.requester_reference = 'GOARN-EG-2026-031'""").query().singleRow();
        Map<String, Object> upper = new java.util.HashMap<>();
        row.forEach((column, value) -> upper.put(column.toUpperCase(java.util.Locale.ROOT), value));
        assertThat(upper).containsEntry("STATUS", "COMPLETED").containsEntry("COUNTRY_CODE", "EG")
                .containsEntry("REQUESTING_BODY", "WHO").containsEntry("ESTIMATED_COST_CURRENCY", "USD");
        assertThat((java.math.BigDecimal) upper.get("ESTIMATED_COST_YEN")).isEqualByComparingTo(
                new java.math.BigDecimal(15_000).multiply((java.math.BigDecimal) upper.get("YEN_PER_UNIT"))
                        .setScale(0, java.math.RoundingMode.HALF_UP));
    }

    @Test
    void aMeetingInvitingAseanPlus3RunsToItsEnd() throws Exception {
        Map<String, Object> plan = new java.util.LinkedHashMap<>(MeetingLifecycle.plan(LocalDate.now()));
        plan.put("title", "ASEAN+3 High Level Officials Meeting on Social Welfare");
        plan.remove("alsoInvited");
        plan.put("invitedGroup", "ASEAN_PLUS_3");

        MeetingLifecycle.overRest(new RestClient(port), plan, 13);

        String reference = jdbc.sql("select reference from meeting where title = ?").param(plan.get("title"))
                .query(String.class).single();
        assertThat(jdbc.sql("""
                        select i.country_code from meeting_invitation i join meeting m on m.id = i.meeting_id
                         where m.reference = ? order by i.country_code""").param(reference).query(String.class).list())
                .containsExactly("BN", "CN", "ID", "JP", "KH", "KR", "LA", "MM", "MY", "PH", "SG", "TH", "VN");
        assertThat(jdbc.sql("select status from meeting where reference = ?").param(reference).query(String.class).single())
                .isEqualTo("CLOSED");
        String chinasChannel = jdbc.sql("select channel_email from partner_country where code = 'CN'").query(String.class).single();
        assertThat(List.of(MAIL.getReceivedMessagesForDomain(chinasChannel)))
                .anySatisfy(mail -> assertThat(mail.getSubject()).startsWith("Invitation: "));
    }
}
