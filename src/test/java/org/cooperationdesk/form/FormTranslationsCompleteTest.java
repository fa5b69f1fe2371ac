package org.cooperationdesk.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every form (forms/*.form) has its Japanese beside it, complete and current: a key for every string
 * a user reads, no key for a component or option the form no longer has, no blank value, and a Markdown text keeps
 * the expressions ({@code {{ }}}, FEEL) and headings of the English. Plain JUnit: a form changed without its
 * translation fails the build here, naming the form and the keys.
 */
class FormTranslationsCompleteTest {

    private static final String LANGUAGE = "ja";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TEMPLATE = Pattern.compile("\\{\\{.*?}}", Pattern.DOTALL);

    @TestFactory
    Stream<DynamicTest> everyFormIsTranslatedCompletely() throws Exception {
        List<Path> forms = forms();
        assertThat(forms).as("the forms on the classpath").hasSizeGreaterThanOrEqualTo(50);
        return forms.stream().map(form -> DynamicTest.dynamicTest(form.getFileName().toString(), () -> check(form)));
    }

    @Test
    void everyTranslationHasItsForm() throws Exception {
        Path folder = folder();
        try (Stream<Path> files = Files.list(folder)) {
            assertThat(files.map(path -> path.getFileName().toString()).filter(name -> name.endsWith(".properties"))
                    .filter(name -> !Files.exists(folder.resolve(name.replaceFirst("_[a-z]{2,3}\\.properties$", ".form")))))
                    .as("translations beside no form").isEmpty();
        }
    }

    private static void check(Path formFile) throws IOException {
        JsonNode form = JSON.readTree(formFile.toFile());
        Map<String, String> english = translatable(form);
        Path file = formFile.resolveSibling(formFile.getFileName().toString().replaceFirst("\\.form$", "_" + LANGUAGE + ".properties"));
        assertThat(file).as("the Japanese of %s", formFile.getFileName()).exists();
        Map<String, String> japanese = read(file);

        List<String> problems = new ArrayList<>();
        english.keySet().stream().filter(key -> !japanese.containsKey(key))
                .forEach(key -> problems.add("missing " + key + " (\"" + english.get(key) + "\")"));
        japanese.keySet().stream().filter(key -> !english.containsKey(key))
                .forEach(key -> problems.add("stale " + key + ": no such component, property or option in the form"));
        japanese.forEach((key, value) -> {
            if (value.isBlank()) {
                problems.add("blank " + key);
            }
        });
        english.forEach((key, source) -> {
            String translated = japanese.get(key);
            if (translated == null || translated.isBlank()) {
                return;
            }
            Matcher templates = TEMPLATE.matcher(source);
            while (templates.find()) {
                if (!translated.contains(templates.group())) {
                    problems.add(key + " drops the expression " + templates.group());
                }
            }
            if (source.startsWith("=") != translated.startsWith("=")) {
                problems.add(key + (source.startsWith("=") ? " is a FEEL expression in English but not in the translation"
                        : " starts with '=' (a FEEL expression) unlike the English"));
            }
            if (headings(source) != headings(translated)) {
                problems.add(key + " has " + headings(translated) + " Markdown headings, the English " + headings(source));
            }
        });
        assertThat(problems).as("%s against %s", file.getFileName(), formFile.getFileName()).isEmpty();
    }

    /** Every string of the form a user reads, by its key in the translation. */
    static Map<String, String> translatable(JsonNode form) {
        Map<String, String> strings = new LinkedHashMap<>();
        collect(form.path("components"), strings);
        return strings;
    }

    private static void collect(JsonNode components, Map<String, String> strings) {
        for (JsonNode component : components) {
            String id = component.path("id").asText();
            assertThat(id).as("every component has an id").isNotBlank();
            for (String property : FormTranslations.TEXT_PROPERTIES) {
                put(strings, id + "." + property, component.path(property));
            }
            for (String property : FormTranslations.APPEARANCE_PROPERTIES) {
                put(strings, id + ".appearance." + property, component.path("appearance").path(property));
            }
            for (JsonNode option : component.path("values")) {
                put(strings, id + ".values." + option.path("value").asText(), option.path("label"));
            }
            if (component.has("components")) {
                collect(component.path("components"), strings);
            }
        }
    }

    private static void put(Map<String, String> strings, String key, JsonNode value) {
        if (value.isTextual() && !value.asText().isBlank()) {
            strings.put(key, value.asText());
        }
    }

    private static long headings(String markdown) {
        return markdown.lines().filter(line -> line.startsWith("#")).count();
    }

    /** The file's entries; a key given twice is a mistake Properties would hide (the last one wins). */
    private static Map<String, String> read(Path file) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        List<String> twice = new ArrayList<>();
        Properties properties = new Properties() {
            @Override
            public synchronized Object put(Object key, Object value) {
                if (entries.put((String) key, (String) value) != null) {
                    twice.add((String) key);
                }
                return super.put(key, value);
            }
        };
        try (Reader in = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        assertThat(twice).as("keys given twice in %s", file.getFileName()).isEmpty();
        return entries;
    }

    /** The project's forms/ (the source: a file removed there may linger in target/classes), else the classpath's. */
    private static Path folder() throws URISyntaxException {
        Path source = Path.of(System.getProperty("basedir", "")).toAbsolutePath().resolve("forms");
        if (Files.isDirectory(source)) {
            return source;
        }
        return Path.of(FormTranslationsCompleteTest.class.getClassLoader().getResource("forms").toURI());
    }

    private static List<Path> forms() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(folder())) {
            return files.filter(path -> path.getFileName().toString().endsWith(".form")).sorted().toList();
        }
    }
}
