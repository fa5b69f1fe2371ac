package org.cooperationdesk.form;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Serves every deployed Camunda Form with its record-backed options filled in ({@link FormOptions}). Tasklist
 * fetches a form through the engine's REST API, {@code GET task/{id}/deployed-form} for a task and
 * {@code GET process-definition/{id or key/...}/deployed-start-form} for a start form, both on
 * {@code /engine-rest} and on Tasklist's own {@code /camunda/api/engine/engine/default}. The engine answers first
 * (so its authorizations apply and a refusal passes through untouched); a form it serves gets the countries,
 * organisations and currencies as they are in the records at that moment, where the form file names a source.
 * This works for start forms, where no process variable exists yet to hold options. The form is then served in the
 * request's language ({@link LocaleContextHolder}, set before this filter from the user's choice or Accept-Language):
 * its strings from {@link FormTranslations}, the records' options with their names in that language where the records
 * hold them. Whenever the body changes it is written anew as UTF-8 JSON.
 */
@Configuration(proxyBeanMethods = false)
class DeployedFormOptionsFilter {

    private static final String ENGINE_API = "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)";
    private static final Pattern DEPLOYED_FORM = Pattern.compile(ENGINE_API
            + "/(?:task/([^/]+)/deployed-form|process-definition/(?:key/[^/]+(?:/tenant-id/[^/]+)?|[^/]+)/deployed-start-form)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> deployedFormOptions(FormOptions options, FormTranslations translations,
                                                                   TaskService taskService) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected boolean shouldNotFilter(HttpServletRequest request) {
                return !"GET".equals(request.getMethod())
                        || !DEPLOYED_FORM.matcher(request.getRequestURI().substring(request.getContextPath().length())).matches();
            }

            /** The process instance of the task whose form is served (null for a start form). */
            private String processInstanceOf(HttpServletRequest request) {
                Matcher matcher = DEPLOYED_FORM.matcher(request.getRequestURI().substring(request.getContextPath().length()));
                if (!matcher.matches() || matcher.group(1) == null) {
                    return null;
                }
                Task task = taskService.createTaskQuery().taskId(matcher.group(1)).singleResult();
                return task == null ? null : task.getProcessInstanceId();
            }

            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                ContentCachingResponseWrapper served = new ContentCachingResponseWrapper(response);
                chain.doFilter(request, served);
                byte[] body = served.getContentAsByteArray();
                JsonNode form = served.getStatus() == HttpServletResponse.SC_OK ? parse(body) : null;
                if (form == null) {
                    served.copyBodyToResponse();
                    return;
                }
                Locale locale = LocaleContextHolder.getLocale();
                boolean filled = options.fill(form, processInstanceOf(request), locale);
                JsonNode translated = translations.translate(form, locale);
                if (!filled && translated == form) {
                    served.copyBodyToResponse();
                    return;
                }
                byte[] rewritten = JSON.writeValueAsBytes(translated); // Jackson writes UTF-8
                served.resetBuffer();
                served.setContentType(MediaType.APPLICATION_JSON_VALUE);
                served.setCharacterEncoding(StandardCharsets.UTF_8.name());
                served.getOutputStream().write(rewritten);
                served.copyBodyToResponse(); // Content-Length: the rewritten body's bytes
            }
        });
        registration.setName("cooperation-desk-deployed-form-options");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(12);
        return registration;
    }

    /** The form as JSON, or null when the body is not a Camunda Form (an HTML form, an error). */
    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = JSON.readTree(body);
            return node != null && node.isObject() && node.has("components") ? node : null;
        } catch (IOException e) {
            return null;
        }
    }
}
