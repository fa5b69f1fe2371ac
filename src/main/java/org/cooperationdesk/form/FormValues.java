package org.cooperationdesk.form;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * How form values arrive and what they mean: Tasklist sends dates as "2026-12-01", numbers as Long or
 * Double, checklists as JSON; the API sends JSON types. One reading for validators and delegates alike.
 */
public final class FormValues {

    private FormValues() {
    }

    public static String text(Object value) {
        return value == null ? null : value.toString().trim();
    }

    /** A date, or null when missing or malformed; a date-time string is cut to its date. */
    public static LocalDate date(Object value) {
        if (value instanceof LocalDate localDate) {
            return localDate;
        }
        if (value instanceof Date date) {
            return new java.sql.Date(date.getTime()).toLocalDate();
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text.trim());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /** A number, or null when missing or not a number. */
    public static BigDecimal number(Object value) {
        if (value instanceof BigDecimal decimal) {
            return decimal;
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString());
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return new BigDecimal(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    /** Whether the value is a list at all (a checklist's JSON array or a collection). */
    public static boolean isList(Object value) {
        return value instanceof Collection<?> || value instanceof SpinJsonNode json && json.isArray();
    }

    /** A checklist's or tag list's values as text; empty when missing. */
    public static List<String> list(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof Collection<?> collection) {
            collection.forEach(item -> result.add(String.valueOf(item)));
        } else if (value instanceof SpinJsonNode json && json.isArray()) {
            json.elements().forEach(item -> result.add(item.isString() ? item.stringValue() : item.toString()));
        } else if (value instanceof String text && text.trim().startsWith("[")) {
            Spin.JSON(text).elements().forEach(item -> result.add(item.isString() ? item.stringValue() : item.toString()));
        }
        return result;
    }

    /** A checklist of record ids. */
    public static List<Long> ids(Object value) {
        List<Long> ids = new ArrayList<>();
        for (String item : list(value)) {
            BigDecimal number = number(item);
            if (number != null) {
                ids.add(number.longValue());
            }
        }
        return ids;
    }
}
