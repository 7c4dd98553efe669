package vn.loa.nlp.vectors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.loa.nlp.Syllables;
import vn.loa.nlp.segment.SyllableSplitter;

/**
 * Learns {@link SyllableClusters} from unlabelled text: syllable vectors by skip-gram with negative
 * sampling (word2vec's method), then k-means over the vectors. One thread and a seeded generator,
 * so the same texts and settings give the same classes to the byte.
 */
public final class ClusterTrainer {

    /**
     * Training settings.
     *
     * @param dimensions the length of a syllable's vector
     * @param window the most syllables on each side that count as context
     * @param negatives negative samples per context syllable
     * @param epochs passes over the texts
     * @param minCount a syllable must occur this often to get a vector and a class
     * @param classes the number of classes (k of k-means), 2 to 32,767
     * @param seed the seed of every random choice
     */
    public record Settings(int dimensions, int window, int negatives, int epochs, int minCount, int classes, long seed) {

        public Settings {
            if (dimensions < 8 || window < 1 || negatives < 1 || epochs < 1 || minCount < 1 || classes < 2 || classes > 32_767) {
                throw new IllegalArgumentException("invalid cluster training settings");
            }
        }

        /** The settings of the shipped classes. */
        public static Settings defaults() {
            return new Settings(64, 4, 5, 2, 5, 256, 42);
        }
    }

    /** What training learnt, with figures for the model card. */
    public record Result(SyllableClusters clusters, long syllablesRead, int vocabulary) {
    }

    private ClusterTrainer() {
    }

    /** Learns classes of syllables from texts. */
    public static Result train(List<String> texts, Settings settings) {
        Map<Long, Integer> counts = new HashMap<>();
        List<long[]> documents = new ArrayList<>(texts.size());
        long read = 0;
        for (String text : texts) {
            SyllableSplitter.Syllabified split = SyllableSplitter.split(text);
            long[] keys = new long[split.count()];
            for (int i = 0; i < keys.length; i++) {
                keys[i] = Syllables.key(text, split.starts()[i], split.ends()[i]);
                counts.merge(keys[i], 1, Integer::sum);
            }
            read += keys.length;
            documents.add(keys);
        }
        // the vocabulary, most frequent first (ties by key), so that ids do not depend on hashing order
        long[] vocabulary = counts.entrySet().stream().filter(e -> e.getValue() >= settings.minCount())
                .sorted((a, b) -> a.getValue().equals(b.getValue()) ? Long.compare(a.getKey(), b.getKey())
                        : Integer.compare(b.getValue(), a.getValue()))
                .mapToLong(Map.Entry::getKey).toArray();
        Map<Long, Integer> ids = new HashMap<>(vocabulary.length * 2);
        for (int i = 0; i < vocabulary.length; i++) {
            ids.put(vocabulary[i], i);
        }
        int v = vocabulary.length;
        long[] frequency = new long[v];
        List<int[]> sequences = new ArrayList<>(documents.size());
        long total = 0;
        for (long[] document : documents) {
            int[] sequence = new int[document.length];
            int n = 0;
            for (long key : document) {
                Integer id = ids.get(key);
                if (id != null) {
                    sequence[n++] = id;
                    frequency[id]++;
                }
            }
            total += n;
            sequences.add(Arrays.copyOf(sequence, n));
        }
        float[][] vectors = vectors(sequences, frequency, total, v, settings);
        short[] classes = kMeans(vectors, settings.classes(), settings.seed());
        return new Result(new SyllableClusters(vocabulary, classes, settings.classes()), read, v);
    }

    private static float[][] vectors(List<int[]> sequences, long[] frequency, long total, int v, Settings settings) {
        int d = settings.dimensions();
        Random random = new Random(settings.seed());
        float[] input = new float[v * d];
        float[] output = new float[v * d];
        for (int i = 0; i < input.length; i++) {
            input[i] = (random.nextFloat() - 0.5f) / d;
        }
        // negatives drawn in proportion to frequency^0.75
        int tableSize = 1 << 22;
        int[] table = new int[tableSize];
        double norm = 0;
        for (long f : frequency) {
            norm += Math.pow(f, 0.75);
        }
        int word = 0;
        double cumulative = Math.pow(frequency[0], 0.75) / norm;
        for (int i = 0; i < tableSize; i++) {
            table[i] = word;
            if ((double) i / tableSize > cumulative && word < v - 1) {
                word++;
                cumulative += Math.pow(frequency[word], 0.75) / norm;
            }
        }
        // frequent syllables are kept with a probability that falls with their frequency (sub-sampling)
        float[] keep = new float[v];
        double threshold = 1e-4 * total;
        for (int i = 0; i < v; i++) {
            keep[i] = (float) Math.min(1.0, Math.sqrt(threshold / frequency[i]) + threshold / frequency[i]);
        }
        long steps = (long) settings.epochs() * total;
        long done = 0;
        float[] gradient = new float[d];
        int[] kept = new int[1 << 12];
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            for (int[] sequence : sequences) {
                if (kept.length < sequence.length) {
                    kept = new int[sequence.length];
                }
                int n = 0;
                for (int id : sequence) {
                    if (keep[id] >= 1f || random.nextFloat() < keep[id]) {
                        kept[n++] = id;
                    }
                }
                done += sequence.length;
                float rate = (float) Math.max(0.025 * (1 - (double) done / (steps + 1)), 0.025 * 1e-4);
                for (int position = 0; position < n; position++) {
                    int center = kept[position];
                    int reach = 1 + random.nextInt(settings.window());
                    for (int c = Math.max(0, position - reach); c <= Math.min(n - 1, position + reach); c++) {
                        if (c == position) {
                            continue;
                        }
                        int context = kept[c];
                        Arrays.fill(gradient, 0f);
                        int in = context * d;
                        for (int s = 0; s <= settings.negatives(); s++) {
                            int target = s == 0 ? center : table[random.nextInt(tableSize)];
                            if (s > 0 && target == center) {
                                continue;
                            }
                            int out = target * d;
                            float dot = 0;
                            for (int k = 0; k < d; k++) {
                                dot += input[in + k] * output[out + k];
                            }
                            float label = s == 0 ? 1f : 0f;
                            float g = (label - sigmoid(dot)) * rate;
                            for (int k = 0; k < d; k++) {
                                gradient[k] += g * output[out + k];
                                output[out + k] += g * input[in + k];
                            }
                        }
                        for (int k = 0; k < d; k++) {
                            input[in + k] += gradient[k];
                        }
                    }
                }
            }
        }
        float[][] vectors = new float[v][d];
        for (int i = 0; i < v; i++) {
            double length = 0;
            for (int k = 0; k < d; k++) {
                length += input[i * d + k] * input[i * d + k];
            }
            float scale = length == 0 ? 0 : (float) (1 / Math.sqrt(length));
            for (int k = 0; k < d; k++) {
                vectors[i][k] = input[i * d + k] * scale;
            }
        }
        return vectors;
    }

    private static float sigmoid(float x) {
        if (x > 6) {
            return 1f;
        }
        if (x < -6) {
            return 0f;
        }
        return (float) (1 / (1 + Math.exp(-x)));
    }

    /** Spherical k-means (cosine), seeded k-means++ start, 20 rounds. */
    static short[] kMeans(float[][] vectors, int k, long seed) {
        int n = vectors.length;
        int d = vectors[0].length;
        Random random = new Random(seed + 1);
        float[][] centres = new float[k][];
        centres[0] = vectors[random.nextInt(n)].clone();
        double[] nearest = new double[n];
        Arrays.fill(nearest, Double.MAX_VALUE);
        for (int c = 1; c < k; c++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                nearest[i] = Math.min(nearest[i], 1 - dot(vectors[i], centres[c - 1]));
                sum += Math.max(nearest[i], 0);
            }
            double pick = random.nextDouble() * sum;
            int chosen = n - 1;
            for (int i = 0; i < n; i++) {
                pick -= Math.max(nearest[i], 0);
                if (pick <= 0) {
                    chosen = i;
                    break;
                }
            }
            centres[c] = vectors[chosen].clone();
        }
        short[] assigned = new short[n];
        for (int round = 0; round < 20; round++) {
            for (int i = 0; i < n; i++) {
                int best = 0;
                float bestDot = -2;
                for (int c = 0; c < k; c++) {
                    float dot = dot(vectors[i], centres[c]);
                    if (dot > bestDot) {
                        bestDot = dot;
                        best = c;
                    }
                }
                assigned[i] = (short) best;
            }
            float[][] sums = new float[k][d];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < d; j++) {
                    sums[assigned[i]][j] += vectors[i][j];
                }
            }
            for (int c = 0; c < k; c++) {
                double length = 0;
                for (float x : sums[c]) {
                    length += x * x;
                }
                if (length > 0) {
                    float scale = (float) (1 / Math.sqrt(length));
                    for (int j = 0; j < d; j++) {
                        sums[c][j] *= scale;
                    }
                    centres[c] = sums[c];
                }
            }
        }
        return assigned;
    }

    private static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }

    /** A small, fast generator (xorshift*): the same seed gives the same sequence on every JVM. */
    private static final class Random {

        private long state;

        Random(long seed) {
            this.state = seed == 0 ? 0x9E3779B97F4A7C15L : seed;
        }

        long nextLong() {
            state ^= state >>> 12;
            state ^= state << 25;
            state ^= state >>> 27;
            return state * 0x2545F4914F6CDD1DL;
        }

        int nextInt(int bound) {
            return (int) ((nextLong() >>> 33) % bound);
        }

        float nextFloat() {
            return (nextLong() >>> 40) / (float) (1 << 24);
        }

        double nextDouble() {
            return (nextLong() >>> 11) * 0x1.0p-53;
        }
    }
}
