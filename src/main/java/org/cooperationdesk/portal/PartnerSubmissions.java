package org.cooperationdesk.portal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.cooperationdesk.form.FormCatalog;
import org.cooperationdesk.form.FormField;
import org.cooperationdesk.form.FormValues;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The answers partners send through their links (table {@code partner_submission}) and their files
 * ({@code partner_attachment}): kept as received, reviewed by a coordinator (accepted or returned with a reason), and
 * listed on the record's page. One answer per scope is open at a time: none while one waits for review, none after one
 * was accepted (a replayed submission changes nothing).
 */
@Service
public class PartnerSubmissions {

    private static final Logger LOG = LoggerFactory.getLogger(PartnerSubmissions.class);
    private static final TypeReference<LinkedHashMap<String, Object>> VALUES = new TypeReference<>() {
    };
    private static final String ATTACHMENT_COLUMNS = """
            a.id, a.submission_id, s.reference, s.subject, a.slot, a.file_name, a.content_type, a.size_bytes, a.sha256, a.created_at""";

    /** A kept file with its content, its checksum verified. */
    public record AttachmentContent(StoredAttachment attachment, byte[] content) {
    }

    /** A kept file whose content no longer matches its checksum: never served. */
    public static class AttachmentAlteredException extends RuntimeException {
        AttachmentAlteredException(long id) {
            super("Attachment " + id + " does not match its SHA-256 any more");
        }
    }

    private final JdbcClient jdbc;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final FormCatalog forms;

    PartnerSubmissions(JdbcClient jdbc, Clock clock, FormCatalog forms) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.forms = forms;
    }

    /**
     * Keeps an answer and its files for review. A corrected answer (after a return) keeps the returned answer's files
     * of every slot it sends none for, so that a focal point fixing a name does not send the note verbale again.
     *
     * @throws PortalRefusal when an answer of the scope waits for review or was accepted
     */
    @Transactional
    public PartnerSubmission receive(PartnerLink link, PortalAnswer answer) {
        return receive(link, answer, false);
    }

    /**
     * The same for a scope that takes several answers one after the other (a government's nominees to a course, one
     * per answer): another is taken after one was accepted, never while one waits for review.
     */
    @Transactional
    public PartnerSubmission receiveAnother(PartnerLink link, PortalAnswer answer) {
        return receive(link, answer, true);
    }

    private PartnerSubmission receive(PartnerLink link, PortalAnswer answer, boolean several) {
        Optional<PartnerSubmission> latest = latest(link.scope());
        if (latest.isPresent() && latest.get().status() == SubmissionStatus.RECEIVED) {
            throw new PortalRefusal("portal.refused.underReview");
        }
        if (!several && latest.isPresent() && latest.get().status() == SubmissionStatus.ACCEPTED) {
            throw new PortalRefusal("portal.refused.accepted");
        }
        Instant now = clock.instant();
        jdbc.sql("""
                        insert into partner_submission (link_id, purpose, reference, subject, form_id, answer, status, received_at,
                                                        received_from)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(link.id(), link.purpose().name(), link.reference(), link.subject(), answer.formId(),
                        write(answer.values()), SubmissionStatus.RECEIVED.name(), Timestamp.from(now), answer.address())
                .update();
        PartnerSubmission received = latest(link.scope()).orElseThrow();
        Set<String> sentSlots = answer.uploads().stream().map(Upload::slot).collect(Collectors.toSet());
        for (Upload upload : answer.uploads()) {
            AttachmentKind.FileType type = AttachmentKind.FileType.of(upload.content());
            jdbc.sql("""
                            insert into partner_attachment (submission_id, slot, file_name, content_type, size_bytes, sha256, content,
                                                            created_at)
                            values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(received.id(), upload.slot(), safeFileName(upload.fileName(), type), type.contentType(),
                            upload.content().length, sha256(upload.content()), upload.content(), Timestamp.from(now))
                    .update();
        }
        if (latest.isPresent() && latest.get().status() == SubmissionStatus.RETURNED) {
            jdbc.sql("""
                            insert into partner_attachment (submission_id, slot, file_name, content_type, size_bytes, sha256, content,
                                                            created_at)
                            select ?, slot, file_name, content_type, size_bytes, sha256, content, created_at
                            from partner_attachment where submission_id = ?""" + (sentSlots.isEmpty() ? ""
                            : " and slot not in (" + sentSlots.stream().map(slot -> "?").collect(Collectors.joining(", ")) + ")"))
                    .params(carriedOverParameters(received.id(), latest.get().id(), sentSlots))
                    .update();
        }
        LOG.info("Answer {} received for {} {} {} from {}", received.id(), link.purpose(), link.reference(), link.subject(),
                answer.address());
        return received;
    }

    /** The answer, taken: its values become the process's as a submitted form's would. */
    @Transactional
    public PartnerSubmission accept(long submissionId, String decidedBy) {
        decide(submissionId, SubmissionStatus.ACCEPTED, null, decidedBy);
        return get(submissionId);
    }

    /** The answer, sent back: the partner sees the reason and corrects it through the same link. */
    @Transactional
    public PartnerSubmission returnWith(long submissionId, String reason, String decidedBy) {
        decide(submissionId, SubmissionStatus.RETURNED, reason, decidedBy);
        return get(submissionId);
    }

    private void decide(long submissionId, SubmissionStatus status, String reason, String decidedBy) {
        int changed = jdbc.sql("""
                        update partner_submission set status = ?, return_reason = ?, decided_at = ?, decided_by = ?
                        where id = ? and status = ?""")
                .params(status.name(), reason, Timestamp.from(clock.instant()), decidedBy, submissionId,
                        SubmissionStatus.RECEIVED.name())
                .update();
        if (changed != 1) {
            throw new IllegalStateException("Answer " + submissionId + " does not wait for review");
        }
    }

    public PartnerSubmission get(long submissionId) {
        return jdbc.sql("select * from partner_submission where id = ?").param(submissionId).query(this::submission).single();
    }

    /** The latest answer of a scope, if any. */
    public Optional<PartnerSubmission> latest(LinkScope scope) {
        return forScope(scope).stream().findFirst();
    }

    /** Every answer of a scope, the newest first. */
    public List<PartnerSubmission> forScope(LinkScope scope) {
        return jdbc.sql("select * from partner_submission where reference = ? and purpose = ? and subject = ? order by id desc")
                .params(scope.reference(), scope.purpose().name(), scope.subject()).query(this::submission).list();
    }

    /** Every answer about a record, the newest first. */
    public List<PartnerSubmission> forReference(String reference) {
        return jdbc.sql("select * from partner_submission where reference = ? order by id desc")
                .param(reference).query(this::submission).list();
    }

    public List<StoredAttachment> attachments(long submissionId) {
        return jdbc.sql("select " + ATTACHMENT_COLUMNS + " from partner_attachment a join partner_submission s on s.id = a.submission_id"
                        + " where a.submission_id = ? order by a.id")
                .param(submissionId).query(PartnerSubmissions::attachment).list();
    }

    /**
     * The files of a record's answers as its page lists them: those of each scope's latest answer, and of every answer
     * accepted (a scope that takes several answers, a government's nominees, keeps each accepted nominee's files).
     */
    public List<StoredAttachment> attachmentsOf(String reference) {
        return jdbc.sql("select " + ATTACHMENT_COLUMNS + " from partner_attachment a join partner_submission s on s.id = a.submission_id"
                        + " where s.reference = ? and (s.status = ? or s.id = (select max(l.id) from partner_submission l"
                        + " where l.reference = s.reference and l.purpose = s.purpose and l.subject = s.subject))"
                        + " order by s.subject, a.id")
                .params(reference, SubmissionStatus.ACCEPTED.name()).query(PartnerSubmissions::attachment).list();
    }

    /**
     * A kept file with its content.
     *
     * @throws AttachmentAlteredException when the content no longer matches the SHA-256 taken when it arrived
     */
    public Optional<AttachmentContent> content(long attachmentId) {
        Optional<StoredAttachment> attachment = jdbc.sql("select " + ATTACHMENT_COLUMNS
                        + " from partner_attachment a join partner_submission s on s.id = a.submission_id where a.id = ?")
                .param(attachmentId).query(PartnerSubmissions::attachment).optional();
        if (attachment.isEmpty()) {
            return Optional.empty();
        }
        byte[] content = jdbc.sql("select content from partner_attachment where id = ?").param(attachmentId)
                .query((rs, row) -> rs.getBytes(1)).single();
        if (!sha256(content).equals(attachment.get().sha256())) {
            LOG.error("Attachment {} ({}) does not match its SHA-256: not served", attachmentId, attachment.get().fileName());
            throw new AttachmentAlteredException(attachmentId);
        }
        return Optional.of(new AttachmentContent(attachment.get(), content));
    }

    /**
     * An answer as a coordinator reviews it: each field the partner filled in, by the label of the form in the
     * request's language, then the files (name, type, size, first characters of the SHA-256).
     */
    public String summary(PartnerSubmission submission) {
        StringBuilder text = new StringBuilder();
        for (FormField field : forms.editableFields(submission.formId())) {
            Object value = submission.values().get(field.key());
            if (value == null || FormValues.text(value) == null || FormValues.text(value).isBlank()) {
                continue;
            }
            text.append(forms.label(submission.formId(), field.key())).append(": ").append(FormValues.text(value)).append('\n');
        }
        List<StoredAttachment> files = attachments(submission.id());
        if (!files.isEmpty()) {
            text.append('\n');
            for (StoredAttachment file : files) {
                text.append("[").append(file.slot()).append("] ").append(file.fileName()).append(" (")
                        .append(file.contentType()).append(", ").append(kilobytes(file.sizeBytes())).append(", SHA-256 ")
                        .append(file.shortChecksum()).append("…)\n");
            }
        }
        return text.toString().strip();
    }

    static String kilobytes(int bytes) {
        return bytes < 1024 ? bytes + " B" : (bytes + 1023) / 1024 + " KB";
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The name a file is kept and offered under: its own name's letters, digits, dots and dashes, with the type's extension. */
    static String safeFileName(String name, AttachmentKind.FileType type) {
        String base = name == null ? "" : name.replaceAll("^.*[/\\\\]", "");
        int dot = base.lastIndexOf('.');
        base = (dot > 0 ? base.substring(0, dot) : base).replaceAll("[^\\p{L}\\p{N}._-]+", "_");
        if (base.isBlank() || base.matches("[._]+")) {
            base = "attachment";
        }
        if (base.length() > 100) {
            base = base.substring(0, 100);
        }
        String extension = switch (type) {
            case PDF -> ".pdf";
            case JPEG -> ".jpg";
            case PNG -> ".png";
        };
        return base + extension;
    }

    private static Object[] carriedOverParameters(long newId, long returnedId, Set<String> sentSlots) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(newId);
        parameters.add(returnedId);
        parameters.addAll(sentSlots);
        return parameters.toArray();
    }

    private String write(Map<String, Object> values) {
        try {
            return json.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("An answer's values cannot be written as JSON", e);
        }
    }

    private PartnerSubmission submission(ResultSet rs, int row) throws SQLException {
        Map<String, Object> values;
        try {
            values = json.readValue(rs.getString("answer"), VALUES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Answer " + rs.getLong("id") + " is not readable", e);
        }
        Timestamp decided = rs.getTimestamp("decided_at");
        return new PartnerSubmission(rs.getLong("id"), rs.getLong("link_id"),
                new LinkScope(LinkPurpose.valueOf(rs.getString("purpose")), rs.getString("reference"), rs.getString("subject")),
                rs.getString("form_id"), values, SubmissionStatus.valueOf(rs.getString("status")),
                rs.getTimestamp("received_at").toInstant(), rs.getString("received_from"),
                decided == null ? null : decided.toInstant(), rs.getString("decided_by"), rs.getString("return_reason"));
    }

    private static StoredAttachment attachment(ResultSet rs, int row) throws SQLException {
        return new StoredAttachment(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getInt(8), rs.getString(9), rs.getTimestamp(10).toInstant());
    }
}
