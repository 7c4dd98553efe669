package vn.loa.nlp.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import vn.loa.nlp.io.JsonLine;

/**
 * Reads labelled JSON lines ({@code .jsonl} or {@code .jsonl.gz}) in the formats of
 * {@code ../shared/data}: a {@code text} field and a label field. A malformed line is reported with
 * its number and reason and skipped; the rest is read.
 */
public final class LabeledData {

    private LabeledData() {
    }

    /** A line that could not be read. */
    public record Problem(long line, String reason) {
    }

    /** What was read. */
    public record Read(List<LabeledText> rows, List<Problem> problems) {
    }

    /** The registers a row may name in its {@code register} field. */
    public static final java.util.Set<String> REGISTERS = java.util.Set.of("news", "official", "comment");

    /** Reads a file; texts are NFC-normalised; a row's register is its {@code register} field, if any. */
    public static Read read(Path file, String labelField) throws IOException {
        return read(file, labelField, null);
    }

    /**
     * Reads a file; texts are NFC-normalised; a row's register is its {@code register} field, or
     * {@code defaultRegister} (may be null) without one.
     */
    public static Read read(Path file, String labelField, String defaultRegister) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
            return read(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16), labelField,
                    defaultRegister);
        }
    }

    static Read read(BufferedReader reader, String labelField) throws IOException {
        return read(reader, labelField, null);
    }

    static Read read(BufferedReader reader, String labelField, String defaultRegister) throws IOException {
        List<LabeledText> rows = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String line;
        long number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> object;
            try {
                object = JsonLine.object(line);
            } catch (IllegalArgumentException e) {
                problems.add(new Problem(number, "not valid JSON: " + e.getMessage()));
                continue;
            }
            Object text = object.get("text");
            Object label = object.get(labelField);
            if (!(text instanceof String t)) {
                problems.add(new Problem(number, "no \"text\" string"));
                continue;
            }
            if (label == null || label.toString().isBlank()) {
                problems.add(new Problem(number, "no \"" + labelField + "\" label"));
                continue;
            }
            Object register = object.get("register");
            if (register != null && !REGISTERS.contains(register.toString())) {
                problems.add(new Problem(number, "register must be news, official or comment, was '" + register + "'"));
                continue;
            }
            rows.add(new LabeledText(Normalizer.normalize(t, Normalizer.Form.NFC), label.toString(),
                    register != null ? register.toString() : defaultRegister));
        }
        return new Read(rows, problems);
    }
}
