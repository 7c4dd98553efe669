package vn.loa.nlp.segment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import vn.loa.nlp.LongSet;

/**
 * Trains a {@link WordSegmenter}: an averaged perceptron over the gaps of the training sentences,
 * in a fixed order drawn from a seed, so that the same data and seed give the same model to the
 * byte. The lexicon is the set of multi-syllable words seen at least {@code minWordCount} times.
 * Every gold sentence and every third silver sentence is also learnt without its diacritics, so
 * that text typed without accents is segmented too.
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
     */
    public record Settings(int bits, int epochs, long seed, int goldRepeats, int minWordCount) {

        public Settings {
            if (bits < 16 || bits > 24) {
                throw new IllegalArgumentException("bits must be 16 to 24, was " + bits);
            }
            if (epochs < 1 || goldRepeats < 1 || minWordCount < 1) {
                throw new IllegalArgumentException("epochs, goldRepeats and minWordCount must be positive");
            }
        }

        /** The settings the shipped model is trained with. */
        public static Settings defaults() {
            return new Settings(21, 6, 42, 4, 2);
        }
    }

    private SegmenterTrainer() {
    }

    /** Trains on gold sentences (weighted) and silver sentences. */
    public static WordSegmenter train(List<SegmentedSentence> gold, List<SegmentedSentence> silver, Settings settings) {
        List<SegmentedSentence> plainGold = new ArrayList<>();
        for (SegmentedSentence sentence : gold) {
            plainGold.add(sentence.withoutDiacritics());
        }
        List<SegmentedSentence> plainSilver = new ArrayList<>();
        for (int i = 0; i < silver.size(); i += 3) {
            plainSilver.add(silver.get(i).withoutDiacritics());
        }
        List<Prepared> data = new ArrayList<>();
        for (List<SegmentedSentence> corpus : List.of(gold, plainGold)) {
            for (SegmentedSentence sentence : corpus) {
                Prepared prepared = Prepared.of(sentence);
                for (int r = 0; r < settings.goldRepeats(); r++) {
                    data.add(prepared);
                }
            }
        }
        for (List<SegmentedSentence> corpus : List.of(silver, plainSilver)) {
            for (SegmentedSentence sentence : corpus) {
                data.add(Prepared.of(sentence));
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
                    int count = SegmenterFeatures.extract(sentence.keys, sentence.folded, sentence.shapes, words, n, gap,
                            previous, mask, features);
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
        return new WordSegmenter(new SegmenterModel(settings.bits(), averaged, lexicon));
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

    private record Prepared(long[] keys, long[] folded, byte[] shapes, boolean[] joins) {
        static Prepared of(SegmentedSentence sentence) {
            return new Prepared(sentence.keys(), sentence.foldedKeys(), sentence.shapes(), sentence.joins());
        }
    }
}
