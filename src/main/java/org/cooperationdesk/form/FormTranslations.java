package org.cooperationdesk.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The Camunda Forms in the user's language. A form file ({@code forms/<name>.form}) is written in English and stays
 * the one source of its fields and rules; beside it, {@code forms/<name>_<lang>.properties} (UTF-8) holds the
 * translation of every string a user reads, keyed by the component's {@code id}:
 * <ul>
 * <li>{@code <id>.label}, {@code <id>.description}, {@code <id>.text} (Markdown), {@code <id>.dateLabel},
 * {@code <id>.timeLabel}, {@code <id>.placeholder}, {@code <id>.appearance.prefixAdorner} and
 * {@code <id>.appearance.suffixAdorner};</li>
 * <li>{@code <id>.values.<value>} for the label of a static option (the value itself never changes).</li>
 * </ul>
 * Only strings change; keys, values and validation are the form's own. A string without a translation stays English.
 */
@Component
public class FormTranslations {

    /** The component properties a user reads, in the order a translator meets them. */
    public static final List<String> TEXT_PROPERTIES = List.of("label", "description", "text", "dateLabel", "timeLabel",
            "placeholder");
    /** The same inside the component's {@code appearance}. */
    public static final List<String> APPEARANCE_PROPERTIES = List.of("prefixAdorner", "suffixAdorner");

    private static final Pattern TRANSLATION = Pattern.compile("(.*/)?([^/]+)_([a-z]{2,3})\\.properties");

    /** A field's English label and the id of its component, by the field's key. */
    private record Field(String componentId, String english) {
    }

    private final Map<String, Map<String, Map<String, String>>> byLanguage = new HashMap<>();
    private final Map<String, Map<String, Field>> fieldsByForm = new HashMap<>();

    public FormTranslations() {
        this(new ObjectMapper(), "classpath*:forms/**/*.form");
    }

    /** The translations beside the forms the pattern finds ({@code classpath*:forms/**}{@code /*.form}). */
    FormTranslations(ObjectMapper json, String formPattern) {
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        String folder = formPattern.substring(0, formPattern.lastIndexOf('/') + 1);
        try {
            Map<String, String> formIds = new HashMap<>();
            for (Resource resource : resolver.getResources(formPattern)) {
                try (InputStream in = resource.getInputStream()) {
                    JsonNode form = json.readTree(in);
                    String id = form.path("id").asText();
                    Map<String, Field> fields = new LinkedHashMap<>();
                    collectFields(form.path("components"), fields);
                    fieldsByForm.put(id, fields);
                    formIds.put(resource.getURL().toString(), id);
                }
            }
            for (Resource resource : resolver.getResources(folder + "*_*.properties")) {
                Matcher name = TRANSLATION.matcher(resource.getURL().toString());
                if (!name.matches()) {
                    continue;
                }
                String url = resource.getURL().toString();
                String formUrl = url.substring(0, url.length() - ("_" + name.group(3) + ".properties").length()) + ".form";
                String formId = formIds.get(formUrl);
                if (formId == null) {
                    throw new IllegalStateException("A form translation without its form: " + resource.getURL());
                }
                Map<String, Map<String, String>> forms = byLanguage.computeIfAbsent(name.group(3), language -> new HashMap<>());
                if (forms.put(formId, read(resource)) != null) {
                    throw new IllegalStateException("Two " + name.group(3) + " translations of the form " + formId);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the forms' translations", e);
        }
    }

    /** The languages the forms are translated into (English, their own language, is not among them). */
    public Set<Locale> languages() {
        Set<Locale> languages = new LinkedHashSet<>();
        byLanguage.keySet().stream().sorted().forEach(language -> languages.add(Locale.forLanguageTag(language)));
        return Collections.unmodifiableSet(languages);
    }

    /**
     * The form in the locale's language: a copy with every translated string replaced, or the very same node for
     * English, a language the forms are not translated into, or a form without a translation.
     */
    public JsonNode translate(JsonNode form, Locale locale) {
        Map<String, String> translation = translation(form.path("id").asText(), locale);
        if (translation.isEmpty()) {
            return form;
        }
        JsonNode copy = form.deepCopy();
        apply(copy.path("components"), translation);
        return copy;
    }

    /**
     * A field's label as a user of the locale reads it, for a message about that field: the translated label
     * (a date field's date label), else the form's English one, else the key.
     */
    public String label(String formId, String fieldKey, Locale locale) {
        Field field = fieldsByForm.getOrDefault(formId, Map.of()).get(fieldKey);
        if (field == null) {
            return fieldKey;
        }
        Map<String, String> translation = translation(formId, locale);
        String label = translation.get(field.componentId() + ".label");
        if (label == null || label.isBlank()) {
            label = translation.get(field.componentId() + ".dateLabel");
        }
        return label == null || label.isBlank() ? field.english() : label;
    }

    private Map<String, String> translation(String formId, Locale locale) {
        if (locale == null || Locale.ENGLISH.getLanguage().equals(locale.getLanguage())) {
            return Map.of();
        }
        return byLanguage.getOrDefault(locale.getLanguage(), Map.of()).getOrDefault(formId, Map.of());
    }

    private static void apply(JsonNode components, Map<String, String> translation) {
        for (JsonNode component : components) {
            if (!(component instanceof ObjectNode node)) {
                continue;
            }
            String id = node.path("id").asText();
            for (String property : TEXT_PROPERTIES) {
                replace(node, property, translation.get(id + "." + property));
            }
            if (node.path("appearance") instanceof ObjectNode appearance) {
                for (String property : APPEARANCE_PROPERTIES) {
                    replace(appearance, property, translation.get(id + ".appearance." + property));
                }
            }
            for (JsonNode option : node.path("values")) {
                if (option instanceof ObjectNode value) {
                    replace(value, "label", translation.get(id + ".values." + value.path("value").asText()));
                }
            }
            if (node.has("components")) {
                apply(node.path("components"), translation);
            }
        }
    }

    private static void replace(ObjectNode node, String property, String translated) {
        if (translated != null && !translated.isBlank() && node.path(property).isTextual()) {
            node.put(property, translated);
        }
    }

    private static void collectFields(JsonNode components, Map<String, Field> fields) {
        for (JsonNode component : components) {
            if (component.hasNonNull("key")) {
                String english = component.path("label").asText("");
                if (english.isBlank()) {
                    english = component.path("dateLabel").asText("");
                }
                fields.putIfAbsent(component.path("key").asText(), new Field(component.path("id").asText(),
                        english.isBlank() ? component.path("key").asText() : english));
            }
            if (component.has("components")) {
                collectFields(component.path("components"), fields);
            }
        }
    }

    private static Map<String, String> read(Resource resource) throws IOException {
        Properties properties = new Properties();
        try (Reader in = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
            properties.load(in);
        }
        Map<String, String> translation = new HashMap<>();
        properties.stringPropertyNames().forEach(key -> translation.put(key, properties.getProperty(key)));
        return Map.copyOf(translation);
    }
}
