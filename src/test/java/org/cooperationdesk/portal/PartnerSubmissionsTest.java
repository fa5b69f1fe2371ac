package org.cooperationdesk.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.cooperationdesk.MutableClock;
import org.cooperationdesk.form.FormCatalog;
import org.cooperationdesk.language.Language;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Partners' answers: kept as received with their files (type from the content, SHA-256), one open at a time per
 * scope, returned and corrected without sending the files again, and never served once altered.
 */
class PartnerSubmissionsTest {

    static final byte[] PDF = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13};
    static final byte[] JPEG = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};

    final PortalDatabase database = new PortalDatabase();
    final MutableClock clock = new MutableClock();
    PartnerSubmissions submissions;
    PartnerLink link;

    @BeforeEach
    void aLink() {
        PartnerLinks links = new PartnerLinks(database.jdbc, clock, new LinkThrottle(clock, 10, Duration.ofMinutes(10)),
                database.transactions, PartnerLinksTest.KEY, "http://localhost:8080");
        String url = links.url(PartnerLinksTest.CAMBODIA, "focal@mfa.gov.kh", Language.EN,
                links.untilEndOf(LocalDate.now(clock).plusDays(5)), "link:job:1");
        link = links.open(PartnerLinksTest.token(url), "203.0.113.7", "OPEN");
        submissions = new PartnerSubmissions(database.jdbc, clock, new FormCatalog());
    }

    PortalAnswer delegation(String head, Upload... files) {
        return new PortalAnswer("record-delegation", Map.of("delegationAnswer", "nominated", "headName", head), List.of(files),
                "203.0.113.7");
    }

    @Test
    void shouldKeepTheAnswerAndItsFilesWithTheirChecksums() {
        PartnerSubmission received = submissions.receive(link, delegation("Sok Dara",
                new Upload("officialLetter", "Note verbale 12-2026.PDF", PDF), new Upload("passports", "passport.jpeg", JPEG)));

        assertThat(received.status()).isEqualTo(SubmissionStatus.RECEIVED);
        assertThat(received.values()).containsEntry("headName", "Sok Dara");
        assertThat(received.receivedFrom()).isEqualTo("203.0.113.7");
        assertThat(submissions.attachments(received.id())).extracting(StoredAttachment::slot, StoredAttachment::fileName,
                        StoredAttachment::contentType, StoredAttachment::sizeBytes, StoredAttachment::sha256)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("officialLetter", "Note_verbale_12-2026.pdf", "application/pdf", PDF.length,
                                PartnerSubmissions.sha256(PDF)),
                        org.assertj.core.groups.Tuple.tuple("passports", "passport.jpg", "image/jpeg", JPEG.length,
                                PartnerSubmissions.sha256(JPEG)));
        assertThat(submissions.summary(received)).contains("Head of delegation: Sok Dara").contains("Note_verbale_12-2026.pdf");
    }

    @Test
    void shouldTakeNoSecondAnswerWhileOneIsReviewed() {
        submissions.receive(link, delegation("Sok Dara"));

        assertThatThrownBy(() -> submissions.receive(link, delegation("Somebody Else")))
                .isInstanceOf(PortalRefusal.class).hasMessage("portal.refused.underReview");
        assertThatThrownBy(() -> submissions.receiveAnother(link, delegation("Somebody Else")))
                .isInstanceOf(PortalRefusal.class).hasMessage("portal.refused.underReview");
        assertThat(submissions.forScope(link.scope())).hasSize(1);
    }

    @Test
    void shouldTakeNothingMoreAfterAcceptanceUnlessTheScopeTakesSeveral() {
        PartnerSubmission first = submissions.receive(link, delegation("Sok Dara"));
        submissions.accept(first.id(), "coordinator");

        assertThatThrownBy(() -> submissions.receive(link, delegation("Replayed"))).isInstanceOf(PortalRefusal.class)
                .hasMessage("portal.refused.accepted");
        assertThat(submissions.latest(link.scope()).orElseThrow().id()).isEqualTo(first.id());
        assertThat(submissions.receiveAnother(link, delegation("Second nominee")).status()).isEqualTo(SubmissionStatus.RECEIVED);
    }

    @Test
    void shouldKeepTheReturnedAnswersFilesForTheCorrection() {
        PartnerSubmission first = submissions.receive(link, delegation("Sok Dra",
                new Upload("officialLetter", "note.pdf", PDF), new Upload("passports", "p1.png", PNG)));
        PartnerSubmission returned = submissions.returnWith(first.id(), "The head's name is misspelt", "coordinator");
        assertThat(returned.status()).isEqualTo(SubmissionStatus.RETURNED);
        assertThat(returned.returnReason()).isEqualTo("The head's name is misspelt");
        assertThat(returned.decidedBy()).isEqualTo("coordinator");

        PartnerSubmission corrected = submissions.receive(link, delegation("Sok Dara", new Upload("passports", "p2.jpg", JPEG)));

        assertThat(submissions.attachments(corrected.id())).extracting(StoredAttachment::slot, StoredAttachment::fileName)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("passports", "p2.jpg"),
                        org.assertj.core.groups.Tuple.tuple("officialLetter", "note.pdf"));
        assertThat(submissions.attachmentsOf(link.reference())).extracting(StoredAttachment::submissionId)
                .as("the record page lists the latest answer's files").containsOnly(corrected.id());
    }

    @Test
    void shouldDecideOnlyOnAnAnswerThatWaits() {
        PartnerSubmission received = submissions.receive(link, delegation("Sok Dara"));
        submissions.accept(received.id(), "coordinator");

        assertThatThrownBy(() -> submissions.returnWith(received.id(), "late", "coordinator")).isInstanceOf(IllegalStateException.class);
        assertThat(submissions.get(received.id()).status()).isEqualTo(SubmissionStatus.ACCEPTED);
    }

    @Test
    void shouldNeverServeAFileThatNoLongerMatchesItsChecksum() {
        PartnerSubmission received = submissions.receive(link, delegation("Sok Dara", new Upload("officialLetter", "note.pdf", PDF)));
        long id = submissions.attachments(received.id()).get(0).id();
        assertThat(submissions.content(id).orElseThrow().content()).isEqualTo(PDF);

        database.jdbc.sql("update partner_attachment set content = ? where id = ?").params("%PDF-forged".getBytes(), id).update();

        assertThatThrownBy(() -> submissions.content(id)).isInstanceOf(PartnerSubmissions.AttachmentAlteredException.class);
    }

    @Nested
    class Files {

        @Test
        void shouldTellTheTypeFromTheContentNotTheName() {
            assertThat(AttachmentKind.FileType.of(PDF)).isEqualTo(AttachmentKind.FileType.PDF);
            assertThat(AttachmentKind.FileType.of(PNG)).isEqualTo(AttachmentKind.FileType.PNG);
            assertThat(AttachmentKind.FileType.of(JPEG)).isEqualTo(AttachmentKind.FileType.JPEG);
            assertThat(AttachmentKind.FileType.of("<html><script>alert(1)</script>".getBytes())).isNull();
            assertThat(AttachmentKind.FileType.of(new byte[0])).isNull();
            assertThat(AttachmentKind.FileType.of("%PD".getBytes())).isNull();
        }

        @Test
        void shouldAcceptOnlyTheTypesOfEachKind() {
            assertThat(AttachmentKind.OFFICIAL_LETTER.accepted()).containsExactly(AttachmentKind.FileType.PDF);
            assertThat(AttachmentKind.PASSPORT_COPY.accepted()).containsExactlyInAnyOrder(AttachmentKind.FileType.PDF,
                    AttachmentKind.FileType.JPEG, AttachmentKind.FileType.PNG);
        }

        @Test
        void shouldKeepAFileUnderASafeNameWithItsTypesExtension() {
            assertThat(PartnerSubmissions.safeFileName("../../etc/passwd", AttachmentKind.FileType.PDF)).isEqualTo("passwd.pdf");
            assertThat(PartnerSubmissions.safeFileName("C:\\Users\\x\\note verbale.exe", AttachmentKind.FileType.PDF))
                    .isEqualTo("note_verbale.pdf");
            assertThat(PartnerSubmissions.safeFileName("<script>alert(1)</script>.png", AttachmentKind.FileType.PNG))
                    .doesNotContain("<", ">", "/").endsWith(".png");
            assertThat(PartnerSubmissions.safeFileName("", AttachmentKind.FileType.JPEG)).isEqualTo("attachment.jpg");
            assertThat(PartnerSubmissions.safeFileName("旅券の写し.pdf", AttachmentKind.FileType.PDF)).isEqualTo("旅券の写し.pdf");
        }
    }
}
