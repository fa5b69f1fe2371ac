package org.cooperationdesk.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The server-side checks declared in the .form files (forms/ on the classpath), without Spring or the engine:
 * what the browser enforces must also be enforced here, whatever client submits the form.
 */
class FormSubmissionValidatorTest {

    private static final String DISPATCH_REQUEST = "dispatch-request";
    private static final String APPROVE_RELEASE = "approve-release";

    private static FormCatalog catalog;
    private static FormSubmissionValidator validator;

    @BeforeAll
    static void readForms() {
        catalog = new FormCatalog();
        validator = new FormSubmissionValidator(catalog, FixedOptionSources.options(), List.of());
    }

    /** A dispatch request start form that passes every declared check. */
    private static Map<String, Object> validRequest() {
        Map<String, Object> values = new HashMap<>();
        values.put("requestingBody", "WHO");
        values.put("requesterReference", "GOARN-2026-017");
        values.put("requesterEmail", "goarn@who.example");
        values.put("countryCode", "PH");
        values.put("purpose", "Outbreak investigation support");
        values.put("termsOfReference", "Support the national team with the outbreak investigation.");
        values.put("skillsNeeded", "epidemiology, outbreak investigation");
        values.put("languagesNeeded", "english");
        values.put("startDate", "2030-06-01");
        values.put("durationDays", 14);
        values.put("estimatedCost", 800000);
        values.put("estimatedCostCurrency", "JPY");
        values.put("fundedBy", "REQUESTER");
        return values;
    }

    private static Map<String, Object> validRequestWith(String key, Object value) {
        Map<String, Object> values = validRequest();
        values.put(key, value);
        return values;
    }

    private static List<FieldError> errorsOf(String formId, Map<String, Object> values) {
        InvalidSubmissionException e = catchThrowableOfType(InvalidSubmissionException.class,
                () -> validator.validate(formId, values, "coordinator"));
        assertThat(e).as("submission to %s should be refused: %s", formId, values).isNotNull();
        return e.errors();
    }

    @Test
    void aCompleteValidSubmissionPasses() {
        assertThatCode(() -> validator.validate(DISPATCH_REQUEST, validRequest(), "coordinator"))
                .doesNotThrowAnyException();
    }

    @Test
    void theCatalogKnowsEveryShippedFormAndNoOther() {
        assertThat(catalog.contains(DISPATCH_REQUEST)).isTrue();
        assertThat(catalog.contains(APPROVE_RELEASE)).isTrue();
        assertThat(validator.knows("match-expert")).isTrue();
        assertThat(validator.knows("no-such-form")).isFalse();
        assertThatThrownBy(() -> catalog.editableFields("no-such-form"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no-such-form");
    }

    @Test
    void valuesAsTasklistSendsThemAreAccepted() {
        // Tasklist sends numbers as Integer/Long/Double and dates as ISO strings, sometimes with a time part.
        Map<String, Object> values = validRequest();
        values.put("durationDays", 14L);
        values.put("estimatedCost", 800000.0);
        values.put("startDate", "2030-06-01T00:00:00");
        assertThatCode(() -> validator.validate(DISPATCH_REQUEST, values, "coordinator")).doesNotThrowAnyException();

        values.put("durationDays", "14");
        values.put("startDate", LocalDate.of(2030, 6, 1));
        assertThatCode(() -> validator.validate(DISPATCH_REQUEST, values, "coordinator")).doesNotThrowAnyException();
    }

    @Nested
    class RequiredFields {

        @Test
        void aMissingRequiredFieldIsNamedWithItsLabel() {
            Map<String, Object> values = validRequest();
            values.remove("requesterReference");

            assertThat(errorsOf(DISPATCH_REQUEST, values))
                    .extracting(FieldError::field, FieldError::label, FieldError::message)
                    .containsExactly(tuple("requesterReference", "Requester's reference", "is required"));
        }

        @Test
        void aBlankTextCountsAsMissing() {
            assertThat(errorsOf(DISPATCH_REQUEST, validRequestWith("purpose", "   ")))
                    .extracting(FieldError::field, FieldError::message)
                    .containsExactly(tuple("purpose", "is required"));
        }

        @Test
        void aMissingRequiredDateOrNumberOrSelectIsRefused() {
            Map<String, Object> values = validRequest();
            values.remove("startDate");
            values.remove("durationDays");
            values.remove("fundedBy");

            assertThat(errorsOf(DISPATCH_REQUEST, values))
                    .extracting(FieldError::field, FieldError::message)
                    .containsExactlyInAnyOrder(
                            tuple("startDate", "is required"),
                            tuple("durationDays", "is required"),
                            tuple("fundedBy", "is required"));
        }

        @Test
        void anOptionalFieldMayBeLeftOut() {
            Map<String, Object> values = validRequest();
            values.remove("languagesNeeded");

            assertThatCode(() -> validator.validate(DISPATCH_REQUEST, values, "coordinator")).doesNotThrowAnyException();
        }

        @Test
        void anEmptySubmissionNamesEveryRequiredFieldAtOnce() {
            assertThat(errorsOf(DISPATCH_REQUEST, Map.of()))
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder("requestingBody", "requesterReference", "requesterEmail", "countryCode",
                            "purpose", "termsOfReference", "skillsNeeded", "startDate", "durationDays", "estimatedCost",
                            "estimatedCostCurrency", "fundedBy");
        }
    }

    @Nested
    class DisplayOnlyFields {

        @Test
        void disabledFieldsAreNotEditableAndSoNotRequired() {
            assertThat(catalog.editableFields(APPROVE_RELEASE))
                    .extracting(FormField::key)
                    .containsExactly("releaseDecision", "releaseComment");

            // requestReference, expertName, startDate... are shown on the form but not sent back: no error.
            assertThatCode(() -> validator.validate(APPROVE_RELEASE, Map.of("releaseDecision", "approved"), "manager"))
                    .doesNotThrowAnyException();
        }

        @Test
        void aDisabledFieldIsNotCheckedEvenWhenItsValueWouldBeInvalid() {
            // countryCode is a display-only select on approve-release; the process variable is not the user's input.
            Map<String, Object> values = Map.of("releaseDecision", "approved", "countryCode", "XX", "durationDays", -5);

            assertThatCode(() -> validator.validate(APPROVE_RELEASE, values, "manager")).doesNotThrowAnyException();
        }

        @Test
        void theEditableFieldOfADisplayFormIsStillRequired() {
            assertThat(errorsOf(APPROVE_RELEASE, Map.of("requestReference", "DR-2030-0001")))
                    .extracting(FieldError::field, FieldError::label, FieldError::message)
                    .containsExactly(tuple("releaseDecision", "Decision", "is required"));
        }
    }

    @Nested
    class EmailFields {

        @Test
        void anAddressWithoutAtSignIsRefused() {
            assertThat(errorsOf(DISPATCH_REQUEST, validRequestWith("requesterEmail", "not-an-email")))
                    .extracting(FieldError::field, FieldError::label, FieldError::message)
                    .containsExactly(tuple("requesterEmail", "Requester's e-mail", "must be an e-mail address"));
        }

        @Test
        void anAddressWithoutDomainOrWithSpacesIsRefused() {
            assertThat(errorsOf(DISPATCH_REQUEST, validRequestWith("requesterEmail", "goarn@localhost")))
                    .extracting(FieldError::field).containsExactly("requesterEmail");
            assertThat(errorsOf(DISPATCH_REQUEST, validRequestWith("requesterEmail", "goarn team@who.example")))
                    .extracting(FieldError::field).containsExactly("requesterEmail");
        }

        @Test
        void surroundingSpacesAreForgiven() {
            assertThatCode(() -> validator.validate(DISPATCH_REQUEST,
                    validRequestWith("requesterEmail", "  goarn@who.example "), "coordinator"))
                    .doesNotThrowAnyException();
        }
    }

    @Nested
    class NumberFields {

        @Test
        void belowTheMinimumIsRefused() {
            assertThat(errorsOf(DISPATCH_REQUEST, validRequestWith("durationDays", 0)))
                    .extracting(FieldError::field, FieldError::label, FieldError::message)
                    .containsExactly(tuple("durationDays", "Duration (days)", "must be at least 1"));
            assertThat(errorsOf(DISPATCH_REQUEST, validRequestWith("estimatedCost", -1)))
                    .extracting(FieldError::field, FieldError::message)
                    .containsExactly(tuple("estimatedCost", "must be at least 0"));
        }

        @Test
        void aboveTheMaximumIsRefused() {
            assertThat(errorsOf(DISPATCH_REQUEST, validRequestWith("durationDays", 366)))
                    .extracting(FieldError::field, FieldError::message)
                    .containsExactly(tuple("durationDays", "must be at most 365"));
        }

        @Test
        void theBoundsThemselvesAreAllowed() {
            assertThatCode(() -> validator.validate(DISPATCH_REQUEST, validRequestWith("durationDays", 1), "c"))
                    .doesNotThrowAnyException();
            assertThatCode(() -> validator.validate(DISPATCH_REQUEST, validRequestWith("durationDays", 365), "c"))
                    .doesNotThrowAnyException();
            assertThatCode(() -> validator.validate(DISPATCH_REQUEST, validRequestWith("estimatedCost", 0), "c"))
                    .doesNotThrowAnyException();
        }

        @Test
        void textThatIsNotANumberIsRefused() {
            assertThat(errorsOf(DISPATCH_REQUEST, validRequestWith("durationDays", "two weeks")))
                    .extracting(FieldError::field, FieldError::message)
                    .containsExactly(tuple("durationDays", "must be a number"));
        }
    }

    @Nested
    class ChoiceFields {

        @Test
        void aSelectValueOutsideItsOptionsIsRefused() {
            List<FieldError> errors = errorsOf(APPROVE_RELEASE, Map.of("releaseDecision", "maybe"));

            assertThat(errors).extracting(FieldError::field).containsExactly("releaseDecision");
            assertThat(errors.get(0).message()).isEqualTo("must be one of approved, rejected");
        }

        @Test
        void aChoiceOfRecordsIsCheckedAgainstTheRecordsWithTheSourcesOwnReason() {
            List<FieldError> errors = errorsOf(DISPATCH_REQUEST, validRequestWith("countryCode", "FR"));

            assertThat(errors).extracting(FieldError::field, FieldError::label, FieldError::message)
                    .containsExactly(tuple("countryCode", "Country", "'FR' is not one of the countries"));
            assertThatCode(() -> validator.validate(DISPATCH_REQUEST, validRequestWith("countryCode", "EG"), "c"))
                    .doesNotThrowAnyException();
            assertThat(errorsOf(DISPATCH_REQUEST, validRequestWith("estimatedCostCurrency", "XYZ")))
                    .extracting(FieldError::field, FieldError::message)
                    .containsExactly(tuple("estimatedCostCurrency", "'XYZ' is not one of the currencies"));
        }

        @Test
        void optionsAreCaseSensitive() {
            assertThat(errorsOf(DISPATCH_REQUEST, validRequestWith("fundedBy", "requester")))
                    .extracting(FieldError::field).containsExactly("fundedBy");
        }

        @Test
        void aRadioValueOutsideItsOptionsIsRefused() {
            assertThat(errorsOf(APPROVE_RELEASE, Map.of("releaseDecision", "maybe")))
                    .extracting(FieldError::field, FieldError::label, FieldError::message)
                    .containsExactly(tuple("releaseDecision", "Decision", "must be one of approved, rejected"));
        }

        @Test
        void everyDeclaredOptionIsAccepted() {
            for (String funding : List.of("REQUESTER", "MINISTRY", "SHARED")) {
                assertThatCode(() -> validator.validate(DISPATCH_REQUEST, validRequestWith("fundedBy", funding), "c"))
                        .as(funding).doesNotThrowAnyException();
            }
            for (String country : FixedOptionSources.options().options("countries").stream()
                    .map(FormOptionSource.FormOption::value).toList()) {
                assertThatCode(() -> validator.validate(DISPATCH_REQUEST, validRequestWith("countryCode", country), "c"))
                        .as(country).doesNotThrowAnyException();
            }
        }

        @Test
        void aSelectFilledFromAVariableIsNotLimitedToDeclaredOptions() {
            // match-expert's expertId takes its options from the expertCandidates variable: the form rules check it.
            assertThatCode(() -> validator.validate("match-expert",
                    Map.of("matchOutcome", "selected", "expertId", "42"), "coordinator"))
                    .doesNotThrowAnyException();
        }
    }

    @Nested
    class DateFields {

        @Test
        void aDateInAnotherFormatIsRefused() {
            assertThat(errorsOf(DISPATCH_REQUEST, validRequestWith("startDate", "01/06/2030")))
                    .extracting(FieldError::field, FieldError::label, FieldError::message)
                    .containsExactly(tuple("startDate", "Start date", "must be a date (YYYY-MM-DD)"));
        }

        @Test
        void aDayThatDoesNotExistIsRefused() {
            assertThat(errorsOf(DISPATCH_REQUEST, validRequestWith("startDate", "2030-02-30")))
                    .extracting(FieldError::field, FieldError::message)
                    .containsExactly(tuple("startDate", "must be a date (YYYY-MM-DD)"));
        }

        @Test
        void aDateBeforeTodayIsRefusedByTheSharedNotPastRuleWithTheFormsLabel() {
            LocalDate today = LocalDate.of(2030, 6, 1);
            FormRules notPast = new FormRules() {
                @Override
                public Set<String> formIds() {
                    return Set.of(DISPATCH_REQUEST);
                }

                @Override
                public void check(FormSubmission submission) {
                    submission.requireNotPast("startDate", today);
                }
            };
            FormSubmissionValidator withRule = new FormSubmissionValidator(catalog, FixedOptionSources.options(), List.of(notPast));

            InvalidSubmissionException yesterday = catchThrowableOfType(InvalidSubmissionException.class,
                    () -> withRule.validate(DISPATCH_REQUEST, validRequestWith("startDate", "2030-05-31"), "c"));

            assertThat(yesterday.errors())
                    .extracting(FieldError::field, FieldError::label, FieldError::message)
                    .containsExactly(tuple("startDate", "Start date", "must not be in the past"));
            assertThatCode(() -> withRule.validate(DISPATCH_REQUEST, validRequestWith("startDate", "2030-06-01"), "c"))
                    .doesNotThrowAnyException();
        }
    }

    @Nested
    class TextFields {

        @Test
        void textLongerThanMaxLengthIsRefused() {
            assertThat(errorsOf(DISPATCH_REQUEST, validRequestWith("requesterReference", "R".repeat(61))))
                    .extracting(FieldError::field, FieldError::message)
                    .containsExactly(tuple("requesterReference", "must have at most 60 characters"));
        }

        @Test
        void textOfExactlyMaxLengthIsAllowed() {
            assertThatCode(() -> validator.validate(DISPATCH_REQUEST,
                    validRequestWith("requesterReference", "R".repeat(60)), "coordinator"))
                    .doesNotThrowAnyException();
        }

        @Test
        void anOptionalTextIsStillLimitedInLength() {
            assertThat(errorsOf(APPROVE_RELEASE, Map.of("releaseDecision", "rejected", "releaseComment", "x".repeat(1001))))
                    .extracting(FieldError::field, FieldError::message)
                    .containsExactly(tuple("releaseComment", "must have at most 1000 characters"));
        }

        @Test
        void aNonTextValueForATextFieldIsRefused() {
            assertThat(errorsOf(DISPATCH_REQUEST, validRequestWith("purpose", 42)))
                    .extracting(FieldError::field, FieldError::message)
                    .containsExactly(tuple("purpose", "must be text"));
        }
    }

    @Nested
    class SeveralProblems {

        @Test
        void everyBrokenFieldIsReportedTogetherWithItsKey() {
            Map<String, Object> values = validRequest();
            values.put("requesterEmail", "not-an-email");
            values.put("durationDays", 0);
            values.put("countryCode", "FR");
            values.remove("purpose");

            InvalidSubmissionException e = catchThrowableOfType(InvalidSubmissionException.class,
                    () -> validator.validate(DISPATCH_REQUEST, values, "coordinator"));

            assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactlyInAnyOrder("requesterEmail", "durationDays", "countryCode", "purpose");
            assertThat(e.getMessage())
                    .startsWith("Please correct the form. ")
                    .contains("Requester's e-mail: must be an e-mail address")
                    .contains("Duration (days): must be at least 1")
                    .contains("Country: 'FR' is not one of the countries")
                    .contains("Purpose: is required");
        }

        @Test
        void formRulesRunAfterTheDeclaredChecksAndTheirErrorsAreReportedWithThem() {
            List<String> seen = new ArrayList<>();
            FormRules rules = new FormRules() {
                @Override
                public Set<String> formIds() {
                    return Set.of(DISPATCH_REQUEST);
                }

                @Override
                public void check(FormSubmission submission) {
                    seen.add(submission.formId() + " by " + submission.userId()
                            + (submission.hasErrorOn("requesterEmail") ? " after field checks" : ""));
                    submission.rejectWith("requestingBody", "is not a known partner organisation");
                }
            };
            FormSubmissionValidator withRules = new FormSubmissionValidator(catalog, FixedOptionSources.options(), List.of(rules));

            InvalidSubmissionException e = catchThrowableOfType(InvalidSubmissionException.class,
                    () -> withRules.validate(DISPATCH_REQUEST, validRequestWith("requesterEmail", "nope"), "coordinator"));

            assertThat(seen).containsExactly("dispatch-request by coordinator after field checks");
            assertThat(e.errors())
                    .extracting(FieldError::field)
                    .containsExactly("requesterEmail", "requestingBody");
        }

        @Test
        void formRulesApplyOnlyToTheirOwnForms() {
            FormRules refuseEverything = new FormRules() {
                @Override
                public Set<String> formIds() {
                    return Set.of(DISPATCH_REQUEST);
                }

                @Override
                public void check(FormSubmission submission) {
                    submission.rejectWith("x", "always refused");
                }
            };
            FormSubmissionValidator withRules = new FormSubmissionValidator(catalog, FixedOptionSources.options(), List.of(refuseEverything));

            assertThatCode(() -> withRules.validate(APPROVE_RELEASE, Map.of("releaseDecision", "approved"), "manager"))
                    .doesNotThrowAnyException();
            assertThatThrownBy(() -> withRules.validate(DISPATCH_REQUEST, validRequest(), "coordinator"))
                    .isInstanceOf(InvalidSubmissionException.class)
                    .hasMessage("Please correct the form. x: always refused");
        }
    }
}
