package org.cooperationdesk.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The rules several forms share, each worded once, naming fields by their labels on the form. */
class FormSubmissionRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private static final Map<String, String> LABELS = Map.of(
            "startDate", "Starts", "endDate", "Ends", "deadline", "Answer deadline", "comment", "Comment",
            "decision", "Decision", "passportExpiry", "Passport expires", "birth", "Date of birth");

    private static FormSubmission form(Object... keysAndValues) {
        Map<String, Object> values = new HashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            values.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return new FormSubmission("some-form", values::get, "coordinator", key -> LABELS.getOrDefault(key, key));
    }

    private static List<String> problems(FormSubmission form) {
        return form.errors().stream().map(FieldError::describe).toList();
    }

    @Test
    void aMessageNamesTheFieldByItsLabelOnTheForm() {
        FormSubmission form = form();
        form.rejectWith("endDate", "is wrong");
        form.rejectWith("unknownField", "is wrong");

        assertThat(form.errors()).containsExactly(new FieldError("endDate", "Ends", "is wrong"),
                new FieldError("unknownField", "unknownField", "is wrong"));
    }

    @Nested
    class AReasonWhenRefusing {

        @Test
        void isRequiredOnlyForTheRefusingDecision() {
            FormSubmission rejected = form("decision", "rejected", "comment", "  ");
            FormSubmission approved = form("decision", "approved");
            FormSubmission explained = form("decision", "rejected", "comment", "Budget exhausted");

            rejected.requireReasonWhen("decision", "rejected", "comment", "when.rejecting");
            approved.requireReasonWhen("decision", "rejected", "comment", "when.rejecting");
            explained.requireReasonWhen("decision", "rejected", "comment", "when.rejecting");

            assertThat(problems(rejected)).containsExactly("Comment: is required when rejecting");
            assertThat(problems(approved)).isEmpty();
            assertThat(problems(explained)).isEmpty();
        }
    }

    @Nested
    class DatesInOrder {

        @Test
        void anEndBeforeItsStartIsRefusedAndTheSameDayIsNot() {
            FormSubmission before = form("startDate", "2026-07-10", "endDate", "2026-07-09");
            FormSubmission sameDay = form("startDate", "2026-07-10", "endDate", "2026-07-10");

            before.requireNotBefore("endDate", "startDate");
            sameDay.requireNotBefore("endDate", "startDate");

            assertThat(problems(before)).containsExactly("Ends: must not be before Starts (10 July 2026)");
            assertThat(problems(sameDay)).isEmpty();
        }

        @Test
        void aDeadlineMustComeStrictlyBeforeTheStart() {
            FormSubmission sameDay = form("startDate", "2026-07-10", "deadline", "2026-07-10");
            FormSubmission dayBefore = form("startDate", "2026-07-10", "deadline", "2026-07-09");

            sameDay.requireBefore("deadline", "startDate");
            dayBefore.requireBefore("deadline", "startDate");

            assertThat(problems(sameDay)).containsExactly("Answer deadline: must be before Starts (10 July 2026)");
            assertThat(problems(dayBefore)).isEmpty();
        }

        @Test
        void pastFutureAndMissingDates() {
            FormSubmission yesterday = form("startDate", "2026-05-31", "birth", "2026-06-01");
            FormSubmission tomorrow = form("endDate", "2026-06-02");
            FormSubmission missing = form();

            yesterday.requireNotPast("startDate", TODAY);
            yesterday.requirePast("birth", TODAY);
            tomorrow.requireNotFuture("endDate", TODAY);
            missing.requireNotPast("startDate", TODAY);
            missing.requireNotBefore("endDate", "startDate");
            missing.requireBefore("deadline", "startDate");

            assertThat(problems(yesterday)).containsExactly("Starts: must not be in the past", "Date of birth: must be in the past");
            assertThat(problems(tomorrow)).containsExactly("Ends: must not be in the future");
            assertThat(problems(missing)).as("a missing date is the form's required check, not these rules").isEmpty();
        }
    }

    @Nested
    class APassport {

        @Test
        void mustBeValidBeyondTheLastDayItServes() {
            FormSubmission expiresThatDay = form("passportExpiry", "2026-07-12");
            FormSubmission expiresAfter = form("passportExpiry", "2026-07-13");

            expiresThatDay.requirePassportValidBeyond("passportExpiry", LocalDate.of(2026, 7, 12), "what.meetingEnd");
            expiresAfter.requirePassportValidBeyond("passportExpiry", LocalDate.of(2026, 7, 12), "what.meetingEnd");

            assertThat(problems(expiresThatDay))
                    .containsExactly("Passport expires: the passport must be valid beyond the meeting's end (12 July 2026)");
            assertThat(problems(expiresAfter)).isEmpty();
        }
    }

    @Test
    void aConditionalRequirementAddsNothingWhenTheFieldIsAlreadyRefused() {
        FormSubmission form = form("decision", "rejected");
        form.reject("comment", "required");

        form.requireWhen(true, "comment", "when.rejecting");

        assertThat(problems(form)).containsExactly("Comment: is required");
    }

    @Test
    void anApiRequestsReasonIsRequiredAndTrimmed() {
        assertThat(FormSubmission.requiredReason("  The outbreak is over ")).isEqualTo("The outbreak is over");
        for (String missing : new String[]{null, "", "   "}) {
            assertThatThrownBy(() -> FormSubmission.requiredReason(missing))
                    .isInstanceOfSatisfying(InvalidSubmissionException.class, e -> assertThat(e.errors())
                            .containsExactly(new FieldError("reason", "Reason", "is required")));
        }
    }
}
