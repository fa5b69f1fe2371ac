package org.cooperationdesk.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.cooperationdesk.language.Language;
import org.junit.jupiter.api.Test;

/**
 * Every mail template exists in every language of the office (mail/en, mail/ja), with the same placeholders, a
 * "Subject:" line that says something, a blank line and a body.
 */
class MailTemplatesCompleteTest {

    private static final Path MAIL = Path.of("src/main/resources/mail");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z0-9_]+)\\s*}}");

    @Test
    void everyTemplateIsInEveryLanguage() throws IOException {
        Map<Language, Set<String>> names = new TreeMap<>();
        for (Language language : Language.values()) {
            names.put(language, templates(language));
        }
        assertThat(names.get(Language.EN)).hasSizeGreaterThan(30);
        for (Language language : Language.values()) {
            assertThat(names.get(language)).as("the templates in mail/%s", language.tag())
                    .containsExactlyInAnyOrderElementsOf(names.get(Language.EN));
        }
        assertThat(Files.list(MAIL).filter(Files::isRegularFile)).as("no template outside a language's folder").isEmpty();
    }

    @Test
    void everyTemplateHasTheSamePlaceholdersInEveryLanguage() throws IOException {
        for (String template : templates(Language.EN)) {
            Set<String> english = placeholders(read(Language.EN, template));
            for (Language language : Language.values()) {
                Path file = MAIL.resolve(language.tag()).resolve(template + ".txt");
                if (Files.exists(file)) {
                    assertThat(placeholders(read(language, template))).as("placeholders of %s", file)
                            .isEqualTo(english);
                }
            }
        }
    }

    @Test
    void everyTemplateHasASubjectLineAndABody() throws IOException {
        for (Language language : Language.values()) {
            for (String template : templates(language)) {
                String text = read(language, template);
                String where = language.tag() + "/" + template;
                assertThat(text).as("%s starts with the Subject: marker", where).startsWith("Subject:");
                int endOfSubject = text.indexOf('\n');
                assertThat(endOfSubject).as("%s has a line after its subject", where).isPositive();
                assertThat(text.substring("Subject:".length(), endOfSubject).trim()).as("%s's subject", where).isNotBlank();
                assertThat(text.substring(endOfSubject + 1)).as("%s: a blank line after the subject", where).startsWith("\n");
                assertThat(text.substring(endOfSubject + 1).trim()).as("%s's body", where).isNotBlank();
            }
        }
    }

    @Test
    void aTemplateMissingInOneLanguageOrWithOtherPlaceholdersIsFound() {
        // The checks above compare these sets; what they read from a template:
        assertThat(placeholders("Subject: {{a}}\n\n{{ b }} and {{a}}")).containsExactly("a", "b");
        assertThat(placeholders("Subject: x\n\n{{a}}")).isNotEqualTo(placeholders("Subject: x\n\n{{b}}"));
    }

    @Test
    void aJapaneseMailIsRenderedWithJapaneseDatesAndNumbers() {
        MailTemplates templates = new MailTemplates();
        Map<String, Object> values = new java.util.HashMap<>();
        values.put("expertName", "山本 直美");
        values.put("requestReference", "DR-2026-0001");
        values.put("requesterReference", "GOARN-1");
        values.put("requestingBody", "世界保健機関");
        values.put("country", "カンボジア");
        values.put("purpose", "Outbreak response");
        values.put("termsOfReference", "Support the laboratory.");
        values.put("startDate", java.time.LocalDate.of(2026, 12, 15));
        values.put("durationDays", 1500);
        values.put("link", "http://localhost:8080/portal/token");
        values.put("answerBy", java.time.LocalDateTime.of(2026, 11, 20, 14, 30));
        MailTemplates.RenderedMail japanese = templates.render("expert-offer", Language.JA, values);
        assertThat(japanese.subject()).isEqualTo("派遣の打診 DR-2026-0001：Outbreak response（カンボジア）");
        assertThat(japanese.body()).startsWith("山本 直美 様").contains("2026年12月15日", "1,500日間");
        MailTemplates.RenderedMail english = templates.render("expert-offer", Language.EN, values);
        assertThat(english.body()).contains("Start:       15 December 2026");
    }

    private static Set<String> templates(Language language) throws IOException {
        try (Stream<Path> files = Files.list(MAIL.resolve(language.tag()))) {
            Set<String> names = new TreeSet<>();
            files.map(file -> file.getFileName().toString()).forEach(name -> {
                assertThat(name).as("a template in mail/%s", language.tag()).endsWith(".txt");
                names.add(name.substring(0, name.length() - ".txt".length()));
            });
            return names;
        }
    }

    private static String read(Language language, String template) throws IOException {
        return Files.readString(MAIL.resolve(language.tag()).resolve(template + ".txt"), StandardCharsets.UTF_8)
                .replace("\r\n", "\n");
    }

    private static Set<String> placeholders(String text) {
        Set<String> names = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(text);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
