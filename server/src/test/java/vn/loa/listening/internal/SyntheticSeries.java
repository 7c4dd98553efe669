package vn.loa.listening.internal;

import java.util.Arrays;
import java.util.Random;

/**
 * Hourly post counts made for tests and measurements: the expected count of every hour (an evening peak
 * every day, busier weekends), changed by a spike or a lasting shift, and Poisson draws from it. Plain
 * Java, so that the benchmarks can use it too.
 *
 * @param mean the expected count of each hour, must not be null
 */
record SyntheticSeries(double[] mean) {

    /** A quiet rhythm of {@code hours} hours, about {@code scale} posts an hour on average. */
    static SyntheticSeries rhythm(int hours, double scale) {
        double[] mean = new double[hours];
        for (int h = 0; h < hours; h++) {
            int hourOfDay = h % 24;
            int dayOfWeek = (h / 24) % 7;
            double shape = 0.6 + 1.2 * Math.exp(-Math.pow(hourOfDay - 20, 2) / 8.0)
                    + 0.5 * Math.exp(-Math.pow(hourOfDay - 9, 2) / 6.0) + (dayOfWeek >= 5 ? 0.3 : 0);
            mean[h] = scale * shape;
        }
        return new SyntheticSeries(mean);
    }

    /** The same with {@code extra} posts an hour more during {@code length} hours from hour {@code from}. */
    SyntheticSeries spike(int from, int length, double extra) {
        double[] changed = mean.clone();
        for (int h = from; h < Math.min(mean.length, from + length); h++) {
            changed[h] += extra;
        }
        return new SyntheticSeries(changed);
    }

    /** The same with every hour from hour {@code from} on multiplied by {@code factor}. */
    SyntheticSeries shift(int from, double factor) {
        double[] changed = mean.clone();
        for (int h = from; h < mean.length; h++) {
            changed[h] *= factor;
        }
        return new SyntheticSeries(changed);
    }

    /** The first {@code hours} hours. */
    SyntheticSeries first(int hours) {
        return new SyntheticSeries(Arrays.copyOf(mean, hours));
    }

    /** The expected counts of hours {@code from} (inclusive) to {@code to} (exclusive). */
    double[] mean(int from, int to) {
        return Arrays.copyOfRange(mean, from, to);
    }

    /** Poisson counts with these expectations; the same seed gives the same counts. */
    double[] draw(long seed) {
        Random random = new Random(seed);
        double[] counts = new double[mean.length];
        for (int h = 0; h < mean.length; h++) {
            counts[h] = poisson(mean[h], random);
        }
        return counts;
    }

    private static int poisson(double mean, Random random) {
        if (mean > 60) {
            return (int) Math.max(0, Math.round(mean + Math.sqrt(mean) * random.nextGaussian()));
        }
        // Knuth: multiply uniforms until the product falls below e^-mean
        double limit = Math.exp(-mean);
        double product = random.nextDouble();
        int count = 0;
        while (product > limit) {
            product *= random.nextDouble();
            count++;
        }
        return count;
    }
}
