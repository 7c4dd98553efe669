package vn.loa.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import vn.loa.nlp.Fingerprint;
import vn.loa.nlp.Syllables;
import vn.loa.nlp.io.JsonLine;
import vn.loa.nlp.segment.SyllableSplitter;

/**
 * How often a one-word edit of a real text keeps it in its story, and how often unrelated texts would share one:
 * {@code Fingerprint.of} against the three-syllable shingles it used before 06/12/2026 and against syllables alone,
 * on three sets of real text.
 * Each text gets one edit (a word replaced by, or put before the text, one of a few fillers); "kept" is within
 * {@value Fingerprint#NEAR_DUPLICATE_BITS} bits, "found" also shares one of the four 16-bit bands by which the
 * import looks up stored posts; "unrelated" counts the pairs of distinct texts of the set within the same bits.
 * Run from the project root: {@code java -cp benchmarks/target/benchmarks.jar vn.loa.benchmarks.FingerprintEdits}
 * ({@code --pairs} also prints the unrelated pairs within the bits, to read them).
 */
public final class FingerprintEdits {

    private static final String[] FILLERS = {"nhé", "ạ", "luôn", "1", "hôm nay", "thật", "quá", "mà"};

    private FingerprintEdits() {
    }

    public static void main(String[] args) throws IOException {
        boolean showPairs = List.of(args).contains("--pairs");
        Path data = DevSentences.sharedData();
        List<String> comments = texts(List.of(data.resolve("uit-visfd/train.jsonl"), data.resolve("vihsd/train.jsonl")),
                20, 80, null, Integer.MAX_VALUE);
        List<String> shortComments = texts(List.of(data.resolve("uit-visfd/train.jsonl"),
                data.resolve("vihsd/train.jsonl"), data.resolve("uit-vsfc/train.jsonl")), 10, 19, null, 9_000);
        List<String> news = texts(List.of(Path.of("corpus/province/silver-items-draw9.jsonl")), 10, 80, "news", 9_000);
        System.out.println("set\tfingerprint\ttexts\tkept\tfound\tunrelated pairs within\tpairs");
        for (Object[] set : new Object[][] {{"comments of 20-80 words (UIT-ViSFD, ViHSD train)", comments},
                {"comments of 10-19 words (UIT-ViSFD, ViHSD, UIT-VSFC train; 9,000 drawn)", shortComments},
                {"news sentences of 10-80 words (province silver draw nine; 9,000 drawn)", news}}) {
            @SuppressWarnings("unchecked")
            List<String> texts = (List<String>) set[1];
            measure((String) set[0], "three-syllable shingles (before)", texts, text -> shingles(text, 3), showPairs);
            measure((String) set[0], "syllables alone (tried)", texts, text -> shingles(text, 1), showPairs);
            measure((String) set[0], "Fingerprint.of", texts, Fingerprint::of, showPairs);
        }
    }

    /** The distinct texts of {@code min} to {@code max} words, of one register if given, at most {@code limit} drawn. */
    private static List<String> texts(List<Path> files, int min, int max, String register, int limit) throws IOException {
        TreeSet<String> distinct = new TreeSet<>();
        for (Path file : files) {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                var object = JsonLine.object(line);
                if (register != null && !register.equals(object.get("register"))) {
                    continue;
                }
                String text = String.valueOf(object.get("text")).replace('\n', ' ').strip();
                int words = text.split("\\s+").length;
                if (words >= min && words <= max) {
                    distinct.add(text);
                }
            }
        }
        List<String> texts = new ArrayList<>(distinct);
        if (texts.size() > limit) {
            Collections.shuffle(texts, new Random(1));
            texts = texts.subList(0, limit);
        }
        return texts;
    }

    private static void measure(String set, String name, List<String> texts, ToLongFunction<String> fingerprint,
            boolean showPairs) {
        Random random = new Random(7);
        int n = texts.size();
        long[] original = new long[n];
        int kept = 0;
        int found = 0;
        for (int i = 0; i < n; i++) {
            String[] words = texts.get(i).split(" ");
            String filler = FILLERS[random.nextInt(FILLERS.length)];
            String edited;
            if (random.nextBoolean()) {
                edited = filler + " " + texts.get(i);
            } else {
                words[random.nextInt(words.length)] = filler;
                edited = String.join(" ", words);
            }
            original[i] = fingerprint.applyAsLong(texts.get(i));
            long other = fingerprint.applyAsLong(edited);
            if (Fingerprint.nearDuplicates(original[i], other)) {
                kept++;
                if (shareABand(original[i], other)) {
                    found++;
                }
            }
        }
        long unrelated = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (Fingerprint.nearDuplicates(original[i], original[j])) {
                    unrelated++;
                    if (showPairs) {
                        System.out.printf("  %d bits: %s%n          %s%n", Long.bitCount(original[i] ^ original[j]),
                                texts.get(i), texts.get(j));
                    }
                }
            }
        }
        System.out.printf("%s\t%s\t%d\t%.3f\t%.3f\t%d\t%d%n", set, name, n, kept / (double) n, found / (double) n,
                unrelated, (long) n * (n - 1) / 2);
    }

    private static boolean shareABand(long a, long b) {
        for (int shift = 0; shift < 64; shift += 16) {
            if ((((a ^ b) >>> shift) & 0xFFFF) == 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * A SimHash over shingles of {@code size} syllables (decorations not left out): with 3 the fingerprint before
     * 06/12/2026, with 1 the syllables alone.
     */
    static long shingles(String text, int size) {
        SyllableSplitter.Syllabified split = SyllableSplitter.split(text);
        long[] keys = new long[split.count()];
        int n = 0;
        for (int i = 0; i < split.count(); i++) {
            if (Character.isLetterOrDigit(Character.codePointAt(text, split.starts()[i]))) {
                keys[n++] = Syllables.foldedKey(text, split.starts()[i], split.ends()[i]);
            }
        }
        if (n == 0) {
            return 0;
        }
        int[] votes = new int[64];
        for (int i = 0; i < Math.max(1, n - size + 1); i++) {
            long shingle = keys[i];
            for (int j = 1; j < size && i + j < n; j++) {
                shingle = Syllables.combine(shingle, keys[i + j]);
            }
            for (int bit = 0; bit < 64; bit++) {
                votes[bit] += ((shingle >>> bit) & 1) == 1 ? 1 : -1;
            }
        }
        long hash = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (votes[bit] > 0) {
                hash |= 1L << bit;
            }
        }
        return hash;
    }
}
