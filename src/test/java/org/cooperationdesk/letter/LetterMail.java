package org.cooperationdesk.letter;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cooperationdesk.notification.MailContent;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The letter a received mail carries, checked against the letter the office kept: same bytes, same SHA-256. */
public final class LetterMail {

    private LetterMail() {
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
