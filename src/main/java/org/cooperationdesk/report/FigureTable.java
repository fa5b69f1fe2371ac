package org.cooperationdesk.report;

import java.util.List;

/**
 * One table of the figures as the downloads write it (a CSV section, an XLSX sheet): its id, a short name (the
 * sheet's, at most 31 characters), its title and the note that defines what it counts, typed columns, and rows of
 * values (String, Long, BigDecimal or LocalDate; null is empty).
 */
public record FigureTable(String id, String name, String title, String note, List<Column> columns,
                          List<List<Object>> rows) {

    public enum Type {
        TEXT, DATE, COUNT, YEN, AMOUNT
    }

    public record Column(String name, Type type) {
    }
}
