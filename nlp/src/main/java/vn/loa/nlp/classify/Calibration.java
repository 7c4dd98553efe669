package vn.loa.nlp.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How far a classifier's probabilities can be trusted on labelled rows: whether the answers it gives
 * with probability p are right about p of the time, and how its "unclear" answers (below
 * {@link Prediction#UNCLEAR_BELOW}) do. What the probability of an answer means is the probability of
 * the label shown, the one chosen after the decision offsets.
 *
 * @param rows rows with a label the model knows
 * @param meanConfidence the mean probability of the chosen label
 * @param accuracy the share of chosen labels that are right
 * @param expectedCalibrationError the gap between confidence and accuracy, averaged over ten bins of
 *     confidence (0-0.1, ..., 0.9-1) weighted by their rows: 0 when every bin is right as often as it says
 * @param logLoss the mean of -ln(probability of the gold label), probabilities floored at 1e-12
 * @param unclear rows answered "unclear"
 * @param unclearAccuracy how often the label chosen for those rows is right (NaN when there are none)
 * @param clearAccuracy how often the label is right on the other rows (NaN when there are none)
 */
public record Calibration(int rows, double meanConfidence, double accuracy, double expectedCalibrationError,
        double logLoss, int unclear, double unclearAccuracy, double clearAccuracy) {

    private static final int BINS = 10;

    /** Measures a classifier on rows; rows whose label the model does not know are left out. */
    public static Calibration of(LinearClassifier model, List<LabeledText> rows) {
        List<Prediction> predictions = new ArrayList<>(rows.size());
        List<String> gold = new ArrayList<>(rows.size());
        for (LabeledText row : rows) {
            predictions.add(model.predict(row.text(), row.register()));
            gold.add(row.label());
        }
        return of(predictions, gold);
    }

    /** Measures answers against gold labels, pair by pair; a pair whose gold label the answer does not know is left out. */
    static Calibration of(List<Prediction> predictions, List<String> gold) {
        int[] binRows = new int[BINS];
        double[] binConfidence = new double[BINS];
        int[] binRight = new int[BINS];
        int counted = 0;
        int right = 0;
        double confidenceSum = 0;
        double logLossSum = 0;
        int unclear = 0;
        int unclearRight = 0;
        for (int i = 0; i < predictions.size(); i++) {
            Prediction prediction = predictions.get(i);
            int goldIndex = Arrays.asList(prediction.labels()).indexOf(gold.get(i));
            if (goldIndex < 0) {
                continue;
            }
            double confidence = prediction.confidence();
            boolean correct = prediction.label().equals(gold.get(i));
            int bin = Math.min(BINS - 1, (int) (confidence * BINS));
            binRows[bin]++;
            binConfidence[bin] += confidence;
            counted++;
            confidenceSum += confidence;
            logLossSum -= Math.log(Math.max(1e-12, prediction.probabilities()[goldIndex]));
            if (correct) {
                binRight[bin]++;
                right++;
            }
            if (prediction.unclear()) {
                unclear++;
                if (correct) {
                    unclearRight++;
                }
            }
        }
        double gap = 0;
        for (int b = 0; b < BINS; b++) {
            if (binRows[b] > 0) {
                gap += Math.abs(binConfidence[b] - binRight[b]);
            }
        }
        int clear = counted - unclear;
        return new Calibration(counted, ratio(confidenceSum, counted), ratio(right, counted), ratio(gap, counted),
                ratio(logLossSum, counted), unclear, unclear == 0 ? Double.NaN : (double) unclearRight / unclear,
                clear == 0 ? Double.NaN : (double) (right - unclearRight) / clear);
    }

    private static double ratio(double sum, int count) {
        return count == 0 ? Double.NaN : sum / count;
    }

    /** The figures as JSON fields; a figure without rows is left out. */
    public Map<String, Object> asMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("rows", rows);
        put(map, "mean_confidence", meanConfidence);
        put(map, "accuracy", accuracy);
        put(map, "expected_calibration_error", expectedCalibrationError);
        put(map, "log_loss", logLoss);
        map.put("unclear", unclear);
        put(map, "unclear_accuracy", unclearAccuracy);
        put(map, "clear_accuracy", clearAccuracy);
        return map;
    }

    private static void put(Map<String, Object> map, String key, double value) {
        if (!Double.isNaN(value)) {
            map.put(key, value);
        }
    }
}
