package org.cooperationdesk.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One expert dispatch from request to closed mission, the happy path: the same form data for the
 * application (through its REST API, as coordinator and manager) and for the bare engine (Java API).
 */
final class DispatchLifecycle {

    static final String PROCESS_KEY = "ExpertDispatchProcess";
    static final long POLL_MILLIS = 5;
    static final long TIMEOUT_MILLIS = 120_000;

    private DispatchLifecycle() {
    }

    // ------------------------------------------------------------------ form data (what Tasklist sends)

    static Map<String, Object> request(LocalDate today) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestingBody", "WHO");
        body.put("requesterReference", "GOARN-BENCH-" + ThreadLocalRandom.current().nextInt(1_000_000));
        body.put("requesterEmail", "goarn@who.example");
        body.put("countryCode", "KH");
        body.put("purpose", "Avian influenza outbreak response");
        body.put("termsOfReference", "Support the national rapid response team with field investigation.");
        body.put("skillsNeeded", "epidemiology, laboratory");
        body.put("languagesNeeded", "english");
        // Departure and return are today: the forms refuse a departure in the past and a return in the future.
        body.put("startDate", today.toString());
        body.put("durationDays", 7);
        body.put("estimatedCost", 1_500_000);
        body.put("fundedBy", "REQUESTER");
        return body;
    }

    static Map<String, Object> match(String expertId) {
        return Map.of("matchOutcome", "selected", "expertId", expertId);
    }

    static final Map<String, Object> ANSWER = Map.of("expertAnswer", "accepted");
    static final Map<String, Object> RELEASE = Map.of("releaseDecision", "approved");

    static Map<String, Map<String, Object>> checks(LocalDate today) {
        Map<String, Map<String, Object>> checks = new LinkedHashMap<>();
        checks.put("Task_CheckMedicalClearance", Map.of("medicalClearance", "cleared",
                "clearanceValidUntil", today.plusYears(1).toString()));
        checks.put("Task_ArrangeInsurance", Map.of("insurer", "Tokio Marine", "insurancePolicyNumber", "TM-2026-8812"));
        checks.put("Task_BriefSecurity", Map.of("briefingDate", today.toString(),
                "securityClearanceReference", "UNDSS-44817"));
        checks.put("Task_BookTravel", Map.of("departureDate", today.toString(),
                "plannedReturnDate", today.plusDays(6).toString(), "travelBooking", "JL 5135 NRT-PNH, booking QX7RT2"));
        return checks;
    }

    static Map<String, Object> sitrep(boolean last) {
        return last ? Map.of("sitrepSummary", "Week 2: outbreak contained.", "missionOutlook", "completed")
                : Map.of("sitrepSummary", "Week 1: 14 suspected cases, 3 confirmed.", "missionOutlook", "continue");
    }

    static Map<String, Object> debrief(LocalDate today) {
        return Map.of("returnDate", today.toString(),
                "missionReportSummary", "Field investigation completed; laboratory capacity assessed.",
                "debriefNotes", "Recommend a follow-up mission on surveillance.");
    }

    // ------------------------------------------------------------------ through the REST API

    /** Runs one lifecycle against the application; returns when the instance has ended. */
    static void overRest(RestClient api) throws Exception {
        LocalDate today = LocalDate.now();
        RestClient.Response created = api.post("POST /api/dispatch-requests", "/api/dispatch-requests", "coordinator",
                request(today));
        expect(created, 201);
        String instance = created.json().path("processInstanceId").asText();

        JsonNode match = awaitTask(api, instance, "Task_MatchExpert", "coordinator", null);
        RestClient.Response variable = api.get("GET task variable expertCandidates", "/engine-rest/task/"
                + match.path("id").asText() + "/variables/expertCandidates?deserializeValue=false", "coordinator");
        expect(variable, 200);
        JsonNode value = variable.json().path("value");
        JsonNode candidates = value.isTextual() ? RestClient.JSON.readTree(value.asText()) : value;
        List<String> ids = new ArrayList<>();
        candidates.forEach(candidate -> ids.add(candidate.path("value").asText()));
        // Concurrent clients pick among the first candidates; one reserved meanwhile is refused: try the next.
        int offset = ThreadLocalRandom.current().nextInt(Math.max(1, Math.min(ids.size(), 8)));
        RestClient.Response matched = null;
        for (int attempt = 0; attempt < Math.min(ids.size(), 30); attempt++) {
            matched = submit(api, match, "coordinator", match(ids.get((offset + attempt) % ids.size())));
            if (matched.status() == 204) {
                break;
            }
        }
        expect(matched, 204);

        expect(submit(api, awaitTask(api, instance, "Task_RecordExpertAnswer", "coordinator", null), "coordinator", ANSWER), 204);
        expect(submit(api, awaitTask(api, instance, "Task_ApproveRelease", "manager", null), "manager", RELEASE), 204);
        for (Map.Entry<String, Map<String, Object>> check : checks(today).entrySet()) {
            expect(submit(api, awaitTask(api, instance, check.getKey(), "coordinator", null), "coordinator", check.getValue()), 204);
        }
        JsonNode first = awaitTask(api, instance, "Task_RecordSituationReport", "coordinator", null);
        expect(submit(api, first, "coordinator", sitrep(false)), 204);
        JsonNode second = awaitTask(api, instance, "Task_RecordSituationReport", "coordinator", first.path("id").asText());
        expect(submit(api, second, "coordinator", sitrep(true)), 204);
        expect(submit(api, awaitTask(api, instance, "Task_DebriefExpert", "coordinator", null), "coordinator", debrief(today)), 204);

        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (true) {
            RestClient.Response history = api.get("GET history process-instance (poll)",
                    "/engine-rest/history/process-instance/" + instance, "coordinator");
            expect(history, 200);
            if ("COMPLETED".equals(history.json().path("state").asText())) {
                return;
            }
            pause(deadline, "the end of " + instance);
        }
    }

    private static RestClient.Response submit(RestClient api, JsonNode task, String user, Map<String, Object> values)
            throws Exception {
        Map<String, Object> variables = new LinkedHashMap<>();
        values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
        return api.post("POST task submit-form", "/engine-rest/task/" + task.path("id").asText() + "/submit-form", user,
                Map.of("variables", variables));
    }

    private static JsonNode awaitTask(RestClient api, String instance, String key, String user, String notId) throws Exception {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        while (true) {
            RestClient.Response tasks = api.get("GET /engine-rest/task (poll)",
                    "/engine-rest/task?processInstanceId=" + instance + "&taskDefinitionKey=" + key, user);
            expect(tasks, 200);
            for (JsonNode task : tasks.json()) {
                if (!task.path("id").asText().equals(notId)) {
                    return task;
                }
            }
            pause(deadline, key + " of " + instance);
        }
    }

    static void pause(long deadline, String waitingFor) throws InterruptedException {
        if (System.currentTimeMillis() > deadline) {
            throw new IllegalStateException("Timed out waiting for " + waitingFor);
        }
        Thread.sleep(POLL_MILLIS);
    }

    private static void expect(RestClient.Response response, int status) {
        if (response == null || response.status() != status) {
            throw new IllegalStateException("Expected " + status + " but got "
                    + (response == null ? "nothing" : response.status() + ": " + response.body()));
        }
    }
}
