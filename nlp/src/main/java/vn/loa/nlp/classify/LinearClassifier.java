package vn.loa.nlp.classify;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A multinomial logistic-regression classifier over hashed features. Probabilities are
 * temperature-scaled (calibrated on data held out from training); the chosen label adds per-label
 * decision offsets (tuned on the same held-out data for macro-F1). Immutable and thread-safe.
 */
public final class LinearClassifier {

    private static final int MAGIC = 0x4c4f4143; // "LOAC"
    private static final int VERSION = 1;

    private final String task;
    private final String[] labels;
    private final Features features;
    private final float[] weights;
    private final float[] bias;
    private final double temperature;
    private final double[] offsets;

    LinearClassifier(String task, String[] labels, Features features, float[] weights, float[] bias, double temperature,
            double[] offsets) {
        this.task = task;
        this.labels = labels.clone();
        this.features = features;
        this.weights = weights;
        this.bias = bias;
        this.temperature = temperature;
        this.offsets = offsets.clone();
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

    /** The feature extractor this model reads; models with equal extractors can share one extraction. */
    public Features features() {
        return features;
    }

    /** Classifies a text whose features were extracted already with {@link #features()}. */
    public Prediction predictFeatures(int[] indices) {
        double[] scores = scores(indices);
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
            int base = index * k;
            for (int c = 0; c < k; c++) {
                scores[c] += weights[base + c] * value;
            }
        }
        return scores;
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

    LinearClassifier withCalibration(double newTemperature, double[] newOffsets) {
        return new LinearClassifier(task, labels, features, weights, bias, newTemperature, newOffsets);
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
        for (float b : bias) {
            out.writeFloat(b);
        }
        out.writeDouble(temperature);
        for (double offset : offsets) {
            out.writeDouble(offset);
        }
        float max = 1e-9f;
        for (float w : weights) {
            max = Math.max(max, Math.abs(w));
        }
        float scale = max / 32767f;
        out.writeFloat(scale);
        int k = labels.length;
        int rows = weights.length / k;
        int used = 0;
        for (int row = 0; row < rows; row++) {
            if (rowUsed(row, k, scale)) {
                used++;
            }
        }
        out.writeInt(used);
        int last = -1;
        for (int row = 0; row < rows; row++) {
            if (!rowUsed(row, k, scale)) {
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

    private boolean rowUsed(int row, int k, float scale) {
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
        if (in.readInt() != MAGIC || in.readInt() != VERSION) {
            throw new IOException("not a Loa classifier model, or of another version");
        }
        String task = in.readUTF();
        String[] labels = new String[in.readInt()];
        for (int i = 0; i < labels.length; i++) {
            labels[i] = in.readUTF();
        }
        Features features = new Features(in.readInt(), in.readBoolean(), in.readBoolean(), in.readInt());
        float[] bias = new float[labels.length];
        for (int i = 0; i < bias.length; i++) {
            bias[i] = in.readFloat();
        }
        double temperature = in.readDouble();
        double[] offsets = new double[labels.length];
        for (int i = 0; i < offsets.length; i++) {
            offsets[i] = in.readDouble();
        }
        float scale = in.readFloat();
        int k = labels.length;
        float[] weights = new float[features.dimensions() * k];
        int used = in.readInt();
        int row = -1;
        for (int i = 0; i < used; i++) {
            row += in.readInt();
            for (int c = 0; c < k; c++) {
                weights[row * k + c] = in.readShort() * scale;
            }
        }
        return new LinearClassifier(task, labels, features, weights, bias, temperature, offsets);
    }
}
