package vn.loa.nlp.segment;

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
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads gold segmentations: {@code .wseg.tsv} (header {@code text<TAB>segmented[<TAB>kind]}, optionally
 * gzipped) or CoNLL-U (FORM column; multi-syllable words hold spaces); from CoNLL-U also each
 * sentence's raw text with its gold words as character spans. A malformed line is reported with its
 * number and skipped; the rest is read.
 */
public final class SegmentationCorpus {

    private SegmentationCorpus() {
    }

    /** A line that could not be read. */
    public record Problem(long line, String reason) {
    }

    /** What was read. */
    public record Read(List<SegmentedSentence> sentences, List<Problem> problems) {
    }

    /** What was read as raw text. */
    public record RawRead(List<RawSentence> sentences, List<Problem> problems) {
    }

    /** Reads a file, choosing the format by its name. */
    public static Read read(Path file) throws IOException {
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
            String name = file.getFileName().toString();
            return name.contains(".conllu") ? readConllu(reader) : readTsv(reader);
        }
    }

    static Read readTsv(BufferedReader reader) throws IOException {
        List<SegmentedSentence> sentences = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        String header = reader.readLine();
        if (header == null) {
            return new Read(sentences, problems);
        }
        String[] columns = header.split("\t");
        int segmentedColumn = List.of(columns).indexOf("segmented");
        if (segmentedColumn < 0) {
            problems.add(new Problem(1, "header has no 'segmented' column"));
            return new Read(sentences, problems);
        }
        String line;
        long number = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            String[] fields = line.split("\t", -1);
            if (fields.length <= segmentedColumn) {
                problems.add(new Problem(number, "expected " + columns.length + " tab-separated columns, found " + fields.length));
                continue;
            }
            add(fields[segmentedColumn], number, sentences, problems::add);
        }
        return new Read(sentences, problems);
    }

    static Read readConllu(BufferedReader reader) throws IOException {
        List<SegmentedSentence> sentences = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<String> words = new ArrayList<>();
        String line;
        long number = 0;
        long sentenceStart = 1;
        while ((line = reader.readLine()) != null) {
            number++;
            if (line.isBlank()) {
                if (!words.isEmpty()) {
                    sentences.add(SegmentedSentence.fromWords(normalise(words)));
                    words.clear();
                }
                sentenceStart = number + 1;
                continue;
            }
            if (line.startsWith("#")) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 10) {
                problems.add(new Problem(number, "expected 10 tab-separated CoNLL-U columns, found " + fields.length));
                continue;
            }
            if (fields[0].contains("-") || fields[0].contains(".")) {
                continue;
            }
            if (fields[1].isBlank()) {
                problems.add(new Problem(number, "empty FORM in the sentence starting at line " + sentenceStart));
                continue;
            }
            words.add(fields[1]);
        }
        if (!words.isEmpty()) {
            sentences.add(SegmentedSentence.fromWords(normalise(words)));
        }
        return new Read(sentences, problems);
    }

    /**
     * Reads a CoNLL-U file as raw text: each sentence's {@code # text =} comment, or without one its
     * FORMs joined by a space except where MISC says {@code SpaceAfter=No}, with the gold words found
     * in it. A multiword token's surface form is one gold word. A sentence whose words are not in its
     * text is reported with the line it starts on and skipped.
     *
     * @throws IllegalArgumentException if the file is not CoNLL-U
     */
    public static RawRead readRaw(Path file) throws IOException {
        if (!file.getFileName().toString().contains(".conllu")) {
            throw new IllegalArgumentException("raw text is rebuilt from CoNLL-U only (a .conllu file), not " + file);
        }
        try (InputStream raw = Files.newInputStream(file)) {
            InputStream in = file.toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
            return readRawConllu(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16));
        }
    }

    static RawRead readRawConllu(BufferedReader reader) throws IOException {
        List<RawSentence> sentences = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder joined = new StringBuilder();
        String text = null;
        int coveredUpTo = 0;
        long sentenceStart = 1;
        long number = 0;
        String line;
        while (true) {
            line = reader.readLine();
            number++;
            if (line == null || line.isBlank()) {
                if (!words.isEmpty()) {
                    String raw = Normalizer.normalize(text != null ? text : joined.toString().stripTrailing(), Normalizer.Form.NFC);
                    try {
                        sentences.add(RawSentence.align(raw, normalise(words)));
                    } catch (IllegalArgumentException e) {
                        problems.add(new Problem(sentenceStart, "sentence starting here: " + e.getMessage()));
                    }
                }
                if (line == null) {
                    break;
                }
                words.clear();
                joined.setLength(0);
                text = null;
                coveredUpTo = 0;
                sentenceStart = number + 1;
                continue;
            }
            if (line.startsWith("#")) {
                String comment = line.substring(1).strip();
                if (comment.startsWith("text") && comment.substring(4).strip().startsWith("=")) {
                    text = comment.substring(4).strip().substring(1).strip();
                }
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 10) {
                problems.add(new Problem(number, "expected 10 tab-separated CoNLL-U columns, found " + fields.length));
                continue;
            }
            String id = fields[0];
            if (id.contains(".")) {
                continue;
            }
            int dash = id.indexOf('-');
            int last;
            try {
                last = Integer.parseInt(dash < 0 ? id : id.substring(dash + 1));
            } catch (NumberFormatException e) {
                problems.add(new Problem(number, "ID '" + id + "' is not a word number or range"));
                continue;
            }
            if (dash < 0 && last <= coveredUpTo) {
                continue;
            }
            if (fields[1].isBlank()) {
                problems.add(new Problem(number, "empty FORM in the sentence starting at line " + sentenceStart));
                continue;
            }
            coveredUpTo = last;
            words.add(fields[1]);
            joined.append(fields[1]);
            if (!List.of(fields[9].split("\\|")).contains("SpaceAfter=No")) {
                joined.append(' ');
            }
        }
        return new RawRead(sentences, problems);
    }

    private static List<String> normalise(List<String> words) {
        return words.stream().map(w -> Normalizer.normalize(w, Normalizer.Form.NFC)).toList();
    }

    private static void add(String segmented, long number, List<SegmentedSentence> sentences, Consumer<Problem> problems) {
        String text = Normalizer.normalize(segmented, Normalizer.Form.NFC).trim();
        if (text.isEmpty()) {
            problems.accept(new Problem(number, "empty segmented text"));
            return;
        }
        try {
            sentences.add(SegmentedSentence.fromUnderscored(text));
        } catch (IllegalArgumentException e) {
            problems.accept(new Problem(number, e.getMessage()));
        }
    }
}
