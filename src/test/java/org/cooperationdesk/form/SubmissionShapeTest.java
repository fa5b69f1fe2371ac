package org.cooperationdesk.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

/** The shape of a submission against the forms we ship, without a Spring context. */
class SubmissionShapeTest {

    private static final FormCatalog FORMS = new FormCatalog();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, Object> validRequest() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("requestingBody", "WHO");
        body.put("requesterReference", "GOARN-TEST-001");
        body.put("requesterEmail", "goarn@who.example");
        body.put("countryCode", "PH");
        body.put("purpose", "Outbreak investigation support");
        body.put("skillsNeeded", "epidemiology");
        body.put("startDate", "2030-01-01");
        body.put("durationDays", 14);
        body.put("estimatedCost", 800000);
        body.put("estimatedCostCurrency", "JPY");
        body.put("fundedBy", "REQUESTER");
        return body;
    }

    @Test
    void theOfficeApiTakesExactlyTheStartFormsFields() {
        assertThat(FORMS.submittedValues("dispatch-request", validRequest())).isEqualTo(validRequest());
    }

    @Test
    void theOfficeApiRefusesAFieldTheFormDoesNotHave() {
        Map<String, Object> body = validRequest();
        body.put("approvalLevel", "none");

        assertThatThrownBy(() -> FORMS.submittedValues("dispatch-request", body))
                .isInstanceOf(InvalidSubmissionException.class)
                .hasMessageContaining("approvalLevel: is not a field of this form");
    }

    @Test
    void aTextFieldWithoutMaxLengthIsCappedOnTheServer() {
        Map<String, Object> body = validRequest();
        body.put("requesterEmail", "x".repeat(FormCatalog.TEXTFIELD_MAX_LENGTH + 1));

        assertThatThrownBy(() -> FORMS.submittedValues("dispatch-request", body))
                .hasMessageContaining("must have at most " + FormCatalog.TEXTFIELD_MAX_LENGTH + " characters");
        body.put("requesterEmail", "x".repeat(FormCatalog.TEXTFIELD_MAX_LENGTH));
        assertThat(FORMS.submittedValues("dispatch-request", body)).containsKey("requesterEmail");
    }

    @Test
    void eachFieldTakesOnlyItsType() {
        Map<String, SubmissionShape.Sent> sent = new LinkedHashMap<>();
        sent.put("matchOutcome", new SubmissionShape.Sent(null, JSON.valueToTree(3)));
        sent.put("matchNote", new SubmissionShape.Sent("Object", new TextNode("rO0AB")));
        sent.put("expertId", new SubmissionShape.Sent("File", new TextNode("x")));

        List<FieldError> errors = SubmissionShape.check(FORMS.inputs("match-expert"), sent, key -> null);

        assertThat(errors).extracting(FieldError::describe).containsExactly(
                "Outcome: must be text",
                "Note: values of type Object are not accepted",
                "Expert: values of type File are not accepted");
    }

    @Test
    void aChoiceMustBeAmongTheOptionsOffered() {
        Map<String, Object> shown = new HashMap<>();
        shown.put("expertCandidates", "[{\"label\":\"Ana\",\"value\":\"7\"}]");

        assertThat(SubmissionShape.check(FORMS.inputs("match-expert"),
                Map.of("expertId", SubmissionShape.Sent.plain("7")), shown::get)).isEmpty();
        assertThat(SubmissionShape.check(FORMS.inputs("match-expert"),
                Map.of("expertId", SubmissionShape.Sent.plain("8")), shown::get))
                .extracting(FieldError::field).containsExactly("expertId");
    }

    @Test
    void aReadOnlyFieldMayComeBackAsShownButNotChanged() {
        Map<String, Object> shown = Map.of("durationDays", 14L, "startDate", "2030-01-01");

        assertThat(SubmissionShape.check(FORMS.inputs("match-expert"), Map.of(
                "durationDays", SubmissionShape.Sent.plain(14), "startDate", SubmissionShape.Sent.plain("2030-01-01")),
                shown::get)).isEmpty();
        assertThat(SubmissionShape.check(FORMS.inputs("match-expert"),
                Map.of("durationDays", SubmissionShape.Sent.plain(140)), shown::get))
                .extracting(FieldError::describe).containsExactly("Duration (days): is read-only and cannot be changed");
    }

    @Test
    void aTagListIsAJsonListOfTheOptions() {
        Map<String, SubmissionShape.Sent> sent = Map.of("alsoInvited",
                new SubmissionShape.Sent("Json", new TextNode("[\"KH\",\"LA\"]")));
        String formWithChecklist = FORMS.inputs("course-announcement").values().stream()
                .anyMatch(input -> input.field().type().equals("taglist")) ? "course-announcement" : null;
        assertThat(formWithChecklist).isNotNull();
        String key = FORMS.inputs(formWithChecklist).values().stream()
                .filter(input -> input.field().type().equals("taglist")).findFirst().orElseThrow().key();

        assertThat(SubmissionShape.check(FORMS.inputs(formWithChecklist),
                Map.of(key, new SubmissionShape.Sent("Json", new TextNode("[\"KH\"]"))), k -> null))
                .allSatisfy(error -> assertThat(error.message()).doesNotContain("must be a list"));
        assertThat(SubmissionShape.check(FORMS.inputs(formWithChecklist),
                Map.of(key, new SubmissionShape.Sent(null, new TextNode("KH"))), k -> null))
                .extracting(FieldError::message).containsExactly("must be a list");
        assertThat(sent).isNotEmpty();
    }
}
