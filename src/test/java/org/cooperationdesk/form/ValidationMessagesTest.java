package org.cooperationdesk.form;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.cooperationdesk.language.Language;
import org.cooperationdesk.people.Availability;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The server's refusals in English and Japanese: every message key the code uses is in both bundles, the bundles
 * hold the same keys with the same arguments, and a message is rendered in the request's language.
 */
class ValidationMessagesTest {

    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path BUNDLES = Path.of("src/main/resources/i18n");

    /**
     * The methods that take a message key of {@code i18n/validation}, and which of their arguments it is (by the number
     * of arguments where a method has overloads without a key). A string literal there is a key.
     */
    private static final Map<String, KeyArgument> KEY_ARGUMENTS = Map.of(
            "reject", new KeyArgument(1, -1),                     // FormSubmission.reject(field, key, arguments...)
            "refuse", new KeyArgument(2, -1),                     // PartnerAdministration's checks: (field, label, key, ...)
            "render", new KeyArgument(0, -1),                     // ValidationMessages.render(key, ...) or (language, key, ...)
            "requireWhen", new KeyArgument(2, 3),
            "requireReasonWhen", new KeyArgument(3, 4),
            "requireNotBefore", new KeyArgument(2, 3),            // the 2-argument form names another field by its label
            "requireBefore", new KeyArgument(2, 3),
            "requirePassportValidBeyond", new KeyArgument(2, 3),
            "source", new KeyArgument(2, 3));                     // PartnerFormOptions: (name, options, unknownKey)

    /** Keys the code builds from a value (an enum's name); each is checked with every value below. */
    private static final Set<String> BUILT_KEYS = Set.of("\"availability.\" + expert.availability().name().toLowerCase(Locale.ROOT)");

    record KeyArgument(int index, int onlyWithArgumentCount) {
    }

    @AfterEach
    void noRequest() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Nested
    class Keys {

        @Test
        void everyKeyTheCodeUsesIsInTheEnglishAndTheJapaneseBundle() throws IOException {
            Used used = usedKeys();
            Set<String> english = bundle("validation.properties").stringPropertyNames();
            Set<String> japanese = bundle("validation_ja.properties").stringPropertyNames();

            assertThat(used.keys).as("keys found in the code").hasSizeGreaterThan(80);
            assertThat(missing(used.keys, english)).as("keys used in the code but missing in validation.properties").isEmpty();
            assertThat(missing(used.keys, japanese)).as("keys used in the code but missing in validation_ja.properties").isEmpty();
        }

        @Test
        void keysBuiltFromAValueAreKnownAndExistForEveryValue() throws IOException {
            assertThat(usedKeys().built).as("keys the code builds at run time: add each to BUILT_KEYS and check its values here")
                    .isEqualTo(new TreeSet<>(BUILT_KEYS));
            for (String bundle : List.of("validation.properties", "validation_ja.properties")) {
                Set<String> keys = bundle(bundle).stringPropertyNames();
                for (Availability availability : Availability.values()) {
                    assertThat(keys).as(bundle).contains("availability." + availability.name().toLowerCase(Locale.ROOT));
                }
            }
        }

        @Test
        void bothLanguagesHaveTheSameKeysAndTheSameArguments() throws IOException {
            Properties english = bundle("validation.properties");
            Properties japanese = bundle("validation_ja.properties");

            assertThat(new TreeSet<>(japanese.stringPropertyNames())).isEqualTo(new TreeSet<>(english.stringPropertyNames()));
            for (String key : english.stringPropertyNames()) {
                MessageFormat en = new MessageFormat(english.getProperty(key), Locale.ENGLISH);
                MessageFormat ja = new MessageFormat(japanese.getProperty(key), Locale.JAPANESE);
                assertThat(ja.getFormatsByArgumentIndex().length).as(key + ": arguments in Japanese")
                        .isEqualTo(en.getFormatsByArgumentIndex().length);
            }
        }

        @Test
        void everyKeyOfTheCodeIsFoundByTheScan() throws IOException {
            // The scan itself: a call the table names, with its key as a literal or in a choice of literals.
            Used used = new Used();
            scan("""
                    form.reject(FIELD, "date.notPast");
                    form.reject(key, "option.oneOf", String.join(", ", field.options()));
                    form.requireWhen(true, key, i == 0 ? "when.headOfDelegation" : "when.eachDelegate");
                    form.requireNotBefore(END_DATE, START_DATE);
                    form.requireNotBefore(RETURN_DATE, form.date(DEPARTURE_DATE), "what.departureDate");
                    ValidationMessages.render(reports == 1 ? "contribution.one" : "contribution.many", a, b);
                    form.rejectWith(FIELD, reason);
                    """, used);
            assertThat(used.keys).containsExactlyInAnyOrder("date.notPast", "option.oneOf", "when.headOfDelegation",
                    "when.eachDelegate", "what.departureDate", "contribution.one", "contribution.many");
        }
    }

    @Nested
    class Rendering {

        @Test
        void withoutARequestARefusalIsEnglish() {
            assertThat(ValidationMessages.language()).isEqualTo(Language.EN);
            assertThat(ValidationMessages.render("required")).isEqualTo("is required");
        }

        @Test
        void aDateIsWrittenAsTheRequestsLanguageWritesIt() {
            LocalDate arrival = LocalDate.of(2026, 12, 15);

            LocaleContextHolder.setLocale(Locale.forLanguageTag("en-GB"));
            assertThat(ValidationMessages.render("date.notBefore", "the arrival date", arrival))
                    .isEqualTo("must not be before the arrival date (15 December 2026)");

            LocaleContextHolder.setLocale(Locale.JAPAN);
            assertThat(ValidationMessages.render("date.notBefore", "到着日", arrival))
                    .isEqualTo("到着日（2026年12月15日）より前の日付は入力できません");
        }

        @Test
        void anyOtherLanguageIsEnglish() {
            LocaleContextHolder.setLocale(Locale.FRENCH);
            assertThat(ValidationMessages.render("required")).isEqualTo("is required");
        }

        @Test
        void apostrophesAndNumbersStayAsWritten() {
            assertThat(ValidationMessages.render("meeting.notInDelegation")).isEqualTo("is not in that country's delegation");
            assertThat(ValidationMessages.render("text.maxLength", 1000)).isEqualTo("must have at most 1000 characters");
            assertThat(ValidationMessages.render("shape.notOffered", "X")).isEqualTo("'X' is not one of the options offered");
        }

        @Test
        void aRefusedSubmissionIsFramedInTheRequestsLanguage() {
            LocaleContextHolder.setLocale(Locale.JAPANESE);
            FormSubmission form = FormSubmission.ofRequest("postponement", Map.of("startDate", "tomorrow"),
                    Map.of("startDate", "New start", "endDate", "New end"));
            form.require("endDate");
            form.reject("startDate", "date.format");

            assertThat(form.errors()).extracting(FieldError::message)
                    .containsExactly("必須項目です", "YYYY-MM-DD 形式の日付で入力してください");
            assertThat(new InvalidSubmissionException(form.errors()).getMessage())
                    .isEqualTo("入力内容を確認してください。New end：必須項目です。New start：YYYY-MM-DD 形式の日付で入力してください。");

            LocaleContextHolder.setLocale(Locale.ENGLISH);
            assertThat(new InvalidSubmissionException(List.of(new FieldError("a", "A", "is required"),
                    new FieldError("b", "B", "must be text"))).getMessage())
                    .isEqualTo("Please correct the form. A: is required; B: must be text");
        }
    }

    // ---- the scan of the code ----

    static final class Used {
        final Set<String> keys = new TreeSet<>();
        final Set<String> built = new TreeSet<>();
        final Map<String, String> where = new TreeMap<>();
    }

    private static Used usedKeys() throws IOException {
        Used used = new Used();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(path -> path.toString().endsWith(".java")).toList()) {
                scan(Files.readString(file, StandardCharsets.UTF_8), used);
            }
        }
        return used;
    }

    private static final Pattern CALL = Pattern.compile("(?<![A-Za-z0-9_$])(" + String.join("|", KEY_ARGUMENTS.keySet()) + ")\\(");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static void scan(String source, Used used) {
        Matcher call = CALL.matcher(source);
        while (call.find()) {
            KeyArgument key = KEY_ARGUMENTS.get(call.group(1));
            List<String> arguments = arguments(source, call.end());
            if (key.onlyWithArgumentCount() >= 0 && arguments.size() != key.onlyWithArgumentCount()) {
                continue;
            }
            int index = key.index();
            if ("render".equals(call.group(1)) && arguments.size() > 1 && !arguments.get(0).contains("\"")
                    && arguments.get(1).trim().startsWith("\"")) {
                index = 1; // render(language, key, ...)
            }
            if (arguments.size() <= index) {
                continue;
            }
            String argument = arguments.get(index).trim();
            if (!argument.contains("\"")) {
                continue; // a parameter or variable: the key is a literal where the value comes from
            }
            if (argument.contains("+")) {
                used.built.add(argument);
                continue;
            }
            int choice = argument.indexOf('?');
            Matcher literal = LITERAL.matcher(choice < 0 ? argument : argument.substring(choice));
            while (literal.find()) {
                used.keys.add(literal.group(1));
            }
        }
    }

    /** The top-level arguments of the call whose '(' ends at {@code start}. */
    private static List<String> arguments(String source, int start) {
        List<String> arguments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (int i = start; i < source.length(); i++) {
            char c = source.charAt(i);
            if (c == '"' || c == '\'') {
                int end = i + 1;
                while (end < source.length() && source.charAt(end) != c) {
                    end += source.charAt(end) == '\\' ? 2 : 1;
                }
                current.append(source, i, Math.min(end + 1, source.length()));
                i = end;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) {
                    if (!current.toString().isBlank() || !arguments.isEmpty()) {
                        arguments.add(current.toString());
                    }
                    return arguments;
                }
                depth--;
            } else if (c == ',' && depth == 0) {
                arguments.add(current.toString());
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        return arguments;
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(BUNDLES.resolve(name), StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    private static Set<String> missing(Set<String> used, Set<String> bundle) {
        Set<String> missing = new TreeSet<>(used);
        missing.removeAll(bundle);
        return missing;
    }
}
