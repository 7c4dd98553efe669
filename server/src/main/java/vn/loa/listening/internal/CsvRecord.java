package vn.loa.listening.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Splits the text of one CSV record (RFC 4180, as spreadsheets write it) into its fields with Apache
 * Commons CSV. The importer reads a file line by line, so that a line in another encoding is refused on
 * its own; a record whose quoted field goes on over the line's end is given the next lines until it
 * closes. Each record is parsed on its own, so that a malformed one is quarantined and the rest read.
 */
final class CsvRecord {

    /** Text after a closing quote is kept, as spreadsheets do ({@code "a"b} reads {@code ab}). */
    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setTrailingData(true).get();
    /** The same, taking the end of the text for the close of a quoted field still open. */
    private static final CSVFormat OPEN_AT_END = FORMAT.builder().setLenientEof(true).get();

    private CsvRecord() {
    }

    /**
     * The fields of the record, or null if a quoted field is still open at the end of the text (the
     * record goes on on the next line).
     *
     * @throws RejectedLine if the text is not one CSV record
     */
    static List<String> fields(String text) throws RejectedLine {
        List<CSVRecord> records;
        try {
            records = parse(text, FORMAT);
        } catch (IOException | UncheckedIOException e) {
            try {
                parse(text, OPEN_AT_END);
            } catch (IOException | UncheckedIOException notOnlyOpen) {
                throw new RejectedLine("not a CSV record: "
                        + (e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e).getMessage());
            }
            return null;
        }
        if (records.size() > 1) {
            throw new RejectedLine("a carriage return outside quotes splits the line; save the file with ordinary line ends");
        }
        return records.isEmpty() ? List.of("") : records.getFirst().toList();
    }

    private static List<CSVRecord> parse(String text, CSVFormat format) throws IOException {
        try (CSVParser parser = CSVParser.parse(text, format)) {
            return parser.getRecords();
        }
    }
}
