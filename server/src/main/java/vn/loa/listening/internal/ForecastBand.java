package vn.loa.listening.internal;

/**
 * The 95% band around a forecast, measured rather than assumed: the model forecasts its own history again,
 * from hours after its first seasons the hours that came next, and the band h hours ahead is the 95th
 * percentile of how far those h-hour forecasts fell from what came. Errors of counts grow with the count,
 * so each error is measured in units of the square root of its forecast (at least 1), as a Poisson
 * count's spread is, and the band is that many units wide at the forecast's own size. It never narrows
 * as the horizon grows, and it is never narrower than a Poisson count's 95% range.
 */
final class ForecastBand {

    /** The share of hours the band is meant to hold. */
    static final double COVERAGE = 0.95;
    /** Below this many errors at a horizon, its percentile is not trusted and the horizon before it is used. */
    private static final int ENOUGH = 30;
    private static final double NORMAL_95 = 1.959964;

    /** Forecast errors collected by horizon. */
    static final class Errors {

        /** The squares of the errors in units of the square root of their forecast, by horizon. */
        private final double[][] units;
        private final int[] counts;

        /** Room for {@code perHorizon} errors at each horizon from 1 to {@code horizons}. */
        Errors(int horizons, int perHorizon) {
            units = new double[horizons][Math.max(0, perHorizon)];
            counts = new int[horizons];
        }

        /** Records that the forecast {@code h} hours ahead was {@code forecast} and {@code actual} came. */
        void observe(int h, double forecast, double actual) {
            double[] row = units[h - 1];
            if (counts[h - 1] < row.length) {
                double error = actual - forecast;
                row[counts[h - 1]++] = error * error / Math.max(forecast, 1);
            }
        }
    }

    private final double[] widths;

    private ForecastBand(double[] widths) {
        this.widths = widths;
    }

    /**
     * The band from the errors. Where too few errors were seen (a history of a few days), it is set by
     * {@code sigma}, the model's typical one-step error, against {@code mean}, the series' mean count.
     */
    static ForecastBand of(Errors errors, double sigma, double mean) {
        int horizons = errors.counts.length;
        double[] widths = new double[horizons];
        // fewer errors are seen the further ahead: from the first horizon without enough, the last width holds
        double width = NORMAL_95 * Math.max(1, sigma / Math.sqrt(Math.max(mean, 1)));
        for (int h = 0; h < horizons; h++) {
            int n = errors.counts[h];
            if (n >= ENOUGH) {
                double percentile = Math.sqrt(nth(errors.units[h], n, (int) Math.ceil(COVERAGE * n) - 1));
                width = h == 0 ? percentile : Math.max(width, percentile);
            }
            widths[h] = width;
        }
        return new ForecastBand(widths);
    }

    /**
     * The {@code k}-th smallest (from 0) of the first {@code n} values, which it reorders: Hoare's
     * selection, in time proportional to {@code n} on average where sorting would take n log n.
     */
    static double nth(double[] values, int n, int k) {
        int low = 0;
        int high = n - 1;
        while (low < high) {
            double pivot = values[(low + high) >>> 1];
            int i = low;
            int j = high;
            while (i <= j) {
                while (values[i] < pivot) {
                    i++;
                }
                while (values[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    double swap = values[i];
                    values[i] = values[j];
                    values[j] = swap;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                high = j;
            } else if (k >= i) {
                low = i;
            } else {
                return values[k];
            }
        }
        return values[k];
    }

    /** The half-width of the band {@code h} hours ahead (1 to the horizons measured) around {@code expected}. */
    double halfWidth(int h, double expected) {
        return Math.max(widths[h - 1] * Math.sqrt(Math.max(expected, 1)), poissonHalfWidth(expected));
    }

    /**
     * How far above its mean a Poisson count reaches 97.5% of the time (the upper end of its central 95%
     * range): from the count's own distribution up to a mean of 100, beyond from the normal one plus one
     * post for the rounding up to a whole count.
     */
    static double poissonHalfWidth(double mean) {
        if (mean <= 0) {
            return 0;
        }
        if (mean > 100) {
            return NORMAL_95 * Math.sqrt(mean) + 1;
        }
        double probability = Math.exp(-mean);
        double cumulative = probability;
        int k = 0;
        while (cumulative < 1 - (1 - COVERAGE) / 2) {
            k++;
            probability *= mean / k;
            cumulative += probability;
        }
        return k - mean;
    }
}
