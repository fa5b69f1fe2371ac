package org.cooperationdesk.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.cooperationdesk.ProcessTestSupport;
import org.cooperationdesk.meeting.MeetingOrganisationProcess;
import org.cooperationdesk.notification.NotificationLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The office's own letter templates (coopdesk.letters.templates pointing at a directory): a template that cannot make
 * its letter fails the mail step, which is retried and ends as an incident, and no mail goes out without its letter;
 * once the template is mended, retrying the incident sends the mail with its letter.
 */
class LetterTemplateFailureTest extends ProcessTestSupport {

    static final Path TEMPLATES = copyOfTheTemplates();
    static final Path NOTE_VERBALE = TEMPLATES.resolve("en/note-verbale.html");
    static final String VIET_NAM = "international-cooperation@vn.gov.example";

    @DynamicPropertySource
    static void officesOwnTemplates(DynamicPropertyRegistry registry) {
        registry.add("coopdesk.letters.templates", () -> TEMPLATES.toUri().toString());
        registry.add("coopdesk.letters.cache-ttl", () -> "0s");
    }

    final String goodTemplate = read(NOTE_VERBALE);

    @AfterEach
    void mendTheTemplate() throws IOException {
        Files.writeString(NOTE_VERBALE, goodTemplate);
    }

    @Test
    void shouldRetryThenRaiseAnIncidentWithoutSendingAndSendTheMailWithItsLetterOnceTheTemplateIsMended()
            throws IOException {
        Files.writeString(NOTE_VERBALE, goodTemplate.replace("<p>The Ministry would be grateful", "<p>The Ministry would be grateful <b>"));
        ProcessInstance meeting = planMeeting();
        Job invitation = managementService.createJobQuery().processInstanceId(meeting.getId())
                .activityId(MeetingOrganisationProcess.TASK_SEND_INVITATION).singleResult();

        int retries = invitation.getRetries();
        for (int attempt = 1; attempt <= retries; attempt++) {
            assertThatThrownBy(() -> managementService.executeJob(invitation.getId()))
                    .hasMessageContaining("Could not make the note verbale to International cooperation focal point, "
                            + "Government of Viet Nam")
                    .hasMessageContaining("en/note-verbale");
        }

        assertThat(mailServer.getReceivedMessages()).as("no mail without its letter").isEmpty();
        assertThat(jdbc.sql("select count(*) from letter where reference = ?").param(meeting.getBusinessKey())
                .query(Integer.class).single()).isZero();
        Incident incident = runtimeService.createIncidentQuery().processInstanceId(meeting.getId()).singleResult();
        assertThat(incident.getActivityId()).isEqualTo(MeetingOrganisationProcess.TASK_SEND_INVITATION);
        assertThat(incident.getIncidentMessage()).contains("Could not make the note verbale");
        assertThat(jdbc.sql("select status, error from notification where business_key = ?").param(meeting.getBusinessKey())
                .query().listOfRows()).hasSize(retries)
                .allSatisfy(row -> assertThat(row).containsEntry("STATUS", NotificationLog.FAILED)
                        .hasEntrySatisfying("ERROR", error -> assertThat(error.toString()).contains("Could not make the note verbale")));

        Files.writeString(NOTE_VERBALE, goodTemplate);
        managementService.setJobRetries(invitation.getId(), 1);
        managementService.executeJob(invitation.getId());

        assertThat(runtimeService.createIncidentQuery().processInstanceId(meeting.getId()).count()).isZero();
        assertThat(mailsTo(VIET_NAM)).singleElement().satisfies(mail ->
                assertThat(LetterMail.letterText(jdbc, mail, meeting.getBusinessKey() + "-note-verbale-VN.pdf"))
                        .contains("presents its compliments to the Government of Viet Nam"));
        BpmnAwareTests.assertThat(meeting).isWaitingAt(MeetingOrganisationProcess.TASK_RECORD_DELEGATION);
    }

    @Test
    void shouldUseTheOfficesWordingFromItsDirectory() throws IOException {
        Files.writeString(NOTE_VERBALE, goodTemplate.replace("avails itself of this opportunity to renew",
                "takes this opportunity to renew"));
        ProcessInstance meeting = planMeeting();
        runAsyncSteps(meeting.getId());

        assertThat(LetterMail.letterText(jdbc, mailsTo(VIET_NAM).get(0), meeting.getBusinessKey() + "-note-verbale-VN.pdf"))
                .contains("takes this opportunity to renew to the Government of Viet Nam the assurances");
    }

    ProcessInstance planMeeting() {
        return runtimeService.startProcessInstanceByKey(MeetingOrganisationProcess.PROCESS_KEY,
                LetterMail.meetingInvitingVietNam(today()));
    }

    /** The application's templates, copied to a directory of the office's own. */
    static Path copyOfTheTemplates() {
        try {
            Path source = Path.of(LetterTemplateFailureTest.class.getResource("/templates/letters/").toURI());
            Path target = Files.createTempDirectory("coopdesk-letters");
            try (var files = Files.walk(source)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    Files.createDirectories(copy.getParent());
                    Files.copy(file, copy);
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
