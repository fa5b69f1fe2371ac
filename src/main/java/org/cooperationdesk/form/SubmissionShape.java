package org.cooperationdesk.form;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cooperationdesk.form.FormCatalog.FormInput;

/**
 * A submission is exactly its form: only the fields the form declares, each of its field's type, text within
 * its cap, read-only fields unchanged, a choice among the options offered. The one rule for every way in
 * (Tasklist, the engine's REST API, the office API); {@link FormSubmissionValidator} then checks the values.
 */
public final class SubmissionShape {

    /** Value types a form field can produce; Object, Bytes, File (and anything else) are never accepted. */
    private static final Set<String> NUMBER_TYPES = Set.of("Integer", "Long", "Double", "Short");
    private static final ObjectMapper JSON = new ObjectMapper();

    private SubmissionShape() {
    }

    /**
     * One variable as a client sent it: the engine REST API's {@code type} (null when untyped) and the value as
     * JSON (a typed Json variable's value is its JSON text).
     */
    public record Sent(String type, JsonNode value) {

        /** A value the office API received, already parsed from the request body. */
        public static Sent plain(Object value) {
            return new Sent(null, JSON.valueToTree(value));
        }
    }

    /**
     * @param current the variable's value now (what a read-only field shows and where {@code valuesKey} options
     *                come from); returns null when the submission starts a process
     * @return every field that breaks the shape, empty when the submission may go on
     */
    public static List<FieldError> check(Map<String, FormInput> inputs, Map<String, Sent> sent,
                                         Function<String, Object> current) {
        List<FieldError> errors = new ArrayList<>();
        sent.forEach((key, variable) -> {
            FormInput input = inputs.get(key);
            if (input == null) {
                errors.add(new FieldError(key, key, ValidationMessages.render("shape.notAField")));
                return;
            }
            String problem = problem(input, variable == null ? new Sent(null, null) : variable, current);
            if (problem != null) {
                errors.add(new FieldError(key, input.field().label(), problem));
            }
        });
        return errors;
    }

    private static String problem(FormInput input, Sent sent, Function<String, Object> current) {
        FormField field = input.field();
        String type = sent.type();
        if (type != null && !Set.of("String", "Integer", "Long", "Double", "Short", "Boolean", "Json", "Null")
                .contains(type)) {
            return ValidationMessages.render("shape.typeNotAccepted", type);
        }
        JsonNode value = "Null".equals(type) || sent.value() == null || sent.value().isNull() ? null : sent.value();
        if ("Json".equals(type) && value != null) {
            if (!value.isTextual()) {
                return ValidationMessages.render("shape.jsonText");
            }
            try {
                value = JSON.readTree(value.asText());
            } catch (JsonProcessingException e) {
                return ValidationMessages.render("shape.invalidJson");
            }
        }
        if (value != null) {
            String wrongType = wrongType(field, type, value);
            if (wrongType != null) {
                return wrongType;
            }
        }
        if (input.readOnly()) {
            return sameValue(current.apply(field.key()), value) ? null : ValidationMessages.render("shape.readOnly");
        }
        if (value == null) {
            return null;
        }
        if (value.isTextual() && field.maxLength() != null && value.asText().trim().length() > field.maxLength()) {
            return ValidationMessages.render("text.maxLength", field.maxLength());
        }
        if (input.valuesKey() != null) {
            List<String> offered = offered(current.apply(input.valuesKey()));
            List<String> chosen = value.isArray() ? texts(value) : List.of(value.asText());
            for (String choice : chosen) {
                if (!offered.contains(choice)) {
                    return ValidationMessages.render("shape.notOffered", abbreviated(choice));
                }
            }
        }
        return null;
    }

    private static String wrongType(FormField field, String type, JsonNode value) {
        String key = switch (field.type()) {
            case "textfield", "textarea", "select", "radio", "datetime" ->
                    value.isTextual() && (type == null || "String".equals(type)) ? null : "text";
            case "number" -> value.isNumber() && (type == null || NUMBER_TYPES.contains(type)) ? null : "number";
            case "checkbox" -> value.isBoolean() && (type == null || "Boolean".equals(type)) ? null : "boolean";
            case "checklist", "taglist" -> value.isArray() && (type == null || "Json".equals(type))
                    && allScalar(value) ? null : "list";
            default -> "shape.cannotSubmit";
        };
        return key == null ? null : ValidationMessages.render(key);
    }

    private static boolean allScalar(JsonNode array) {
        for (JsonNode item : array) {
            if (!item.isValueNode()) {
                return false;
            }
        }
        return true;
    }

    /** The options of a {@code valuesKey} variable: a JSON list of {label, value}. */
    static List<String> offered(Object options) {
        List<String> values = new ArrayList<>();
        JsonNode list = toJson(options);
        if (list != null && list.isArray()) {
            list.forEach(option -> values.add(option.isObject() ? option.path("value").asText() : option.asText()));
        }
        return values;
    }

    /** A read-only field sent back as shown (Tasklist does), or not at all; numbers, dates and lists compared by meaning. */
    static boolean sameValue(Object now, JsonNode sent) {
        JsonNode shown = toJson(now);
        boolean shownBlank = shown == null || shown.isNull() || shown.isTextual() && shown.asText().isEmpty();
        boolean sentBlank = sent == null || sent.isTextual() && sent.asText().isEmpty();
        if (shownBlank || sentBlank) {
            return shownBlank && sentBlank;
        }
        if (shown.isNumber() && sent.isNumber()) {
            return shown.decimalValue().compareTo(sent.decimalValue()) == 0;
        }
        if (shown.isArray() && sent.isArray()) {
            return texts(shown).equals(texts(sent));
        }
        if (now instanceof java.util.Date || now instanceof java.time.LocalDate) {
            return Objects.equals(FormValues.date(now), FormValues.date(sent.asText()));
        }
        if (shown.isTextual() && sent.isTextual() && FormValues.date(shown.asText()) != null) {
            return Objects.equals(FormValues.date(shown.asText()), FormValues.date(sent.asText()));
        }
        return shown.isValueNode() && sent.isValueNode() && shown.asText().equals(sent.asText());
    }

    private static JsonNode toJson(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof org.camunda.spin.json.SpinJsonNode spin) {
            return readOrText(spin.toString());
        }
        if (value instanceof String text && text.trim().startsWith("[")) {
            return readOrText(text);
        }
        if (value instanceof BigDecimal || value instanceof Number || value instanceof Boolean || value instanceof String
                || value instanceof Collection<?> || value instanceof Map<?, ?>) {
            return JSON.valueToTree(value);
        }
        return JSON.valueToTree(value.toString());
    }

    private static JsonNode readOrText(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return JSON.valueToTree(text);
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static String abbreviated(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
