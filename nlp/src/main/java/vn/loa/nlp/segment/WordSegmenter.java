package vn.loa.nlp.segment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import vn.loa.nlp.Syllables;

/**
 * Splits Vietnamese text into words: decides, for every gap between two syllables, whether they
 * belong to one word ("chủ tịch" -> "chủ_tịch"), with an averaged perceptron over syllable,
 * shape and lexicon features. Thread-safe; load once and share.
 */
public final class WordSegmenter {

    /** The classpath location of the model shipped with Loa. */
    public static final String DEFAULT_MODEL = "/vn/loa/nlp/models/segmenter.bin";

    private final SegmenterModel model;

    WordSegmenter(SegmenterModel model) {
        this.model = model;
    }

    SegmenterModel model() {
        return model;
    }

    /** Loads the model shipped in the jar. */
    public static WordSegmenter loadDefault() {
        try (InputStream in = WordSegmenter.class.getResourceAsStream(DEFAULT_MODEL)) {
            if (in == null) {
                throw new IllegalStateException("the segmenter model " + DEFAULT_MODEL + " is missing from the jar");
            }
            return load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the segmenter model", e);
        }
    }

    /** Loads a model written by the trainer. */
    public static WordSegmenter load(InputStream in) throws IOException {
        return new WordSegmenter(SegmenterModel.read(in));
    }

    /**
     * A word of the text: characters {@code [start, end)}, made of {@code syllables} syllables.
     *
     * @param start the offset of the first character
     * @param end the offset after the last character
     * @param syllables how many syllables the word has
     */
    public record Word(int start, int end, int syllables) {
    }

    /**
     * Decides the gaps of a sentence given as syllable boundaries.
     *
     * @param text the text the syllables are in
     * @param starts the start offset of each syllable
     * @param ends the end offset of each syllable
     * @param n how many syllables
     * @return for each of the {@code n - 1} gaps, whether the two syllables are one word
     */
    public boolean[] joins(CharSequence text, int[] starts, int[] ends, int n) {
        long[] keys = new long[n];
        long[] folded = new long[n];
        byte[] shapes = new byte[n];
        for (int i = 0; i < n; i++) {
            keys[i] = Syllables.key(text, starts[i], ends[i]);
            folded[i] = Syllables.foldedKey(text, starts[i], ends[i]);
            shapes[i] = (byte) Syllables.shape(text, starts[i], ends[i]);
        }
        return joins(keys, folded, shapes, n);
    }

    boolean[] joins(long[] keys, long[] folded, byte[] shapes, int n) {
        boolean[] joins = new boolean[Math.max(0, n - 1)];
        int[] features = new int[SegmenterFeatures.MAX];
        float[] weights = model.weights();
        int mask = model.mask();
        byte[] words = SegmenterFeatures.lexiconWords(keys, n, model.lexicon());
        short[] stats = model.stats() == null ? null : model.stats().codes(keys, folded, n, null);
        boolean previous = false;
        for (int gap = 0; gap < n - 1; gap++) {
            int count = SegmenterFeatures.extract(keys, folded, shapes, words, stats, n, gap, previous, mask, features);
            float score = 0;
            for (int f = 0; f < count; f++) {
                score += weights[features[f]];
            }
            previous = score > 0;
            joins[gap] = previous;
        }
        return joins;
    }

    /**
     * Splits a text into words, with offsets into the text. Syllables are the units of
     * {@link SyllableSplitter#tokens}: an abbreviation, a date or a percentage is one syllable.
     */
    public List<Word> segment(String text) {
        SyllableSplitter.Syllabified syllables = SyllableSplitter.tokens(text);
        int n = syllables.count();
        boolean[] joins = joins(text, syllables.starts(), syllables.ends(), n);
        List<Word> words = new ArrayList<>();
        int first = 0;
        for (int i = 0; i < n; i++) {
            if (i == n - 1 || !joins[i]) {
                words.add(new Word(syllables.starts()[first], syllables.ends()[i], i - first + 1));
                first = i + 1;
            }
        }
        return words;
    }

    /** The text's words, syllables joined by "_" and words by a space, as in the VLSP and UD data. */
    public String segmentToUnderscored(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (Word word : segment(text)) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            for (int i = word.start(); i < word.end(); i++) {
                char c = text.charAt(i);
                out.append(Character.isWhitespace(c) ? '_' : c);
            }
        }
        return out.toString();
    }
}
