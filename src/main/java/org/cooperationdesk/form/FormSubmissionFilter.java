package org.cooperationdesk.form;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.cooperationdesk.web.ReplayedRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Applies {@link SubmissionShape} to every way a form is submitted over HTTP before the engine sees it: the engine's
 * REST API and Tasklist's own calls ({@code /camunda/api/engine/engine/default/...}) to {@code task/{id}/submit-form},
 * {@code complete} and {@code resolve}, and {@code process-definition/{id or key/...}/start} and {@code submit-form}.
 * A refusal is a 400 naming each field ({@code errors}), and nothing reaches the engine. Options that only an
 * administrator's tools need (start instructions, skipping listeners) are refused on starts as well.
 */
@Configuration(proxyBeanMethods = false)
class FormSubmissionFilter {

    static final String TYPE = "InvalidSubmissionException";
    private static final Logger LOG = LoggerFactory.getLogger(InvalidSubmissionException.REFUSALS_LOG);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ENGINE_API = "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)";
    private static final Pattern TASK = Pattern.compile(ENGINE_API + "/task/([^/]+)/(submit-form|complete|resolve)$");
    private static final Pattern START = Pattern.compile(
            ENGINE_API + "/process-definition/(key/([^/]+)(?:/tenant-id/([^/]+))?|[^/]+)/(start|submit-form)$");
    /** What a start body may hold besides variables; the rest (instructions, skipped listeners) is for admins' tools. */
    private static final List<String> START_OPTIONS = List.of("variables", "businessKey", "withVariablesInReturn");

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> formSubmissionShape(FormCatalog catalog, TaskService taskService,
                                                                     RepositoryService repositoryService,
                                                                     IdentityService identityService) {
        Map<String, String> startFormByDefinition = new ConcurrentHashMap<>();
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                String path = request.getRequestURI().substring(request.getContextPath().length());
                Matcher task = TASK.matcher(path);
                Matcher start = START.matcher(path);
                if (!"POST".equals(request.getMethod()) || !task.matches() && !start.matches()) {
                    chain.doFilter(request, response);
                    return;
                }
                byte[] body = request.getInputStream().readAllBytes();
                HttpServletRequest replay = new ReplayedRequest(request, body);
                JsonNode json;
                try {
                    json = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body);
                } catch (IOException e) {
                    chain.doFilter(replay, response); // the engine answers malformed JSON itself
                    return;
                }
                Authentication user = identityService.getCurrentAuthentication();
                List<FieldError> errors;
                try {
                    identityService.clearAuthentication(); // read the form and the values shown as the system
                    errors = task.matches()
                            ? checkTask(task.group(1), json, user)
                            : checkStart(start, json);
                } finally {
                    identityService.setAuthentication(user);
                }
                if (errors == null || errors.isEmpty()) {
                    ContentCachingResponseWrapper answered = new ContentCachingResponseWrapper(response);
                    chain.doFilter(replay, answered);
                    withoutEnginesPrefix(answered);
                    answered.copyBodyToResponse();
                    return;
                }
                String message = new InvalidSubmissionException(errors).getMessage();
                LOG.info("Refused {} {} by {}: {}", request.getMethod(), path, user == null ? "?" : user.getUserId(), message);
                response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
                response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Map<String, Object> answer = new LinkedHashMap<>();
                answer.put("type", TYPE);
                answer.put("message", message);
                answer.put("errors", errors);
                JSON.writeValue(response.getOutputStream(), answer);
            }

            /** Null when this is not a form's task the user can see: the engine then answers (404, 403) itself. */
            private List<FieldError> checkTask(String taskId, JsonNode body, Authentication user) {
                Task task = taskService.createTaskQuery().taskId(taskId).initializeFormKeys().singleResult();
                if (task == null || task.getCamundaFormRef() == null || !catalog.contains(task.getCamundaFormRef().getKey())
                        || !visibleTo(taskId, user)) {
                    return null;
                }
                Function<String, Object> shown = name -> taskService.getVariable(taskId, name);
                String formId = task.getCamundaFormRef().getKey();
                return SubmissionShape.check(catalog.inputs(formId), sent(body), shown, key -> catalog.label(formId, key));
            }

            private boolean visibleTo(String taskId, Authentication user) {
                if (user == null) {
                    return true;
                }
                try {
                    identityService.setAuthentication(user);
                    return taskService.createTaskQuery().taskId(taskId).count() == 1;
                } finally {
                    identityService.clearAuthentication();
                }
            }

            private List<FieldError> checkStart(Matcher start, JsonNode body) {
                ProcessDefinition definition = start.group(2) == null
                        ? repositoryService.createProcessDefinitionQuery().processDefinitionId(start.group(1)).singleResult()
                        : latest(start.group(2), start.group(3));
                if (definition == null) {
                    return null;
                }
                String formId = startFormByDefinition.computeIfAbsent(definition.getId(), id ->
                        repositoryService.getBpmnModelInstance(id).getModelElementsByType(StartEvent.class).stream()
                                .filter(event -> event.getParentElement() instanceof org.camunda.bpm.model.bpmn.instance.Process)
                                .map(StartEvent::getCamundaFormRef).filter(java.util.Objects::nonNull)
                                .findFirst().orElse(""));
                if (!catalog.contains(formId)) {
                    return null;
                }
                List<FieldError> errors = new java.util.ArrayList<>();
                body.fieldNames().forEachRemaining(option -> {
                    if (!START_OPTIONS.contains(option)) {
                        errors.add(new FieldError(option, option, ValidationMessages.render("shape.startOption")));
                    }
                });
                errors.addAll(SubmissionShape.check(catalog.inputs(formId), sent(body), name -> null,
                        key -> catalog.label(formId, key)));
                return errors;
            }

            private ProcessDefinition latest(String key, String tenant) {
                var query = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion();
                return (tenant == null ? query.withoutTenantId() : query.tenantIdIn(tenant)).singleResult();
            }
        });
        registration.setName("cooperation-desk-form-submission-shape");
        registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
        registration.setOrder(11); // inside the engine authentication filter (order 10): the user is known
        return registration;
    }

    private static Map<String, SubmissionShape.Sent> sent(JsonNode body) {
        Map<String, SubmissionShape.Sent> sent = new LinkedHashMap<>();
        JsonNode variables = body.path("variables");
        if (variables.isObject()) {
            variables.fields().forEachRemaining(entry -> {
                JsonNode variable = entry.getValue();
                JsonNode valueInfo = variable.path("valueInfo");
                String type = variable.hasNonNull("type") ? variable.path("type").asText() : null;
                if (type != null && !type.isEmpty()) {
                    type = Character.toUpperCase(type.charAt(0)) + type.substring(1);
                }
                if (valueInfo.hasNonNull("serializationDataFormat") || valueInfo.hasNonNull("objectTypeName")) {
                    type = "Object";
                }
                sent.put(entry.getKey(), new SubmissionShape.Sent(type, variable.isObject() ? variable.get("value") : variable));
            });
        }
        return sent;
    }

    /**
     * The engine puts its own English words before a refusal from inside it ("Cannot instantiate process definition
     * …: ", "Cannot submit task form …: ") and, on Tasklist's path, answers a refused start with 500. The user reads
     * the refusal as the server wrote it, in their language, with a 400: the client's mistake.
     */
    static void withoutEnginesPrefix(ContentCachingResponseWrapper answered) throws IOException {
        if (answered.getStatus() < HttpServletResponse.SC_BAD_REQUEST) {
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(answered.getContentAsByteArray());
        } catch (IOException notJson) {
            return;
        }
        if (body == null || !body.isObject() || !body.path("message").isTextual()) {
            return;
        }
        String marker = "\u0000";
        String frame = ValidationMessages.render("submission.invalid", marker);
        String lead = frame.substring(0, frame.indexOf(marker));
        String message = body.path("message").asText();
        int refusal = lead.isBlank() ? -1 : message.indexOf(lead);
        if (refusal <= 0) {
            return;
        }
        ((com.fasterxml.jackson.databind.node.ObjectNode) body).put("message", message.substring(refusal));
        answered.resetBuffer();
        answered.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        answered.getOutputStream().write(JSON.writeValueAsBytes(body));
    }
}
