package vn.loa.listening.web;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.QuoteMode;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.DeferredSXSSFSheet;
import org.apache.poi.xssf.streaming.DeferredSXSSFWorkbook;

/**
 * Writes rows as CSV with Apache Commons CSV (UTF-8 with a byte-order mark, so Excel reads Vietnamese
 * correctly; every cell quoted) or as an Excel workbook with Apache POI's streaming writer (one sheet,
 * text cells, rows written straight into the file: no temporary file holds the posts). CSV cells that a
 * spreadsheet would take for a formula (starting with =, +, -, @, tab or carriage return) are prefixed
 * with an apostrophe: post texts are written by strangers.
 */
final class SpreadsheetWriter {

    private static final CSVFormat CSV = CSVFormat.RFC4180.builder().setQuoteMode(QuoteMode.ALL).get();
    /** Excel holds at most 32,767 characters in a cell. */
    private static final int MAX_CELL = 32_000;

    private SpreadsheetWriter() {
    }

    static void csv(List<String> header, Iterable<List<String>> rows, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSV);
        printer.printRecord(header.stream().map(SpreadsheetWriter::defuse));
        for (List<String> row : rows) {
            printer.printRecord(row.stream().map(SpreadsheetWriter::defuse));
        }
        printer.flush();
    }

    static void xlsx(String sheetName, List<String> header, Iterable<List<String>> rows, OutputStream out)
            throws IOException {
        try (DeferredSXSSFWorkbook workbook = new DeferredSXSSFWorkbook()) {
            // entries of at most 4 GB, described as plain zip: ZIP64 fields with a streamed entry's unknown size
            // make Java's own ZipInputStream (and other strict readers) refuse the file
            workbook.setZip64Mode(Zip64Mode.Never);
            DeferredSXSSFSheet sheet = workbook.createSheet(sheetName);
            sheet.setRowGenerator(generated -> {
                int number = 0;
                xlsxRow(generated.createRow(number++), header);
                for (List<String> row : rows) {
                    xlsxRow(generated.createRow(number++), row);
                }
            });
            workbook.writeAvoidingTempFiles(out);
        }
    }

    private static void xlsxRow(Row row, List<String> cells) {
        for (int c = 0; c < cells.size(); c++) {
            String text = cells.get(c) == null ? "" : cells.get(c);
            row.createCell(c).setCellValue(text.length() > MAX_CELL ? text.substring(0, MAX_CELL) : text);
        }
    }

    /** A cell's text that no spreadsheet will run as a formula. */
    static String defuse(String cell) {
        if (cell == null) {
            return "";
        }
        if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return "'" + cell;
        }
        return cell;
    }
}
