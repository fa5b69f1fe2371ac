package org.cooperationdesk.benchmark;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;

/**
 * The shared Tasklist filters as the benchmark asks them, in one place for the runner and {@link FilterPlans}: who asks
 * which filter, and the three ways a client asks (GET list, GET count, POST as Tasklist).
 */
final class SharedFilters {

    /** A filter asked by the user who has it. */
    record Query(String user, String filter) {
        String label() {
            return "\"" + filter + "\" as " + user;
        }
    }

    static final List<Query> QUERIES = List.of(new Query("coordinator", "Coordination"),
            new Query("coordinator", "My tasks"), new Query("manager", "Approvals"), new Query("manager", "My tasks"));

    /** One request. */
    interface Call {
        RestClient.Response call() throws Exception;
    }

    private static final Map<String, Object> TASKLIST_BODY =
            Map.of("sorting", List.of(Map.of("sortBy", "created", "sortOrder", "desc")));

    private SharedFilters() {
    }

    /** The filters' ids by name. */
    static Map<String, String> ids(FilterService filters) {
        Map<String, String> ids = new LinkedHashMap<>();
        for (String name : List.of("My tasks", "Coordination", "Approvals")) {
            ids.put(name, filters.createTaskFilterQuery().filterName(name).singleResult().getId());
        }
        return ids;
    }

    /** As Tasklist lists a filter: POST hal+json, newest first, the first 15; {@code action} labels it in the report. */
    static RestClient.Response postAsTasklist(RestClient api, String action, String filterId, String user) throws Exception {
        return api.post(action, listPath(filterId), user, TASKLIST_BODY, "application/hal+json");
    }

    /** The three ways of asking a filter, by their names in the report. */
    static Map<String, Call> ways(RestClient api, String filterId, String user) {
        Map<String, Call> ways = new LinkedHashMap<>();
        ways.put("GET list (first 15)", () -> api.get(null, listPath(filterId), user));
        ways.put("GET count", () -> api.get(null, "/engine-rest/filter/" + filterId + "/count", user));
        ways.put("POST list as Tasklist (hal+json, newest first, 15)", () -> postAsTasklist(api, null, filterId, user));
        return ways;
    }

    private static String listPath(String filterId) {
        return "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15";
    }

    /** What an answer held: "15 of 7000" for Tasklist's list, the count, or the number of tasks. */
    static String summary(RestClient.Response response) throws IOException {
        var json = response.json();
        if (json.has("_embedded")) {
            return json.path("_embedded").path("task").size() + " of " + json.path("count").asText();
        }
        if (json.has("count")) {
            return json.path("count").asText();
        }
        return String.valueOf(json.size());
    }

    static void check(RestClient.Response response) {
        if (response.status() != 200) {
            throw new IllegalStateException(response.status() + ": " + response.body());
        }
    }
}
