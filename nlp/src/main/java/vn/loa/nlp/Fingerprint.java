package vn.loa.nlp;

import java.util.Locale;
import vn.loa.nlp.segment.SyllableSplitter;

/**
 * Near-duplicate fingerprints: a 64-bit SimHash over overlapping three-syllable shingles of the text
 * without diacritics, case or punctuation, so that a repost with a changed word, added emoji or lost
 * accents keeps a close fingerprint. Pure and thread-safe.
 */
public final class Fingerprint {

    /** Two texts whose fingerprints differ in at most this many bits are taken as one story. */
    public static final int NEAR_DUPLICATE_BITS = 6;

    private Fingerprint() {
    }

    /**
     * The SimHash of a text; 0 for a text with no words. Hashtags ({@code #chiase}), mentions ({@code @ten})
     * and web addresses are left out with emoji and punctuation: a share that adds them is the same text.
     */
    public static long of(CharSequence text) {
        SyllableSplitter.Syllabified split = SyllableSplitter.split(text);
        int[] starts = split.starts();
        int[] ends = split.ends();
        long[] keys = new long[split.count()];
        int n = 0;
        for (int i = 0; i < split.count(); i++) {
            if (decorationStarts(text, split, i)) {
                // the decoration runs to the next white space
                while (i + 1 < split.count() && starts[i + 1] == ends[i]) {
                    i++;
                }
                continue;
            }
            int first = Character.codePointAt(text, starts[i]);
            if (Character.isLetterOrDigit(first)) {
                keys[n++] = Syllables.foldedKey(text, starts[i], ends[i]);
            }
        }
        if (n == 0) {
            return 0;
        }
        int[] votes = new int[64];
        int shingles = Math.max(1, n - 2);
        for (int i = 0; i < shingles; i++) {
            long shingle = keys[i];
            for (int j = 1; j < 3 && i + j < n; j++) {
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

    /**
     * Whether syllable {@code i} begins a hashtag or mention (a {@code #} or {@code @} right before a word, at the
     * start of a word) or a web address ({@code http:}, {@code https:} or {@code www.}).
     */
    private static boolean decorationStarts(CharSequence text, SyllableSplitter.Syllabified split, int i) {
        int[] starts = split.starts();
        int[] ends = split.ends();
        boolean joinedToNext = i + 1 < split.count() && starts[i + 1] == ends[i];
        if (!joinedToNext || (i > 0 && ends[i - 1] == starts[i])) {
            return false;
        }
        int length = ends[i] - starts[i];
        char first = text.charAt(starts[i]);
        if (length == 1 && (first == '#' || first == '@')) {
            return Character.isLetterOrDigit(Character.codePointAt(text, starts[i + 1]));
        }
        String word = text.subSequence(starts[i], ends[i]).toString().toLowerCase(Locale.ROOT);
        char next = text.charAt(starts[i + 1]);
        return (next == ':' && (word.equals("http") || word.equals("https"))) || (next == '.' && word.equals("www"));
    }

    /** Similarity of two fingerprints: 1 for equal, 0 for every bit different. */
    public static double similarity(long a, long b) {
        return 1.0 - Long.bitCount(a ^ b) / 64.0;
    }

    /** Whether two fingerprints belong to near-duplicate texts. */
    public static boolean nearDuplicates(long a, long b) {
        return Long.bitCount(a ^ b) <= NEAR_DUPLICATE_BITS;
    }

    /** The fingerprint as 16 hexadecimal digits. */
    public static String hex(long fingerprint) {
        return String.format("%016x", fingerprint);
    }
}
