package vn.loa.nlp.classify;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a classifier does on labelled rows: accuracy, macro-F1, per-label precision, recall and F1,
 * the confusion matrix (rows gold, columns predicted) and speed.
 *
 * @param labels the labels, in the model's order
 * @param confusion counts by gold (row) and predicted (column) label
 * @param nanos time spent classifying
 * @param unknownLabels rows whose gold label the model does not know (counted as errors)
 */
public record ClassificationScore(String[] labels, int[][] confusion, long nanos, int unknownLabels) {

    /** Scores a classifier on rows. */
    public static ClassificationScore of(LinearClassifier model, List<LabeledText> rows) {
        String[] labels = model.labels();
        Map<String, Integer> index = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            index.put(labels[i], i);
        }
        int[][] confusion = new int[labels.length][labels.length];
        int unknown = 0;
        long nanos = 0;
        for (LabeledText row : rows) {
            long start = System.nanoTime();
            Prediction prediction = model.predict(row.text(), row.register());
            nanos += System.nanoTime() - start;
            Integer gold = index.get(row.label());
            if (gold == null) {
                unknown++;
                continue;
            }
            confusion[gold][index.get(prediction.label())]++;
        }
        return new ClassificationScore(labels, confusion, nanos, unknown);
    }

    public int rows() {
        int total = unknownLabels;
        for (int[] row : confusion) {
            for (int count : row) {
                total += count;
            }
        }
        return total;
    }

    public double accuracy() {
        int correct = 0;
        for (int i = 0; i < confusion.length; i++) {
            correct += confusion[i][i];
        }
        return rows() == 0 ? 0 : (double) correct / rows();
    }

    public double macroF1() {
        return macroF1(confusion);
    }

    public double docsPerSecond() {
        return nanos == 0 ? 0 : rows() * 1e9 / nanos;
    }

    /** Per label: precision, recall, F1 and support. */
    public Map<String, Map<String, Object>> perLabel() {
        Map<String, Map<String, Object>> result = new LinkedHashMap<>();
        for (int c = 0; c < labels.length; c++) {
            double[] prf = prf(confusion, c);
            Map<String, Object> scores = new LinkedHashMap<>();
            scores.put("precision", prf[0]);
            scores.put("recall", prf[1]);
            scores.put("f1", prf[2]);
            scores.put("support", (int) prf[3]);
            result.put(labels[c], scores);
        }
        return result;
    }

    static double macroF1(int[][] confusion) {
        double sum = 0;
        for (int c = 0; c < confusion.length; c++) {
            sum += prf(confusion, c)[2];
        }
        return confusion.length == 0 ? 0 : sum / confusion.length;
    }

    private static double[] prf(int[][] confusion, int c) {
        int tp = confusion[c][c];
        int predicted = 0;
        int gold = 0;
        for (int i = 0; i < confusion.length; i++) {
            predicted += confusion[i][c];
            gold += confusion[c][i];
        }
        double precision = predicted == 0 ? 0 : (double) tp / predicted;
        double recall = gold == 0 ? 0 : (double) tp / gold;
        double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return new double[] {precision, recall, f1, gold};
    }
}
