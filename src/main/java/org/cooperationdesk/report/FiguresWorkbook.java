package org.cooperationdesk.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The figures as an Excel workbook (Apache POI): one sheet per table, its header row bold and frozen with a filter,
 * counts and amounts as numeric cells (counts and yen "#,##0", other currencies "#,##0.00"), dates as dates; a last
 * sheet with the period and what each table counts.
 */
final class FiguresWorkbook {

    private static final int MAX_WIDTH = 60;

    private FiguresWorkbook() {
    }

    /** definitions: the header of the definitions sheet (table, what it counts) and its extra rows (name, text). */
    static byte[] write(String title, List<FigureTable> tables, String definitionsName, List<String> definitionsHeader,
                        List<List<String>> extraDefinitions) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.getProperties().getCoreProperties().setTitle(title);
            workbook.getProperties().getCoreProperties().setCreator("Cooperation Desk");
            Styles styles = new Styles(workbook);
            for (FigureTable table : tables) {
                Sheet sheet = workbook.createSheet(table.name());
                header(sheet, styles, table.columns().stream().map(FigureTable.Column::name).toList());
                int[] widths = table.columns().stream().mapToInt(column -> column.name().length()).toArray();
                int r = 1;
                for (List<Object> values : table.rows()) {
                    Row row = sheet.createRow(r++);
                    for (int c = 0; c < values.size(); c++) {
                        FigureTable.Type type = table.columns().get(c).type();
                        widths[c] = Math.max(widths[c], write(row.createCell(c), values.get(c), type, styles));
                    }
                }
                finish(sheet, widths, table.columns().size(), r - 1);
            }
            Sheet definitions = workbook.createSheet(definitionsName);
            header(definitions, styles, definitionsHeader);
            int r = 1;
            for (List<String> line : extraDefinitions) {
                definition(definitions.createRow(r++), line.get(0), line.get(1), styles);
            }
            for (FigureTable table : tables) {
                definition(definitions.createRow(r++), table.title(), table.note(), styles);
            }
            definitions.setColumnWidth(0, 40 * 256);
            definitions.setColumnWidth(1, 110 * 256);
            definitions.createFreezePane(0, 1);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void header(Sheet sheet, Styles styles, List<String> names) {
        Row header = sheet.createRow(0);
        for (int c = 0; c < names.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(names.get(c));
            cell.setCellStyle(styles.header);
        }
    }

    /** The cell's value and style; returns its width in characters. */
    private static int write(Cell cell, Object value, FigureTable.Type type, Styles styles) {
        if (value == null) {
            return 0;
        }
        if (value instanceof Number number) {
            double amount = number instanceof BigDecimal decimal ? decimal.doubleValue() : number.doubleValue();
            cell.setCellValue(amount);
            cell.setCellStyle(styles.of(type == FigureTable.Type.AMOUNT ? FigureTable.Type.AMOUNT : FigureTable.Type.COUNT));
            return String.format("%,.2f", amount).length();
        }
        if (value instanceof LocalDate date) {
            cell.setCellValue(date);
            cell.setCellStyle(styles.of(FigureTable.Type.DATE));
            return 10;
        }
        cell.setCellValue(value.toString());
        return value.toString().length();
    }

    private static void definition(Row row, String name, String text, Styles styles) {
        row.createCell(0).setCellValue(name);
        Cell cell = row.createCell(1);
        cell.setCellValue(text);
        cell.setCellStyle(styles.wrapped);
        row.getCell(0).setCellStyle(styles.wrapped);
    }

    private static void finish(Sheet sheet, int[] widths, int columns, int lastRow) {
        for (int c = 0; c < columns; c++) {
            sheet.setColumnWidth(c, (Math.min(MAX_WIDTH, widths[c]) + 3) * 256);
        }
        sheet.createFreezePane(0, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(0, lastRow), 0, columns - 1));
    }

    /** The workbook's cell styles, made once (a workbook holds at most 64,000). */
    private static final class Styles {

        final CellStyle header;
        final CellStyle wrapped;
        private final Map<FigureTable.Type, CellStyle> values = new EnumMap<>(FigureTable.Type.class);

        Styles(XSSFWorkbook workbook) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            wrapped = workbook.createCellStyle();
            wrapped.setWrapText(true);
            wrapped.setVerticalAlignment(org.apache.poi.ss.usermodel.VerticalAlignment.TOP);
            values.put(FigureTable.Type.COUNT, format(workbook, "#,##0"));
            values.put(FigureTable.Type.AMOUNT, format(workbook, "#,##0.00"));
            values.put(FigureTable.Type.DATE, format(workbook, "yyyy-mm-dd"));
        }

        CellStyle of(FigureTable.Type type) {
            return values.get(type);
        }

        private static CellStyle format(XSSFWorkbook workbook, String pattern) {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(pattern));
            return style;
        }
    }
}
