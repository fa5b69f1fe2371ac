package org.cooperationdesk.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * The Camunda Forms the application ships (forms/*.form), read once, so that the server enforces the
 * very rules the browser enforces: the form file is the one place a field's validation is declared.
 */
@Component
public class FormCatalog {

    private static final Set<String> INPUT_TYPES = Set.of(
            "textfield", "textarea", "number", "datetime", "select", "radio", "checkbox", "checklist", "taglist");

    /**
     * The server's cap on a text field whose form declares no {@code maxLength}: a one-line answer and a free
     * text. The browser does not enforce these; the server refuses longer text on every path in.
     */
    public static final int TEXTFIELD_MAX_LENGTH = 500;
    public static final int TEXTAREA_MAX_LENGTH = 10_000;

    /** Every field a form declares with a key, editable or shown read-only, and where its options come from. */
    public record FormInput(FormField field, boolean readOnly, String valuesKey) {

        public String key() {
            return field.key();
        }
    }

    private final Map<String, Map<String, FormInput>> inputsByForm = new HashMap<>();
    /** The forms in other languages, for the labels a refusal names; none: every label is the form's own (English). */
    private final FormTranslations translations;

    /** The forms with their English labels only. */
    public FormCatalog() {
        this(new ObjectMapper(), "classpath*:forms/**/*.form", null);
    }

    /** The forms, their fields named in the request's language where the form is translated into it. */
    @Autowired
    public FormCatalog(FormTranslations translations) {
        this(new ObjectMapper(), "classpath*:forms/**/*.form", translations);
    }

    FormCatalog(ObjectMapper objectMapper, String pattern) {
        this(objectMapper, pattern, null);
    }

    private FormCatalog(ObjectMapper objectMapper, String pattern, FormTranslations translations) {
        this.translations = translations;
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                try (InputStream in = resource.getInputStream()) {
                    JsonNode form = objectMapper.readTree(in);
                    List<FormInput> inputs = new ArrayList<>();
                    collect(form.path("components"), inputs);
                    String id = form.path("id").asText();
                    Map<String, FormInput> byKey = new java.util.LinkedHashMap<>();
                    inputs.forEach(input -> byKey.put(input.key(), input));
                    if (inputsByForm.put(id, java.util.Collections.unmodifiableMap(byKey)) != null) {
                        throw new IllegalStateException("Two forms share the id " + id);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the forms", e);
        }
    }

    public boolean contains(String formId) {
        return inputsByForm.containsKey(formId);
    }

    /** The fields a user edits on the form (display-only fields excluded). */
    public List<FormField> editableFields(String formId) {
        return inputs(formId).values().stream().filter(input -> !input.readOnly()).map(FormInput::field).toList();
    }

    /**
     * A field's label as the form shows it to the user of this request: in the request's language
     * ({@link LocaleContextHolder}, decided by the language filter) where the form has a translation, else the form's
     * own; its key when the form has no such field. A refusal names the field with it ("開始日：過去の日付は入力できません").
     */
    public String label(String formId, String key) {
        FormInput input = inputs(formId).get(key);
        if (input == null) {
            return key;
        }
        if (translations == null || LocaleContextHolder.getLocaleContext() == null
                || "en".equals(LocaleContextHolder.getLocale().getLanguage())) {
            return input.field().label();
        }
        return translations.label(formId, key, LocaleContextHolder.getLocale());
    }

    /** Every field the form declares, by key, read-only ones included. */
    public Map<String, FormInput> inputs(String formId) {
        Map<String, FormInput> inputs = inputsByForm.get(formId);
        if (inputs == null) {
            throw new IllegalArgumentException("No form with id " + formId);
        }
        return inputs;
    }

    /**
     * The values a client sent to the office API for a start form: exactly the form's editable fields, each of
     * its field's type ({@link SubmissionShape}); anything else is refused, nothing is dropped silently.
     *
     * @throws InvalidSubmissionException naming every field that is not on the form or not of its type
     */
    public Map<String, Object> submittedValues(String formId, Map<String, Object> body) {
        Map<String, SubmissionShape.Sent> sent = new java.util.LinkedHashMap<>();
        body.forEach((key, value) -> sent.put(key, SubmissionShape.Sent.plain(value)));
        List<FieldError> errors = SubmissionShape.check(inputs(formId), sent, key -> null, key -> label(formId, key));
        if (!errors.isEmpty()) {
            throw new InvalidSubmissionException(errors);
        }
        return new HashMap<>(body);
    }

    private static void collect(JsonNode components, List<FormInput> fields) {
        for (JsonNode component : components) {
            if (component.has("components")) {
                collect(component.path("components"), fields);
            }
            String type = component.path("type").asText();
            if (!INPUT_TYPES.contains(type) || !component.hasNonNull("key")) {
                continue;
            }
            boolean readOnly = component.path("disabled").asBoolean(false) || component.path("readonly").asBoolean(false);
            JsonNode validate = component.path("validate");
            Set<String> options = new LinkedHashSet<>();
            component.path("values").forEach(option -> options.add(option.path("value").asText()));
            String label = firstText(component, "label", "dateLabel", "key");
            Integer maxLength = validate.hasNonNull("maxLength") ? Integer.valueOf(validate.path("maxLength").asInt())
                    : "textfield".equals(type) ? Integer.valueOf(TEXTFIELD_MAX_LENGTH)
                    : "textarea".equals(type) ? Integer.valueOf(TEXTAREA_MAX_LENGTH) : null;
            fields.add(new FormInput(new FormField(
                    component.path("key").asText(),
                    label,
                    type,
                    validate.path("required").asBoolean(false),
                    validate.hasNonNull("min") ? validate.path("min").asDouble() : null,
                    validate.hasNonNull("max") ? validate.path("max").asDouble() : null,
                    validate.hasNonNull("minLength") ? validate.path("minLength").asInt() : null,
                    maxLength,
                    validate.hasNonNull("pattern") ? validate.path("pattern").asText() : null,
                    "email".equals(validate.path("validationType").asText()),
                    "datetime".equals(type) && !"time".equals(component.path("subtype").asText("date")),
                    List.copyOf(options),
                    "true".equals(component.path("properties").path("keepPreviousValue").asText()),
                    component.path("properties").hasNonNull(FormOptions.PROPERTY)
                            ? component.path("properties").path(FormOptions.PROPERTY).asText() : null),
                    readOnly, component.hasNonNull("valuesKey") ? component.path("valuesKey").asText() : null));
        }
    }

    private static String firstText(JsonNode node, String... names) {
        for (String name : names) {
            if (node.hasNonNull(name) && !node.path(name).asText().isBlank()) {
                return node.path(name).asText();
            }
        }
        return "";
    }
}
