package org.cooperationdesk.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/** Reading a process's variables in delegates and listeners, as {@link FormValues} reads form values. */
public final class ProcessValues {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProcessValues() {
    }

    public static String text(VariableScope scope, String name) {
        return FormValues.text(scope.getVariable(name));
    }

    public static BigDecimal number(VariableScope scope, String name) {
        return FormValues.number(scope.getVariable(name));
    }

    /** A whole number that must be there (a record's id, a count). */
    public static long id(VariableScope scope, String name) {
        BigDecimal number = number(scope, name);
        if (number == null) {
            throw new IllegalStateException("The process has no " + name);
        }
        return number.longValue();
    }

    public static int integer(VariableScope scope, String name) {
        return (int) id(scope, name);
    }

    public static LocalDate date(VariableScope scope, String name) {
        return FormValues.date(scope.getVariable(name));
    }

    public static List<String> list(VariableScope scope, String name) {
        return FormValues.list(scope.getVariable(name));
    }

    public static List<Long> ids(VariableScope scope, String name) {
        return FormValues.ids(scope.getVariable(name));
    }

    public static boolean isTrue(VariableScope scope, String name) {
        return Boolean.TRUE.equals(scope.getVariable(name));
    }

    /** Options for a form's select or checklist ({@code valuesKey}), or any list a form shows, as JSON. */
    public static JsonValue json(Object value) {
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write " + value + " as JSON", e);
        }
    }
}
