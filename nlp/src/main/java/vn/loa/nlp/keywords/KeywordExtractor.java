package vn.loa.nlp.keywords;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import vn.loa.nlp.Syllables;
import vn.loa.nlp.normalize.ToneMarks;
import vn.loa.nlp.segment.WordSegmenter;

/**
 * Finds the terms that stand out in a batch of texts (the posts of an hour, of a story): words and
 * pairs of words, stop words left out, scored by Dunning's log-likelihood ratio of their document
 * frequency in the batch against a background corpus. Immutable and thread-safe.
 */
public final class KeywordExtractor {

    /** The classpath location of the background shipped with Loa. */
    public static final String DEFAULT_BACKGROUND = "/vn/loa/nlp/models/keywords-background.bin";

    private static final int MAGIC = 0x4c4f414b; // "LOAK"

    /**
     * A keyword of a batch.
     *
     * @param term the term as written most often, lower case
     * @param documents how many texts of the batch hold it
     * @param score the log-likelihood ratio against the background; higher stands out more
     */
    public record Keyword(String term, int documents, double score) {
    }

    private final WordSegmenter segmenter;
    private final Set<Long> stopwords;
    private final long[] keys;
    private final int[] frequencies;
    private final int backgroundDocuments;

    private KeywordExtractor(WordSegmenter segmenter, Set<Long> stopwords, long[] keys, int[] frequencies,
            int backgroundDocuments) {
        this.segmenter = segmenter;
        this.stopwords = stopwords;
        this.keys = keys;
        this.frequencies = frequencies;
        this.backgroundDocuments = backgroundDocuments;
    }

    /** The extractor with the segmenter, stop words and background shipped in the jar. */
    public static KeywordExtractor standard(WordSegmenter segmenter) {
        try (InputStream in = KeywordExtractor.class.getResourceAsStream(DEFAULT_BACKGROUND)) {
            if (in == null) {
                throw new IllegalStateException("the keyword background " + DEFAULT_BACKGROUND + " is missing from the jar");
            }
            return read(segmenter, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds the background from a corpus: the document frequency of every term seen at least {@code minCount} times. */
    public static KeywordExtractor train(WordSegmenter segmenter, Iterable<String> corpus, int minCount) {
        Set<Long> stopwords = stopwords();
        Map<Long, Integer> counts = new HashMap<>();
        int documents = 0;
        KeywordExtractor empty = new KeywordExtractor(segmenter, stopwords, new long[0], new int[0], 0);
        for (String text : corpus) {
            documents++;
            for (long key : empty.terms(text).keySet()) {
                counts.merge(key, 1, Integer::sum);
            }
        }
        long[] keys = counts.entrySet().stream().filter(e -> e.getValue() >= minCount).mapToLong(Map.Entry::getKey)
                .sorted().toArray();
        int[] frequencies = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            frequencies[i] = counts.get(keys[i]);
        }
        return new KeywordExtractor(segmenter, stopwords, keys, frequencies, documents);
    }

    /** The top keywords of a batch of texts; a term must occur in at least {@code minDocuments} texts. */
    public List<Keyword> extract(List<String> texts, int top, int minDocuments) {
        Map<Long, Integer> documentFrequency = new HashMap<>();
        Map<Long, Map<String, Integer>> surfaces = new HashMap<>();
        for (String text : texts) {
            for (Map.Entry<Long, String> term : terms(text).entrySet()) {
                documentFrequency.merge(term.getKey(), 1, Integer::sum);
                surfaces.computeIfAbsent(term.getKey(), k -> new HashMap<>()).merge(term.getValue(), 1, Integer::sum);
            }
        }
        int batch = texts.size();
        List<Keyword> keywords = new ArrayList<>();
        for (Map.Entry<Long, Integer> entry : documentFrequency.entrySet()) {
            int inBatch = entry.getValue();
            if (inBatch < minDocuments) {
                continue;
            }
            int inBackground = backgroundFrequency(entry.getKey());
            double expected = (double) (inBackground + 1) / (backgroundDocuments + 1);
            if ((double) inBatch / batch <= expected) {
                continue;
            }
            double score = logLikelihood(inBatch, batch, inBackground, backgroundDocuments);
            String surface = surfaces.get(entry.getKey()).entrySet().stream()
                    .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                    .orElseThrow().getKey();
            keywords.add(new Keyword(surface, inBatch, score));
        }
        keywords.sort((a, b) -> b.score() != a.score() ? Double.compare(b.score(), a.score()) : a.term().compareTo(b.term()));
        return keywords.subList(0, Math.min(top, keywords.size()));
    }

    /**
     * The terms of one text: its words and pairs of words, stop words and markup left out, each by a key (the same for every
     * way of writing it: tone-mark placement, case) with its written form, lower case.
     */
    public Map<Long, String> termsOf(String text) {
        return terms(text);
    }

    /** The share of the background's documents that hold a term (by its key from {@link #termsOf}); 0 when unseen. */
    public double backgroundShare(long key) {
        return backgroundDocuments == 0 ? 0 : (double) backgroundFrequency(key) / backgroundDocuments;
    }

    /**
     * The terms of one text (words and pairs of words, no stop words), by key, with their written form. Markup is no
     * source of terms: a post quoting {@code <img src=x onerror=...>} is about its words, not "img src".
     */
    Map<Long, String> terms(String raw) {
        String words = Markup.strip(raw);
        String text = Normalizer.isNormalized(words, Normalizer.Form.NFC) ? words
                : Normalizer.normalize(words, Normalizer.Form.NFC);
        Map<Long, String> terms = new HashMap<>();
        long previousKey = 0;
        String previous = null;
        for (WordSegmenter.Word word : segmenter.segment(text)) {
            int first = text.codePointAt(word.start());
            if (!Character.isLetter(first)) {
                previous = null;
                continue;
            }
            String surface = surface(text.substring(word.start(), word.end()));
            long key = key(surface);
            if (stopwords.contains(key) || surface.length() < 2) {
                previous = null;
                continue;
            }
            terms.putIfAbsent(key, surface);
            if (previous != null) {
                terms.putIfAbsent(Syllables.combine(previousKey, key), previous + " " + surface);
            }
            previous = surface;
            previousKey = key;
        }
        return terms;
    }

    private int backgroundFrequency(long key) {
        int at = Arrays.binarySearch(keys, key);
        return at >= 0 ? frequencies[at] : 0;
    }

    /** Dunning's G-squared for "k1 of n1 in the batch" against "k2 of n2 in the background". */
    static double logLikelihood(int k1, int n1, int k2, int n2) {
        double p = (double) (k1 + k2) / (n1 + n2);
        double p1 = (double) k1 / n1;
        double p2 = (double) k2 / n2;
        return 2 * (logL(p1, k1, n1) + logL(p2, k2, n2) - logL(p, k1, n1) - logL(p, k2, n2));
    }

    private static double logL(double p, int k, int n) {
        double safe = Math.min(Math.max(p, 1e-12), 1 - 1e-12);
        return k * Math.log(safe) + (n - k) * Math.log(1 - safe);
    }

    private static String surface(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (String syllable : word.split("\\s+")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(ToneMarks.canonical(syllable).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }

    private static long key(String surface) {
        long key = 0;
        int start = 0;
        for (int i = 0; i <= surface.length(); i++) {
            if (i == surface.length() || surface.charAt(i) == ' ') {
                long syllable = Syllables.key(surface, start, i);
                key = start == 0 ? syllable : Syllables.combine(key, syllable);
                start = i + 1;
            }
        }
        return key;
    }

    private static Set<Long> stopwords() {
        try (InputStream in = KeywordExtractor.class.getResourceAsStream("/vn/loa/nlp/lexicon/stopwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("the stop word list is missing from the jar");
            }
            Set<Long> keys = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    keys.add(key(surface(Normalizer.normalize(line.trim(), Normalizer.Form.NFC))));
                }
            }
            return keys;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the background: gzip of the document count and the sorted (key, frequency) pairs. */
    public void write(OutputStream target) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(target);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gzip, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(backgroundDocuments);
        out.writeInt(keys.length);
        for (int i = 0; i < keys.length; i++) {
            out.writeLong(keys[i]);
            out.writeInt(frequencies[i]);
        }
        out.flush();
        gzip.finish();
    }

    static KeywordExtractor read(WordSegmenter segmenter, InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source), 1 << 16));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a Loa keyword background");
        }
        int documents = in.readInt();
        long[] keys = new long[in.readInt()];
        int[] frequencies = new int[keys.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = in.readLong();
            frequencies[i] = in.readInt();
        }
        return new KeywordExtractor(segmenter, stopwords(), keys, frequencies, documents);
    }

    /** How many documents the background was built from. */
    public int backgroundDocuments() {
        return backgroundDocuments;
    }

    /** How many terms the background knows. */
    public int backgroundTerms() {
        return keys.length;
    }
}
