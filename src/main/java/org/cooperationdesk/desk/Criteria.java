package org.cooperationdesk.desk;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The where clause of a list's query, built from the filters the reader set: each condition is fixed SQL with named
 * parameters, every value is bound, never written into the SQL.
 */
public final class Criteria {

    private final List<String> conditions = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();

    /** A condition with one parameter, added only when the value is given (not null, not blank). */
    public Criteria when(Object value, String condition, String parameter) {
        if (value != null && !(value instanceof String text && text.isBlank())) {
            conditions.add(condition);
            parameters.put(parameter, value instanceof String text ? text.trim() : value);
        }
        return this;
    }

    /** A condition that holds its own values (or binds them with {@link #bind}), added when asked. */
    public Criteria when(boolean wanted, String condition) {
        if (wanted) {
            conditions.add(condition);
        }
        return this;
    }

    /** A condition with one parameter, added when asked. */
    public Criteria when(boolean wanted, String condition, String parameter, Object value) {
        if (wanted) {
            conditions.add(condition);
            parameters.put(parameter, value);
        }
        return this;
    }

    public Criteria bind(String parameter, Object value) {
        parameters.put(parameter, value);
        return this;
    }

    /**
     * Free text: rows where any of the columns contains it, whatever the case. The text's own % and _ are taken
     * literally ('!' escapes them).
     */
    public Criteria text(String text, String... columns) {
        return text(text, List.of(columns), List.of());
    }

    /** Free text in the columns, or in conditions of their own that use the parameter :text (an exists on a tag). */
    public Criteria text(String text, List<String> columns, List<String> orConditions) {
        if (text == null || text.isBlank()) {
            return this;
        }
        String pattern = "%" + text.trim().toLowerCase(Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
        List<String> alternatives = new ArrayList<>();
        columns.forEach(column -> alternatives.add("lower(" + column + ") like :text escape '!'"));
        alternatives.addAll(orConditions);
        conditions.add(alternatives.stream().collect(Collectors.joining(" or ", "(", ")")));
        parameters.put("text", pattern);
        return this;
    }

    /** " where a and b", or nothing. */
    public String sql() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    public Map<String, Object> parameters() {
        return new LinkedHashMap<>(parameters);
    }

    /** The parameters with the page's slice ({@link ResultPage#SLICE}). */
    public Map<String, Object> parameters(int page) {
        Map<String, Object> withSlice = parameters();
        withSlice.put("offset", ResultPage.offset(page));
        withSlice.put("limit", ResultPage.SIZE);
        return withSlice;
    }
}
