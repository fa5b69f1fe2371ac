package org.cooperationdesk.desk;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The columns a list may be sorted by, each a key of the address ({@code sort=start&dir=desc}) mapped to its SQL
 * expression: only these reach the SQL, anything else is a 400 page. The tie-breaker (a unique column) keeps the
 * order stable, so a row never shows on two pages.
 */
public final class Sorting {

    private final Map<String, String> columns;
    private final String defaultKey;
    private final boolean defaultDescending;
    private final String tieBreaker;

    private Sorting(Map<String, String> columns, String defaultKey, boolean defaultDescending, String tieBreaker) {
        this.columns = columns;
        this.defaultKey = defaultKey;
        this.defaultDescending = defaultDescending;
        this.tieBreaker = tieBreaker;
    }

    /** keysAndColumns: key, SQL expression, key, SQL expression, ... */
    public static Sorting of(String tieBreaker, String defaultKey, boolean defaultDescending, String... keysAndColumns) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndColumns.length; i += 2) {
            columns.put(keysAndColumns[i], keysAndColumns[i + 1]);
        }
        if (!columns.containsKey(defaultKey)) {
            throw new IllegalArgumentException("The default sort key " + defaultKey + " is not a column");
        }
        return new Sorting(Map.copyOf(columns), defaultKey, defaultDescending, tieBreaker);
    }

    /** The order a request asks for: unknown key or direction, a 400 page. */
    public SortOrder order(String key, String direction) {
        String wanted = key == null || key.isBlank() ? defaultKey : key.trim();
        String column = columns.get(wanted);
        if (column == null) {
            throw DeskRefusal.badRequest("error.badRequest.sort", wanted);
        }
        boolean descending;
        if (direction == null || direction.isBlank()) {
            descending = wanted.equals(defaultKey) && defaultDescending;
        } else {
            descending = switch (direction.trim().toLowerCase(Locale.ROOT)) {
                case "asc" -> false;
                case "desc" -> true;
                default -> throw DeskRefusal.badRequest("error.badRequest.direction", direction);
            };
        }
        return new SortOrder(wanted, descending, column, tieBreaker);
    }
}
