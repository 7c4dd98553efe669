package vn.loa.nlp.classify;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * Trains a {@link LinearClassifier}: softmax regression by AdaGrad over the training rows in an
 * order drawn from a seed (so the same data and seed give the same model to the byte), with class
 * weights against imbalance. A slice of the training rows is held out to pick the epoch, fit the
 * temperature of the probabilities, and tune per-label decision offsets for macro-F1; the dev split
 * is never seen.
 */
public final class ClassifierTrainer {

    /**
     * Training settings.
     *
     * @param features the feature extractor
     * @param epochs the most passes over the data
     * @param learningRate AdaGrad's step size
     * @param classWeightPower 0 for no class weights, 1 for weights inversely proportional to frequency
     * @param minCount a feature must occur in this many training rows to be used
     * @param holdOut the share of training rows held out for calibration, 0.05 to 0.3
     * @param keepFeatures at most this many features (those with the largest weights) are kept; 0 keeps all
     * @param seed the seed of the split and the order
     * @param tuneOffsets whether per-label decision offsets are tuned for macro-F1 on the held-out rows
     *     (without them the label with the highest calibrated probability is chosen)
     * @param members how many models are trained and averaged into one (1 to 10): member m holds out the
     *     m-th slice of the shuffled rows, so that together they learn from every row; their weights are
     *     averaged (a linear model again, as fast as one), and the temperature and offsets are fitted on
     *     the held-out rows as scored by the member that did not see them
     * @param offsetRegisters the registers ({@code news}, {@code official}, {@code comment}) whose texts get decision
     *     offsets of their own, tuned from the shared ones (zero without {@code tuneOffsets}) on that register's
     *     held-out rows that have no copy among the rows their model learnt from; the other registers keep the
     *     shared offsets (empty: one set of offsets for every text)
     */
    public record Settings(Features features, int epochs, double learningRate, double classWeightPower, int minCount,
            double holdOut, int keepFeatures, long seed, boolean tuneOffsets, int members, Set<String> offsetRegisters) {

        public Settings {
            if (epochs < 1 || learningRate <= 0 || minCount < 1 || holdOut < 0.05 || holdOut > 0.3 || keepFeatures < 0
                    || members < 1 || members > 10) {
                throw new IllegalArgumentException("invalid classifier training settings");
            }
            offsetRegisters = Collections.unmodifiableSortedSet(new TreeSet<>(offsetRegisters));
        }

        /** Settings whose decision offsets every register shares. */
        public Settings(Features features, int epochs, double learningRate, double classWeightPower, int minCount,
                double holdOut, int keepFeatures, long seed, boolean tuneOffsets, int members) {
            this(features, epochs, learningRate, classWeightPower, minCount, holdOut, keepFeatures, seed, tuneOffsets,
                    members, Set.of());
        }

        /** The same settings with decision offsets of their own for these registers. */
        public Settings withOffsetRegisters(Set<String> registers) {
            return new Settings(features, epochs, learningRate, classWeightPower, minCount, holdOut, keepFeatures, seed,
                    tuneOffsets, members, registers);
        }

        /** The same settings with another number of members. */
        public Settings withMembers(int newMembers) {
            return new Settings(features, epochs, learningRate, classWeightPower, minCount, holdOut, keepFeatures, seed,
                    tuneOffsets, newMembers, offsetRegisters);
        }

        /** The same settings with other features. */
        public Settings withFeatures(Features newFeatures) {
            return new Settings(newFeatures, epochs, learningRate, classWeightPower, minCount, holdOut, keepFeatures, seed,
                    tuneOffsets, members, offsetRegisters);
        }

        /** The same settings with another AdaGrad step size. */
        public Settings withLearningRate(double newLearningRate) {
            return new Settings(features, epochs, newLearningRate, classWeightPower, minCount, holdOut, keepFeatures, seed,
                    tuneOffsets, members, offsetRegisters);
        }

        /** Settings for one model. */
        public Settings(Features features, int epochs, double learningRate, double classWeightPower, int minCount,
                double holdOut, int keepFeatures, long seed, boolean tuneOffsets) {
            this(features, epochs, learningRate, classWeightPower, minCount, holdOut, keepFeatures, seed, tuneOffsets, 1);
        }

        /** Settings that tune decision offsets. */
        public Settings(Features features, int epochs, double learningRate, double classWeightPower, int minCount,
                double holdOut, int keepFeatures, long seed) {
            this(features, epochs, learningRate, classWeightPower, minCount, holdOut, keepFeatures, seed, true, 1);
        }
    }

    private ClassifierTrainer() {
    }

    /** Trains a classifier for a task on labelled rows. */
    public static LinearClassifier train(String task, List<LabeledText> rows, Settings settings) {
        return train(task, rows, List.of(), settings);
    }

    /**
     * Trains a classifier for a task on labelled rows and on rows that are only ever trained on: never held out
     * (so the epoch, temperature and offsets are chosen on the task's own kind of rows) and not counted in the
     * class weights.
     */
    public static LinearClassifier train(String task, List<LabeledText> scored, List<LabeledText> trainOnly,
            Settings settings) {
        List<LabeledText> rows = new ArrayList<>(scored);
        rows.addAll(trainOnly);
        int counted = scored.size();
        String[] labels = rows.stream().map(LabeledText::label).distinct().sorted().toArray(String[]::new);
        Map<String, Integer> labelIndex = new TreeMap<>();
        for (int i = 0; i < labels.length; i++) {
            labelIndex.put(labels[i], i);
        }
        int k = labels.length;
        int members = settings.members();
        Random random = new Random(settings.seed());
        int[] order = shuffled(counted, random);
        int held = Math.min((int) Math.round(counted * settings.holdOut()), counted / members);

        Features features = settings.features();
        int[][] x = new int[rows.size()][];
        int[] y = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            x[i] = features.of(rows.get(i).text(), rows.get(i).register());
            y[i] = labelIndex.get(rows.get(i).label());
        }
        int dimensions = features.dimensions();
        int[] documentFrequency = new int[dimensions];
        // one model: features are counted on its training rows; several: on every row (each row trains most members)
        for (int r = members == 1 ? held : 0; r < order.length; r++) {
            for (int f : x[order[r]]) {
                documentFrequency[f]++;
            }
        }
        for (int i = counted; i < rows.size(); i++) {
            for (int f : x[i]) {
                documentFrequency[f]++;
            }
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = Arrays.stream(x[i]).filter(f -> documentFrequency[f] >= settings.minCount()).toArray();
        }

        // member m holds out its own slice of the shuffled rows: the slices are disjoint, so every held-out row
        // is scored by a model that never saw it (out of fold), and the members together learn from every row
        float[] weights = new float[dimensions * k];
        float[] bias = new float[k];
        int[] calibration = new int[held * members];
        double[][] heldScores = new double[held * members][];
        for (int m = 0; m < members; m++) {
            int[] own = Arrays.copyOfRange(order, m * held, (m + 1) * held);
            int[] training = new int[order.length - held + rows.size() - counted];
            System.arraycopy(order, 0, training, 0, m * held);
            System.arraycopy(order, (m + 1) * held, training, m * held, order.length - (m + 1) * held);
            for (int i = counted; i < rows.size(); i++) {
                training[order.length - held + i - counted] = i;
            }
            LinearClassifier member = trainMember(task, labels, features, x, y, training, own, counted, settings,
                    random);
            for (int r = 0; r < held; r++) {
                calibration[m * held + r] = own[r];
                heldScores[m * held + r] = member.scores(x[own[r]]);
            }
            float[] memberWeights = member.dense();
            for (int i = 0; i < weights.length; i++) {
                weights[i] += memberWeights[i] / members;
            }
            float[] memberBias = member.bias();
            for (int c = 0; c < k; c++) {
                bias[c] += memberBias[c] / members;
            }
        }
        keepStrongest(weights, k, settings.keepFeatures());
        LinearClassifier model = new LinearClassifier(task, labels, features, weights, bias, 1, new double[k]);
        if (members == 1) {
            // the one model's held-out rows, scored as it is kept
            for (int r = 0; r < held; r++) {
                heldScores[r] = model.scores(x[calibration[r]]);
            }
        }
        int[] heldLabels = new int[calibration.length];
        for (int r = 0; r < calibration.length; r++) {
            heldLabels[r] = y[calibration[r]];
        }
        double temperature = fitTemperature(heldScores, heldLabels);
        model = model.withCalibration(temperature, new double[k], Map.of());
        if (!settings.tuneOffsets() && settings.offsetRegisters().isEmpty()) {
            return model;
        }
        double[][] logP = logProbabilities(heldScores, temperature);
        int[] every = new int[calibration.length];
        Arrays.setAll(every, r -> r);
        double[] offsets = settings.tuneOffsets() ? tuneOffsets(logP, heldLabels, every, new double[k], k) : new double[k];
        Map<String, double[]> registerOffsets = new TreeMap<>();
        if (!settings.offsetRegisters().isEmpty()) {
            boolean[] learnt = copyLearnt(rows, order, held, members, calibration);
            for (String register : settings.offsetRegisters()) {
                int[] own = IntStream.range(0, calibration.length)
                        .filter(r -> !learnt[r] && register.equals(rows.get(calibration[r]).register())).toArray();
                if (enoughForOffsets(own, heldLabels, k)) {
                    registerOffsets.put(register, tuneOffsets(logP, heldLabels, own, offsets, k));
                }
            }
        }
        return model.withCalibration(temperature, offsets, registerOffsets);
    }

    /** The fewest held-out rows of a register, and of each of its labels, that its own offsets are tuned on. */
    static final int REGISTER_OFFSET_MIN_ROWS = 300;
    static final int REGISTER_OFFSET_MIN_PER_LABEL = 20;

    private static boolean enoughForOffsets(int[] own, int[] y, int k) {
        int[] counts = new int[k];
        for (int r : own) {
            counts[y[r]]++;
        }
        return own.length >= REGISTER_OFFSET_MIN_ROWS
                && Arrays.stream(counts).allMatch(count -> count >= REGISTER_OFFSET_MIN_PER_LABEL);
    }

    /**
     * For each held-out row, whether its scoring member learnt another copy of its text: rows repeat (the province
     * corpus counts several times, a data set may hold one comment twice), and a copy held out while its twin was
     * learnt is scored as if seen, which would tune offsets on overconfident answers.
     */
    private static boolean[] copyLearnt(List<LabeledText> rows, int[] order, int held, int members, int[] calibration) {
        // the slice of every row: the member that held it out, or -1 for a row every member learnt
        int[] slice = new int[rows.size()];
        Arrays.fill(slice, -1);
        for (int position = 0; position < held * members; position++) {
            slice[order[position]] = position / held;
        }
        Map<String, List<Integer>> copies = new HashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            copies.computeIfAbsent(rows.get(i).text(), text -> new ArrayList<>(1)).add(i);
        }
        boolean[] learnt = new boolean[calibration.length];
        for (int r = 0; r < calibration.length; r++) {
            int i = calibration[r];
            for (int j : copies.get(rows.get(i).text())) {
                if (j != i && slice[j] != slice[i]) {
                    learnt[r] = true;
                    break;
                }
            }
        }
        return learnt;
    }

    /** One model by AdaGrad on the training rows, at the epoch that scores best on its held-out rows. */
    private static LinearClassifier trainMember(String task, String[] labels, Features features, int[][] x, int[] y,
            int[] training, int[] calibration, int counted, Settings settings, Random random) {
        int k = labels.length;
        int dimensions = features.dimensions();
        double[] classWeight = new double[k];
        int[] counts = new int[k];
        int total = 0;
        for (int i : training) {
            if (i < counted) {
                counts[y[i]]++;
                total++;
            }
        }
        for (int c = 0; c < k; c++) {
            double ratio = counts[c] == 0 ? 1 : (double) total / (k * counts[c]);
            classWeight[c] = Math.pow(ratio, settings.classWeightPower());
        }

        float[] weights = new float[dimensions * k];
        float[] squares = new float[dimensions * k];
        float[] bias = new float[k];
        float[] biasSquares = new float[k];
        float[] bestWeights = weights.clone();
        float[] bestBias = bias.clone();
        double bestScore = -1;
        float rate = (float) settings.learningRate();
        double[] p = new double[k];
        for (int epoch = 0; epoch < settings.epochs(); epoch++) {
            shuffle(training, random);
            for (int i : training) {
                int[] indices = x[i];
                double value = indices.length == 0 ? 0 : 1.0 / Math.sqrt(indices.length);
                double max = Double.NEGATIVE_INFINITY;
                for (int c = 0; c < k; c++) {
                    double s = bias[c];
                    for (int f : indices) {
                        s += weights[f * k + c] * value;
                    }
                    p[c] = s;
                    max = Math.max(max, s);
                }
                double sum = 0;
                for (int c = 0; c < k; c++) {
                    p[c] = Math.exp(p[c] - max);
                    sum += p[c];
                }
                double w = classWeight[y[i]];
                for (int c = 0; c < k; c++) {
                    float gradient = (float) (w * (p[c] / sum - (c == y[i] ? 1 : 0)));
                    if (gradient == 0f) {
                        continue;
                    }
                    float g = (float) (gradient * value);
                    for (int f : indices) {
                        int at = f * k + c;
                        squares[at] += g * g;
                        weights[at] -= rate * g / (float) Math.sqrt(squares[at] + 1e-8f);
                    }
                    biasSquares[c] += gradient * gradient;
                    bias[c] -= rate * gradient / (float) Math.sqrt(biasSquares[c] + 1e-8f);
                }
            }
            LinearClassifier candidate = new LinearClassifier(task, labels, features, weights, bias, 1, new double[k]);
            double score = macroF1(candidate, x, y, calibration, k);
            if (score > bestScore) {
                bestScore = score;
                System.arraycopy(weights, 0, bestWeights, 0, weights.length);
                System.arraycopy(bias, 0, bestBias, 0, bias.length);
            }
        }
        return new LinearClassifier(task, labels, features, bestWeights, bestBias, 1, new double[k]);
    }

    /** Zeroes every feature row but the {@code keep} with the largest absolute weight (ties by index). */
    private static void keepStrongest(float[] weights, int k, int keep) {
        int rows = weights.length / k;
        if (keep == 0 || keep >= rows) {
            return;
        }
        long[] ranked = new long[rows];
        int used = 0;
        for (int row = 0; row < rows; row++) {
            float max = 0;
            for (int c = 0; c < k; c++) {
                max = Math.max(max, Math.abs(weights[row * k + c]));
            }
            if (max > 0) {
                ranked[used++] = ((long) Float.floatToIntBits(max) << 32) | row;
            }
        }
        if (used <= keep) {
            return;
        }
        long[] sorted = Arrays.copyOf(ranked, used);
        Arrays.sort(sorted);
        for (int i = 0; i < used - keep; i++) {
            int row = (int) sorted[i];
            Arrays.fill(weights, row * k, row * k + k, 0f);
        }
    }

    private static double fitTemperature(double[][] scores, int[] y) {
        double best = 1;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (double t = 0.25; t <= 8.0; t *= 1.1) {
            double loss = 0;
            for (int r = 0; r < scores.length; r++) {
                double[] p = LinearClassifier.softmax(scores[r], t);
                loss -= Math.log(Math.max(p[y[r]], 1e-12));
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                best = t;
            }
        }
        return best;
    }

    private static double[][] logProbabilities(double[][] scores, double temperature) {
        double[][] logP = new double[scores.length][];
        for (int r = 0; r < scores.length; r++) {
            double[] p = LinearClassifier.softmax(scores[r], temperature);
            logP[r] = Arrays.stream(p).map(v -> Math.log(Math.max(v, 1e-12))).toArray();
        }
        return logP;
    }

    /** Offsets for macro-F1 on some held-out rows, by rounds of search over one label at a time from a start. */
    private static double[] tuneOffsets(double[][] logP, int[] y, int[] rows, double[] start, int k) {
        double[] offsets = start.clone();
        double best = macroF1(logP, offsets, y, rows, k);
        for (int round = 0; round < 3; round++) {
            for (int c = 0; c < k; c++) {
                double keep = offsets[c];
                for (double o = -3; o <= 3.0001; o += 0.1) {
                    offsets[c] = o;
                    double score = macroF1(logP, offsets, y, rows, k);
                    if (score > best + 1e-9) {
                        best = score;
                        keep = o;
                    }
                }
                offsets[c] = keep;
            }
        }
        return offsets;
    }

    private static double macroF1(double[][] logP, double[] offsets, int[] y, int[] rows, int k) {
        int[][] confusion = new int[k][k];
        for (int r : rows) {
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (logP[r][c] + offsets[c] > logP[r][best] + offsets[best]) {
                    best = c;
                }
            }
            confusion[y[r]][best]++;
        }
        return ClassificationScore.macroF1(confusion);
    }

    private static double macroF1(LinearClassifier model, int[][] x, int[] y, int[] rows, int k) {
        int[][] confusion = new int[k][k];
        for (int i : rows) {
            double[] scores = model.scores(x[i]);
            int best = 0;
            for (int c = 1; c < k; c++) {
                if (scores[c] > scores[best]) {
                    best = c;
                }
            }
            confusion[y[i]][best]++;
        }
        return ClassificationScore.macroF1(confusion);
    }

    private static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        shuffle(order, random);
        return order;
    }

    private static void shuffle(int[] order, Random random) {
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
    }
}
