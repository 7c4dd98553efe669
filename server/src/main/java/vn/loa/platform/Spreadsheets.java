package vn.loa.platform;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.DeferredSXSSFSheet;
import org.apache.poi.xssf.streaming.DeferredSXSSFWorkbook;

/**
 * Writes rows as CSV with Apache Commons CSV (UTF-8 with a byte-order mark, so Excel reads Vietnamese
 * correctly; every cell quoted) or as an Excel workbook with Apache POI's streaming writer (one sheet, rows
 * written straight into the file: no temporary file holds the posts). A cell is a {@link String}, a
 * {@link Long} or a {@link LocalDateTime} (Asia/Ho_Chi_Minh): in CSV a number and {@code dd/MM/yyyy HH:mm:ss}; in
 * Excel a number and a date cell shown as {@code dd/mm/yyyy hh:mm:ss}, so that a column sorts and filters as dates;
 * text is always a text cell, never a formula. The Excel header is bold and stays in view. CSV cells that a
 * spreadsheet would take for a formula (starting with =, +, -, @, tab or carriage return) are prefixed with an
 * apostrophe: post texts are written by strangers. An Excel cell holds at most 32,767 characters: a longer text is
 * cut there, at a space where it can, and ends with the marker it is given, so that nobody takes it for the whole (the CSV
 * file has it all). Used by the posts' download and the audit trail's.
 */
public final class Spreadsheets {

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();
    /** Excel holds at most 32,767 characters in a cell. */
    static final int MAX_CELL = 32_767;
    private static final DateTimeFormatter CSV_TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm:ss");

    private Spreadsheets() {
    }

    /** Writes the header and rows as CSV (UTF-8 with a byte-order mark) to {@code out}, flushed, not closed. */
    public static void csv(List<String> header, Iterable<? extends List<?>> rows, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSV);
        printer.printRecord(header.stream().map(Spreadsheets::defuse));
        for (List<?> row : rows) {
            printer.printRecord(row.stream().map(Spreadsheets::csvCell));
        }
        printer.flush();
    }

    private static String csvCell(Object cell) {
        if (cell instanceof LocalDateTime time) {
            return CSV_TIME.format(time);
        }
        return cell instanceof Long number ? number.toString() : defuse((String) cell);
    }

    /**
     * Writes the header and rows as one sheet of an Excel workbook to {@code out}.
     *
     * @param cutMarker what ends a text cut to fit a cell, after a space ("[…] (cut short; the CSV file has it all)", in
     *     the reader's language); must not be null
     */
    public static void xlsx(String sheetName, List<String> header, Iterable<? extends List<?>> rows, String cutMarker,
            OutputStream out) throws IOException {
        try (DeferredSXSSFWorkbook workbook = new DeferredSXSSFWorkbook()) {
            // entries of at most 4 GB, described as plain zip: ZIP64 fields with a streamed entry's unknown size
            // make Java's own ZipInputStream (and other strict readers) refuse the file
            workbook.setZip64Mode(Zip64Mode.Never);
            DeferredSXSSFSheet sheet = workbook.createSheet(sheetName);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle time = workbook.createCellStyle();
            time.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy hh:mm:ss"));
            sheet.createFreezePane(0, 1);
            sheet.setRowGenerator(generated -> {
                int number = 0;
                Row first = generated.createRow(number++);
                for (int c = 0; c < header.size(); c++) {
                    first.createCell(c).setCellValue(header.get(c));
                    first.getCell(c).setCellStyle(bold);
                }
                for (List<?> row : rows) {
                    xlsxRow(generated.createRow(number++), row, time, cutMarker);
                }
            });
            workbook.writeAvoidingTempFiles(out);
        }
    }

    private static void xlsxRow(Row row, List<?> cells, CellStyle time, String cutMarker) {
        for (int c = 0; c < cells.size(); c++) {
            Object cell = cells.get(c);
            if (cell instanceof Long number) {
                row.createCell(c).setCellValue(number);
            } else if (cell instanceof LocalDateTime at) {
                row.createCell(c).setCellValue(at);
                row.getCell(c).setCellStyle(time);
            } else {
                String text = cell == null ? "" : (String) cell;
                row.createCell(c).setCellValue(fitted(text, cutMarker));
            }
        }
    }

    /** The text as one Excel cell holds it: whole, or cut (at a space where one is near) and ended by the marker. */
    static String fitted(String text, String cutMarker) {
        if (text.length() <= MAX_CELL) {
            return text;
        }
        int end = MAX_CELL - cutMarker.length() - 1;
        if (Character.isLowSurrogate(text.charAt(end))) {
            end--;
        }
        int space = text.lastIndexOf(' ', end);
        if (space > end - 200) {
            end = space;
        }
        return text.substring(0, end).stripTrailing() + " " + cutMarker;
    }

    /** A cell's text that no spreadsheet will run as a formula. */
    public static String defuse(String cell) {
        if (cell == null) {
            return "";
        }
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
