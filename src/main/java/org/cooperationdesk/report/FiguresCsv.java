package org.cooperationdesk.report;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The figures as one CSV file (RFC 4180, UTF-8 with a byte order mark so that Excel reads every name, lines ending in
 * CRLF) with one section per table: a line with the table's title, its header, its rows, and an empty line before the
 * next section. The first section names the period (its name in the reader's language, first and last day). Numbers are plain (1234567,
 * 3000000.00), dates ISO (2008-04-01); a text that a spreadsheet would take for a formula (=, +, -, @) is written
 * with a leading apostrophe.
 */
final class FiguresCsv {

    static final String BOM = "\uFEFF";
    private static final String LINE = "\r\n";

    private FiguresCsv() {
    }

    static byte[] write(ReportPeriod period, String periodLabel, String periodTitle, List<String> periodHeader,
                        List<FigureTable> tables) {
        StringBuilder csv = new StringBuilder(BOM);
        csv.append(cell(periodTitle)).append(LINE);
        csv.append(periodHeader.stream().map(FiguresCsv::cell).collect(Collectors.joining(","))).append(LINE);
        csv.append(String.join(",", cell(periodLabel), period.start().toString(), period.last().toString())).append(LINE);
        for (FigureTable table : tables) {
            csv.append(LINE).append(cell(table.title())).append(LINE);
            csv.append(table.columns().stream().map(column -> cell(column.name())).collect(Collectors.joining(",")))
                    .append(LINE);
            for (List<Object> row : table.rows()) {
                csv.append(row.stream().map(FiguresCsv::value).collect(Collectors.joining(","))).append(LINE);
            }
        }
        return csv.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String value(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof BigDecimal amount) {
            return amount.toPlainString();
        }
        if (value instanceof Number || value instanceof LocalDate) {
            return value.toString();
        }
        return cell(value.toString());
    }

    static String cell(String text) {
        String safe = !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
        if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                || !safe.equals(safe.strip())) {
            return "\"" + safe.replace("\"", "\"\"") + "\"";
        }
        return safe;
    }
}
