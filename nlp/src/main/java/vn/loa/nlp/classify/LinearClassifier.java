package vn.loa.nlp.classify;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A multinomial logistic-regression classifier over hashed features. Probabilities are
 * temperature-scaled (calibrated on data held out from training); the chosen label adds per-label
 * decision offsets (tuned on the same held-out data for macro-F1), shared by every text or, for a register
 * that has its own (a citizen's comment is not a news report), that register's. Immutable and thread-safe.
 *
 * <p>Only the feature rows with a weight are kept, packed one after another; a bit per feature
 * says whether its row is kept, and a count per 64 features finds it. Most features of a text
 * have no row, and the test touches the bits (128 KB for 2<sup>20</sup> features) instead of the
 * whole weight table, which keeps scoring in the processor's cache.
 */
public final class LinearClassifier {

    private static final int MAGIC = 0x4c4f4143; // "LOAC"
    private static final int VERSION = 7;

    private final String task;
    private final String[] labels;
    private final Features features;
    /** Bit f of {@code kept[f / 64]}: feature f has a row. */
    private final long[] kept;
    /** The number of kept rows before word w of {@code kept}. */
    private final int[] rank;
    /** The kept rows, k weights each, in feature order. */
    private final float[] rows;
    private final float[] bias;
    private final double temperature;
    private final double[] offsets;
    /** Offsets of their own for some registers; the others use {@link #offsets}. */
    private final Map<String, double[]> registerOffsets;

    LinearClassifier(String task, String[] labels, Features features, float[] weights, float[] bias, double temperature,
            double[] offsets) {
        this(task, labels, features, weights, bias, temperature, offsets, Map.of());
    }

    LinearClassifier(String task, String[] labels, Features features, float[] weights, float[] bias, double temperature,
            double[] offsets, Map<String, double[]> registerOffsets) {
        this.task = task;
        this.labels = labels.clone();
        this.features = features;
        int k = labels.length;
        int dimensions = weights.length / k;
        this.kept = new long[(dimensions + 63) / 64];
        this.rank = new int[kept.length];
        int used = 0;
        for (int row = 0; row < dimensions; row++) {
            if (row % 64 == 0) {
                rank[row / 64] = used;
            }
            for (int c = 0; c < k; c++) {
                if (weights[row * k + c] != 0f) {
                    kept[row / 64] |= 1L << (row % 64);
                    used++;
                    break;
                }
            }
        }
        this.rows = new float[used * k];
        int at = 0;
        for (int row = 0; row < dimensions; row++) {
            if (has(row)) {
                System.arraycopy(weights, row * k, rows, at, k);
                at += k;
            }
        }
        this.bias = bias;
        this.temperature = temperature;
        this.offsets = offsets.clone();
        this.registerOffsets = copyOf(registerOffsets, k);
    }

    private static Map<String, double[]> copyOf(Map<String, double[]> registerOffsets, int k) {
        Map<String, double[]> copy = new TreeMap<>();
        registerOffsets.forEach((register, values) -> {
            if (values.length != k) {
                throw new IllegalArgumentException("the offsets of register " + register + " are not one per label");
            }
            copy.put(register, values.clone());
        });
        return Collections.unmodifiableMap(copy);
    }

    /** A model from its packed rows, as {@link #read(InputStream)} finds them (no dense table in between). */
    private LinearClassifier(String task, String[] labels, Features features, long[] kept, float[] rows, float[] bias,
            double temperature, double[] offsets, Map<String, double[]> registerOffsets) {
        this.task = task;
        this.labels = labels;
        this.features = features;
        this.kept = kept;
        this.rank = new int[kept.length];
        int used = 0;
        for (int word = 0; word < kept.length; word++) {
            rank[word] = used;
            used += Long.bitCount(kept[word]);
        }
        this.rows = rows;
        this.bias = bias;
        this.temperature = temperature;
        this.offsets = offsets;
        this.registerOffsets = copyOf(registerOffsets, labels.length);
    }

    /** The task this model was trained for. */
    public String task() {
        return task;
    }

    /** The labels, in the model's order. */
    public String[] labels() {
        return labels.clone();
    }

    /** Classifies a text. */
    public Prediction predict(String text) {
        return predictFeatures(features.of(text));
    }

    /** Classifies a text of a register ({@code news}, {@code official}, {@code comment}; null if unknown). */
    public Prediction predict(String text, String register) {
        return predictFeatures(features.of(text, register), register);
    }

    /** The feature extractor this model reads; models with equal extractors can share one extraction. */
    public Features features() {
        return features;
    }

    /** Classifies a text whose features were extracted already with {@link #features()}. */
    public Prediction predictFeatures(int[] indices) {
        return predictScores(scores(indices));
    }

    /**
     * Classifies a text of a register whose features were extracted already with {@link #features()} (for that
     * register, if the features read it); the register also chooses the decision offsets.
     */
    public Prediction predictFeatures(int[] indices, String register) {
        return predictScores(scores(indices), register);
    }

    /** Classifies from the raw scores of the labels (as {@link Fused#scores(int[])} gives them). */
    public Prediction predictScores(double[] scores) {
        return predictScores(scores, null);
    }

    /** Classifies from the raw scores of the labels, with the decision offsets of a register (null if unknown). */
    public Prediction predictScores(double[] scores, String register) {
        double[] offsets = register == null ? this.offsets : registerOffsets.getOrDefault(register, this.offsets);
        double[] probabilities = softmax(scores, temperature);
        int best = 0;
        double bestDecision = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < labels.length; k++) {
            double decision = Math.log(Math.max(probabilities[k], 1e-12)) + offsets[k];
            if (decision > bestDecision) {
                bestDecision = decision;
                best = k;
            }
        }
        return new Prediction(labels[best], labels, probabilities);
    }

    double[] scores(int[] indices) {
        int k = labels.length;
        double[] scores = new double[k];
        for (int c = 0; c < k; c++) {
            scores[c] = bias[c];
        }
        double value = indices.length == 0 ? 0 : 1.0 / Math.sqrt(indices.length);
        for (int index : indices) {
            int base = row(index);
            if (base < 0) {
                continue;
            }
            for (int c = 0; c < k; c++) {
                scores[c] += rows[base + c] * value;
            }
        }
        return scores;
    }

    private boolean has(int feature) {
        return (kept[feature >>> 6] & 1L << (feature & 63)) != 0;
    }

    /** Where the row of a feature starts in {@link #rows}, or -1 if it has none. */
    private int row(int feature) {
        long word = kept[feature >>> 6];
        long bit = 1L << (feature & 63);
        if ((word & bit) == 0) {
            return -1;
        }
        return (rank[feature >>> 6] + Long.bitCount(word & (bit - 1))) * labels.length;
    }

    /** The label biases; a copy. */
    float[] bias() {
        return bias.clone();
    }

    /** The weights as one dense table, k per feature (zero for features without a row); a new array. */
    float[] dense() {
        int k = labels.length;
        float[] weights = new float[features.dimensions() * k];
        int at = 0;
        for (int row = 0; row < features.dimensions(); row++) {
            if (has(row)) {
                System.arraycopy(rows, at, weights, row * k, k);
                at += k;
            }
        }
        return weights;
    }

    /**
     * Models over the same features scored together: one table whose row for a feature holds every
     * model's weights side by side, so that each feature is looked up once for all of them.
     */
    public static final class Fused {

        private final LinearClassifier[] models;
        private final long[] kept;
        private final int[] rank;
        private final float[] rows;
        private final int width;

        private Fused(LinearClassifier... models) {
            this.models = models;
            int words = models[0].kept.length;
            this.kept = new long[words];
            for (LinearClassifier model : models) {
                for (int w = 0; w < words; w++) {
                    kept[w] |= model.kept[w];
                }
            }
            this.rank = new int[words];
            int used = 0;
            for (int w = 0; w < words; w++) {
                rank[w] = used;
                used += Long.bitCount(kept[w]);
            }
            int total = 0;
            for (LinearClassifier model : models) {
                total += model.labels.length;
            }
            this.width = total;
            this.rows = new float[used * width];
            int dimensions = words * 64;
            int at = 0;
            for (int feature = 0; feature < dimensions; feature++) {
                if ((kept[feature >>> 6] & 1L << (feature & 63)) == 0) {
                    continue;
                }
                int offset = 0;
                for (LinearClassifier model : models) {
                    int row = model.row(feature);
                    if (row >= 0) {
                        System.arraycopy(model.rows, row, rows, at + offset, model.labels.length);
                    }
                    offset += model.labels.length;
                }
                at += width;
            }
        }

        /** Each model's raw label scores for a text's features, in the order the models were given. */
        public double[][] scores(int[] indices) {
            double[] sums = new double[width];
            double value = indices.length == 0 ? 0 : 1.0 / Math.sqrt(indices.length);
            for (int index : indices) {
                long word = kept[index >>> 6];
                long bit = 1L << (index & 63);
                if ((word & bit) == 0) {
                    continue;
                }
                int base = (rank[index >>> 6] + Long.bitCount(word & (bit - 1))) * width;
                for (int c = 0; c < width; c++) {
                    sums[c] += rows[base + c];
                }
            }
            double[][] scores = new double[models.length][];
            int offset = 0;
            for (int m = 0; m < models.length; m++) {
                int k = models[m].labels.length;
                scores[m] = new double[k];
                for (int c = 0; c < k; c++) {
                    scores[m][c] = models[m].bias[c] + sums[offset + c] * value;
                }
                offset += k;
            }
            return scores;
        }
    }

    /** Fuses models that read the same features (see {@link Fused}). */
    public static Fused fuse(LinearClassifier... models) {
        for (LinearClassifier model : models) {
            if (!model.features.equals(models[0].features)) {
                throw new IllegalArgumentException("only models over the same features can be fused");
            }
        }
        return new Fused(models.clone());
    }

    static double[] softmax(double[] scores, double temperature) {
        double max = Double.NEGATIVE_INFINITY;
        for (double s : scores) {
            max = Math.max(max, s / temperature);
        }
        double sum = 0;
        double[] p = new double[scores.length];
        for (int i = 0; i < scores.length; i++) {
            p[i] = Math.exp(scores[i] / temperature - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    LinearClassifier withCalibration(double newTemperature, double[] newOffsets,
            Map<String, double[]> newRegisterOffsets) {
        return new LinearClassifier(task, labels, features, dense(), bias, newTemperature, newOffsets,
                newRegisterOffsets);
    }

    /** The decision offsets that every register without offsets of its own uses, in the labels' order; a copy. */
    public double[] offsets() {
        return offsets.clone();
    }

    /** The registers with decision offsets of their own, and those offsets in the labels' order; copies. */
    public Map<String, double[]> registerOffsets() {
        Map<String, double[]> copy = new TreeMap<>();
        registerOffsets.forEach((register, values) -> copy.put(register, values.clone()));
        return copy;
    }

    /** Loads a model from the classpath, e.g. {@code /vn/loa/nlp/models/sentiment.bin}. */
    public static LinearClassifier loadResource(String resource) {
        try (InputStream in = LinearClassifier.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the model " + resource + " is missing from the jar");
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model " + resource, e);
        }
    }

    /** Writes the model: weights quantised to 16 bits per label, only for features with a non-zero weight. */
    public void write(OutputStream target) throws IOException {
        GZIPOutputStream gzip = new GZIPOutputStream(target);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(gzip, 1 << 16));
        out.writeInt(MAGIC);
        out.writeInt(VERSION);
        out.writeUTF(task);
        out.writeInt(labels.length);
        for (String label : labels) {
            out.writeUTF(label);
        }
        out.writeInt(features.bits());
        out.writeBoolean(features.trigrams());
        out.writeBoolean(features.characterGrams());
        out.writeInt(features.maxSyllables());
        out.writeBoolean(features.registers());
        out.writeBoolean(features.clusters());
        out.writeBoolean(features.lexicon());
        out.writeBoolean(features.repeats());
        SpanLexicon spans = features.spans();
        out.writeBoolean(spans != null);
        if (spans != null) {
            // the entries' keys, as every text not learnt from sees them
            out.writeUTF(spans.keys().name());
            for (long[] keys : List.of(spans.exactKeys(), spans.foldedKeys())) {
                out.writeInt(keys.length);
                for (long key : keys) {
                    out.writeLong(key);
                }
            }
        }
        for (float b : bias) {
            out.writeFloat(b);
        }
        out.writeDouble(temperature);
        for (double offset : offsets) {
            out.writeDouble(offset);
        }
        out.writeInt(registerOffsets.size());
        for (Map.Entry<String, double[]> entry : registerOffsets.entrySet()) {
            out.writeUTF(entry.getKey());
            for (double offset : entry.getValue()) {
                out.writeDouble(offset);
            }
        }
        float[] weights = dense();
        float max = 1e-9f;
        for (float w : weights) {
            max = Math.max(max, Math.abs(w));
        }
        float scale = max / 32767f;
        out.writeFloat(scale);
        int k = labels.length;
        int dimensions = weights.length / k;
        int used = 0;
        for (int row = 0; row < dimensions; row++) {
            if (rowUsed(weights, row, k, scale)) {
                used++;
            }
        }
        out.writeInt(used);
        int last = -1;
        for (int row = 0; row < dimensions; row++) {
            if (!rowUsed(weights, row, k, scale)) {
                continue;
            }
            out.writeInt(row - last);
            last = row;
            for (int c = 0; c < k; c++) {
                out.writeShort(Math.round(weights[row * k + c] / scale));
            }
        }
        out.flush();
        gzip.finish();
    }

    private static boolean rowUsed(float[] weights, int row, int k, float scale) {
        for (int c = 0; c < k; c++) {
            if (Math.round(weights[row * k + c] / scale) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Reads a model written by {@link #write(OutputStream)}. */
    public static LinearClassifier read(InputStream source) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(source, 1 << 16), 1 << 16));
        if (in.readInt() != MAGIC) {
            throw new IOException("not a Loa classifier model");
        }
        int version = in.readInt();
        if (version < 1 || version > VERSION) {
            throw new IOException("a Loa classifier model of version " + version + "; this library reads 1 to " + VERSION);
        }
        String task = in.readUTF();
        String[] labels = new String[in.readInt()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = in.readUTF();
        }
        Features features = new Features(in.readInt(), in.readBoolean(), in.readBoolean(), in.readInt(),
                version >= 2 && in.readBoolean(), version >= 3 && in.readBoolean(), version >= 4 && in.readBoolean());
        features = features.withRepeats(version >= 6 && in.readBoolean());
        if (version >= 5 && in.readBoolean()) {
            SpanLexicon.Keys keys = SpanLexicon.Keys.valueOf(in.readUTF());
            long[][] sets = new long[2][];
            for (int s = 0; s < 2; s++) {
                int n = in.readInt();
                if (n < 0 || n > 10_000_000) {
                    throw new IOException("a classifier model's span lexicon of " + n + " entries");
                }
                sets[s] = new long[n];
                for (int i = 0; i < n; i++) {
                    sets[s][i] = in.readLong();
                }
            }
            features = features.withSpans(SpanLexicon.of(keys, sets[0], sets[1]));
        }
        float[] bias = new float[labels.length];
        for (int i = 0; i < bias.length; i++) {
            bias[i] = in.readFloat();
        }
        double temperature = in.readDouble();
        double[] offsets = new double[labels.length];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = in.readDouble();
        }
        Map<String, double[]> registerOffsets = new TreeMap<>();
        int registers = version >= 7 ? in.readInt() : 0;
        if (registers < 0 || registers > 16) {
            throw new IOException("a classifier model with offsets for " + registers + " registers");
        }
        for (int r = 0; r < registers; r++) {
            String register = in.readUTF();
            double[] own = new double[labels.length];
            for (int i = 0; i < own.length; i++) {
                own[i] = in.readDouble();
            }
            registerOffsets.put(register, own);
        }
        float scale = in.readFloat();
        int k = labels.length;
        int dimensions = features.dimensions();
        long[] kept = new long[(dimensions + 63) / 64];
        int used = in.readInt();
        if (used < 0 || used > dimensions) {
            throw new IOException("a classifier model with " + used + " rows for " + dimensions + " features");
        }
        // the rows are read straight into their packed form: a dense table of 2^22 features by 11 labels
        // would need 185 MB for a moment
        float[] rows = new float[used * k];
        int row = -1;
        for (int i = 0; i < used; i++) {
            int step = in.readInt();
            row += step;
            if (step < 1 || row >= dimensions) {
                throw new IOException("a classifier model's row " + row + " is outside its " + dimensions + " features");
            }
            kept[row >>> 6] |= 1L << (row & 63);
            for (int c = 0; c < k; c++) {
                rows[i * k + c] = in.readShort() * scale;
            }
        }
        return new LinearClassifier(task, labels, features, kept, rows, bias, temperature, offsets, registerOffsets);
    }
}
