package org.cooperationdesk.form;

import java.util.List;

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

    /** Why a value is not among the options, e.g. "'XX' is not a country the office knows (ISO 3166-1 code)". */
    String unknown(String value);

    /** One option: the value stored, the label shown. */
    record FormOption(String value, String label) {
    }
}
