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

    private final Map<String, List<FormField>> fieldsByForm = new HashMap<>();

    public FormCatalog() {
        this(new ObjectMapper(), "classpath*:forms/**/*.form");
    }

    FormCatalog(ObjectMapper objectMapper, String pattern) {
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
                try (InputStream in = resource.getInputStream()) {
                    JsonNode form = objectMapper.readTree(in);
                    List<FormField> fields = new ArrayList<>();
                    collect(form.path("components"), fields);
                    String id = form.path("id").asText();
                    if (fieldsByForm.put(id, List.copyOf(fields)) != null) {
                        throw new IllegalStateException("Two forms share the id " + id);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the forms", e);
        }
    }

    public boolean contains(String formId) {
        return fieldsByForm.containsKey(formId);
    }

    /** The fields a user edits on the form (display-only fields excluded). */
    public List<FormField> editableFields(String formId) {
        List<FormField> fields = fieldsByForm.get(formId);
        if (fields == null) {
            throw new IllegalArgumentException("No form with id " + formId);
        }
        return fields;
    }

    /** A field's label as the form shows it (its key when the form has no such field). */
    public String label(String formId, String key) {
        return editableFields(formId).stream().filter(field -> field.key().equals(key)).findFirst()
                .map(FormField::label).orElse(key);
    }

    /**
     * The values a client sent for the form's editable fields, nothing else: an API body cannot slip in
     * variables the form does not have.
     */
    public Map<String, Object> submittedValues(String formId, Map<String, Object> body) {
        Map<String, Object> values = new HashMap<>();
        for (FormField field : editableFields(formId)) {
            if (body.containsKey(field.key())) {
                values.put(field.key(), body.get(field.key()));
            }
        }
        return values;
    }

    private static void collect(JsonNode components, List<FormField> fields) {
        for (JsonNode component : components) {
            if (component.has("components")) {
                collect(component.path("components"), fields);
            }
            String type = component.path("type").asText();
            if (!INPUT_TYPES.contains(type) || !component.hasNonNull("key")
                    || component.path("disabled").asBoolean(false) || component.path("readonly").asBoolean(false)) {
                continue;
            }
            JsonNode validate = component.path("validate");
            Set<String> options = new LinkedHashSet<>();
            component.path("values").forEach(option -> options.add(option.path("value").asText()));
            String label = firstText(component, "label", "dateLabel", "key");
            fields.add(new FormField(
                    component.path("key").asText(),
                    label,
                    type,
                    validate.path("required").asBoolean(false),
                    validate.hasNonNull("min") ? validate.path("min").asDouble() : null,
                    validate.hasNonNull("max") ? validate.path("max").asDouble() : null,
                    validate.hasNonNull("minLength") ? validate.path("minLength").asInt() : null,
                    validate.hasNonNull("maxLength") ? validate.path("maxLength").asInt() : null,
                    validate.hasNonNull("pattern") ? validate.path("pattern").asText() : null,
                    "email".equals(validate.path("validationType").asText()),
                    "datetime".equals(type) && !"time".equals(component.path("subtype").asText("date")),
                    List.copyOf(options),
                    "true".equals(component.path("properties").path("keepPreviousValue").asText())));
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
