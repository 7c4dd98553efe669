package vn.loa.nlp.classify;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A classifier's answer: the chosen label and a calibrated probability for every label.
 *
 * @param label the chosen label
 * @param labels every label, in the model's order
 * @param probabilities the probability of each label, same order, summing to 1
 */
public record Prediction(String label, String[] labels, double[] probabilities) {

    /**
     * Below this calibrated probability the chosen label is right only about half the time (measured:
     * docs/benchmarks.md, "Calibration"), and Loa answers "unclear" instead of forcing the text into a class.
     */
    public static final double UNCLEAR_BELOW = 0.5;

    /** The answer shown when the model is unsure. */
    public static final String UNCLEAR = "unclear";

    /** Whether the model is unsure of its chosen label (its probability is below {@link #UNCLEAR_BELOW}). */
    public boolean unclear() {
        return confidence() < UNCLEAR_BELOW;
    }

    /** The chosen label, or {@link #UNCLEAR} if the model is unsure. */
    public String labelOrUnclear() {
        return unclear() ? UNCLEAR : label;
    }

    /** The probability of the chosen label. */
    public double confidence() {
        for (int i = 0; i < labels.length; i++) {
            if (labels[i].equals(label)) {
                return probabilities[i];
            }
        }
        return 0;
    }

    /** Label to probability, in the model's order. */
    public Map<String, Double> asMap() {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < labels.length; i++) {
            map.put(labels[i], probabilities[i]);
        }
        return map;
    }
}
