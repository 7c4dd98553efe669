package vn.loa.nlp;

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

    /** The SimHash of a text; 0 for a text with no words. */
    public static long of(CharSequence text) {
        SyllableSplitter.Syllabified split = SyllableSplitter.split(text);
        long[] keys = new long[split.count()];
        int n = 0;
        for (int i = 0; i < split.count(); i++) {
            int first = Character.codePointAt(text, split.starts()[i]);
            if (Character.isLetterOrDigit(first)) {
                keys[n++] = Syllables.foldedKey(text, split.starts()[i], split.ends()[i]);
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
