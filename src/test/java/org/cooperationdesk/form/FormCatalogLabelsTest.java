package org.cooperationdesk.form;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * A refusal names the field as the user's form shows it: in Japanese for a Japanese request (the form's translation),
 * the form's own label otherwise; without Spring.
 */
class FormCatalogLabelsTest {

    private final FormCatalog catalog = new FormCatalog(new FormTranslations());

    @AfterEach
    void noLanguage() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aFieldsLabelInTheRequestsLanguage() {
        assertThat(catalog.label("dispatch-request", "startDate")).as("no request").isEqualTo("Start date");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(catalog.label("dispatch-request", "startDate")).isEqualTo("Start date");
        LocaleContextHolder.setLocale(Locale.JAPANESE);
        assertThat(catalog.label("dispatch-request", "startDate")).as("a date field's date label").isEqualTo("開始日");
        assertThat(catalog.label("dispatch-request", "requestingBody")).isEqualTo("要請機関");
        assertThat(catalog.label("dispatch-request", "noSuchField")).isEqualTo("noSuchField");
        assertThat(new FormCatalog().label("dispatch-request", "startDate")).as("a catalog without translations").isEqualTo("Start date");
    }

    @Test
    void aJapaneseRefusalNamesTheFieldInJapanese() {
        FormRules notPast = new FormRules() {
            @Override
            public Set<String> formIds() {
                return Set.of("dispatch-request");
            }

            @Override
            public void check(FormSubmission form) {
                form.requireNotPast("startDate", LocalDate.now());
            }
        };
        FormSubmissionValidator validator = new FormSubmissionValidator(catalog, FixedOptionSources.options(), List.of(notPast));
        Map<String, Object> values = new java.util.HashMap<>(Map.of("startDate", LocalDate.now().minusDays(1).toString()));
        LocaleContextHolder.setLocale(Locale.JAPANESE);

        assertThatThrownBy(() -> validator.validate("dispatch-request", values::get, "coordinator"))
                .isInstanceOf(InvalidSubmissionException.class)
                .hasMessageContaining("開始日：過去の日付は入力できません");
    }
}
