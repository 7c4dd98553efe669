package vn.loa.nlp.segment;

import java.util.Arrays;
import java.util.List;
import vn.loa.nlp.Syllables;

/**
 * Statistics of a large, automatically segmented ("silver") corpus, read as features of a gap
 * between two syllables: how often the pair, and the pair with the syllable before or after it, occur
 * there, how often the pair is joined, and how often it is a whole word of two or three syllables.
 * Each is a code of a count bucket and a fraction bucket, so the gold data decides how far to trust
 * the silver's segmentation. Tables for exact syllables and for syllables without diacritics.
 */
final class SilverStats {

    /** Codes per gap. */
    static final int CODES = 16;

    private static final int PAIR_TOTAL = 0;
    private static final int PAIR_JOINED = 1;
    private static final int PAIR_WORD = 2;
    private static final int TRIPLE_TOTAL = 0;
    private static final int TRIPLE_FIRST = 1;
    private static final int TRIPLE_SECOND = 2;
    private static final int TRIPLE_WORD = 3;

    private final CountTable pairs;
    private final CountTable triples;
    private final CountTable foldedPairs;
    private final CountTable foldedTriples;

    private SilverStats(CountTable pairs, CountTable triples, CountTable foldedPairs, CountTable foldedTriples) {
        this.pairs = pairs;
        this.triples = triples;
        this.foldedPairs = foldedPairs;
        this.foldedTriples = foldedTriples;
    }

    static SilverStats of(List<SegmentedSentence> silver) {
        int capacity = Integer.highestOneBit(Math.max(1024, silver.size() * 16));
        CountTable pairs = new CountTable(3, capacity);
        CountTable triples = new CountTable(4, capacity * 2);
        CountTable foldedPairs = new CountTable(3, capacity);
        CountTable foldedTriples = new CountTable(4, capacity * 2);
        for (SegmentedSentence sentence : silver) {
            boolean[] joins = sentence.joins();
            count(sentence.keys(), joins, pairs, triples);
            count(sentence.foldedKeys(), joins, foldedPairs, foldedTriples);
        }
        return new SilverStats(pairs, triples, foldedPairs, foldedTriples);
    }

    private static void count(long[] keys, boolean[] joins, CountTable pairs, CountTable triples) {
        int gaps = joins.length;
        for (int i = 0; i < gaps; i++) {
            int slot = pairs.slot(Syllables.combine(keys[i], keys[i + 1]));
            pairs.add(slot, PAIR_TOTAL, 1);
            if (joins[i]) {
                pairs.add(slot, PAIR_JOINED, 1);
                if (isWord(joins, i, i)) {
                    pairs.add(slot, PAIR_WORD, 1);
                }
            }
            if (i + 1 < gaps) {
                int t = triples.slot(tripleKey(keys, i));
                triples.add(t, TRIPLE_TOTAL, 1);
                if (joins[i]) {
                    triples.add(t, TRIPLE_FIRST, 1);
                }
                if (joins[i + 1]) {
                    triples.add(t, TRIPLE_SECOND, 1);
                }
                if (joins[i] && joins[i + 1] && isWord(joins, i, i + 1)) {
                    triples.add(t, TRIPLE_WORD, 1);
                }
            }
        }
    }

    /** Whether gaps {@code first..last} are joined and the gaps around them are not: one whole word. */
    private static boolean isWord(boolean[] joins, int first, int last) {
        return (first == 0 || !joins[first - 1]) && (last + 1 >= joins.length || !joins[last + 1]);
    }

    private static long tripleKey(long[] keys, int start) {
        return Syllables.combine(Syllables.combine(keys[start], keys[start + 1]), keys[start + 2]);
    }

    /**
     * The codes of every gap of a sentence, {@link #CODES} per gap. With an origin (a sentence of the
     * silver data itself, or a copy of one), that sentence's own counts are left out, so the codes are
     * what they would be for a sentence the statistics never saw.
     */
    short[] codes(long[] keys, long[] folded, int n, SegmentedSentence origin) {
        short[] codes = new short[Math.max(0, n - 1) * CODES];
        long[] originKeys = origin == null ? null : origin.keys();
        long[] originFolded = origin == null ? null : origin.foldedKeys();
        boolean[] originJoins = origin == null ? null : origin.joins();
        fill(keys, n, pairs, triples, originKeys, originJoins, codes, 0);
        fill(folded, n, foldedPairs, foldedTriples, originFolded, originJoins, codes, 8);
        return codes;
    }

    private static void fill(long[] keys, int n, CountTable pairs, CountTable triples, long[] originKeys,
            boolean[] originJoins, short[] codes, int offset) {
        int gaps = n - 1;
        if (gaps <= 0) {
            return;
        }
        int[] pairCode = new int[gaps];
        int[] pairWord = new int[gaps];
        int[] own = new int[4];
        int[] counts = new int[4];
        for (int g = 0; g < gaps; g++) {
            long key = Syllables.combine(keys[g], keys[g + 1]);
            lookup(pairs, key, counts, 3);
            if (originKeys != null) {
                ownPairs(originKeys, originJoins, key, own);
                for (int f = 0; f < 3; f++) {
                    counts[f] -= own[f];
                }
            }
            pairCode[g] = code(counts[PAIR_TOTAL], counts[PAIR_JOINED]);
            pairWord[g] = code(counts[PAIR_TOTAL], counts[PAIR_WORD]);
        }
        for (int g = 0; g < gaps; g++) {
            int left = 0;
            int leftWord = 0;
            if (g > 0) {
                long key = tripleKey(keys, g - 1);
                lookup(triples, key, counts, 4);
                subtractOwnTriples(originKeys, originJoins, key, own, counts);
                left = code(counts[TRIPLE_TOTAL], counts[TRIPLE_SECOND]);
                leftWord = code(counts[TRIPLE_TOTAL], counts[TRIPLE_WORD]);
            }
            int right = 0;
            int rightWord = 0;
            if (g + 2 < n) {
                long key = tripleKey(keys, g);
                lookup(triples, key, counts, 4);
                subtractOwnTriples(originKeys, originJoins, key, own, counts);
                right = code(counts[TRIPLE_TOTAL], counts[TRIPLE_FIRST]);
                rightWord = code(counts[TRIPLE_TOTAL], counts[TRIPLE_WORD]);
            }
            int before = g > 0 ? pairCode[g - 1] : 25;
            int after = g + 1 < gaps ? pairCode[g + 1] : 25;
            int at = g * CODES + offset;
            codes[at] = (short) pairCode[g];
            codes[at + 1] = (short) left;
            codes[at + 2] = (short) right;
            codes[at + 3] = (short) pairWord[g];
            codes[at + 4] = (short) leftWord;
            codes[at + 5] = (short) rightWord;
            codes[at + 6] = (short) ((pairCode[g] * 25 + left) * 25 + right);
            codes[at + 7] = (short) ((before * 26 + pairCode[g]) * 26 + after);
        }
    }

    private static void subtractOwnTriples(long[] originKeys, boolean[] originJoins, long key, int[] own, int[] counts) {
        if (originKeys == null) {
            return;
        }
        ownTriples(originKeys, originJoins, key, own);
        for (int f = 0; f < 4; f++) {
            counts[f] -= own[f];
        }
    }

    private static void ownPairs(long[] keys, boolean[] joins, long key, int[] own) {
        Arrays.fill(own, 0);
        for (int i = 0; i < joins.length; i++) {
            if (Syllables.combine(keys[i], keys[i + 1]) == key) {
                own[PAIR_TOTAL]++;
                if (joins[i]) {
                    own[PAIR_JOINED]++;
                    if (isWord(joins, i, i)) {
                        own[PAIR_WORD]++;
                    }
                }
            }
        }
    }

    private static void ownTriples(long[] keys, boolean[] joins, long key, int[] own) {
        Arrays.fill(own, 0);
        for (int i = 0; i + 1 < joins.length; i++) {
            if (tripleKey(keys, i) == key) {
                own[TRIPLE_TOTAL]++;
                if (joins[i]) {
                    own[TRIPLE_FIRST]++;
                }
                if (joins[i + 1]) {
                    own[TRIPLE_SECOND]++;
                }
                if (joins[i] && joins[i + 1] && isWord(joins, i, i + 1)) {
                    own[TRIPLE_WORD]++;
                }
            }
        }
    }

    private static void lookup(CountTable table, long key, int[] counts, int width) {
        int slot = table.find(key);
        for (int f = 0; f < width; f++) {
            counts[f] = slot < 0 ? 0 : table.get(slot, f);
        }
    }

    /** A count bucket (none, 1-4, 5-19, 20-99, 100 or more) times a fraction bucket (five). */
    static int code(int total, int part) {
        if (total <= 0) {
            return 0;
        }
        int count = total < 5 ? 1 : total < 20 ? 2 : total < 100 ? 3 : 4;
        double share = (double) part / total;
        int fraction = share < 0.1 ? 0 : share < 0.4 ? 1 : share <= 0.6 ? 2 : share < 0.9 ? 3 : 4;
        return count * 5 + fraction;
    }

    /** Open-addressing table of long keys to a few int counts each; 0 is not a key. */
    static final class CountTable {
        private final int width;
        private long[] keys;
        private int[] values;
        private int size;

        CountTable(int width, int capacity) {
            this.width = width;
            this.keys = new long[capacity];
            this.values = new int[capacity * width];
        }

        int slot(long key) {
            if (key == 0) {
                key = 1;
            }
            if (size * 2 >= keys.length) {
                grow();
            }
            int mask = keys.length - 1;
            int i = (int) Syllables.mix(key) & mask;
            while (keys[i] != 0 && keys[i] != key) {
                i = (i + 1) & mask;
            }
            if (keys[i] == 0) {
                keys[i] = key;
                size++;
            }
            return i;
        }

        int find(long key) {
            if (key == 0) {
                key = 1;
            }
            int mask = keys.length - 1;
            int i = (int) Syllables.mix(key) & mask;
            while (keys[i] != 0) {
                if (keys[i] == key) {
                    return i;
                }
                i = (i + 1) & mask;
            }
            return -1;
        }

        void add(int slot, int field, int amount) {
            values[slot * width + field] += amount;
        }

        int get(int slot, int field) {
            return values[slot * width + field];
        }

        int size() {
            return size;
        }

        private void grow() {
            long[] oldKeys = keys;
            int[] oldValues = values;
            keys = new long[oldKeys.length * 2];
            values = new int[keys.length * width];
            int mask = keys.length - 1;
            for (int j = 0; j < oldKeys.length; j++) {
                if (oldKeys[j] != 0) {
                    int i = (int) Syllables.mix(oldKeys[j]) & mask;
                    while (keys[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    keys[i] = oldKeys[j];
                    System.arraycopy(oldValues, j * width, values, i * width, width);
                }
            }
        }
    }
}
