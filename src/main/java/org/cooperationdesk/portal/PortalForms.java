package org.cooperationdesk.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.cooperationdesk.form.FormCatalog;
import org.cooperationdesk.form.FormOptions;
import org.cooperationdesk.form.FormTranslations;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A Camunda Form as a partner's page shows it: the same .form file Tasklist renders for a coordinator, its fields in
 * the page's language (FormTranslations) with their record-backed options (FormOptions), and the page's answer read
 * back as Tasklist would submit it, so that the server's rules see the same values from either.
 */
@Component
class PortalForms {

    private static final Set<String> INPUTS = Set.of("textfield", "textarea", "number", "datetime", "select", "radio",
            "checkbox", "checklist", "taglist");

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, JsonNode> forms = new ConcurrentHashMap<>();
    private final FormCatalog catalog;
    private final FormTranslations translations;
    private final FormOptions options;

    PortalForms(FormCatalog catalog, FormTranslations translations, FormOptions options) {
        this.catalog = catalog;
        this.translations = translations;
        this.options = options;
    }

    /** The fields the page shows: those it names, else every field the partner can edit, in the form's order. */
    List<PortalField> fields(PortalPage page, Locale locale) {
        JsonNode form = forms.computeIfAbsent(page.formId(), this::read).deepCopy();
        options.fill(form, null, locale);
        JsonNode translated = translations.translate(form, locale);
        List<PortalField> fields = new ArrayList<>();
        collect(translated.path("components"), shown(page), fields);
        return fields;
    }

    /** The keys of the fields a page shows. */
    Set<String> shown(PortalPage page) {
        Set<String> editable = new java.util.LinkedHashSet<>();
        catalog.editableFields(page.formId()).forEach(field -> editable.add(field.key()));
        if (page.fields().isEmpty()) {
            page.fixed().keySet().forEach(editable::remove);
            return editable;
        }
        Set<String> named = new java.util.LinkedHashSet<>(page.fields());
        named.retainAll(editable);
        return named;
    }

    /**
     * The form's fields the page leaves to the office: neither shown to the partner nor set for them (a debrief's notes,
     * written by the coordinator on the waiting task). The partner cannot answer for them, so the rules' refusals of
     * them are not the partner's to correct; the office's own form checks them when the coordinator completes it.
     */
    Set<String> officeFields(PortalPage page) {
        Set<String> office = new java.util.LinkedHashSet<>();
        catalog.editableFields(page.formId()).forEach(field -> office.add(field.key()));
        office.removeAll(shown(page));
        office.removeAll(page.fixed().keySet());
        return office;
    }

    /**
     * The page's answer, typed as Tasklist types a form's values: text and choices as strings (blank: absent), numbers
     * as Long or Double (what does not parse stays text, for the rules to refuse), a checkbox as Boolean, a checklist as
     * a list. Only the fields the page shows are read: anything else in the request is ignored.
     */
    Map<String, Object> answer(List<PortalField> fields, Map<String, String[]> parameters) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (PortalField field : fields) {
            String[] sent = parameters.get(field.key());
            switch (field.type()) {
                case "checkbox" -> values.put(field.key(), sent != null && sent.length > 0 && "true".equals(sent[0]));
                case "checklist", "taglist" -> values.put(field.key(), sent == null ? List.of()
                        : java.util.Arrays.stream(sent).filter(value -> !value.isBlank()).toList());
                default -> {
                    String text = sent == null || sent.length == 0 ? null : sent[0];
                    if (text != null && !text.isBlank()) {
                        values.put(field.key(), "number".equals(field.type()) ? number(text.trim()) : text);
                    }
                }
            }
        }
        return values;
    }

    private static Object number(String text) {
        try {
            BigDecimal number = new BigDecimal(text);
            return number.stripTrailingZeros().scale() <= 0 ? (Object) number.longValueExact() : (Object) number.doubleValue();
        } catch (NumberFormatException | ArithmeticException e) {
            return text;
        }
    }

    private static void collect(JsonNode components, Set<String> shown, List<PortalField> fields) {
        for (JsonNode component : components) {
            if (component.has("components")) {
                collect(component.path("components"), shown, fields);
                continue;
            }
            String key = component.path("key").asText(null);
            String type = component.path("type").asText();
            if (key == null || !INPUTS.contains(type) || !shown.contains(key)) {
                continue;
            }
            List<PortalField.Option> choices = new ArrayList<>();
            for (JsonNode value : component.path("values")) {
                choices.add(new PortalField.Option(value.path("value").asText(), value.path("label").asText()));
            }
            String label = component.hasNonNull("label") ? component.path("label").asText()
                    : component.path("dateLabel").asText(key);
            String fieldType = "datetime".equals(type) ? "date" : type;
            JsonNode validate = component.path("validate");
            fields.add(new PortalField(key, fieldType, label, component.path("description").asText(null),
                    validate.path("required").asBoolean(false),
                    validate.has("maxLength") ? validate.path("maxLength").asInt() : null,
                    component.has("decimalDigits") ? component.path("decimalDigits").asInt() : null,
                    List.copyOf(choices), null, null));
        }
    }

    private JsonNode read(String formId) {
        try (InputStream in = new ClassPathResource("forms/" + formId + ".form").getInputStream()) {
            return json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("No form file forms/" + formId + ".form", e);
        }
    }

    static boolean isList(Object value) {
        return value instanceof Collection<?>;
    }
}
