package org.cooperationdesk.form;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.springframework.stereotype.Component;

/**
 * The options of every choice field whose form names a {@link FormOptionSource}: filled into a form as it is
 * served, and the one check of a submitted choice against them.
 */
@Component
public class FormOptions {

    /** The custom property of a form field that names its source. */
    public static final String PROPERTY = "options";

    private final Map<String, FormOptionSource> sources = new HashMap<>();

    public FormOptions(List<FormOptionSource> sources) {
        sources.forEach(source -> {
            if (this.sources.put(source.name(), source) != null) {
                throw new IllegalStateException("Two option sources are named " + source.name());
            }
        });
    }

    public boolean knows(String source) {
        return sources.containsKey(source);
    }

    public List<FormOptionSource.FormOption> options(String source) {
        return source(source).options();
    }

    /** Why the chosen values are not all among the source's options, or empty when they are. */
    public Optional<String> refusal(String source, List<String> chosen) {
        Set<String> known = options(source).stream().map(FormOptionSource.FormOption::value).collect(Collectors.toSet());
        return chosen.stream().filter(value -> !known.contains(value)).findFirst().map(source(source)::unknown);
    }

    /**
     * Fills the {@code values} of every field of a Camunda Form (as JSON) that names a source; each source is read
     * once per form. Returns whether anything was filled.
     */
    public boolean fill(JsonNode form) {
        return fill(form, null);
    }

    /** The same for a task's form: a source may offer fewer options in the task's process instance. */
    public boolean fill(JsonNode form, String processInstanceId) {
        return fill(form, processInstanceId, null);
    }

    /**
     * The same with the labels in the locale's language where the source has them ({@link FormOptionSource#labels});
     * English labels for English or a null locale.
     */
    public boolean fill(JsonNode form, String processInstanceId, Locale locale) {
        Map<String, List<FormOptionSource.FormOption>> read = new HashMap<>();
        return fill(form.path("components"), read, processInstanceId,
                locale == null || Locale.ENGLISH.getLanguage().equals(locale.getLanguage()) ? null : locale);
    }

    private boolean fill(JsonNode components, Map<String, List<FormOptionSource.FormOption>> read, String processInstanceId,
                         Locale locale) {
        boolean filled = false;
        for (JsonNode component : components) {
            if (component.has("components")) {
                filled |= fill(component.path("components"), read, processInstanceId, locale);
            }
            String source = component.path("properties").path(PROPERTY).asText("");
            if (source.isEmpty() || !(component instanceof ObjectNode field)) {
                continue;
            }
            ArrayNode values = field.putArray("values");
            read.computeIfAbsent(source, name -> localised(name, processInstanceId == null ? options(name)
                            : source(name).options(processInstanceId), locale))
                    .forEach(option -> values.addObject().put("label", option.label()).put("value", option.value()));
            filled = true;
        }
        return filled;
    }

    private List<FormOptionSource.FormOption> localised(String source, List<FormOptionSource.FormOption> options, Locale locale) {
        Map<String, String> labels = locale == null ? Map.of() : source(source).labels(locale);
        if (labels.isEmpty()) {
            return options;
        }
        return options.stream().map(option -> {
            String label = labels.get(option.value());
            return label == null || label.isBlank() ? option : new FormOptionSource.FormOption(option.value(), label);
        }).toList();
    }

    private FormOptionSource source(String name) {
        FormOptionSource source = sources.get(name);
        if (source == null) {
            throw new IllegalArgumentException("No option source named " + name);
        }
        return source;
    }
}
