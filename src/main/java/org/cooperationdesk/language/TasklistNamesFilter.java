package org.cooperationdesk.language;

import java.io.IOException;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cooperationdesk.web.ReplayedRequest;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Tasks and processes in the reader's language in Tasklist, without changing Tasklist: the engine's REST answers
 * that list or show tasks and process definitions ({@code filter/{id}/list}, Tasklist's lists; {@code task},
 * {@code task/{id}}, {@code process-definition}, {@code process-definition/{id}}) get each task's and process's name from {@link ProcessNames} when the request's
 * language is not English; the shared filters ({@code filter}, {@code filter/{id}}) their names, descriptions and
 * card labels from {@code i18n/tasklist}. The engine answers first (its authorizations, its filters and its sorting, by the model's
 * names); an English request passes through untouched, with nothing buffered.
 */
@Configuration(proxyBeanMethods = false)
class TasklistNamesFilter {

    private static final Pattern NAMED = Pattern.compile("^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)"
            + "/(?:task(?:/[^/]+)?|filter(?:/[^/]+|/[^/]+/(?:list|singleResult))?|process-definition(?:/key/[^/]+|/[^/]+)?)$");
    private static final Pattern SAVED_FILTER = Pattern.compile("^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)"
            + "/filter/[^/]+$");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> tasklistNames(ProcessNames names) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !Set.of("GET", "POST", "PUT").contains(request.getMethod())
                        || !names.has(Language.of(LocaleContextHolder.getLocale()))
                        || !NAMED.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Language language = Language.of(LocaleContextHolder.getLocale());
                if (SAVED_FILTER.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches()
                        && !"GET".equals(request.getMethod())) {
                    chain.doFilter(inEnglish(request, language), response);
                    return;
                }
                ContentCachingResponseWrapper served = new ContentCachingResponseWrapper(response);
                chain.doFilter(request, served);
                JsonNode body = served.getStatus() == HttpServletResponse.SC_OK ? parse(served.getContentAsByteArray()) : null;
                if (body == null || !(rename(body, names, language) | renameFilters(body, language))) {
                    served.copyBodyToResponse();
                    return;
                }
                served.resetBuffer();
                served.getOutputStream().write(JSON.writeValueAsBytes(body));
                served.copyBodyToResponse();
            }
        });
        registration.setName("cooperation-desk-tasklist-names");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(13);
        return registration;
    }

    /** Renames every task and process definition in the answer (lists, single ones, HAL's embedded ones). */
    static boolean rename(JsonNode node, ProcessNames names, Language language) {
        boolean renamed = false;
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            String processKey = processKeyOf(object);
            if (processKey != null) {
                var name = object.hasNonNull("taskDefinitionKey")
                        ? names.task(processKey, object.path("taskDefinitionKey").asText(), language)
                        : names.process(processKey, language);
                if (name.isPresent() && object.has("name")) {
                    object.put("name", name.get());
                    renamed = true;
                }
            }
            for (JsonNode child : object) {
                renamed |= rename(child, names, language);
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                renamed |= rename(child, names, language);
            }
        }
        return renamed;
    }

    /**
     * A filter saved from a Japanese Tasklist (Edit filter, Create filter) keeps the names it had: what the reader saw
     * in their language goes back to the stored English, so the office's shared filters stay found by their names.
     */
    private static HttpServletRequest inEnglish(HttpServletRequest request, Language language) throws IOException {
        byte[] sent = request.getInputStream().readAllBytes();
        JsonNode filter = parse(sent);
        byte[] saved = sent;
        if (filter != null && filter.isObject() && TasklistTexts.storedAs(filter, language)) {
            saved = JSON.writeValueAsBytes(filter);
        }
        return new ReplayedRequest(request, saved);
    }

    /** Renames Tasklist's shared filters, their descriptions and the labels of their cards' variables. */
    static boolean renameFilters(JsonNode node, Language language) {
        boolean renamed = false;
        for (JsonNode filter : node.isArray() ? node : java.util.List.of(node)) {
            if (!filter.isObject() || !"Task".equals(filter.path("resourceType").asText()) || !filter.hasNonNull("name")) {
                continue;
            }
            String name = filter.path("name").asText();
            renamed |= replace((ObjectNode) filter, "name", "filter." + name, language);
            if (filter.path("properties").isObject()) {
                renamed |= replace((ObjectNode) filter.path("properties"), "description",
                        "filter." + name + ".description", language);
                for (JsonNode variable : filter.path("properties").path("variables")) {
                    if (variable.isObject() && variable.hasNonNull("name")) {
                        renamed |= replace((ObjectNode) variable, "label",
                                "variable." + variable.path("name").asText(), language);
                    }
                }
            }
        }
        return renamed;
    }

    private static boolean replace(ObjectNode object, String field, String key, Language language) {
        String text = object.hasNonNull(field) ? TasklistTexts.shown(key, language) : null;
        if (text == null) {
            return false;
        }
        object.put(field, text);
        return true;
    }

    /**
     * The process key of a task (from its process definition id, {@code key:version:id}) or of a process definition
     * (its key and version); null for anything else.
     */
    private static String processKeyOf(ObjectNode object) {
        if (object.hasNonNull("taskDefinitionKey") && object.hasNonNull("processDefinitionId")) {
            String definition = object.path("processDefinitionId").asText();
            int colon = definition.indexOf(':');
            return colon > 0 ? definition.substring(0, colon) : null;
        }
        if (object.hasNonNull("key") && object.has("version") && object.hasNonNull("id")
                && object.path("id").asText().startsWith(object.path("key").asText() + ":")) {
            return object.path("key").asText();
        }
        return null;
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && (node.isObject() || node.isArray()) ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
