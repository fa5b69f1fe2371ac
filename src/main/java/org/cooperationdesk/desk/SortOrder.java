package org.cooperationdesk.desk;

/** A list's order: the key the reader chose, its direction, and the SQL it becomes (from {@link Sorting} only). */
public record SortOrder(String key, boolean descending, String column, String tieBreaker) {

    /** " order by c.name asc nulls last, c.id asc": nulls last in both directions, on H2 and PostgreSQL alike. */
    public String sql() {
        return " order by " + column + (descending ? " desc" : " asc") + " nulls last, " + tieBreaker;
    }
}
