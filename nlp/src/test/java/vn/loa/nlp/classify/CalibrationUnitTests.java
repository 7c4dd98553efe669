package vn.loa.nlp.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CalibrationUnitTests {

    private static final Features FEATURES = new Features(12, false, false, 100);

    /** A model without weights: every text gets softmax(bias), so its probabilities are known. */
    private static LinearClassifier constant(String[] labels, double... probabilities) {
        float[] bias = new float[labels.length];
        for (int i = 0; i < labels.length; i++) {
            bias[i] = (float) Math.log(probabilities[i]);
        }
        return new LinearClassifier("sentiment", labels, FEATURES, new float[FEATURES.dimensions() * labels.length],
                bias, 1, new double[labels.length]);
    }

    private static List<LabeledText> rows(int negative, int positive) {
        List<LabeledText> rows = new ArrayList<>();
        for (int i = 0; i < negative + positive; i++) {
            rows.add(new LabeledText("câu " + i, i < negative ? "negative" : "positive", "news"));
        }
        return rows;
    }

    @Test
    void aModelRightAsOftenAsItSaysHasNoCalibrationError() {
        LinearClassifier model = constant(new String[] {"negative", "positive"}, 0.8, 0.2);
        Calibration calibration = Calibration.of(model, rows(8, 2));
        assertThat(calibration.rows()).isEqualTo(10);
        assertThat(calibration.meanConfidence()).isCloseTo(0.8, within(1e-6));
        assertThat(calibration.accuracy()).isCloseTo(0.8, within(1e-9));
        assertThat(calibration.expectedCalibrationError()).isCloseTo(0, within(1e-6));
        assertThat(calibration.logLoss()).isCloseTo(-(8 * Math.log(0.8) + 2 * Math.log(0.2)) / 10, within(1e-6));
        assertThat(calibration.unclear()).isZero();
        assertThat(calibration.clearAccuracy()).isCloseTo(0.8, within(1e-9));
        assertThat(calibration.asMap()).doesNotContainKey("unclear_accuracy").containsEntry("unclear", 0);
    }

    @Test
    void anOverconfidentModelHasTheGapAsItsError() {
        LinearClassifier model = constant(new String[] {"negative", "positive"}, 0.8, 0.2);
        Calibration calibration = Calibration.of(model, rows(5, 5));
        assertThat(calibration.accuracy()).isCloseTo(0.5, within(1e-9));
        assertThat(calibration.expectedCalibrationError()).isCloseTo(0.3, within(1e-6));
    }

    private static final String[] TWO = {"negative", "positive"};

    /** Adds {@code count} answers of a label said with a probability, the first {@code right} of them right. */
    private static void answer(List<Prediction> predictions, List<String> gold, int count, String label,
            double probability, int right) {
        String other = label.equals(TWO[0]) ? TWO[1] : TWO[0];
        double[] probabilities = label.equals(TWO[0]) ? new double[] {probability, 1 - probability}
                : new double[] {1 - probability, probability};
        for (int i = 0; i < count; i++) {
            predictions.add(new Prediction(label, TWO, probabilities));
            gold.add(i < right ? label : other);
        }
    }

    @Test
    void gapsOfOppositeSignInTwoBinsAddUpInsteadOfCancelling() {
        List<Prediction> predictions = new ArrayList<>();
        List<String> gold = new ArrayList<>();
        // said with 0.95, right half the time: 0.45 too sure
        answer(predictions, gold, 10, "negative", 0.95, 5);
        // said with 0.55, always right: 0.45 too unsure
        answer(predictions, gold, 30, "positive", 0.55, 30);
        Calibration calibration = Calibration.of(predictions, gold);
        // over all rows the gap is 0.225 (0.65 said, 0.875 right); in each of the two bins it is 0.45
        assertThat(calibration.expectedCalibrationError()).isCloseTo((10 * 0.45 + 30 * 0.45) / 40, within(1e-9));
        assertThat(calibration.meanConfidence()).isCloseTo((10 * 0.95 + 30 * 0.55) / 40, within(1e-9));
        assertThat(calibration.accuracy()).isCloseTo(35.0 / 40, within(1e-9));
        assertThat(calibration.clearAccuracy()).isCloseTo(35.0 / 40, within(1e-9));
    }

    @Test
    void binsAreWeightedByTheirRows() {
        List<Prediction> predictions = new ArrayList<>();
        List<String> gold = new ArrayList<>();
        // said with 0.95, right 9 times in 10: 0.05 too sure
        answer(predictions, gold, 10, "negative", 0.95, 9);
        // said with 0.75, never right: 0.75 too sure, but two rows only
        answer(predictions, gold, 2, "positive", 0.75, 0);
        Calibration calibration = Calibration.of(predictions, gold);
        assertThat(calibration.expectedCalibrationError()).isCloseTo((10 * 0.05 + 2 * 0.75) / 12, within(1e-9));
    }

    @Test
    void answersBelowOneHalfAreCountedUnclearWithTheirOwnAccuracy() {
        LinearClassifier model = constant(new String[] {"negative", "neutral", "positive"}, 0.4, 0.3, 0.3);
        List<LabeledText> rows = rows(2, 2);
        rows.add(new LabeledText("câu khác", "no such label", "news"));
        Calibration calibration = Calibration.of(model, rows);
        assertThat(calibration.rows()).isEqualTo(4);
        assertThat(calibration.unclear()).isEqualTo(4);
        assertThat(calibration.unclearAccuracy()).isCloseTo(0.5, within(1e-9));
        assertThat(calibration.asMap()).doesNotContainKey("clear_accuracy");
        assertThat(calibration.expectedCalibrationError()).isCloseTo(0.1, within(1e-6));
    }
}
