package org.cooperationdesk.letter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cooperationdesk.ProcessTestSupport;
import org.cooperationdesk.meeting.MeetingOrganisationProcess;
import org.cooperationdesk.meeting.MeetingVariables;
import org.cooperationdesk.notification.MailContent;
import org.cooperationdesk.notification.Notification;
import org.cooperationdesk.notification.NotificationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The letters the mails carry: made once, kept with their checksum before the mail goes out, attached as kept on
 * every attempt of the step, and never attached once they no longer match what was kept.
 */
class LetterMailsTest extends ProcessTestSupport {

    static final String VIET_NAM = "international-cooperation@vn.gov.example";

    @Autowired
    NotificationService notifications;

    @Test
    void shouldPrintEveryDelegatesNameAsWrittenInTheVisaLetterEachOfThemReceives() throws Exception {
        ProcessInstance meeting = planMeeting();
        runAsyncSteps(meeting.getId());
        completeCountryTask(meeting, MeetingOrganisationProcess.TASK_RECORD_DELEGATION, Map.ofEntries(
                Map.entry(MeetingVariables.DELEGATION_ANSWER, "nominated"),
                Map.entry("headName", "Nguyễn Thị Minh Khai"), Map.entry("headEmail", "khai.nguyen@moh.gov.vn.example"),
                Map.entry("headPassportNumber", "C1234567"), Map.entry("headPassportExpiry", inYears(4)),
                Map.entry("delegate2Name", "Đặng Văn Lâm"), Map.entry("delegate2Email", "lam.dang@moh.gov.vn.example"),
                Map.entry("delegate2PassportNumber", "C7654321"), Map.entry("delegate2PassportExpiry", inYears(5)),
                Map.entry("delegate3Name", "佐藤 春香"), Map.entry("delegate3Email", "haruka.sato@jica.example"),
                Map.entry("delegate3PassportNumber", "TZ0001122"), Map.entry("delegate3PassportExpiry", inYears(6))));
        mailServer.reset();
        completeCountryTask(meeting, MeetingOrganisationProcess.TASK_REGISTER_DELEGATION, Map.of(
                MeetingVariables.FUNDING, "funded", MeetingVariables.HOTEL_BOOKING, "Hotel New Otani, 3 rooms",
                MeetingVariables.TRAVEL_BOOKING, "VN 300 HAN-NRT", MeetingVariables.VISA_LETTERS_REQUIRED, true));
        runAsyncSteps(meeting.getId());

        String fileName = meeting.getBusinessKey() + "-visa-support-letter-VN.pdf";
        String letter = LetterMail.letterText(jdbc, mailsTo(VIET_NAM).get(0), fileName);
        assertThat(letter).contains("Nguyễn Thị Minh Khai Head of delegation C1234567", "Đặng Văn Lâm Delegate C7654321",
                "佐藤 春香 Delegate TZ0001122", "delegation of Viet Nam", "Our reference: " + meeting.getBusinessKey());
        for (String delegate : List.of("khai.nguyen@moh.gov.vn.example", "lam.dang@moh.gov.vn.example", "haruka.sato@jica.example")) {
            assertThat(MailContent.attachments(mailsTo(delegate).get(0))).singleElement()
                    .satisfies(copy -> assertThat(copy.content()).isEqualTo(keptContent(fileName)));
        }
        assertThat(jdbc.sql("select kind, addressee, person_id from letter where file_name = ?").param(fileName).query()
                .singleRow()).containsEntry("KIND", "VISA_SUPPORT_LETTER")
                .containsEntry("ADDRESSEE", "To the consular authorities concerned").containsEntry("PERSON_ID", null);
    }

    @Test
    void shouldAttachTheLetterTheFirstAttemptKeptWhenTheMailStepIsRetried() throws Exception {
        ProcessInstance meeting = planMeeting();
        Job invitation = invitationJob(meeting);
        mailServer.stop();
        assertThatThrownBy(() -> managementService.executeJob(invitation.getId())).hasMessageContaining("Could not send");
        String fileName = meeting.getBusinessKey() + "-note-verbale-VN.pdf";
        byte[] keptFirst = keptContent(fileName);
        assertThat(LetterMail.text(keptFirst)).contains(written(today()));

        clock.advance(Duration.ofDays(1));
        mailServer.start();
        managementService.executeJob(invitation.getId());

        MimeMessage mail = mailsTo(VIET_NAM).get(0);
        assertThat(LetterMail.letterText(jdbc, mail, fileName)).as("dated the day it was first made")
                .contains(written(today().minusDays(1))).doesNotContain(written(today()));
        assertThat(MailContent.attachments(mail).get(0).content()).isEqualTo(keptFirst);
        assertThat(jdbc.sql("select count(*) from letter where file_name = ?").param(fileName).query(Integer.class).single())
                .isEqualTo(1);
    }

    @Test
    void shouldSendTheSameLetterAgainWhenTheNodeDiedAfterTheMailServerTookTheMail() throws Exception {
        Notification mail = new Notification("sitrep-reminder", List.of("aiko.nakamura@experts.example"),
                Map.of("expertName", "Dr. Aiko Nakamura", "requestReference", "DR-2027-0011", "country", "Cambodia",
                        "link", "http://localhost/portal/test", "validUntil", LocalDate.of(2027, 12, 31)))
                .carrying(LetterFixtures.deploymentLetter());

        notifications.send(mail, "test:node-died", "DR-2027-0011");
        // The node died before it could record the delivery: the step is retried, the next day, by another node.
        jdbc.sql("delete from notification where idempotency_key = 'test:node-died'").update();
        clock.advance(Duration.ofDays(1));
        notifications.send(mail, "test:node-died", "DR-2027-0011");

        // Both copies carry one Message-ID, so readers see one mail: mailsTo() would count them once.
        List<MimeMessage> copies = List.of(mailServer.getReceivedMessages());
        assertThat(copies).hasSize(2);
        assertThat(copies.get(1).getMessageID()).isEqualTo(copies.get(0).getMessageID());
        assertThat(MailContent.attachments(copies.get(1)).get(0).content())
                .isEqualTo(MailContent.attachments(copies.get(0)).get(0).content())
                .isEqualTo(keptContent("DR-2027-0011-deployment-letter-3.pdf"));
        assertThat(MailContent.text(copies.get(0))).contains("The letter is attached: DR-2027-0011-deployment-letter-3.pdf.");
    }

    @Test
    void shouldNeitherAttachNorSendALetterWhoseKeptBytesNoLongerMatchTheirChecksum() {
        ProcessInstance meeting = planMeeting();
        Job invitation = invitationJob(meeting);
        mailServer.stop();
        assertThatThrownBy(() -> managementService.executeJob(invitation.getId())).hasMessageContaining("Could not send");
        String fileName = meeting.getBusinessKey() + "-note-verbale-VN.pdf";
        jdbc.sql("update letter set content = ? where file_name = ?").params(LetterMail.class.getName().getBytes(), fileName)
                .update();

        mailServer.start();
        assertThatThrownBy(() -> managementService.executeJob(invitation.getId()))
                .hasMessageContaining("Could not make the note verbale")
                .hasMessageContaining("no longer matches the checksum it was issued with");

        assertThat(mailServer.getReceivedMessages()).isEmpty();
    }

    ProcessInstance planMeeting() {
        return runtimeService.startProcessInstanceByKey(MeetingOrganisationProcess.PROCESS_KEY,
                LetterMail.meetingInvitingVietNam(today()));
    }

    Job invitationJob(ProcessInstance meeting) {
        return managementService.createJobQuery().processInstanceId(meeting.getId())
                .activityId(MeetingOrganisationProcess.TASK_SEND_INVITATION).singleResult();
    }

    void completeCountryTask(ProcessInstance meeting, String taskKey, Map<String, Object> values) {
        Task task = taskService.createTaskQuery().processInstanceId(meeting.getId()).taskDefinitionKey(taskKey).singleResult();
        taskService.complete(task.getId(), values);
    }

    byte[] keptContent(String fileName) {
        return jdbc.sql("select content from letter where file_name = ? order by id desc").param(fileName)
                .query(byte[].class).list().get(0);
    }

    String inYears(int years) {
        return today().plusYears(years).toString();
    }

    /** A day as the letters write it: "5 March 2027". */
    static String written(LocalDate day) {
        return day.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM uuuu", java.util.Locale.ENGLISH));
    }
}
