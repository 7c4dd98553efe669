package vn.loa.listening.internal;

/**
 * Additive Holt-Winters (level, damped trend, one season) fitted to an hourly series by a small grid
 * search over the smoothing constants, minimising the squared one-step-ahead errors. With a season
 * of 168 hours it follows both the daily and the weekly rhythm of social media; with less history it
 * falls back to a season of 24 hours. Prediction intervals follow Hyndman et al., "Forecasting with
 * Exponential Smoothing" (2008), class 1 variance for the additive model.
 */
final class HoltWinters {

    private static final double[] ALPHAS = {0.02, 0.05, 0.1, 0.2, 0.35, 0.5};
    private static final double[] BETAS = {0.0, 0.005, 0.02};
    private static final double[] GAMMAS = {0.05, 0.15, 0.3};
    /**
     * The trend is damped (Gardner and McKenzie): after a burst, the forecast levels off instead of
     * climbing for ever at the burst's slope.
     */
    private static final double[] PHIS = {0.8, 0.9, 0.98};

    /** A forecast: expected values and the half-width of the 95% interval, for each step ahead. */
    record Forecast(double[] expected, double[] halfWidth, double sigma, int season) {
    }

    private final double alpha;
    private final double beta;
    private final double gamma;
    private final double phi;
    private final int season;
    private final double level;
    private final double trend;
    private final double[] seasonal;
    private final double sigma;

    private HoltWinters(double alpha, double beta, double gamma, double phi, int season, double level, double trend,
            double[] seasonal, double sigma) {
        this.alpha = alpha;
        this.beta = beta;
        this.gamma = gamma;
        this.phi = phi;
        this.season = season;
        this.level = level;
        this.trend = trend;
        this.seasonal = seasonal;
        this.sigma = sigma;
    }

    /** The season to use for an hourly series of this length: a week if two weeks are known, else a day. */
    static int seasonFor(int length) {
        return length >= 2 * 168 ? 168 : 24;
    }

    /** Fits the model to a series of at least two seasons of 24 hours. */
    static HoltWinters fit(double[] series) {
        int season = seasonFor(series.length);
        if (series.length < 2 * season) {
            throw new IllegalArgumentException("need at least " + 2 * season + " points, got " + series.length);
        }
        HoltWinters best = null;
        double bestError = Double.POSITIVE_INFINITY;
        for (double a : ALPHAS) {
            for (double b : BETAS) {
                for (double g : GAMMAS) {
                    for (double phi : PHIS) {
                        HoltWinters model = run(series, season, a, b, g, phi);
                        if (model.sigma < bestError) {
                            bestError = model.sigma;
                            best = model;
                        }
                    }
                }
            }
        }
        return best;
    }

    private static HoltWinters run(double[] x, int m, double a, double b, double g, double phi) {
        double first = 0;
        double second = 0;
        for (int i = 0; i < m; i++) {
            first += x[i];
            second += x[m + i];
        }
        first /= m;
        second /= m;
        double level = first;
        double trend = (second - first) / m;
        double[] seasonal = new double[m];
        for (int i = 0; i < m; i++) {
            seasonal[i] = x[i] - first;
        }
        double squared = 0;
        int errors = 0;
        for (int t = m; t < x.length; t++) {
            int s = t % m;
            double predicted = level + phi * trend + seasonal[s];
            double error = x[t] - predicted;
            squared += error * error;
            errors++;
            double previousLevel = level;
            level = a * (x[t] - seasonal[s]) + (1 - a) * (level + phi * trend);
            trend = b * (level - previousLevel) + (1 - b) * phi * trend;
            seasonal[s] = g * (x[t] - level) + (1 - g) * seasonal[s];
        }
        // the state is aligned so that seasonal[(n + h - 1) % m] belongs to step h ahead
        return new HoltWinters(a, b, g, phi, m, level, trend, seasonal, Math.sqrt(squared / Math.max(1, errors)));
    }

    /** The next {@code steps} values after the series it was fitted to (whose length was {@code length}). */
    Forecast forecast(int length, int steps) {
        double[] expected = new double[steps];
        double[] half = new double[steps];
        double variance = 0;
        double damped = 0;
        double dampedBefore = 0;
        for (int h = 1; h <= steps; h++) {
            dampedBefore = damped;
            damped += Math.pow(phi, h);
            expected[h - 1] = Math.max(0, level + damped * trend + seasonal[(length + h - 1) % season]);
            if (h > 1) {
                int j = h - 1;
                // the additive model's c_j with the damped trend's sum phi + ... + phi^j in place of j
                double c = alpha * (1 + beta * dampedBefore) + (j % season == 0 ? gamma * (1 - alpha) : 0);
                variance += c * c;
            }
            half[h - 1] = 1.96 * sigma * Math.sqrt(1 + variance);
        }
        return new Forecast(expected, half, sigma, season);
    }

    double sigma() {
        return sigma;
    }
}
