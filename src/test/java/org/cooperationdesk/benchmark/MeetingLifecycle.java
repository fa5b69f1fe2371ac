package org.cooperationdesk.benchmark;

import static org.cooperationdesk.benchmark.TasklistSteps.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.task.Task;

/**
 * One workshop from plan to the chair's summary, the happy path of MeetingOrganisationProcessTest:
 * Cambodia names three delegates (visa letters needed), Lao PDR one, Viet Nam declines; the agenda and the
 * field visit are arranged in parallel; one delegate is absent; the manager approves agenda and summary.
 * No timer has to fire: every government answers before the reminder date.
 */
final class MeetingLifecycle {

    static final String PROCESS_KEY = "MeetingOrganisationProcess";
    static final List<String> COUNTRIES = List.of("KH", "LA", "VN");

    private MeetingLifecycle() {
    }

    // ------------------------------------------------------------------ form data (what Tasklist sends)

    static Map<String, Object> plan(LocalDate today) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "ASEAN/Japan HIV/AIDS Workshop");
        body.put("theme", "Community-based prevention and care");
        body.put("kind", "workshop");
        body.put("startDate", today.plusDays(60).toString());
        body.put("endDate", today.plusDays(64).toString());
        body.put("venue", "Phnom Penh, Hotel Cambodiana");
        body.put("hostCountry", "KH");
        body.put("coOrganisers", List.of("ASEAN_SEC", "WHO"));
        body.put("budget", 12_000_000);
        body.put("budgetCurrency", "JPY");
        body.put("alsoInvited", COUNTRIES);
        body.put("delegateQuota", 3);
        body.put("nominationDeadline", today.plusDays(30).toString());
        body.put("fieldVisit", true);
        body.put("fieldVisitSite", "National Center for HIV/AIDS, Phnom Penh");
        return body;
    }

    static Map<String, Object> delegation(LocalDate today, String country) {
        String expiry = today.plusYears(4).toString();
        Map<String, Object> values = new LinkedHashMap<>();
        switch (country) {
            case "KH" -> {
                values.put("delegationAnswer", "nominated");
                member(values, "head", "Sok Chenda", "sok.chenda@moh.kh.example", "KH100200", expiry);
                member(values, "delegate2", "Heng Vanna", "heng.vanna@moh.kh.example", "KH100201", expiry);
                member(values, "delegate3", "Mao Sreypov", "mao.sreypov@moh.kh.example", "KH100202", expiry);
            }
            case "LA" -> {
                values.put("delegationAnswer", "nominated");
                member(values, "head", "Somphone Keo", "somphone@moh.la.example", "LA778812", expiry);
            }
            default -> {
                values.put("delegationAnswer", "declined");
                values.put("declineReason", "National assembly session in the same week");
            }
        }
        return values;
    }

    private static void member(Map<String, Object> values, String prefix, String name, String email, String passport,
                               String expiry) {
        values.put(prefix + "Name", name);
        values.put(prefix + "Email", email);
        values.put(prefix + "PassportNumber", passport);
        values.put(prefix + "PassportExpiry", expiry);
    }

    static Map<String, Object> registration(String country) {
        return "KH".equals(country)
                ? Map.of("funding", "funded", "hotelBooking", "Hotel Cambodiana, 3 rooms",
                "travelBooking", "PG 931 PNH-BKK-NRT", "visaLettersRequired", true)
                : Map.of("funding", "self_funded", "visaLettersRequired", false);
    }

    /**
     * Cambodia's registration first, then Lao PDR's at once: Cambodia's branch goes on in the asynchronous
     * visa-letter job while Lao PDR's form is submitted, the order in which the two collided on the multi-instance
     * counters before the branch ends became asynchronous (see docs/benchmarks.md); "optimistic-locking conflicts"
     * rows in the report would show a return of that collision.
     */
    static final Comparator<String> CAMBODIA_FIRST = Comparator.naturalOrder();

    static final Map<String, Object> AGENDA = Map.of("agenda", "Day 1: country reports\nDay 3: field visit");
    static final Map<String, Object> APPROVE_AGENDA = Map.of("agendaDecision", "approved");
    static final Map<String, Object> TRANSPORT = Map.of("transportArrangement", "Two minibuses from the hotel, 08:00");
    static final Map<String, Object> MINUTES = Map.of("chairSummary", "Delegates shared progress on prevention.",
            "recommendations", "Strengthen community-based testing.");
    static final Map<String, Object> APPROVE_MINUTES = Map.of("minutesDecision", "approved");

    static Map<String, Object> sitePermission(LocalDate today) {
        return Map.of("sitePermissionReference", "MOH-KH-2026-55", "visitDate", today.plusDays(62).toString());
    }

    /** All registered delegates but the second one attended. */
    static Map<String, Object> attendance(List<String> registered) {
        List<String> attended = new ArrayList<>(registered);
        if (attended.size() > 1) {
            attended.remove(1);
        }
        return Map.of("attendedDelegates", attended);
    }

    // ------------------------------------------------------------------ through the REST API

    /** Runs one lifecycle against the application; returns when the instance has ended. */
    static void overRest(RestClient api) throws Exception {
        overRest(api, plan(LocalDate.now()), COUNTRIES.size());
    }

    /** The same lifecycle for a plan of one's own inviting Cambodia and Lao PDR (who come) among others (who decline). */
    static void overRest(RestClient api, Map<String, Object> plan, int invited) throws Exception {
        LocalDate today = LocalDate.now();
        String instance = start(api, new Start(PROCESS_KEY, "/api/meetings", "/desk/meetings/", plan,
                () -> bareRestStart(today)));

        // One task per country; the coordinator sees the country on the form.
        for (JsonNode task : awaitTasks(api, instance, "Task_RecordDelegation", "coordinator", invited)) {
            complete(api, task, "coordinator", delegation(today, variable(api, task, "countryCode", "coordinator").asText()));
        }
        Map<String, JsonNode> registrations = new TreeMap<>(CAMBODIA_FIRST);
        for (JsonNode task : awaitTasks(api, instance, "Task_RegisterDelegation", "coordinator", 2)) {
            registrations.put(variable(api, task, "countryCode", "coordinator").asText(), task);
        }
        for (Map.Entry<String, JsonNode> registration : registrations.entrySet()) {
            complete(api, registration.getValue(), "coordinator", registration(registration.getKey()));
        }
        complete(api, awaitTask(api, instance, "Task_DraftAgenda", "coordinator", null), "coordinator", AGENDA);
        complete(api, awaitTask(api, instance, "Task_ApproveAgenda", "manager", null), "manager", APPROVE_AGENDA);
        complete(api, awaitTask(api, instance, "Task_ObtainSitePermission", "coordinator", null), "coordinator",
                sitePermission(today));
        complete(api, awaitTask(api, instance, "Task_ArrangeTransport", "coordinator", null), "coordinator", TRANSPORT);
        JsonNode attendance = awaitTask(api, instance, "Task_RecordAttendance", "coordinator", null);
        complete(api, attendance, "coordinator",
                attendance(values(variable(api, attendance, "registeredDelegates", "coordinator"))));
        complete(api, awaitTask(api, instance, "Task_DraftMinutes", "coordinator", null), "coordinator", MINUTES);
        complete(api, awaitTask(api, instance, "Task_ApproveMinutes", "manager", null), "manager", APPROVE_MINUTES);
        awaitEnd(api, instance, "coordinator");
    }

    // ------------------------------------------------------------------ on the bare engine

    /** What the bare engine starts with: the plan, and what our delegates compute that the models read. */
    static Map<String, Object> bareStart(LocalDate today) {
        Map<String, Object> start = new HashMap<>(plan(today));
        start.put("plannedBy", "coordinator");
        start.put("meetingId", 1L);
        start.put("meetingReference", "MT-BARE");
        start.put("invitedCountryList", new ArrayList<>(COUNTRIES));
        start.put("nominationDeadlineAt", today.plusDays(30) + "T23:59:59");
        start.put("nominationReminderAt", today.plusDays(23) + "T09:00:00");
        start.put("summaryRecipients", new ArrayList<>(List.of("delegate:1", "delegate:3", "delegate:4",
                "address:asean-plus-three-labour-ministers@asean.example")));
        // What the count and attendance delegates find for the gateways that skip a meeting nobody attends.
        start.put("registeredDelegatesCount", 3);
        start.put("attendedDelegatesCount", 3);
        return start;
    }

    /** The same for the bare REST server, with the delegates the attendance form lists. */
    static Map<String, Object> bareRestStart(LocalDate today) {
        Map<String, Object> start = bareStart(today);
        start.put("registeredDelegates", new JsonList(List.of("1", "2", "3", "4")));
        return start;
    }

    /**
     * The same lifecycle through the Java API; the variables the application's delegates compute (meeting id,
     * country list, timer dates, summary recipients) are given at the start.
     */
    static void onBareEngine(BareEngine bare, Map<String, Latencies> calls) throws Exception {
        LocalDate today = LocalDate.now();
        Map<String, Object> start = bareStart(today);
        String instance = bare.start(PROCESS_KEY, start, calls);

        for (Task task : bare.awaitAll(instance, "Task_RecordDelegation", COUNTRIES.size())) {
            bare.complete(calls, task, delegation(today, (String) bare.variable(task, "countryCode")));
        }
        Map<String, Task> registrations = new TreeMap<>(CAMBODIA_FIRST);
        for (Task task : bare.awaitAll(instance, "Task_RegisterDelegation", 2)) {
            registrations.put((String) bare.variable(task, "countryCode"), task);
        }
        for (Map.Entry<String, Task> registration : registrations.entrySet()) {
            bare.complete(calls, registration.getValue(), registration(registration.getKey()));
        }
        bare.complete(calls, bare.await(instance, "Task_DraftAgenda", null), AGENDA);
        bare.complete(calls, bare.await(instance, "Task_ApproveAgenda", null), APPROVE_AGENDA);
        bare.complete(calls, bare.await(instance, "Task_ObtainSitePermission", null), sitePermission(today));
        bare.complete(calls, bare.await(instance, "Task_ArrangeTransport", null), TRANSPORT);
        bare.complete(calls, bare.await(instance, "Task_RecordAttendance", null),
                attendance(List.of("1", "2", "3", "4")));
        bare.complete(calls, bare.await(instance, "Task_DraftMinutes", null), MINUTES);
        bare.complete(calls, bare.await(instance, "Task_ApproveMinutes", null), APPROVE_MINUTES);
        bare.awaitEnd(instance);
    }
}
