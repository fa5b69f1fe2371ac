package org.cooperationdesk;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

/** A valid request for an expert as the office API and the start form take it, for tests that need one. */
public final class DispatchRequests {

    private DispatchRequests() {
    }

    /** WHO asks for an epidemiologist in the Philippines in three weeks, for two weeks, at the requester's cost. */
    public static Map<String, Object> valid(String requesterReference) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestingBody", "WHO");
        body.put("requesterReference", requesterReference);
        body.put("requesterEmail", "goarn@who.example");
        body.put("countryCode", "PH");
        body.put("purpose", "Outbreak investigation support");
        body.put("termsOfReference", "Support the national team with the investigation of a respiratory outbreak.");
        body.put("skillsNeeded", "epidemiology, outbreak investigation");
        body.put("languagesNeeded", "english");
        body.put("startDate", LocalDate.now().plusDays(21).toString());
        body.put("durationDays", 14);
        body.put("estimatedCost", 800000);
        body.put("estimatedCostCurrency", "JPY");
        body.put("fundedBy", "REQUESTER");
        return body;
    }
}
