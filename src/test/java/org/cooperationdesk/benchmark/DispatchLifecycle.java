package org.cooperationdesk.benchmark;

import static org.cooperationdesk.benchmark.TasklistSteps.*;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.task.Task;

/**
 * One expert dispatch from request to closed mission, the happy path: the same form data for the
 * application (through its REST API, as coordinator and manager) and for the bare engine (Java API).
 */
final class DispatchLifecycle {

    static final String PROCESS_KEY = "ExpertDispatchProcess";

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
        body.put("estimatedCostCurrency", "JPY");
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
        overRest(api, request(LocalDate.now()));
    }

    /** The same lifecycle for a request of one's own (another country, body or currency; no senior approval). */
    static void overRest(RestClient api, Map<String, Object> request) throws Exception {
        LocalDate today = LocalDate.now();
        String instance = start(api, new Start(PROCESS_KEY, "/api/dispatch-requests", "/desk/dispatches/", request,
                () -> bareRestStart(today)));

        JsonNode match = awaitTask(api, instance, "Task_MatchExpert", "coordinator", null);
        List<String> ids = values(variable(api, match, "expertCandidates", "coordinator"));
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

        complete(api, awaitTask(api, instance, "Task_RecordExpertAnswer", "coordinator", null), "coordinator", ANSWER);
        complete(api, awaitTask(api, instance, "Task_ApproveRelease", "manager", null), "manager", RELEASE);
        for (Map.Entry<String, Map<String, Object>> check : checks(today).entrySet()) {
            complete(api, awaitTask(api, instance, check.getKey(), "coordinator", null), "coordinator", check.getValue());
        }
        JsonNode first = awaitTask(api, instance, "Task_RecordSituationReport", "coordinator", null);
        complete(api, first, "coordinator", sitrep(false));
        JsonNode second = awaitTask(api, instance, "Task_RecordSituationReport", "coordinator", first.path("id").asText());
        complete(api, second, "coordinator", sitrep(true));
        complete(api, awaitTask(api, instance, "Task_DebriefExpert", "coordinator", null), "coordinator", debrief(today));
        awaitEnd(api, instance, "coordinator");
    }

    // ------------------------------------------------------------------ on the bare engine

    /** What the bare engine starts with: the form, and what our delegates compute that the models read. */
    static Map<String, Object> bareStart(LocalDate today) {
        Map<String, Object> start = new HashMap<>(request(today));
        start.put("durationDays", 7);
        start.put("estimatedCostYen", 1_500_000.0); // what the register delegate gives the decision table
        start.put("expertCandidatesCount", 1); // what the find-candidates delegate counts for the guard of the match
        return start;
    }

    /** The same for the bare REST server, with the candidates the match form reads (ours: the roster's). */
    static Map<String, Object> bareRestStart(LocalDate today) {
        Map<String, Object> start = bareStart(today);
        start.put("expertCandidates", new JsonList(List.of(Map.of("label", "Bare expert", "value", "1"))));
        return start;
    }

    /** The same lifecycle through the Java API; the decision table gets what the register delegate makes of the form. */
    static void onBareEngine(BareEngine bare, Map<String, Latencies> calls) throws Exception {
        LocalDate today = LocalDate.now();
        String instance = bare.start(PROCESS_KEY, bareStart(today), calls);

        bare.complete(calls, bare.await(instance, "Task_MatchExpert", null), match("1"));
        bare.complete(calls, bare.await(instance, "Task_RecordExpertAnswer", null), ANSWER);
        bare.complete(calls, bare.await(instance, "Task_ApproveRelease", null), RELEASE);
        for (Map.Entry<String, Map<String, Object>> check : checks(today).entrySet()) {
            bare.complete(calls, bare.await(instance, check.getKey(), null), check.getValue());
        }
        Task first = bare.await(instance, "Task_RecordSituationReport", null);
        bare.complete(calls, first, sitrep(false));
        bare.complete(calls, bare.await(instance, "Task_RecordSituationReport", first.getId()), sitrep(true));
        bare.complete(calls, bare.await(instance, "Task_DebriefExpert", null), debrief(today));
        bare.awaitEnd(instance);
    }
}
