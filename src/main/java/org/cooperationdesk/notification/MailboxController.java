package org.cooperationdesk.notification;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.cooperationdesk.system.CurrentUser;
import org.cooperationdesk.system.Groups;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The demo mail sink's inbox (read by /mailbox.html) and its on/off switch for outage drills. */
@RestController
@RequestMapping("/api/mailbox")
@ConditionalOnProperty(name = "coopdesk.mail-sink.enabled", havingValue = "true")
class MailboxController {

    record ReceivedMail(String from, List<String> to, String subject, String sentAt, String body,
                        List<Attachment> attachments) {
    }

    /** A file the mail carries (a letter), by name, type and size. */
    record Attachment(String fileName, String contentType, int size) {
    }

    record SinkState(boolean running) {
    }

    private final MailSink sink;
    private final CurrentUser currentUser;

    MailboxController(MailSink sink, CurrentUser currentUser) {
        this.sink = sink;
        this.currentUser = currentUser;
    }

    @GetMapping
    List<ReceivedMail> messages() throws MessagingException, IOException {
        currentUser.requireAnyGroup(Groups.COORDINATORS, Groups.MANAGERS, Groups.ADMINS);
        List<ReceivedMail> mails = new ArrayList<>();
        MimeMessage[] messages = sink.messages();
        for (int i = messages.length - 1; i >= 0; i--) {
            MimeMessage message = messages[i];
            mails.add(new ReceivedMail(
                    Arrays.toString(message.getFrom()),
                    message.getAllRecipients() == null ? List.of()
                            : Arrays.stream(message.getAllRecipients()).map(Address::toString).toList(),
                    message.getSubject(),
                    message.getSentDate() == null ? null : message.getSentDate().toInstant().toString(),
                    String.valueOf(MailContent.text(message)).trim(),
                    MailContent.attachments(message).stream()
                            .map(file -> new Attachment(file.fileName(), file.contentType(), file.content().length))
                            .toList()));
        }
        return mails;
    }

    @GetMapping("/server")
    SinkState state() {
        currentUser.requireAnyGroup(Groups.COORDINATORS, Groups.MANAGERS, Groups.ADMINS);
        return new SinkState(sink.running());
    }

    @PutMapping("/server")
    SinkState switchServer(@RequestBody Map<String, Boolean> body) {
        currentUser.requireAnyGroup(Groups.ADMINS);
        if (Boolean.TRUE.equals(body.get("running"))) {
            sink.start();
        } else {
            sink.stop();
        }
        return new SinkState(sink.running());
    }
}
