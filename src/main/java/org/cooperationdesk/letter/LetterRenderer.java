package org.cooperationdesk.letter;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.Map;
import java.util.TimeZone;

import com.openhtmltopdf.outputdevice.helper.ExternalResourceControlPriority;
import com.openhtmltopdf.pdfboxout.PdfBoxRenderer;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import org.thymeleaf.IEngineConfiguration;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.spring6.templateresource.SpringResourceTemplateResource;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.AbstractConfigurableTemplateResolver;
import org.thymeleaf.templateresource.ITemplateResource;

/**
 * Makes a letter's PDF: its Thymeleaf template ({@code <language>/<kind>.html} at coopdesk.letters.templates, XHTML)
 * filled with the letterhead, the letter and its values, then laid out by openhtmltopdf with the letters' fonts
 * embedded. Nothing is fetched from the network (a template's external CSS or image is refused). The same letter on
 * the same day gives the same bytes: creation date the day of issue, a fixed producer, a document id from the content.
 */
@Component
public class LetterRenderer {

    static final String PRODUCER = "Cooperation Desk";

    private final SpringTemplateEngine templates;
    private final Letterhead letterhead;
    private final LetterFonts fonts = new LetterFonts();
    private final ZoneId zone;
    private final String location;

    public LetterRenderer(LetterSettings settings, Letterhead letterhead, ResourceLoader resources, Clock clock) {
        this.letterhead = letterhead;
        this.zone = clock.getZone();
        this.location = settings.templates();
        // Its own engine, not the pages' bean: another location, XML (the templates are XHTML), and never a web context.
        LetterTemplateResolver resolver = new LetterTemplateResolver(resources);
        resolver.setPrefix(settings.templates());
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.XML);
        resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
        resolver.setCacheable(!settings.cacheTtl().isZero());
        resolver.setCacheTTLMs(settings.cacheTtl().toMillis());
        this.templates = new SpringTemplateEngine();
        this.templates.setTemplateResolver(resolver);
    }

    /** The letters' fonts, for the tests of this package. */
    LetterFonts fonts() {
        return fonts;
    }

    /** The letter as a PDF, dated the day of issue. Throws when its template is missing, fails or is not XHTML. */
    public byte[] render(LetterRequest letter, LocalDate issued) {
        try {
            return pdf(xhtml(letter, issued), letter, issued);
        } catch (RuntimeException e) {
            throw new IllegalStateException("The template " + templateName(letter) + " at " + location
                    + " did not make the " + letter.description() + ": " + e.getMessage(), e);
        }
    }

    /** The letter's template filled in: the XHTML the PDF is laid out from. */
    String xhtml(LetterRequest letter, LocalDate issued) {
        Context context = new Context(letter.language());
        context.setVariables(letter.values());
        boolean japanese = org.cooperationdesk.language.Language.of(letter.language()) == org.cooperationdesk.language.Language.JA;
        context.setVariable("letterhead", japanese ? letterhead.inJapanese() : letterhead);
        // The Japanese letterhead for the Japanese lines of a bilingual letter (the certificate).
        context.setVariable("letterheadJa", letterhead.inJapanese());
        context.setVariable("letter", new LetterView(letter.kind(), letter.reference(), letter.addressee(),
                letter.number(), issued, letter.language()));
        return templates.process(templateName(letter), context);
    }

    private static String templateName(LetterRequest letter) {
        return letter.language().getLanguage() + "/" + letter.kind().template();
    }

    private byte[] pdf(String xhtml, LetterRequest letter, LocalDate issued) {
        PdfRendererBuilder builder = new PdfRendererBuilder();
        builder.useFastMode();
        builder.withHtmlContent(xhtml, null);
        builder.withProducer(PRODUCER);
        builder.useUnicodeLineBreaker(new ReferenceKeepingLineBreaker(letter.language()));
        for (ExternalResourceControlPriority when : ExternalResourceControlPriority.values()) {
            builder.useExternalResourceAccessControl((uri, type) -> uri != null && uri.startsWith("data:"), when);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // The fonts go back to the pool after the document is saved (when PDFBox makes their subsets) and closed.
        try (LetterFonts.Lease letterFonts = fonts.lease(); PDDocument document = new PDDocument()) {
            builder.usePDDocument(document);
            letterFonts.registerWith(builder, document, xhtml);
            try (PdfBoxRenderer renderer = builder.buildPdfRenderer()) {
                renderer.layout();
                renderer.createPDFWithoutClosing();
                describe(document, letter, issued, xhtml);
                document.save(out);
            }
            return TextLayer.withIdeographs(out.toByteArray(), fonts.ideographs());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void describe(PDDocument document, LetterRequest letter, LocalDate issued, String xhtml) {
        Calendar day = GregorianCalendar.from(issued.atStartOfDay(zone));
        day.setTimeZone(TimeZone.getTimeZone(zone));
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(capitalized(letter.kind().title()) + " "
                + (letter.number() == null ? letter.reference() : letter.number()));
        info.setAuthor(letterhead.ministry() + ", " + letterhead.office());
        info.setCreator(PRODUCER);
        info.setProducer(PRODUCER);
        info.setCreationDate(day);
        info.setModificationDate(day);
        // PDFBox would otherwise write an id made from the time of saving.
        byte[] id = Arrays.copyOf(sha256(xhtml + '\n' + issued), 16);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Templates read through Spring's resource locations: classpath: in the application, file: for the office's own. */
    private static final class LetterTemplateResolver extends AbstractConfigurableTemplateResolver {

        private final ResourceLoader resources;

        LetterTemplateResolver(ResourceLoader resources) {
            this.resources = resources;
        }

        @Override
        protected ITemplateResource computeTemplateResource(IEngineConfiguration configuration, String ownerTemplate,
                                                            String template, String resourceName, String characterEncoding,
                                                            Map<String, Object> templateResolutionAttributes) {
            return new SpringResourceTemplateResource(resources.getResource(resourceName), characterEncoding);
        }
    }
}
