package vn.loa.nlp;

import java.util.Locale;
import vn.loa.nlp.segment.SyllableSplitter;

/**
 * Near-duplicate fingerprints: a 64-bit SimHash over the syllables of the text and its pairs of neighbouring
 * syllables, without diacritics, case or punctuation, so that a repost with a changed word, added emoji or lost
 * accents keeps a close fingerprint. Pairs keep some of the order, so that texts of the same words in another order
 * stay apart; three-syllable shingles (before 06/12/2026) let one changed word move a fingerprint of a 20-word
 * comment past {@value #NEAR_DUPLICATE_BITS} bits about half the time (docs/architecture.md). Pure and thread-safe.
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
        // each syllable and each pair of neighbouring syllables votes for the bits of its key
        int[] ones = new int[64];
        for (int i = 0; i < n; i++) {
            count(ones, keys[i]);
            if (i + 1 < n) {
                count(ones, Syllables.combine(keys[i], keys[i + 1]));
            }
        }
        int shingles = 2 * n - 1;
        long hash = 0;
        for (int bit = 0; bit < 64; bit++) {
            if (2 * ones[bit] > shingles) {
                hash |= 1L << bit;
            }
        }
        return hash;
    }

    private static void count(int[] ones, long key) {
        for (int bit = 0; bit < 64; bit++) {
            ones[bit] += (int) ((key >>> bit) & 1);
        }
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
