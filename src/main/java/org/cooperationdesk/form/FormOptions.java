package org.cooperationdesk.form;

import java.util.HashMap;
import java.util.List;
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
        Map<String, List<FormOptionSource.FormOption>> read = new HashMap<>();
        return fill(form.path("components"), read, processInstanceId);
    }

    private boolean fill(JsonNode components, Map<String, List<FormOptionSource.FormOption>> read, String processInstanceId) {
        boolean filled = false;
        for (JsonNode component : components) {
            if (component.has("components")) {
                filled |= fill(component.path("components"), read, processInstanceId);
            }
            String source = component.path("properties").path(PROPERTY).asText("");
            if (source.isEmpty() || !(component instanceof ObjectNode field)) {
                continue;
            }
            ArrayNode values = field.putArray("values");
            read.computeIfAbsent(source, name -> processInstanceId == null ? options(name)
                            : source(name).options(processInstanceId))
                    .forEach(option -> values.addObject().put("label", option.label()).put("value", option.value()));
            filled = true;
        }
        return filled;
    }

    private FormOptionSource source(String name) {
        FormOptionSource source = sources.get(name);
        if (source == null) {
            throw new IllegalArgumentException("No option source named " + name);
        }
        return source;
    }
}
