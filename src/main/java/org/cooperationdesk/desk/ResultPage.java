package org.cooperationdesk.desk;

import java.util.List;

/** One page of a list: its rows, the number of rows in the whole list, which page (from 1) of how many. */
public record ResultPage<T>(List<T> rows, long total, int number) {

    public static final int SIZE = 25;

    /** The slice of a query's rows, standard SQL that H2 and PostgreSQL both run (bind :offset and :limit). */
    public static final String SLICE = " offset :offset rows fetch next :limit rows only";

    /** A page number from the address: 1 or more, or a 400 page. */
    public static int number(int requested) {
        if (requested < 1) {
            throw DeskRefusal.badRequest("error.badRequest.page", String.valueOf(requested));
        }
        return requested;
    }

    public static long offset(int number) {
        return (long) (number - 1) * SIZE;
    }

    public int getPages() {
        return (int) Math.max(1, (total + SIZE - 1) / SIZE);
    }

    public long getFirstRow() {
        return rows.isEmpty() ? 0 : offset(number) + 1;
    }

    public long getLastRow() {
        return rows.isEmpty() ? 0 : offset(number) + rows.size();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    public boolean hasPrevious() {
        return number > 1;
    }

    public boolean hasNext() {
        return number < getPages();
    }
}
