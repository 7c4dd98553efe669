package vn.loa.nlp.segment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import vn.loa.nlp.LongSet;
import vn.loa.nlp.Syllables;

/**
 * Trains a {@link WordSegmenter}: an averaged perceptron over the gaps of the training sentences,
 * in a fixed order drawn from a seed, so that the same data and seed give the same model to the
 * byte. The lexicon is the set of multi-syllable words seen at least {@code minWordCount} times.
 * Every gold sentence and every third silver sentence is also learnt without its diacritics, so
 * that text typed without accents is segmented too. Where the silver data follows another
 * convention than the gold ("ông ta" apart where UD VTB writes "ông_ta"), the gold's convention is
 * carried over to the silver first ({@code conventionMinCount}).
 */
public final class SegmenterTrainer {

    /**
     * Training settings.
     *
     * @param bits log2 of the weight table size, 16 to 24
     * @param epochs passes over the data, at least 1
     * @param seed the seed of the shuffling
     * @param goldRepeats how many times each gold sentence is seen per pass (silver once)
     * @param minWordCount how often a word must occur to enter the lexicon
     * @param conventionMinCount how often two syllables must meet in the gold data, always joined or
     *     always apart, for the silver data to be made to follow the gold there; 0 leaves the silver as it is
     * @param silverStats whether the model reads statistics of the silver data (how often two syllables
     *     meet there and how often joined) as features
     * @param silverSentences whether the silver sentences are training examples too
     */
    public record Settings(int bits, int epochs, long seed, int goldRepeats, int minWordCount, int conventionMinCount,
            boolean silverStats, boolean silverSentences) {

        public Settings {
            if (bits < 16 || bits > 24) {
                throw new IllegalArgumentException("bits must be 16 to 24, was " + bits);
            }
            if (epochs < 1 || goldRepeats < 1 || minWordCount < 1) {
                throw new IllegalArgumentException("epochs, goldRepeats and minWordCount must be positive");
            }
            if (conventionMinCount < 0) {
                throw new IllegalArgumentException("conventionMinCount must be 0 or more, was " + conventionMinCount);
            }
        }

        /** Settings that carry the gold's conventions over as the defaults do. */
        public Settings(int bits, int epochs, long seed, int goldRepeats, int minWordCount) {
            this(bits, epochs, seed, goldRepeats, minWordCount, 2);
        }

        /** Settings without silver statistics, the silver sentences learnt. */
        public Settings(int bits, int epochs, long seed, int goldRepeats, int minWordCount, int conventionMinCount) {
            this(bits, epochs, seed, goldRepeats, minWordCount, conventionMinCount, false, true);
        }

        /** The settings the shipped model is trained with. */
        public static Settings defaults() {
            return new Settings(21, 6, 42, 4, 2, 2, false, true);
        }
    }

    private SegmenterTrainer() {
    }

    /** Trains on gold sentences (weighted) and silver sentences. */
    public static WordSegmenter train(List<SegmentedSentence> gold, List<SegmentedSentence> silverAsGiven, Settings settings) {
        List<SegmentedSentence> silver = withGoldConventions(gold, silverAsGiven, settings.conventionMinCount());
        List<SegmentedSentence> plainGold = new ArrayList<>();
        for (SegmentedSentence sentence : gold) {
            plainGold.add(sentence.withoutDiacritics());
        }
        List<SegmentedSentence> plainSilver = new ArrayList<>();
        for (int i = 0; i < silver.size(); i += 3) {
            plainSilver.add(silver.get(i).withoutDiacritics());
        }
        // the statistics are the silver's own segmentation; each silver sentence is learnt with its own counts left out
        SilverStats stats = settings.silverStats() ? SilverStats.of(silverAsGiven) : null;
        List<Prepared> data = new ArrayList<>();
        for (List<SegmentedSentence> corpus : List.of(gold, plainGold)) {
            for (SegmentedSentence sentence : corpus) {
                Prepared prepared = Prepared.of(sentence, stats, null);
                for (int r = 0; r < settings.goldRepeats(); r++) {
                    data.add(prepared);
                }
            }
        }
        if (settings.silverSentences()) {
            for (int i = 0; i < silver.size(); i++) {
                data.add(Prepared.of(silver.get(i), stats, silverAsGiven.get(i)));
            }
            for (int i = 0; i < plainSilver.size(); i++) {
                data.add(Prepared.of(plainSilver.get(i), stats, silverAsGiven.get(3 * i)));
            }
        }
        List<SegmentedSentence> allGold = new ArrayList<>(gold);
        allGold.addAll(plainGold);
        List<SegmentedSentence> allSilver = new ArrayList<>(silver);
        allSilver.addAll(plainSilver);
        LongSet lexicon = lexicon(allGold, allSilver, settings.minWordCount());

        int size = 1 << settings.bits();
        int mask = size - 1;
        float[] weights = new float[size];
        double[] totals = new double[size];
        long[] stamps = new long[size];
        long clock = 0;
        int[] features = new int[SegmenterFeatures.MAX];
        Random random = new Random(settings.seed());
        int[] order = new int[data.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int swap = order[i];
                order[i] = order[j];
                order[j] = swap;
            }
            for (int index : order) {
                Prepared sentence = data.get(index);
                boolean previous = false;
                int n = sentence.keys.length;
                byte[] words = SegmenterFeatures.lexiconWords(sentence.keys, n, lexicon);
                for (int gap = 0; gap < n - 1; gap++) {
                    clock++;
                    int count = SegmenterFeatures.extract(sentence.keys, sentence.folded, sentence.shapes, words,
                            sentence.stats, n, gap, previous, mask, features);
                    float score = 0;
                    for (int f = 0; f < count; f++) {
                        score += weights[features[f]];
                    }
                    boolean predicted = score > 0;
                    boolean expected = sentence.joins[gap];
                    if (predicted != expected) {
                        float update = expected ? 1f : -1f;
                        for (int f = 0; f < count; f++) {
                            int w = features[f];
                            totals[w] += (clock - stamps[w]) * (double) weights[w];
                            stamps[w] = clock;
                            weights[w] += update;
                        }
                    }
                    previous = predicted;
                }
            }
        }
        float[] averaged = new float[size];
        for (int w = 0; w < size; w++) {
            double total = totals[w] + (clock - stamps[w]) * (double) weights[w];
            float value = (float) (total / clock);
            averaged[w] = Math.abs(value) < 1e-4f ? 0f : value;
        }
        return new WordSegmenter(new SegmenterModel(settings.bits(), averaged, lexicon, stats));
    }

    /**
     * The silver sentences with the gold's convention wherever the gold data is consistent and the
     * silver mostly is not: for each pair of syllables (case and tone-mark placement ignored) that the
     * gold has at least {@code minCount} times, always joined or always apart, while most of the
     * silver's have it the other way, every silver gap between the two takes the gold's choice.
     */
    static List<SegmentedSentence> withGoldConventions(List<SegmentedSentence> gold, List<SegmentedSentence> silver, int minCount) {
        if (minCount == 0) {
            return silver;
        }
        Map<Long, int[]> goldCounts = new HashMap<>();
        for (SegmentedSentence sentence : gold) {
            long[] keys = sentence.keys();
            for (int i = 0; i < keys.length - 1; i++) {
                goldCounts.computeIfAbsent(Syllables.combine(keys[i], keys[i + 1]), k -> new int[2])[sentence.joins()[i] ? 1 : 0]++;
            }
        }
        Map<Long, Boolean> consistent = new HashMap<>();
        goldCounts.forEach((pair, counts) -> {
            if (counts[0] + counts[1] >= minCount && (counts[0] == 0 || counts[1] == 0)) {
                consistent.put(pair, counts[1] > 0);
            }
        });
        Map<Long, int[]> silverCounts = new HashMap<>();
        for (SegmentedSentence sentence : silver) {
            long[] keys = sentence.keys();
            for (int i = 0; i < keys.length - 1; i++) {
                long pair = Syllables.combine(keys[i], keys[i + 1]);
                if (consistent.containsKey(pair)) {
                    silverCounts.computeIfAbsent(pair, k -> new int[2])[sentence.joins()[i] ? 1 : 0]++;
                }
            }
        }
        Map<Long, Boolean> rules = new HashMap<>();
        silverCounts.forEach((pair, counts) -> {
            boolean goldJoins = consistent.get(pair);
            if (goldJoins ? counts[1] < counts[0] : counts[0] < counts[1]) {
                rules.put(pair, goldJoins);
            }
        });
        List<SegmentedSentence> out = new ArrayList<>(silver.size());
        for (SegmentedSentence sentence : silver) {
            long[] keys = sentence.keys();
            boolean[] joins = sentence.joins();
            boolean[] changed = null;
            for (int i = 0; i < joins.length; i++) {
                Boolean rule = rules.get(Syllables.combine(keys[i], keys[i + 1]));
                if (rule != null && rule != joins[i]) {
                    if (changed == null) {
                        changed = joins.clone();
                    }
                    changed[i] = rule;
                }
            }
            out.add(changed == null ? sentence : new SegmentedSentence(sentence.syllables(), changed));
        }
        return out;
    }

    static LongSet lexicon(List<SegmentedSentence> gold, List<SegmentedSentence> silver, int minCount) {
        Map<Long, Integer> counts = new HashMap<>();
        for (List<SegmentedSentence> corpus : List.of(gold, silver)) {
            for (SegmentedSentence sentence : corpus) {
                long[] keys = sentence.keys();
                int start = 0;
                for (int i = 0; i < keys.length; i++) {
                    if (i == keys.length - 1 || !sentence.joins()[i]) {
                        int length = i - start + 1;
                        if (length >= 2 && length <= SegmenterFeatures.MAX_WORD) {
                            counts.merge(SegmenterFeatures.spanKey(keys, start, length), 1, Integer::sum);
                        }
                        start = i + 1;
                    }
                }
            }
        }
        return LongSet.of(counts.entrySet().stream().filter(e -> e.getValue() >= minCount)
                .mapToLong(Map.Entry::getKey).sorted().toArray());
    }

    private record Prepared(long[] keys, long[] folded, byte[] shapes, boolean[] joins, short[] stats) {
        static Prepared of(SegmentedSentence sentence, SilverStats silverStats, SegmentedSentence origin) {
            long[] keys = sentence.keys();
            long[] folded = sentence.foldedKeys();
            short[] stats = silverStats == null ? null : silverStats.codes(keys, folded, keys.length, origin);
            return new Prepared(keys, folded, sentence.shapes(), sentence.joins(), stats);
        }
    }
}
