package org.cooperationdesk;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One Spring context for all process tests: in-memory H2 with the demo roster and users, the job
 * executor off (tests run jobs themselves), and a real SMTP server (GreenMail) on a free port.
 */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:process-tests;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "coopdesk.mail-sink.enabled=false",
        "spring.mail.host=127.0.0.1"})
@Import(ProcessTestSupport.TestClock.class)
public abstract class ProcessTestSupport {

    /** Chosen once per test JVM, so that builds running side by side on one machine do not collide. */
    public static final int SMTP_PORT = freePort();

    @DynamicPropertySource
    static void mailPort(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.port", () -> SMTP_PORT);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected static GreenMail mailServer;

    @TestConfiguration
    static class TestClock {
        @Bean
        @Primary
        MutableClock mutableClock() {
            return new MutableClock();
        }
    }

    @Autowired
    protected ProcessEngine processEngine;
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected ManagementService managementService;
    @Autowired
    protected HistoryService historyService;
    @Autowired
    protected IdentityService identityService;
    @Autowired
    protected JdbcClient jdbc;
    @Autowired
    protected MutableClock clock;

    @BeforeAll
    static void startMailServer() {
        mailServer = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mailServer.start();
    }

    @AfterAll
    static void stopMailServer() {
        mailServer.stop();
    }

    @BeforeEach
    void resetWorld() {
        init(processEngine);
        if (!mailServer.isRunning()) {
            mailServer.start();
        }
        mailServer.reset();
        clock.reset();
        identityService.clearAuthentication();
    }

    @AfterEach
    void cleanUp() {
        identityService.clearAuthentication();
        runtimeService.createProcessInstanceQuery().list()
                .forEach(instance -> runtimeService.deleteProcessInstance(instance.getId(), "test finished", true, true));
        // Languages a test chose for members of staff or experts: the office's defaults again for the next one.
        jdbc.sql("delete from staff_language").update();
        jdbc.sql("update expert set correspondence_language = 'en' where correspondence_language <> 'en'"
                + " and person_id not in (select p.id from person p where p.full_name = 'Ms. Naomi Yamamoto')").update();
        // Experts reserved by an unfinished test are free again for the next one.
        jdbc.sql("update expert set availability = 'AVAILABLE', available_from = null where availability in ('RESERVED', 'DEPLOYED')")
                .update();
    }

    protected LocalDate today() {
        return LocalDate.now(clock);
    }

    /** Runs every due asynchronous step (mail) of the instance, as the job executor would. */
    protected void runAsyncSteps(String processInstanceId) {
        List<Job> jobs;
        while (!(jobs = managementService.createJobQuery().processInstanceId(processInstanceId).messages()
                .withRetriesLeft().list()).isEmpty()) {
            jobs.forEach(job -> managementService.executeJob(job.getId()));
        }
    }

    /**
     * Runs the actions on their own threads, released at one moment, as several people pressing Complete at
     * once; returns what each of them got thrown (empty when all went through).
     */
    protected static List<Throwable> atTheSameMoment(Runnable... actions) throws InterruptedException {
        java.util.concurrent.CyclicBarrier barrier = new java.util.concurrent.CyclicBarrier(actions.length);
        List<Throwable> failures = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        List<Thread> threads = Arrays.stream(actions).map(action -> new Thread(() -> {
            try {
                barrier.await();
                action.run();
            } catch (Throwable failure) {
                failures.add(failure);
            }
        })).toList();
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join(60_000);
            if (thread.isAlive()) {
                threads.forEach(Thread::interrupt);
                throw new AssertionError("An action was still running after 60 s: the moment never ended");
            }
        }
        return failures;
    }

    /** Runs the instance's asynchronous steps waiting at this activity (e.g. a join), and nothing else. */
    protected void runJobsAt(String processInstanceId, String activityId) {
        List<Job> jobs = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
                .messages().list();
        if (jobs.isEmpty()) {
            throw new AssertionError("No asynchronous step waits at " + activityId);
        }
        jobs.forEach(job -> managementService.executeJob(job.getId()));
    }

    /** The timer at this activity, asserted to fall due this long after the given moment (within a second). */
    protected Job timerDue(String processInstanceId, String activityId, java.util.Date from, java.time.Duration after) {
        Job timer = timer(processInstanceId, activityId);
        if (timer == null) {
            throw new AssertionError("No timer waits at " + activityId);
        }
        org.assertj.core.api.Assertions.assertThat(timer.getDuedate()).as("when %s falls due", activityId)
                .isCloseTo(java.util.Date.from(from.toInstant().plus(after)), 1000);
        return timer;
    }

    protected Job timer(String processInstanceId, String activityId) {
        return managementService.createJobQuery().processInstanceId(processInstanceId).timers()
                .activityId(activityId).singleResult();
    }

    /** Completes the task as this user, as Tasklist would after their login; queries stay unrestricted. */
    protected void completeAs(String user, List<String> groups, String taskKey,
                              org.camunda.bpm.engine.runtime.ProcessInstance instance, java.util.Map<String, Object> variables) {
        identityService.setAuthentication(user, groups);
        try {
            taskService.complete(org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task(taskKey, instance).getId(), variables);
        } finally {
            identityService.clearAuthentication();
        }
    }

    /** The mails sent to this address, each once (the server keeps a copy per recipient). */
    protected List<MimeMessage> mailsTo(String address) {
        Set<String> seen = new HashSet<>();
        return Arrays.stream(mailServer.getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().equals(address))
                                && seen.add(message.getMessageID());
                    } catch (jakarta.mail.MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
    }
}
