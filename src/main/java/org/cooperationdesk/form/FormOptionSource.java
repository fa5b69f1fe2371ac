package org.cooperationdesk.form;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where a choice field's options come from when they are records (countries, organisations, currencies), not a
 * list frozen in the form file. A form names its source in the field's custom property {@code options}
 * ({@code "properties": {"options": "countries"}}); {@link FormOptions} fills the field when Tasklist fetches the
 * form and checks a submitted choice against the same records.
 */
public interface FormOptionSource {

    /** The name forms use in {@code properties.options}. */
    String name();

    /** The options now, in the order a person reads them; a submitted choice is checked against these. */
    List<FormOption> options();

    /**
     * The options a task's form shows in one process instance. A source may narrow them there (the countries a course
     * invited, for its nominations); the room's own rules then refuse a choice outside them.
     */
    default List<FormOption> options(String processInstanceId) {
        return options();
    }

    /**
     * The options' labels in another language than English, by value, where the records hold them (a country's or an
     * organisation's Japanese name); a form shows these instead, an option without one keeps its label. The values
     * never change. None by default.
     */
    default Map<String, String> labels(Locale locale) {
        return Map.of();
    }

    /** Why a value is not among the options, e.g. "'XX' is not a country the office knows (ISO 3166-1 code)". */
    String unknown(String value);

    /** One option: the value stored, the label shown. */
    record FormOption(String value, String label) {
    }
}
