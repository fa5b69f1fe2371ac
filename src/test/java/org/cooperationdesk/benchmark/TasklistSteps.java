package org.cooperationdesk.benchmark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a Tasklist user does over the REST API, shared by the lifecycles: wait for the next task of an
 * instance, read a variable the form shows, submit the form, wait for the instance's end.
 */
final class TasklistSteps {

    static final long POLL_MILLIS = 5;
    static final long TIMEOUT_MILLIS = 120_000;

    private TasklistSteps() {
    }

    /** Where a lifecycle starts on ours (its office API and its record's page) and on a bare Camunda REST server. */
    record Start(String processKey, String apiPath, String recordPage, Map<String, Object> body,
                 Supplier<Map<String, Object>> bareVariables) {
    }

    /**
     * Starts the lifecycle as the coordinator and opens what the coordinator looks at next; returns the instance id.
     * Ours: {@code POST} the office API, then the record's {@code /desk} page. The bare REST server: the start form
     * submitted with the variables our delegates would have computed ({@code submit-form}), then the instance's
     * variables in the history, what a Camunda-only office's coordinator can open instead of a record page (it has none).
     */
    static String start(RestClient api, Start start) throws Exception {
        if (api.bare()) {
            RestClient.Response started = api.post("start: POST process-definition/key/" + start.processKey() + "/submit-form",
                    "/engine-rest/process-definition/key/" + start.processKey() + "/submit-form", "coordinator",
                    Map.of("variables", typed(start.bareVariables().get())));
            expect(started, 200);
            String instance = started.json().path("id").asText();
            // Not GET process-instance/{id}/variables: with our grants (READ_HISTORY, no READ on instances) a
            // coordinator may not; the instance's history is what the same coordinator can open.
            expect(api.get("open record: GET history/variable-instance?processInstanceId (bare REST has no record page)",
                    "/engine-rest/history/variable-instance?processInstanceId=" + instance, "coordinator"), 200);
            return instance;
        }
        RestClient.Response created = api.post("POST " + start.apiPath(), start.apiPath(), "coordinator", start.body());
        expect(created, 201);
        expect(api.page("open record: GET " + start.recordPage() + "{reference}",
                start.recordPage() + created.json().path("reference").asText(), "coordinator"), 200);
        return created.json().path("processInstanceId").asText();
    }

    /**
     * Variables as the REST API takes them, stored as the Java API stores the same values: a list as a serialised
     * Java object in JSON (a multi-instance collection must be a collection), a {@link JsonList} as a Json variable.
     */
    static Map<String, Object> typed(Map<String, Object> values) throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            Object value = entry.getValue();
            Map<String, Object> variable = new LinkedHashMap<>();
            if (value instanceof JsonList json) {
                variable.put("value", RestClient.JSON.writeValueAsString(json.values()));
                variable.put("type", "Json");
            } else if (value instanceof List<?> list) {
                String element = list.isEmpty() || list.get(0) instanceof String ? "java.lang.String"
                        : list.get(0).getClass().getName();
                variable.put("value", RestClient.JSON.writeValueAsString(list));
                variable.put("type", "Object");
                variable.put("valueInfo", Map.of("objectTypeName", "java.util.ArrayList<" + element + ">",
                        "serializationDataFormat", "application/json"));
            } else {
                variable.put("value", value);
                variable.put("type", value == null ? "Null" : value.getClass().getSimpleName());
            }
            variables.put(entry.getKey(), variable);
        }
        return variables;
    }

    /**
     * A list a form reads (a checklist's options), given to the bare REST server as our delegates leave it: a Json
     * variable. The bare server's do-nothing delegates compute none, so the start gives them.
     */
    record JsonList(List<?> values) {
    }

    /** Submits a task form as Tasklist does; a list (a checklist's values) goes as a {@code Json} variable. */
    static RestClient.Response submit(RestClient api, JsonNode task, String user, Map<String, Object> values)
            throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : values.entrySet()) {
            variables.put(entry.getKey(), entry.getValue() instanceof List<?> list
                    ? Map.of("value", RestClient.JSON.writeValueAsString(list), "type", "Json")
                    : Map.of("value", entry.getValue()));
        }
        return api.post("POST task submit-form", "/engine-rest/task/" + task.path("id").asText() + "/submit-form", user,
                Map.of("variables", variables));
    }

    /**
     * Submits and expects the engine to accept (204). A submission that collides with a job of the same instance
     * (both ending branches of a parallel multi-instance) fails with an optimistic-locking conflict and nothing
     * stored; the user submits again, as here.
     */
    static void complete(RestClient api, JsonNode task, String user, Map<String, Object> values) throws Exception {
        RestClient.Response response = submit(api, task, user, values);
        for (int retry = 0; retry < 5 && response.status() == 500 && response.body().contains("OptimisticLocking"); retry++) {
            api.requests.computeIfAbsent("POST task submit-form: optimistic-locking conflicts, submitted again",
                    Latencies::new).add(0);
            response = submit(api, task, user, values);
        }
        expect(response, 204);
    }

    /** The first open task of the instance with this key, other than {@code notId}. */
    static JsonNode awaitTask(RestClient api, String instance, String key, String user, String notId) throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (true) {
            for (JsonNode task : tasks(api, instance, key, user)) {
                if (!task.path("id").asText().equals(notId)) {
                    return task;
                }
            }
            pause(deadline, key + " of " + instance);
        }
    }

    /** The open tasks of the instance with this key, once there are {@code count} of them. */
    static List<JsonNode> awaitTasks(RestClient api, String instance, String key, String user, int count) throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (true) {
            List<JsonNode> found = new ArrayList<>();
            tasks(api, instance, key, user).forEach(found::add);
            if (found.size() >= count) {
                return found;
            }
            pause(deadline, count + " x " + key + " of " + instance);
        }
    }

    private static JsonNode tasks(RestClient api, String instance, String key, String user) throws Exception {
        RestClient.Response tasks = api.get("GET /engine-rest/task (poll)",
                "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key, user);
        expect(tasks, 200);
        return tasks.json();
    }

    /** A task variable as the form reads it, serialised values parsed as JSON. */
    static JsonNode variable(RestClient api, JsonNode task, String name, String user) throws Exception {
        RestClient.Response variable = api.get("GET task variable " + name, "/engine-rest/task/" + task.path("id").asText()
                + "/variables/" + name + "?deserializeValue=false", user);
        expect(variable, 200);
        JsonNode value = variable.json().path("value");
        return value.isTextual() && value.asText().trim().startsWith("[") ? RestClient.JSON.readTree(value.asText()) : value;
    }

    /** The values of a checklist's options ({@code [{label, value}]}) or of a plain list. */
    static List<String> values(JsonNode list) {
        List<String> values = new ArrayList<>();
        list.forEach(item -> values.add(item.has("value") ? item.path("value").asText() : item.asText()));
        return values;
    }

    static void awaitEnd(RestClient api, String instance, String user) throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (true) {
            RestClient.Response history = api.get("GET history process-instance (poll)",
                    "/engine-rest/history/process-instance/" + instance, user);
            expect(history, 200);
            if ("COMPLETED".equals(history.json().path("state").asText())) {
                return;
            }
            pause(deadline, "the end of " + instance);
        }
    }

    static void pause(long deadline, String waitingFor) throws InterruptedException {
        if (System.currentTimeMillis() > deadline) {
            throw new IllegalStateException("Timed out waiting for " + waitingFor);
        }
        Thread.sleep(POLL_MILLIS);
    }

    static void expect(RestClient.Response response, int status) {
        if (response == null || response.status() != status) {
            throw new IllegalStateException("Expected " + status + " but got "
                    + (response == null ? "nothing" : response.status() + ": " + response.body()));
        }
    }
}
