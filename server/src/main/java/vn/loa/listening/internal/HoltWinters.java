package vn.loa.listening.internal;

import java.util.Arrays;

/**
 * The forecast of an hourly count series: Holt-Winters with a level, a damped trend and one season (168
 * hours, or 24 with less than two weeks of history) whose hours are shares of the level, so that a level
 * that doubles doubles the evening peak as well; updated robustly; plus a carry-over of the last hour's
 * surprise that fades hour by hour.
 *
 * <p>Robust: before an hour updates the level, trend and season, its surprise (what came minus what the
 * model expected) is clipped to {@value #CLIP} typical deviations, so a spike moves the state by a few
 * deviations at most (after Gelper, Fried and Croux, "Robust forecasting with exponential and Holt-Winters
 * smoothing", 2010). The typical deviation follows the clipped surprises slowly, so a change that lasts for
 * days widens it and is then followed in full, while a burst of hours is not. The initial state comes from
 * trimmed means of the first two seasons, so a spike there leaves no mark either. Damped: the trend's
 * effect levels off (Gardner and McKenzie). The carry-over lets the first hours after a burst start from
 * where the series is and return to the usual rhythm as it fades, when the series' past says surprises
 * last. The smoothing constants and the carry-over are chosen on a small grid, minimising the one-step
 * surprises after the first two seasons, each counted at most as far as the clip of those seasons' typical
 * deviation, so that a burst does not choose them. The 95% band is {@link ForecastBand}.
 */
final class HoltWinters {

    /** A surprise beyond this many typical deviations is clipped to it before it updates the state. */
    static final double CLIP = 3.0;
    /** How quickly, per hour, the typical deviation follows the surprises. */
    private static final double SCALE_RATE = 0.01;
    /**
     * An hour's share of the level is taken as at least this when a surprise moves the level, so that one
     * post in an hour that is usually empty does not multiply the level.
     */
    private static final double SHARE_FLOOR = 0.2;
    /** The level is taken as at least this many posts an hour when an hour's share is learnt. */
    private static final double LEVEL_FLOOR = 0.1;
    /** The mean absolute deviation of a normal error times this is its standard deviation. */
    private static final double ABSOLUTE_TO_DEVIATION = Math.sqrt(Math.PI / 2);
    private static final double[] ALPHAS = {0.01, 0.02, 0.05, 0.1, 0.2, 0.35};
    private static final double[] GAMMAS = {0.05, 0.15, 0.3};
    /** The trend's smoothing and damping: no trend, or a trend damped by 0.95 an hour. */
    private static final double[][] TRENDS = {{0, 0}, {0.01, 0.95}};
    /** The band is measured from every this many hours, which halves its cost and hardly changes it. */
    private static final int ORIGIN_STEP = 2;
    /** The share of the last hour's surprise carried to the next hour, and of that to the one after. */
    private static final double[] CARRIES = {0, 0.3, 0.6, 0.85};

    /** A forecast: expected values and the half-width of the 95% interval, for each step ahead. */
    record Forecast(double[] expected, double[] halfWidth, double sigma, int season) {
    }

    /** The smoothing constants of level, trend and season, the trend's damping and the carry-over. */
    private record Constants(double alpha, double beta, double gamma, double phi, double carry) {
    }

    private final double[] series;
    private final int from;
    private final boolean[] unusual;
    private final Constants constants;
    private final State state;
    private final double sigma;

    private HoltWinters(double[] series, int from, boolean[] unusual, Constants constants, State state, double sigma) {
        this.series = series;
        this.from = from;
        this.unusual = unusual;
        this.constants = constants;
        this.state = state;
        this.sigma = sigma;
    }

    /** The season to use for an hourly series of this length: a week if two weeks are known, else a day. */
    static int seasonFor(int length) {
        return length >= 2 * 168 ? 168 : 24;
    }

    /** Fits the model to a series of at least two seasons of 24 hours; the series must not be null. */
    static HoltWinters fit(double[] series) {
        int season = seasonFor(series.length);
        if (series.length < 2 * season) {
            throw new IllegalArgumentException("need at least " + 2 * season + " points, got " + series.length);
        }
        double[] x = series.clone();
        // the first two seasons set the initial state: the model's surprises there say little
        int from = x.length >= 3 * season ? 2 * season : season;
        State initial = State.initial(x, season);
        Constants best = null;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (double alpha : ALPHAS) {
            for (double gamma : GAMMAS) {
                for (double[] trend : TRENDS) {
                    Constants constants = new Constants(alpha, trend[0], gamma, trend[1], 0);
                    double[] loss = new double[CARRIES.length];
                    State state = initial.copy();
                    double previous = 0;
                    for (int t = 0, slot = 0; t < x.length; t++, slot = slot + 1 == season ? 0 : slot + 1) {
                        double base = state.oneStep(slot, constants);
                        double surprise = x[t] - base;
                        if (t >= from) {
                            // squared, to spare a square root on most hours
                            double capSquared = initial.capSquared(base);
                            for (int c = 0; c < CARRIES.length; c++) {
                                double error = surprise - CARRIES[c] * previous;
                                loss[c] += error * error > capSquared ? Math.sqrt(capSquared) : Math.abs(error);
                            }
                        }
                        state.learn(slot, surprise, base, constants);
                        previous = surprise;
                        // the losses only grow: once all are past the best, these constants cannot win
                        if (slot % 24 == 0 && t > from && least(loss) >= bestLoss) {
                            break;
                        }
                    }
                    for (int c = 0; c < CARRIES.length; c++) {
                        if (loss[c] < bestLoss) {
                            bestLoss = loss[c];
                            best = new Constants(alpha, trend[0], gamma, trend[1], CARRIES[c]);
                        }
                    }
                }
            }
        }
        State state = initial.copy();
        boolean[] unusual = new boolean[x.length];
        double squared = 0;
        double previous = 0;
        for (int t = 0; t < x.length; t++) {
            double base = state.oneStep(t % season, best);
            double surprise = x[t] - base;
            if (t >= from) {
                double error = surprise - best.carry() * previous;
                squared += error * error;
            }
            unusual[t] = state.learn(t % season, surprise, base, best);
            previous = surprise;
        }
        return new HoltWinters(x, from, unusual, best, state, Math.sqrt(squared / Math.max(1, x.length - from)));
    }

    private static double least(double[] values) {
        double least = values[0];
        for (double value : values) {
            least = Math.min(least, value);
        }
        return least;
    }

    /** The next {@code steps} values after the series it was fitted to, whose length was {@code length}. */
    Forecast forecast(int length, int steps) {
        Ahead ahead = new Ahead(steps, constants);
        // replays the fit, forecasting from every second hour after the first seasons the hours that came next
        ForecastBand.Errors errors = new ForecastBand.Errors(steps, (series.length - from) / ORIGIN_STEP + 1);
        State replay = State.initial(series, state.season);
        for (int t = 0; t < series.length; t++) {
            double base = replay.oneStep(t % replay.season, constants);
            replay.learn(t % replay.season, series[t] - base, base, constants);
            if (t + 1 >= from && (t + 1 - from) % ORIGIN_STEP == 0) {
                int slot = t % replay.season;
                for (int h = 1; h <= steps && t + h < series.length; h++) {
                    slot = slot + 1 == replay.season ? 0 : slot + 1;
                    // the band is where ordinary hours fall: the hours a burst took beyond the clip are left out
                    if (!unusual[t + h]) {
                        errors.observe(h, replay.forecastAt(h, slot, ahead), series[t + h]);
                    }
                }
            }
        }
        ForecastBand band = ForecastBand.of(errors, sigma, Arrays.stream(series).average().orElse(0));
        double[] expected = new double[steps];
        double[] half = new double[steps];
        for (int h = 1; h <= steps; h++) {
            expected[h - 1] = state.forecast(length - 1, h, ahead);
            half[h - 1] = band.halfWidth(h, expected[h - 1]);
        }
        return new Forecast(expected, half, sigma, state.season);
    }

    /** The typical one-step error: the root mean square of the model's one-hour-ahead errors. */
    double sigma() {
        return sigma;
    }

    /** For each horizon h: the trend's damped sum phi + ... + phi^h, and the share of a surprise still carried. */
    private static final class Ahead {

        final double[] damped;
        final double[] carried;

        Ahead(int steps, Constants c) {
            damped = new double[steps + 1];
            carried = new double[steps + 1];
            double phi = 1;
            double carry = 1;
            for (int h = 1; h <= steps; h++) {
                phi *= c.phi();
                carry *= c.carry();
                damped[h] = damped[h - 1] + phi;
                carried[h] = carry;
            }
        }
    }

    /** Level, trend and season (shares of the level) after some hour, and the typical deviation of surprises. */
    private static final class State {

        final int season;
        final double[] seasonal;
        double level;
        double trend;
        double scale;
        double lastSurprise;

        private State(int season, double[] seasonal, double level, double trend, double scale) {
            this.season = season;
            this.seasonal = seasonal;
            this.level = level;
            this.trend = trend;
            this.scale = scale;
        }

        /**
         * The state before the first hour, from the first two seasons: each hour of the day at its mean
         * over those days and, with a season of a week, each day of the week by how far its hours stood
         * from that, both trimmed of their extremes so that a spike among them leaves no mark; no trend.
         */
        static State initial(double[] x, int season) {
            int days = 2 * season / 24;
            double[] profile = new double[24];
            double[] sameHour = new double[days];
            for (int hour = 0; hour < 24; hour++) {
                for (int d = 0; d < days; d++) {
                    sameHour[d] = x[d * 24 + hour];
                }
                profile[hour] = trimmedMean(sameHour, 0.15);
            }
            int weekdays = season / 24;
            double[] dayEffect = new double[weekdays];
            if (weekdays > 1) {
                double[] sameDay = new double[2 * 24];
                for (int d = 0; d < weekdays; d++) {
                    for (int i = 0; i < sameDay.length; i++) {
                        int t = (i / 24) * season + d * 24 + i % 24;
                        sameDay[i] = x[t] - profile[i % 24];
                    }
                    dayEffect[d] = trimmedMean(sameDay, 0.25);
                }
                double mean = Arrays.stream(dayEffect).average().orElse(0);
                for (int d = 0; d < weekdays; d++) {
                    dayEffect[d] -= mean;
                }
            }
            double level = Arrays.stream(profile).average().orElse(0);
            double[] seasonal = new double[season];
            for (int i = 0; i < season; i++) {
                seasonal[i] = level <= 0 ? 1 : Math.max(0, profile[i % 24] + dayEffect[i / 24]) / level;
            }
            double[] deviations = new double[2 * season];
            for (int t = 0; t < 2 * season; t++) {
                deviations[t] = Math.abs(x[t] - level * seasonal[t % season]);
            }
            // the median absolute deviation of a normal error times 1.4826 is its standard deviation
            return new State(season, seasonal, level, 0, 1.4826 * trimmedMean(deviations, 0.5));
        }

        State copy() {
            return new State(season, seasonal.clone(), level, trend, scale);
        }

        /** The model's value for the next hour, whose place in the season is {@code slot}, without carry-over. */
        double oneStep(int slot, Constants c) {
            return (level + c.phi() * trend) * seasonal[slot];
        }

        /** The forecast, never below zero, of hour {@code t + h} as known after hour {@code t}. */
        double forecast(int t, int h, Ahead ahead) {
            return forecastAt(h, (t + h) % season, ahead);
        }

        /** The same, for the hour {@code h} ahead whose place in the season is {@code slot}. */
        double forecastAt(int h, int slot, Ahead ahead) {
            return Math.max(0, (level + ahead.damped[h] * trend) * seasonal[slot] + ahead.carried[h] * lastSurprise);
        }

        /**
         * The square of the clip for a surprise against the model's value {@code base}: {@value #CLIP}
         * typical deviations, at least as many as a Poisson count's of that value.
         */
        double capSquared(double base) {
            return CLIP * CLIP * Math.max(scale * scale, Math.max(base, 1));
        }

        /**
         * Learns the next hour, whose place in the season is {@code slot} and whose value was
         * {@code surprise} away from the model's {@code base}, and tells whether it was beyond the clip.
         */
        boolean learn(int slot, double surprise, double base, Constants c) {
            // divided first, apart from the surprise: the division then need not wait for it
            double weight = c.alpha() / Math.max(seasonal[slot], SHARE_FLOOR);
            double capSquared = capSquared(base);
            boolean beyond = surprise * surprise > capSquared;
            double clipped = beyond ? Math.copySign(Math.sqrt(capSquared), surprise) : surprise;
            double previousLevel = level;
            level = Math.max(0, level + c.phi() * trend + weight * clipped);
            trend = c.beta() * (level - previousLevel) + (1 - c.beta()) * c.phi() * trend;
            seasonal[slot] += c.gamma() * ((base + clipped) / Math.max(level, LEVEL_FLOOR) - seasonal[slot]);
            scale += SCALE_RATE * (ABSOLUTE_TO_DEVIATION * Math.abs(clipped) - scale);
            lastSurprise = surprise;
            return beyond;
        }

        /** The mean of the values without the {@code share} lowest and highest of them (at 0.5, the median). */
        private static double trimmedMean(double[] values, double share) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int n = sorted.length;
            int cut = Math.min((int) (share * n), (n - 1) / 2);
            double sum = 0;
            for (int i = cut; i < n - cut; i++) {
                sum += sorted[i];
            }
            return sum / (n - 2 * cut);
        }
    }
}
