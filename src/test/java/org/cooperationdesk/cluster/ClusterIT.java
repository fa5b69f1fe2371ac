package org.cooperationdesk.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Address;
import jakarta.mail.internet.MimeMessage;
import org.cooperationdesk.TestDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;

/**
 * Two application nodes (the packaged jar, prod profile, separate JVMs on different ports) sharing one fresh
 * PostgreSQL database and one SMTP server, started at the same moment. Each test drives them over HTTP as users
 * would and reads the shared database to check what happened. Runs with {@code mvn verify -Ppostgres}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterIT {

    private static final String[] ENGINE_SCHEMA = {"engine", "history", "identity", "case.engine", "case.history",
            "decision.engine", "decision.history"};

    static GreenMail smtp;
    static JdbcTemplate db;
    static ClusterNode nodeA;
    static ClusterNode nodeB;
    static DatabaseProxy databaseOfNodeB;

    @BeforeAll
    static void startCluster() throws Exception {
        smtp = new GreenMail(new ServerSetup(ClusterNode.freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        String url = TestDatabase.createDatabase();
        db = new JdbcTemplate(new DriverManagerDataSource(url, TestDatabase.user(), TestDatabase.password()));
        // The operator creates the engine's schema once with Camunda's scripts; the nodes only check it (prod).
        ResourceDatabasePopulator scripts = new ResourceDatabasePopulator();
        for (String component : ENGINE_SCHEMA) {
            scripts.addScript(new ClassPathResource("org/camunda/bpm/engine/db/create/activiti.postgres.create." + component + ".sql"));
        }
        scripts.execute(db.getDataSource());

        // Node B reaches the database through a relay the database-restart test can cut.
        URI server = URI.create(TestDatabase.serverUrl().substring("jdbc:".length()));
        databaseOfNodeB = new DatabaseProxy(server.getHost(), server.getPort());
        String viaProxy = "jdbc:postgresql://127.0.0.1:" + databaseOfNodeB.port() + url.substring(url.lastIndexOf('/'));
        nodeA = new ClusterNode("node-a", url, smtp.getSmtp().getPort());
        nodeB = new ClusterNode("node-b", viaProxy, smtp.getSmtp().getPort());
        nodeA.start();
        nodeB.start(); // at once: both deploy the models and set up groups and filters at the same time
        nodeA.awaitReady();
        nodeB.awaitReady();
        for (String user : List.of("coord1", "coord2")) {
            createUser(nodeA, user, "coordinators");
        }
        db.update("insert into person (full_name, email, nationality, created_at) values "
                + "('Dr. Cluster Expert', 'cluster.expert@experts.example', 'Japanese', current_timestamp)");
        long personId = db.queryForObject("select id from person where email = 'cluster.expert@experts.example'", Long.class);
        db.update("insert into expert (person_id, affiliation, availability, medical_clearance_expires, vaccination_expires) "
                + "values (?, 'NIID', 'AVAILABLE', ?, ?)", personId, LocalDate.now().plusYears(2), LocalDate.now().plusYears(2));
        db.update("insert into expert_skill (expert_id, skill) values (?, 'virology')", personId);
        db.update("insert into expert_language (expert_id, language) values (?, 'english')", personId);
    }

    @AfterAll
    static void stopCluster() throws Exception {
        if (nodeA != null) {
            nodeA.stop();
        }
        if (nodeB != null) {
            nodeB.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (databaseOfNodeB != null) {
            databaseOfNodeB.close();
        }
    }

    @Test
    @Order(1)
    void bothNodesStartingAtOnceDeployEachModelOnceAndSetUpAccessOnce() {
        assertThat(db.queryForObject("select count(*) from act_re_deployment", Integer.class)).isEqualTo(1);
        assertThat(db.queryForList("select key_, count(*) as versions from act_re_procdef group by key_"))
                .extracting(row -> row.get("versions")).hasSize(4).containsOnly(1L);
        // ReleaseApprovalLevel, TraineeEligibility, ContributionDecisionLevel, ContributionEvaluation
        assertThat(db.queryForObject("select count(*) from act_re_decision_def", Integer.class)).isEqualTo(4);
        assertThat(db.queryForList("select name_ from act_ru_filter order by name_", String.class))
                .containsExactly("Approvals", "Coordination", "My tasks");
        assertThat(db.queryForObject("select count(*) from act_id_group where id_ = 'coordinators'", Integer.class))
                .isEqualTo(1);
    }

    @Test
    @Order(2)
    void aRequestStartedOnOneNodeIsCompletedOnTheOtherAndItsMailSentOnce() throws Exception {
        String requester = "unfilled@who.example";
        JsonNode created = nodeA.post("/api/dispatch-requests", "coord1", request(requester, "epidemiology")).json();
        String instanceId = created.path("processInstanceId").asText();
        String reference = created.path("reference").asText();

        String taskId = onlyTask(nodeB, instanceId, "coord2");
        ClusterNode.Response matched = nodeB.submitForm(taskId, "coord2",
                Map.of("matchOutcome", "none_available", "matchNote", "Nobody with this profile is free"));

        assertThat(matched.status()).as(matched.body()).isEqualTo(204);
        await("the instance ends", () -> ended(instanceId));
        assertThat(mailsTo(requester)).hasSize(1);
        assertThat(db.queryForObject("select status from dispatch_request where reference = ?", String.class, reference))
                .isEqualTo("UNFILLED");
        assertThat(deliveredNotifications(reference)).isEqualTo(1);
    }

    @Test
    @Order(3)
    void aTimerFiresOnceAcrossTheCluster() throws Exception {
        JsonNode created = nodeA.post("/api/dispatch-requests", "coord1",
                request("timer@who.example", "virology")).json();
        String instanceId = created.path("processInstanceId").asText();
        String matchTask = onlyTask(nodeA, instanceId, "coord1");
        String expertId = db.queryForObject("select person_id from expert e join person p on p.id = e.person_id "
                + "where p.email = 'cluster.expert@experts.example'", String.class);
        assertThat(nodeA.submitForm(matchTask, "coord1", Map.of("matchOutcome", "selected", "expertId", expertId))
                .status()).isEqualTo(204);
        // The offer step has run and committed once the answer task's 72-hour timer exists.
        await("the offer is made", () -> db.queryForObject("select count(*) from act_ru_job where process_instance_id_ = ? "
                + "and handler_type_ = 'timer-transition'", Integer.class, instanceId) == 1);
        assertThat(mailsTo("cluster.expert@experts.example")).hasSize(1);

        // The expert does not answer: an admin brings the 72-hour timer forward instead of waiting.
        String timerId = db.queryForObject("select id_ from act_ru_job where process_instance_id_ = ? and handler_type_ = 'timer-transition'",
                String.class, instanceId);
        ClusterNode.Response moved = nodeB.put("/engine-rest/job/" + timerId + "/duedate", ClusterNode.ADMIN,
                Map.of("duedate", "2000-01-01T00:00:00.000+0000"));
        assertThat(moved.status()).as(moved.body()).isEqualTo(204);

        // The only cluster expert was tried: the coordinator is asked what to do instead of matching from an empty list.
        await("the roster is searched again", () -> db.queryForObject(
                "select count(*) from act_ru_task where proc_inst_id_ = ? and task_def_key_ = 'Task_DecideOnRequestWithoutCandidates'",
                Integer.class, instanceId) == 1);
        assertThat(db.queryForObject("select count(*) from act_hi_actinst where proc_inst_id_ = ? and act_id_ = 'BoundaryEvent_AnswerOverdue'",
                Integer.class, instanceId)).isEqualTo(1);
        assertThat(db.queryForObject("select count(*) from act_hi_job_log where job_id_ = ? and job_state_ = 2",
                Integer.class, timerId)).as("successful executions of the timer").isEqualTo(1);
        assertThat(db.queryForObject("select count(*) from act_hi_job_log where job_id_ = ? and job_state_ = 1",
                Integer.class, timerId)).as("failed executions of the timer").isZero();
        assertThat(mailsTo("cluster.expert@experts.example")).hasSize(1);
    }

    @Test
    @Order(4)
    void twoUsersCompletingTheSameTaskAtOnceOneWinsTheOtherIsToldWhy() throws Exception {
        JsonNode created = nodeA.post("/api/dispatch-requests", "coord1", request("race@who.example", "epidemiology")).json();
        String instanceId = created.path("processInstanceId").asText();
        String reference = created.path("reference").asText();
        String taskId = onlyTask(nodeA, instanceId, "coord1");

        ExecutorService two = Executors.newFixedThreadPool(2);
        try {
            List<Callable<ClusterNode.Response>> submissions = List.of(
                    () -> nodeA.submitForm(taskId, "coord1", Map.of("matchOutcome", "none_available", "matchNote", "First")),
                    () -> nodeB.submitForm(taskId, "coord2", Map.of("matchOutcome", "none_available", "matchNote", "Second")));
            List<ClusterNode.Response> responses = new ArrayList<>();
            for (Future<ClusterNode.Response> response : two.invokeAll(submissions)) {
                responses.add(response.get());
            }

            assertThat(responses).extracting(ClusterNode.Response::status).containsExactlyInAnyOrder(204, 409);
            ClusterNode.Response loser = responses.stream().filter(r -> r.status() == 409).findFirst().orElseThrow();
            assertThat(loser.json().path("message").asText()).contains("completed by someone else");
        } finally {
            two.shutdownNow();
        }
        await("the instance ends", () -> ended(instanceId));
        assertThat(db.queryForObject("select count(*) from act_hi_taskinst where id_ = ? and end_time_ is not null",
                Integer.class, taskId)).isEqualTo(1);
        assertThat(db.queryForObject("select count(*) from act_hi_actinst where proc_inst_id_ = ? and act_id_ = 'Task_CloseUnfilledRequest'",
                Integer.class, instanceId)).as("the process went on once").isEqualTo(1);
        assertThat(mailsTo("race@who.example")).hasSize(1);
        assertThat(deliveredNotifications(reference)).isEqualTo(1);
    }

    @Test
    @Order(5)
    void whileTheMailServerIsDownMailsRetryThenBecomeIncidentsAndAfterARetryAreDeliveredOnce() throws Exception {
        smtp.stop();
        String requester = "outage@who.example";
        JsonNode created = nodeB.post("/api/dispatch-requests", "coord2", request(requester, "epidemiology")).json();
        String instanceId = created.path("processInstanceId").asText();
        String reference = created.path("reference").asText();
        assertThat(nodeB.submitForm(onlyTask(nodeB, instanceId, "coord2"), "coord2",
                Map.of("matchOutcome", "none_available", "matchNote", "Outage")).status()).isEqualTo(204);

        await("the mail step becomes an incident", () -> db.queryForObject(
                "select count(*) from act_ru_incident where proc_inst_id_ = ?", Integer.class, instanceId) == 1);
        assertThat(db.queryForObject("select count(*) from notification where business_key = ? and status = 'FAILED'",
                Integer.class, reference)).as("one failed attempt per retry (R3)").isEqualTo(3);
        assertThat(deliveredNotifications(reference)).isZero();
        assertThat(ended(instanceId)).isFalse();

        smtp.start();
        String jobId = db.queryForObject("select id_ from act_ru_job where process_instance_id_ = ? and retries_ = 0",
                String.class, instanceId);
        ClusterNode.Response retried = nodeA.put("/engine-rest/job/" + jobId + "/retries", ClusterNode.ADMIN,
                Map.of("retries", 1));
        assertThat(retried.status()).as(retried.body()).isEqualTo(204);

        await("the instance ends", () -> ended(instanceId));
        assertThat(mailsTo(requester)).hasSize(1);
        assertThat(deliveredNotifications(reference)).isEqualTo(1);
        assertThat(db.queryForObject("select count(*) from act_ru_incident where proc_inst_id_ = ?", Integer.class,
                instanceId)).isZero();
    }

    @Test
    @Order(6)
    void whenTheDatabaseRestartsUnderLoadRequestsFailCleanlyAndTheNodeRecoversWithNothingHalfWritten() throws Exception {
        List<ClusterNode.Response> responses = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean stop = new AtomicBoolean();
        AtomicBoolean cut = new AtomicBoolean();
        AtomicBoolean restored = new AtomicBoolean();
        AtomicInteger failuresAfterCut = new AtomicInteger();
        AtomicInteger successesAfterRestore = new AtomicInteger();
        Thread load = new Thread(() -> {
            for (int i = 0; i < 400 && !stop.get(); i++) {
                try {
                    ClusterNode.Response response = nodeB.post("/api/dispatch-requests", "coord2",
                            request("load" + i + "@who.example", "epidemiology"));
                    responses.add(response);
                    if (response.status() != 201 && cut.get()) {
                        failuresAfterCut.incrementAndGet();
                    }
                    if (response.status() == 201 && restored.get()) {
                        successesAfterRestore.incrementAndGet();
                    }
                } catch (Exception e) {
                    responses.add(new ClusterNode.Response(-1, String.valueOf(e)));
                }
            }
        }, "load-on-node-b");
        load.start();
        try {
            await("the load runs", () -> responses.stream().filter(r -> r.status() == 201).count() >= 3);
            databaseOfNodeB.cut();
            cut.set(true);
            await("requests fail while the database is down", () -> failuresAfterCut.get() >= 2);
            databaseOfNodeB.restore();
            restored.set(true);
            await("node B serves requests again, without a restart", () -> successesAfterRestore.get() >= 3);
        } finally {
            stop.set(true);
            load.join();
        }

        List<ClusterNode.Response> all = new ArrayList<>(responses);
        assertThat(all).extracting(ClusterNode.Response::status).as("201 or 503 (try again), never a hang or a 500")
                .isSubsetOf(201, 503).contains(201, 503);
        for (ClusterNode.Response unavailable : all.stream().filter(r -> r.status() == 503).toList()) {
            // The office API answers problem details (RFC 9457): the words are in "detail".
            assertThat(unavailable.json().path("detail").asText()).as(unavailable.body())
                    .contains("nothing was saved");
            assertThat(unavailable.json().path("status").asInt()).isEqualTo(503);
        }
        // Nothing half-written: every request recorded has its process instance and every instance its record.
        assertThat(db.queryForObject("select count(*) from dispatch_request r where r.requester_email like 'load%' "
                + "and not exists (select 1 from act_hi_procinst p where p.id_ = r.process_instance_id "
                + "and p.business_key_ = r.reference)", Integer.class)).isZero();
        assertThat(db.queryForObject("select count(*) from act_hi_procinst p where p.proc_def_key_ = 'ExpertDispatchProcess' "
                + "and not exists (select 1 from dispatch_request r where r.reference = p.business_key_)", Integer.class))
                .isZero();
        for (ClusterNode.Response created : all.stream().filter(r -> r.status() == 201).toList()) {
            assertThat(db.queryForObject("select count(*) from dispatch_request where reference = ?", Integer.class,
                    created.json().path("reference").asText())).isEqualTo(1);
        }
        System.out.printf("database restart under load: %d requests, %d failed cleanly while it was down%n",
                all.size(), all.stream().filter(r -> r.status() != 201).count());
    }

    @Test
    @Order(7)
    void aNodeKilledInTheMiddleOfABatchLosesNothingAndSendsNoMailTwice() throws Exception {
        int batch = 12;
        Map<String, String> instanceByRequester = new LinkedHashMap<>();
        for (int i = 0; i < batch; i++) {
            String requester = "batch" + i + "@who.example";
            JsonNode created = nodeA.post("/api/dispatch-requests", "coord1", request(requester, "epidemiology")).json();
            instanceByRequester.put(requester, created.path("processInstanceId").asText());
        }
        // Every instance waits in a user task; completing them makes one mail job each, which both nodes pick up.
        for (String instanceId : instanceByRequester.values()) {
            String taskId = onlyTask(nodeA, instanceId, "coord1");
            assertThat(nodeA.submitForm(taskId, "coord1",
                    Map.of("matchOutcome", "none_available", "matchNote", "Batch")).status()).isEqualTo(204);
        }
        nodeA.kill9();
        int deliveredBeforeTheKill = (int) instanceByRequester.keySet().stream().filter(r -> !mailsTo(r).isEmpty()).count();

        await("every instance ends on the surviving node",
                () -> instanceByRequester.values().stream().allMatch(ClusterIT::ended));
        int resent = 0;
        for (Map.Entry<String, String> entry : instanceByRequester.entrySet()) {
            // Nothing lost: each requester has the mail. A mail node A handed to the SMTP server in the instant before
            // the kill, before it could record the delivery, is sent again by node B: the same message (one
            // Message-ID), which mail systems show once. Any other second mail would carry another Message-ID.
            List<MimeMessage> mails = mailsTo(entry.getKey());
            assertThat(mails).as("mails to %s", entry.getKey()).isNotEmpty();
            assertThat(mails.stream().map(ClusterIT::messageId).distinct().toList()).as("Message-IDs to %s", entry.getKey())
                    .hasSize(1);
            resent += mails.size() - 1;
            String reference = db.queryForObject("select business_key_ from act_hi_procinst where id_ = ?", String.class,
                    entry.getValue());
            assertThat(deliveredNotifications(reference)).isEqualTo(1);
            assertThat(db.queryForObject("select count(*) from act_hi_procinst where business_key_ = ?", Integer.class,
                    reference)).as("one instance per request").isEqualTo(1);
            assertThat(db.queryForObject("select status from dispatch_request where reference = ?", String.class, reference))
                    .isEqualTo("UNFILLED");
        }
        assertThat(db.queryForList("select incident_msg_ from act_ru_incident where proc_inst_id_ in ("
                + String.join(",", Collections.nCopies(batch, "?")) + ")", String.class,
                instanceByRequester.values().toArray())).as("incidents in the batch").isEmpty();
        assertThat(resent).as("mails sent again: at most those in flight at the kill, one per job executor thread (max-pool-size 10)")
                .isLessThanOrEqualTo(10);
        System.out.printf("kill -9 of node A: %d of %d mails delivered before the kill, the rest by node B; %d sent again%n",
                deliveredBeforeTheKill, batch, resent);
    }

    // ---- helpers ----

    private static void createUser(ClusterNode node, String id, String group) throws Exception {
        Map<String, Object> body = Map.of(
                "profile", Map.of("id", id, "firstName", id, "lastName", "Cluster", "email", id + "@mhlw.example"),
                "credentials", Map.of("password", id));
        ClusterNode.Response created = node.post("/engine-rest/user/create", ClusterNode.ADMIN, body);
        assertThat(created.status()).as(created.body()).isEqualTo(204);
        ClusterNode.Response member = node.put("/engine-rest/group/" + group + "/members/" + id, ClusterNode.ADMIN, null);
        assertThat(member.status()).as(member.body()).isEqualTo(204);
    }

    private static Map<String, Object> request(String requesterEmail, String skills) {
        Map<String, Object> body = new HashMap<>();
        body.put("requestingBody", "WHO");
        body.put("requesterReference", "GOARN-CLUSTER");
        body.put("requesterEmail", requesterEmail);
        body.put("countryCode", "LA");
        body.put("purpose", "Outbreak response");
        body.put("termsOfReference", "Support the national rapid response team.");
        body.put("skillsNeeded", skills);
        body.put("languagesNeeded", "english");
        body.put("startDate", LocalDate.now().plusDays(20).toString());
        body.put("durationDays", 14);
        body.put("estimatedCost", 700000);
        body.put("estimatedCostCurrency", "JPY");
        body.put("fundedBy", "REQUESTER");
        return body;
    }

    private static String onlyTask(ClusterNode node, String instanceId, String user) throws Exception {
        JsonNode tasks = node.get("/engine-rest/task?processInstanceId=" + instanceId, user).json();
        assertThat(tasks).as("tasks of %s", instanceId).hasSize(1);
        return tasks.get(0).path("id").asText();
    }

    private static boolean ended(String instanceId) {
        return db.queryForObject("select count(*) from act_hi_procinst where id_ = ? and end_time_ is not null",
                Integer.class, instanceId) == 1;
    }

    private static int deliveredNotifications(String reference) {
        return db.queryForObject("select count(*) from notification where business_key = ? and status = 'DELIVERED'",
                Integer.class, reference);
    }

    /** Each distinct mail received for this address (GreenMail keeps one copy per recipient). */
    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
            try {
                Address[] recipients = message.getAllRecipients();
                return recipients != null && Arrays.stream(recipients).anyMatch(r -> r.toString().equals(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).collect(Collectors.toMap(message -> {
            try {
                return message.getMessageID();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }, message -> message, (first, second) -> first, LinkedHashMap::new)).values().stream().toList();
    }

    /** Polls until the condition holds; gives up after a generous bound so a broken cluster fails instead of hanging. */
    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Gave up waiting until " + what);
            }
            Thread.sleep(200);
        }
    }
}
