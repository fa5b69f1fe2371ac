package org.cooperationdesk.browser;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cooperationdesk.notification.MailContent;
import org.cooperationdesk.notification.MailSink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * One running application for every browser test: the default (demo) profile with its demo users, roster,
 * filters and mail sink, as {@code mvn spring-boot:run} starts it, but on a random port, a fresh in-memory
 * H2 and a mail sink on a free port. The job executor runs as in production; mail steps retry every two
 * seconds so an outage becomes an incident within seconds.
 *
 * <p>Each test class drives one headless Chromium (quit after the class). Without Chromium or its driver the
 * tests are skipped with the reason, unless {@code -Dbrowser.tests.required=true} (CI) makes that a failure.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.datasource.url=jdbc:h2:mem:browser;DB_CLOSE_DELAY=-1",
        "spring.mail.host=127.0.0.1",
        "coopdesk.notification.retry-cycle=R2/PT2S",
        // An idle job executor polls at most every 60 s by default; a job retried from Cockpit then waits that
        // long. Polling every 2 s keeps the tests short without changing what the executor does.
        "camunda.bpm.job-execution.max-wait=2000"
})
@ExtendWith({BrowserInstalled.class, BrowserTestBase.EvidenceOnFailure.class})
public abstract class BrowserTestBase {

    static final String REQUIRED_PROPERTY = "browser.tests.required";

    /** The demo mail sink's port, chosen once per test JVM so that all browser tests share one application. */
    static final int MAIL_SINK_PORT = freePort();

    @DynamicPropertySource
    static void mailSink(DynamicPropertyRegistry registry) {
        registry.add("coopdesk.mail-sink.port", () -> MAIL_SINK_PORT);
        registry.add("spring.mail.port", () -> MAIL_SINK_PORT);
    }

    protected static Browser browser;

    @LocalServerPort
    protected int port;
    @Autowired
    protected RuntimeService runtimeService;
    @Autowired
    protected TaskService taskService;
    @Autowired
    protected ManagementService managementService;
    @Autowired
    protected MailSink mailSink;
    @Autowired
    protected JdbcClient jdbc;

    @BeforeAll
    static void startBrowser(TestInfo test) {
        Optional<String> missing = Browser.missing();
        if (missing.isPresent()) {
            String reason = missing.get();
            System.out.println(reason);
            if (Boolean.getBoolean(REQUIRED_PROPERTY)) {
                fail(reason.replace("Browser tests skipped", "Browser tests cannot run") + "; -D" + REQUIRED_PROPERTY
                        + "=true forbids skipping them");
            }
            Assumptions.abort(reason);
        }
        BrowserLanguage language = test.getTestClass().map(type -> type.getAnnotation(BrowserLanguage.class)).orElse(null);
        browser = language == null ? Browser.start() : Browser.start(Locale.forLanguageTag(language.value()));
    }

    @AfterAll
    static void quitBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }

    private long stepStarted = System.nanoTime();

    /** Logs a step of a journey with the seconds the previous one took (target/surefire-reports/*-output.txt). */
    protected void step(String what) {
        long now = System.nanoTime();
        System.out.printf("[browser] %5.1f s  then: %s%n", (now - stepStarted) / 1e9, what);
        stepStarted = now;
    }

    protected String baseUrl() {
        return "http://localhost:" + port;
    }

    protected TasklistPage tasklist() {
        return new TasklistPage(browser, baseUrl());
    }

    protected CockpitPage cockpit() {
        return new CockpitPage(browser, baseUrl());
    }

    protected AdminPage admin() {
        return new AdminPage(browser, baseUrl());
    }

    /** Saves target/screenshots/{name}.png (the key screens, some of them shown in README.md). */
    protected void screenshot(String name) {
        browser.screenshot(name);
    }

    /** A screenshot with the window at its usual height (for pages that do not scroll, like Cockpit's). */
    protected void screenshot(String name, int windowHeight) {
        browser.screenshot(name, windowHeight);
    }

    protected static LocalDate today() {
        return LocalDate.now();
    }

    /** A suffix that keeps this run's records apart from earlier tests' in the shared database. */
    protected static String unique() {
        return Long.toString(System.nanoTime() % 1_000_000_000L, 36).toUpperCase();
    }

    // ------------------------------------------------------------------ the engine, for lookups and waits only

    /** Polls until the probe returns something (not null, not false), for up to 60 s. */
    protected static <T> T eventually(String what, Supplier<T> probe) {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            T value = probe.get();
            if (value != null && !Boolean.FALSE.equals(value)) {
                return value;
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for " + what, e);
            }
        }
    }

    protected ProcessInstance instanceWith(String processKey, String variable, Object value) {
        return eventually("a " + processKey + " with " + variable + "=" + value, () -> runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(processKey).variableValueEquals(variable, value).singleResult());
    }

    /** The open user task of the instance at this activity, waited for (a mail step may come first). */
    protected Task openTask(String processInstanceId, String taskDefinitionKey) {
        return eventually("task " + taskDefinitionKey, () -> taskService.createTaskQuery().processInstanceId(processInstanceId)
                .taskDefinitionKey(taskDefinitionKey).singleResult());
    }

    protected List<Task> openTasks(String processInstanceId, String taskDefinitionKey) {
        return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskDefinitionKey).list();
    }

    protected void waitUntilCompleted(Task task) {
        eventually("task '" + task.getName() + "' completed",
                () -> taskService.createTaskQuery().taskId(task.getId()).count() == 0);
    }

    protected boolean isOpen(Task task) {
        return taskService.createTaskQuery().taskId(task.getId()).count() == 1;
    }

    /** The subjects of the mails the demo mail sink received for this address. */
    protected List<String> subjectsOfMailsTo(String address) {
        java.util.Set<String> seen = new java.util.HashSet<>(); // the sink keeps a copy per recipient
        return Arrays.stream(mailSink.messages()).filter(message -> isTo(message, address) && seen.add(messageId(message)))
                .map(BrowserTestBase::subject).toList();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    protected List<String> waitForMailsTo(String address, int count) {
        return eventually(count + " mail(s) to " + address, () -> {
            List<String> subjects = subjectsOfMailsTo(address);
            return subjects.size() >= count ? subjects : null;
        });
    }

    protected String bodyOfMailTo(String address, String subjectStart) {
        return Arrays.stream(mailSink.messages())
                .filter(message -> isTo(message, address) && subject(message).startsWith(subjectStart))
                .map(MailContent::text)
                .findFirst().orElseThrow(() -> new AssertionError("no mail '" + subjectStart + "' to " + address));
    }

    private static boolean isTo(MimeMessage message, String address) {
        try {
            return message.getAllRecipients() != null
                    && Arrays.stream(message.getAllRecipients()).anyMatch(recipient -> recipient.toString().equals(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A failed test leaves target/screenshots/FAILED-{class}-{test}.png and .html behind. */
    static class EvidenceOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            if (browser != null) {
                browser.saveEvidence("FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
                        + context.getRequiredTestMethod().getName());
            }
        }
    }
}
