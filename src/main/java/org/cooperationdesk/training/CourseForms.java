package org.cooperationdesk.training;

import static org.cooperationdesk.training.TrainingVariables.*;

import java.math.BigDecimal;
import java.util.function.Function;

import org.cooperationdesk.form.FormValues;

/** Reading the record-nomination form (or the same fields posted to the API) into a nomination. */
final class CourseForms {

    private CourseForms() {
    }

    static CourseRecords.NominationDraft nominationDraft(Function<String, Object> values) {
        BigDecimal years = FormValues.number(values.apply(YEARS_OF_EXPERIENCE));
        return new CourseRecords.NominationDraft(
                FormValues.text(values.apply(COUNTRY_CODE)),
                Boolean.TRUE.equals(values.apply(OFFICIAL_APPLICATION)),
                FormValues.text(values.apply(ORGANISATION)),
                FormValues.text(values.apply(POSITION)),
                FormValues.text(values.apply(FULL_NAME)),
                FormValues.text(values.apply(EMAIL)),
                FormValues.date(values.apply(DATE_OF_BIRTH)),
                FormValues.text(values.apply(PASSPORT_NUMBER)),
                FormValues.date(values.apply(PASSPORT_EXPIRY)),
                years == null ? null : years.intValue(),
                FormValues.text(values.apply(NOMINEE_LANGUAGE)),
                Boolean.TRUE.equals(values.apply(HEALTH_DECLARATION)));
    }
}
