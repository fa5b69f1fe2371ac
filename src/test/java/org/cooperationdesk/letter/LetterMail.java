package org.cooperationdesk.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cooperationdesk.meeting.MeetingVariables;
import org.cooperationdesk.notification.MailContent;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The letter a received mail carries, checked against the letter the office kept: same bytes, same SHA-256. */
public final class LetterMail {

    private LetterMail() {
    }

    /** A meeting two months ahead that invites Viet Nam alone: one note verbale, to its focal point. */
    public static Map<String, Object> meetingInvitingVietNam(LocalDate today) {
        return Map.ofEntries(
                Map.entry(MeetingVariables.TITLE, "ASEAN and Japan High Level Officials Meeting on Caring Societies"),
                Map.entry(MeetingVariables.THEME, "Human resources for health and welfare"),
                Map.entry(MeetingVariables.KIND, "high_level_officials_meeting"),
                Map.entry(MeetingVariables.START_DATE, today.plusDays(60).toString()),
                Map.entry(MeetingVariables.END_DATE, today.plusDays(62).toString()),
                Map.entry(MeetingVariables.VENUE, "Hotel New Otani"),
                Map.entry(MeetingVariables.HOST_COUNTRY, "JP"),
                Map.entry(MeetingVariables.CO_ORGANISERS, List.of("ASEAN_SEC")),
                Map.entry(MeetingVariables.BUDGET, 20_000_000),
                Map.entry(MeetingVariables.BUDGET_CURRENCY, "JPY"),
                Map.entry(MeetingVariables.ALSO_INVITED, List.of("VN")),
                Map.entry(MeetingVariables.DELEGATE_QUOTA, 3),
                Map.entry(MeetingVariables.NOMINATION_DEADLINE, today.plusDays(30).toString()),
                Map.entry(MeetingVariables.FIELD_VISIT, false));
    }

    /**
     * The text of the one letter the mail carries, once it is found to be a PDF named {@code fileName} whose bytes are
     * those of the letter kept under that name, and whose SHA-256 is the one kept with it.
     */
    public static String letterText(JdbcClient jdbc, MimeMessage mail, String fileName) {
        List<MailContent.Attached> files = MailContent.attachments(mail);
        assertThat(files).as("files attached").extracting(MailContent.Attached::fileName).containsExactly(fileName);
        MailContent.Attached letter = files.get(0);
        assertThat(letter.contentType()).isEqualTo("application/pdf");
        Map<String, Object> kept = jdbc.sql("select content, sha256, size_bytes from letter where file_name = ? order by id desc")
                .param(fileName).query().listOfRows().get(0);
        assertThat(letter.content()).as("the letter attached is the letter kept").isEqualTo(kept.get("CONTENT"));
        assertThat(Letters.sha256(letter.content())).as("its SHA-256").isEqualTo(kept.get("SHA256"));
        assertThat(((Number) kept.get("SIZE_BYTES")).intValue()).isEqualTo(letter.content().length);
        return text(letter.content());
    }

    /** What the PDF says, its lines joined by single spaces. */
    public static String text(byte[] pdf) {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
