package org.cooperationdesk.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.cooperationdesk.form.ChoiceTakenException;
import org.cooperationdesk.form.ValidationMessages;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Two people completing the same task at once (in Tasklist or through the REST API): the engine lets one win and fails the
 * other with an optimistic-locking conflict or "task not found", which the REST API reports as a 500 with the
 * engine's internals (or a 404 when the winner had already committed). When a completion fails and the task has
 * meanwhile been completed, the loser gets 409 Conflict with a
 * message saying what happened instead; nothing they submitted was stored (the engine rolled their transaction
 * back). Other errors pass through unchanged.
 */
@Configuration
class TaskCompletionConflictFilter {

    static final String TYPE = "TaskAlreadyCompleted";
    static final String NOT_FOUND = "TaskNotFound";
    static final String CHOICE_TAKEN = ChoiceTakenException.class.getSimpleName();

    /** The REST API's completion and Tasklist's own (the webapp calls the engine under /camunda/api/engine). */
    private static final Pattern COMPLETION = Pattern.compile(
            "^(?:/engine-rest|/camunda/api/engine/engine/[^/]+)/task/([^/]+)/(complete|submit-form)$");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> taskCompletionConflict(TaskService taskService,
                                                                       HistoryService historyService) {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                Matcher completion = COMPLETION.matcher(request.getRequestURI().substring(request.getContextPath().length()));
                if (!"POST".equals(request.getMethod()) || !completion.matches()) {
                    chain.doFilter(request, response);
                    return;
                }
                ContentCachingResponseWrapper buffered = new ContentCachingResponseWrapper(response);
                ChoiceTakenException.takeThrownOnThisThread();
                chain.doFilter(request, buffered);
                var choiceTaken = ChoiceTakenException.takeThrownOnThisThread();
                String taskId = completion.group(1);
                int status = buffered.getStatus();
                if (status >= 500 && choiceTaken.isPresent()) {
                    buffered.resetBuffer();
                    response.reset();
                    writeConflict(response, CHOICE_TAKEN, choiceTaken.get().getMessage());
                    return;
                }
                // 403: the task's candidate authorizations went with it; 404 or 500: not found or a locking conflict.
                if ((status == 403 || status == 404 || status >= 500)
                        && taskService.createTaskQuery().taskId(taskId).count() == 0
                        && historyService.createHistoricTaskInstanceQuery().taskId(taskId).finished().count() > 0) {
                    buffered.resetBuffer();
                    response.reset();
                    writeConflict(response, TYPE, ValidationMessages.render("task.completedByOther"));
                    return;
                }
                // The engine answers submit-form on a task that never existed with a 500 ("task is null").
                if ((status == 404 || status >= 500) && taskService.createTaskQuery().taskId(taskId).count() == 0
                        && historyService.createHistoricTaskInstanceQuery().taskId(taskId).count() == 0) {
                    buffered.resetBuffer();
                    response.reset();
                    response.setStatus(HttpStatus.NOT_FOUND.value());
                    response.setContentType(MediaType.APPLICATION_JSON_VALUE);
                    response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                    JSON.writeValue(response.getOutputStream(), java.util.Map.of("type", NOT_FOUND,
                            "message", ValidationMessages.render("task.notFound", taskId)));
                    return;
                }
                buffered.copyBodyToResponse();
            }
        });
        registration.setName("cooperation-desk-task-completion-conflict");
        registration.addUrlPatterns("/engine-rest/task/*", "/camunda/api/engine/*");
        registration.setOrder(5); // outside the engine authentication filter (10): checks the task as the system, after the user's request
        return registration;
    }

    private static void writeConflict(HttpServletResponse response, String type, String message) throws IOException {
        response.setStatus(HttpStatus.CONFLICT.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        JSON.writeValue(response.getOutputStream(), java.util.Map.of("type", type, "message", message));
    }
}
