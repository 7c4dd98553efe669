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
