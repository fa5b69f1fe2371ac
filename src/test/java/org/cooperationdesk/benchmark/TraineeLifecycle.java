package org.cooperationdesk.benchmark;

import static org.cooperationdesk.benchmark.TasklistSteps.*;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.task.Task;

/**
 * One course from announcement to closed follow-up, the happy path of TraineeInvitationProcessTest: 7
 * nominations from Cambodia, Lao PDR and Viet Nam for 4 places, closed early by the coordinator, the
 * proposed selection approved by the manager, 4 arrivals, attendance, final reports and evaluation. No
 * timer has to fire: the coordinator closes the nominations before the deadline and records all reports.
 */
final class TraineeLifecycle {

    static final String PROCESS_KEY = "TraineeInvitationProcess";
    static final int PLACES = 4;

    private TraineeLifecycle() {
    }

    // ------------------------------------------------------------------ form data (what Tasklist sends)

    static Map<String, Object> course(LocalDate today) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Leaders in Labour Administration");
        body.put("place", "Tokyo");
        body.put("startDate", today.plusDays(60).toString());
        body.put("endDate", today.plusDays(80).toString());
        body.put("capacity", PLACES);
        body.put("quotaPerCountry", 2);
        body.put("minExperienceYears", 3);
        body.put("maxAge", 45);
        body.put("language", "english");
        body.put("alsoInvited", List.of("KH", "LA", "VN"));
        body.put("nominationDeadline", today.plusDays(30).toString());
        return body;
    }

    record Nominee(String country, String name, int years, int age) {
    }

    /**
     * Seven nominations from three governments: four from the first (two within its quota, one on the waiting list,
     * one without enough experience), one from the second, two from the third (one above the age limit).
     */
    static List<Nominee> nominees(String first, String second, String third) {
        return NOMINEES_BY_ROLE.stream().map(nominee -> new Nominee(switch (nominee.country()) {
            case "KH" -> first;
            case "LA" -> second;
            default -> third;
        }, nominee.name(), nominee.years(), nominee.age())).toList();
    }

    private static final List<Nominee> NOMINEES_BY_ROLE = List.of(new Nominee("KH", "Sok Dara", 10, 35),
            new Nominee("KH", "Keo Sophea", 5, 31), new Nominee("KH", "Lim Bopha", 4, 29),
            new Nominee("KH", "Chan Vuthy", 2, 27), new Nominee("LA", "Phonsavanh Vong", 8, 40),
            new Nominee("VN", "Nguyen Thi Hoa", 6, 38), new Nominee("VN", "Tran Van Minh", 20, 50));

    static final List<Nominee> NOMINEES = nominees("KH", "LA", "VN");

    static Map<String, Object> nomination(LocalDate today, Nominee nominee) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("nominationAction", "record");
        values.put("countryCode", nominee.country());
        values.put("officialApplication", true);
        values.put("organisation", "Ministry of Labour");
        values.put("position", "Deputy Director, Labour Inspection");
        values.put("fullName", nominee.name());
        values.put("email", nominee.name().toLowerCase().replace(' ', '.') + "@mol." + nominee.country().toLowerCase() + ".example");
        values.put("dateOfBirth", today.plusDays(60).minusYears(nominee.age()).minusDays(10).toString());
        values.put("passportNumber", "N" + Math.abs(nominee.name().hashCode()));
        values.put("passportExpiry", today.plusYears(5).toString());
        values.put("yearsOfExperience", nominee.years());
        values.put("nomineeLanguage", "english");
        values.put("healthDeclaration", true);
        return values;
    }

    static final Map<String, Object> CLOSE_NOMINATIONS = Map.of("nominationAction", "close");
    static final Map<String, Object> APPROVE_SELECTION = Map.of("selectionDecision", "approved");
    static final Map<String, Object> ARRIVAL_PREPARED = Map.of("visaLetterReference", "VSL-2026-118",
            "flightBooking", "NH 818 PNH-NRT", "allowanceAmount", 180_000, "allowanceCurrency", "JPY", "accommodation", "JICA Tokyo Center");
    static final Map<String, Object> ARRIVED = Map.of("arrivalStatus", "arrived");
    static final Map<String, Object> EVALUATION = Map.of("evaluationScore", 4,
            "evaluationSummary", "Action plans of good quality.");

    static Map<String, Object> attendance(List<String> arrived) {
        return Map.of("completedTrainees", arrived, "actionPlansReceived", arrived);
    }

    static Map<String, Object> finalReports(List<String> certified) {
        return Map.of("reportsReceived", certified, "allReportsReceived", true);
    }

    // ------------------------------------------------------------------ through the REST API

    /** Runs one lifecycle against the application; returns when the instance has ended. */
    static void overRest(RestClient api) throws Exception {
        overRest(api, course(LocalDate.now()), NOMINEES);
    }

    /** The same lifecycle for a course of one's own and nominations from the governments it invites. */
    static void overRest(RestClient api, Map<String, Object> course, List<Nominee> nominees) throws Exception {
        LocalDate today = LocalDate.now();
        String instance = start(api, new Start(PROCESS_KEY, "/api/courses", "/desk/courses/", course,
                () -> bareRestStart(today)));

        String previous = null;
        for (Nominee nominee : nominees) {
            JsonNode task = awaitTask(api, instance, "Task_RecordNomination", "coordinator", previous);
            complete(api, task, "coordinator", nomination(today, nominee));
            previous = task.path("id").asText();
        }
        complete(api, awaitTask(api, instance, "Task_RecordNomination", "coordinator", previous), "coordinator",
                CLOSE_NOMINATIONS);

        JsonNode rank = awaitTask(api, instance, "Task_RankNominees", "coordinator", null);
        List<String> proposal = values(variable(api, rank, "selectedNominees", "coordinator"));
        complete(api, rank, "coordinator", Map.of("selectedNominees", proposal));
        complete(api, awaitTask(api, instance, "Task_ApproveSelection", "manager", null), "manager", APPROVE_SELECTION);

        for (JsonNode task : awaitTasks(api, instance, "Task_PrepareArrival", "coordinator", PLACES)) {
            complete(api, task, "coordinator", ARRIVAL_PREPARED);
        }
        for (JsonNode task : awaitTasks(api, instance, "Task_ConfirmArrival", "coordinator", PLACES)) {
            complete(api, task, "coordinator", ARRIVED);
        }
        JsonNode attendance = awaitTask(api, instance, "Task_RecordAttendance", "coordinator", null);
        complete(api, attendance, "coordinator", attendance(values(variable(api, attendance, "arrivedTrainees", "coordinator"))));
        JsonNode reports = awaitTask(api, instance, "Task_RecordFinalReports", "coordinator", null);
        complete(api, reports, "coordinator", finalReports(values(variable(api, reports, "certifiedTrainees", "coordinator"))));
        complete(api, awaitTask(api, instance, "Task_EvaluateCourse", "coordinator", null), "coordinator", EVALUATION);
        awaitEnd(api, instance, "coordinator");
    }

    // ------------------------------------------------------------------ on the bare engine

    /** What the bare engine starts with: the course, and what our delegates compute that the models read. */
    static Map<String, Object> bareStart(LocalDate today) {
        Map<String, Object> start = new HashMap<>(course(today));
        start.put("openedBy", "coordinator");
        start.put("courseId", 1L);
        start.put("courseReference", "TC-BARE");
        start.put("invitedCountryList", List.of("KH", "LA", "VN"));
        start.put("nominationDeadlineAt", today.plusDays(30) + "T23:59:59");
        start.put("nominationReminderAt", today.plusDays(23) + "T09:00:00");
        start.put("noticeNominationIds", numbers(1, NOMINEES.size()));
        start.put("acceptedNominationIds", numbers(1, PLACES));
        start.put("certifiedNominationIds", numbers(1, PLACES));
        start.put("finalReportReminderAt", today.plusDays(100) + "T09:00:00");
        start.put("finalReportDueAt", today.plusDays(110) + "T23:59:59");
        // The guards before the selection, the attendance and the final reports (no list is offered empty).
        start.put("eligibleNomineesCount", NOMINEES.size());
        start.put("arrivedTraineesCount", PLACES);
        start.put("certifiedTraineesCount", PLACES);
        return start;
    }

    /** The same for the bare REST server, with the lists the selection, attendance and reports forms read. */
    static Map<String, Object> bareRestStart(LocalDate today) {
        Map<String, Object> start = bareStart(today);
        start.put("selectedNominees", new JsonList(ids(1, PLACES)));
        start.put("arrivedTrainees", new JsonList(ids(1, PLACES)));
        start.put("certifiedTrainees", new JsonList(ids(1, PLACES)));
        return start;
    }

    /**
     * The same lifecycle through the Java API. The do-nothing delegates set nothing, so the variables the
     * application's delegates compute (course id, country list, timer dates, nomination ids) are given at the start.
     */
    static void onBareEngine(BareEngine bare, Map<String, Latencies> calls) throws Exception {
        LocalDate today = LocalDate.now();
        List<String> accepted = ids(1, PLACES);
        Map<String, Object> start = bareStart(today);
        String instance = bare.start(PROCESS_KEY, start, calls);

        String previous = null;
        for (Nominee nominee : NOMINEES) {
            Task task = bare.await(instance, "Task_RecordNomination", previous);
            bare.complete(calls, task, nomination(today, nominee));
            previous = task.getId();
        }
        bare.complete(calls, bare.await(instance, "Task_RecordNomination", previous), CLOSE_NOMINATIONS);
        bare.complete(calls, bare.await(instance, "Task_RankNominees", null), Map.of("selectedNominees", accepted));
        bare.complete(calls, bare.await(instance, "Task_ApproveSelection", null), APPROVE_SELECTION);
        for (Task task : bare.awaitAll(instance, "Task_PrepareArrival", PLACES)) {
            bare.complete(calls, task, ARRIVAL_PREPARED);
        }
        for (Task task : bare.awaitAll(instance, "Task_ConfirmArrival", PLACES)) {
            bare.complete(calls, task, ARRIVED);
        }
        bare.complete(calls, bare.await(instance, "Task_RecordAttendance", null), attendance(accepted));
        bare.complete(calls, bare.await(instance, "Task_RecordFinalReports", null), finalReports(accepted));
        bare.complete(calls, bare.await(instance, "Task_EvaluateCourse", null), EVALUATION);
        bare.awaitEnd(instance);
    }

    private static List<String> ids(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(String::valueOf).toList();
    }

    /** As the application's delegates keep them: a list of record ids. */
    private static ArrayList<Long> numbers(int from, int to) {
        return new ArrayList<>(LongStream.rangeClosed(from, to).boxed().toList());
    }
}
