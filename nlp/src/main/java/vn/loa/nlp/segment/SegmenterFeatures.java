package vn.loa.nlp.segment;

import vn.loa.nlp.LongSet;
import vn.loa.nlp.Syllables;

/**
 * The features of one gap between two syllables: whether they belong to one word. Shared by
 * training and segmentation so that both see exactly the same features. Allocation-free.
 */
final class SegmenterFeatures {

    /** The most features one gap has. */
    static final int MAX = 28 + SilverStats.CODES;
    /** The longest word, in syllables, the lexicon features look for. */
    static final int MAX_WORD = 4;

    private static final long BOS = Syllables.mix(0x1111);
    private static final long EOS = Syllables.mix(0x2222);

    private SegmenterFeatures() {
    }

    /**
     * Writes the hashed feature indices of the gap between syllables {@code gap} and {@code gap + 1}.
     *
     * @return how many indices were written to {@code out}
     */
    static int extract(long[] keys, long[] folded, byte[] shapes, int n, int gap, boolean previousJoined,
            LongSet lexicon, int mask, int[] out) {
        return extract(keys, folded, shapes, lexiconWords(keys, n, lexicon), n, gap, previousJoined, mask, out);
    }

    /**
     * Looks up once per sentence which spans are lexicon words: bit {@code length} of entry
     * {@code start} is set when the {@code length} syllables from {@code start} form a known word.
     */
    static byte[] lexiconWords(long[] keys, int n, LongSet lexicon) {
        byte[] words = new byte[n];
        for (int start = 0; start < n - 1; start++) {
            long key = keys[start];
            for (int length = 2; length <= MAX_WORD && start + length <= n; length++) {
                key = Syllables.combine(key, keys[start + length - 1]);
                if (lexicon.contains(key)) {
                    words[start] |= (byte) (1 << length);
                }
            }
        }
        return words;
    }

    /** As {@link #extract(long[], long[], byte[], int, int, boolean, LongSet, int, int[])}, with the lexicon spans looked up already. */
    static int extract(long[] keys, long[] folded, byte[] shapes, byte[] words, int n, int gap, boolean previousJoined,
            int mask, int[] out) {
        return extract(keys, folded, shapes, words, null, n, gap, previousJoined, mask, out);
    }

    /** As above, with the silver statistics' codes of the sentence's gaps ({@link SilverStats#codes}), or null. */
    static int extract(long[] keys, long[] folded, byte[] shapes, byte[] words, short[] stats, int n, int gap,
            boolean previousJoined, int mask, int[] out) {
        long k0 = keys[gap];
        long k1 = keys[gap + 1];
        long km1 = gap > 0 ? keys[gap - 1] : BOS;
        long k2 = gap + 2 < n ? keys[gap + 2] : EOS;
        int s0 = shapes[gap];
        int s1 = shapes[gap + 1];
        int sm1 = gap > 0 ? shapes[gap - 1] : 7;
        int s2 = gap + 2 < n ? shapes[gap + 2] : 7;
        int prev = previousJoined ? 1 : 0;

        long bigram = Syllables.combine(k0, k1);
        int covering = 0;
        for (int length = MAX_WORD; length >= 2 && covering == 0; length--) {
            for (int start = Math.max(0, gap + 2 - length); start <= gap && start + length <= n; start++) {
                if ((words[start] & (1 << length)) != 0) {
                    covering = length;
                    break;
                }
            }
        }
        int endingHere = 0;
        int startingNext = 0;
        for (int length = 2; length <= MAX_WORD; length++) {
            if (gap - length + 1 >= 0 && (words[gap - length + 1] & (1 << length)) != 0) {
                endingHere = length;
            }
            if (gap + 1 + length <= n && (words[gap + 1] & (1 << length)) != 0) {
                startingNext = length;
            }
        }
        boolean inLexicon = (words[gap] & (1 << 2)) != 0;

        int i = 0;
        out[i++] = index(1, 0, mask);
        out[i++] = index(2, k0, mask);
        out[i++] = index(3, k1, mask);
        out[i++] = index(4, km1, mask);
        out[i++] = index(5, k2, mask);
        out[i++] = index(6, bigram, mask);
        out[i++] = index(7, Syllables.combine(km1, k0), mask);
        out[i++] = index(8, Syllables.combine(k1, k2), mask);
        out[i++] = index(9, Syllables.combine(Syllables.combine(km1, k0), k1), mask);
        out[i++] = index(10, Syllables.combine(bigram, k2), mask);
        out[i++] = index(11, s0 * 8 + s1, mask);
        out[i++] = index(12, ((sm1 * 8 + s0) * 8 + s1) * 8 + s2, mask);
        out[i++] = index(13, inLexicon ? 1 : 0, mask);
        out[i++] = index(14, covering, mask);
        out[i++] = index(15, endingHere * 8 + startingNext, mask);
        out[i++] = index(16, (covering * 8 + endingHere) * 8 + startingNext + (inLexicon ? 512 : 0), mask);
        out[i++] = index(17, prev, mask);
        out[i++] = index(18, prev * 64 + s0 * 8 + s1, mask);
        out[i++] = index(19, Syllables.combine(bigram, covering), mask);
        out[i++] = index(20, Syllables.combine(k0, covering * 8 + prev), mask);
        out[i++] = index(21, Syllables.combine(k1, covering * 8 + startingNext), mask);
        long f0 = folded[gap];
        long f1 = folded[gap + 1];
        long fm1 = gap > 0 ? folded[gap - 1] : BOS;
        long f2 = gap + 2 < n ? folded[gap + 2] : EOS;
        long foldedBigram = Syllables.combine(f0, f1);
        out[i++] = index(22, foldedBigram, mask);
        out[i++] = index(23, Syllables.combine(fm1, foldedBigram), mask);
        out[i++] = index(24, Syllables.combine(foldedBigram, f2), mask);
        out[i++] = index(25, Syllables.combine(foldedBigram, covering), mask);
        if (stats != null) {
            int at = gap * SilverStats.CODES;
            for (int t = 0; t < SilverStats.CODES; t++) {
                out[i++] = index(40 + t, stats[at + t], mask);
            }
        }
        return i;
    }

    /** The key of the word made of {@code length} syllables from {@code start}. */
    static long spanKey(long[] keys, int start, int length) {
        long key = keys[start];
        for (int j = 1; j < length; j++) {
            key = Syllables.combine(key, keys[start + j]);
        }
        return key;
    }

    private static int index(int template, long value, int mask) {
        return (int) (Syllables.mix(value * 31 + template) >>> 20) & mask;
    }
}
