package vn.loa.nlp.lucene;

import java.io.IOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.analysis.tokenattributes.TypeAttribute;
import vn.loa.nlp.normalize.ToneMarks;
import vn.loa.nlp.segment.SyllableSplitter;
import vn.loa.nlp.segment.WordSegmenter;

/**
 * Splits a field into Vietnamese syllables and words: every syllable is a term at its own position
 * ("bệnh", "viện"), and a word of several syllables is one more term at the position of its first
 * syllable ("bệnh_viện"). Terms are lower case with tone marks in one place. A phrase query thus
 * matches however the query happens to be segmented, while whole words still count. Syllables are
 * those of {@link SyllableSplitter#split}, also inside a word the segmenter keeps whole ("GD-ĐT" gives
 * "gd", "đt" and the word "gd-đt"; "TP." gives "tp"). Punctuation is dropped, each mark leaving a gap
 * of one position; offsets point into the original text.
 */
public final class VietnameseTokenizer extends Tokenizer {

    /** The type of a word term. */
    public static final String WORD = "<WORD>";
    /** The type of a number term. */
    public static final String NUMBER = "<NUM>";
    /** The type of a syllable term. */
    public static final String SYLLABLE = "<SYLLABLE>";

    private final WordSegmenter segmenter;
    private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
    private final OffsetAttribute offset = addAttribute(OffsetAttribute.class);
    private final PositionIncrementAttribute position = addAttribute(PositionIncrementAttribute.class);
    private final TypeAttribute type = addAttribute(TypeAttribute.class);
    private String text = "";
    private List<WordSegmenter.Word> words = List.of();
    private SyllableSplitter.Syllabified syllables = SyllableSplitter.split("");
    private int next;
    private int nextSyllable;
    private int skipped;
    private final java.util.ArrayDeque<int[]> pending = new java.util.ArrayDeque<>();
    private boolean withDiacritics;

    public VietnameseTokenizer(WordSegmenter segmenter) {
        this.segmenter = segmenter;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        StringBuilder buffer = new StringBuilder();
        char[] chunk = new char[8192];
        int read;
        while ((read = input.read(chunk)) != -1) {
            buffer.append(chunk, 0, read);
        }
        text = buffer.toString();
        words = segmenter.segment(text);
        syllables = SyllableSplitter.split(text);
        withDiacritics = vn.loa.nlp.AccentFolding.writtenWithDiacritics(text);
        next = 0;
        nextSyllable = 0;
        skipped = 0;
        pending.clear();
    }

    /**
     * Whether the text being read, since {@link #reset()}, is written with diacritics
     * ({@link vn.loa.nlp.AccentFolding#writtenWithDiacritics}).
     */
    public boolean writtenWithDiacritics() {
        return withDiacritics;
    }

    @Override
    public boolean incrementToken() {
        if (pending.isEmpty()) {
            queueNextWord();
        }
        int[] next = pending.poll();
        if (next == null) {
            return false;
        }
        clearAttributes();
        int start = next[0];
        int end = next[1];
        term.setEmpty().append(termOf(text.substring(start, end)));
        offset.setOffset(correctOffset(start), correctOffset(end));
        position.setPositionIncrement(next[2]);
        type.setType(next[3] == 0 ? SYLLABLE : next[3] == 1 ? WORD : NUMBER);
        return true;
    }

    /** Queues the terms of the next word that has letters or digits: [start, end, increment, kind]. */
    private void queueNextWord() {
        List<int[]> terms = new ArrayList<>();
        while (terms.isEmpty() && next < words.size()) {
            WordSegmenter.Word word = words.get(next++);
            while (nextSyllable < syllables.count() && syllables.starts()[nextSyllable] < word.end()) {
                int start = syllables.starts()[nextSyllable];
                int end = syllables.ends()[nextSyllable];
                nextSyllable++;
                if (!Character.isLetterOrDigit(text.codePointAt(start))) {
                    skipped++;
                    continue;
                }
                terms.add(new int[] {start, end, 1 + skipped, 0});
                skipped = 0;
            }
        }
        if (terms.size() == 1) {
            int[] only = terms.get(0);
            only[3] = Character.isDigit(text.codePointAt(only[0])) ? 2 : 0;
        } else if (terms.size() > 1) {
            terms.add(1, new int[] {terms.get(0)[0], terms.get(terms.size() - 1)[1], 0, 1});
        }
        pending.addAll(terms);
    }

    @Override
    public void end() throws IOException {
        super.end();
        int last = correctOffset(text.length());
        offset.setOffset(last, last);
        position.setPositionIncrement(position.getPositionIncrement() + skipped);
    }

    @Override
    public void close() throws IOException {
        super.close();
        text = "";
        words = List.of();
    }

    /** Terms of words met so far: the same few thousand words make most of the posts indexed. */
    private static final vn.loa.nlp.Memo TERMS = new vn.loa.nlp.Memo(100_000, VietnameseTokenizer::computeTermOf);

    /** The term of a word as it appears in a text: "Bệnh  viện" -> "bệnh_viện". */
    static String termOf(String word) {
        return TERMS.apply(word);
    }

    private static String computeTermOf(String word) {
        StringBuilder out = new StringBuilder(word.length());
        for (String syllable : Normalizer.normalize(word, Normalizer.Form.NFC).split("\\s+")) {
            if (syllable.isEmpty()) {
                continue;
            }
            if (!out.isEmpty()) {
                out.append('_');
            }
            out.append(ToneMarks.canonical(syllable).toLowerCase(Locale.ROOT));
        }
        return out.toString();
    }
}
