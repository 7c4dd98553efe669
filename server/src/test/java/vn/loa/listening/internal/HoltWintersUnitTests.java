package vn.loa.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HoltWintersUnitTests {

    private static final int HISTORY = 28 * 24;
    private static final int AHEAD = 72;

    /** Four weeks of hourly counts: an evening peak every day, busier weekends, Poisson-like noise. */
    private static double[] weeks(int hours, long seed) {
        Random random = new Random(seed);
        double[] series = new double[hours];
        for (int h = 0; h < hours; h++) {
            int hourOfDay = h % 24;
            int dayOfWeek = (h / 24) % 7;
            double mean = 3 + 6 * Math.exp(-Math.pow(hourOfDay - 20, 2) / 8.0) + (dayOfWeek >= 5 ? 2 : 0);
            series[h] = Math.max(0, Math.round(mean + random.nextGaussian() * Math.sqrt(mean)));
        }
        return series;
    }

    @Test
    void followsTheDailyAndWeeklyRhythm() {
        double[] series = weeks(28 * 24 + 72, 7);
        double[] history = java.util.Arrays.copyOf(series, 28 * 24);
        HoltWinters model = HoltWinters.fit(history);
        HoltWinters.Forecast forecast = model.forecast(history.length, 72);
        assertThat(forecast.season()).isEqualTo(168);
        // the evening peak is forecast above the early morning
        assertThat(forecast.expected()[20]).isGreaterThan(forecast.expected()[4] + 3);
        double absolute = 0;
        int inside = 0;
        for (int h = 0; h < 72; h++) {
            double actual = series[history.length + h];
            absolute += Math.abs(actual - forecast.expected()[h]);
            if (Math.abs(actual - forecast.expected()[h]) <= forecast.halfWidth()[h]) {
                inside++;
            }
        }
        // clearly better than the flat mean (about 3 per hour off), and the 95% interval holds most hours
        assertThat(absolute / 72).isLessThan(2.5);
        assertThat(inside).isGreaterThanOrEqualTo(62);
    }

    @Test
    void theIntervalWidensWithTheHorizon() {
        HoltWinters.Forecast forecast = HoltWinters.fit(weeks(28 * 24, 3)).forecast(28 * 24, 72);
        assertThat(forecast.halfWidth()[71]).isGreaterThan(forecast.halfWidth()[0]);
        for (double expected : forecast.expected()) {
            assertThat(expected).isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void withLessThanTwoWeeksTheSeasonIsADay() {
        double[] series = weeks(10 * 24, 5);
        assertThat(HoltWinters.fit(series).forecast(series.length, 24).season()).isEqualTo(24);
    }

    @Test
    void aDayFarAboveTheBaselineBursts() {
        double[] history = weeks(27 * 24, 11);
        HoltWinters model = HoltWinters.fit(history);
        double expected = 0;
        for (double e : model.forecast(history.length, 24).expected()) {
            expected += e;
        }
        double normal = 0;
        double[] nextDay = java.util.Arrays.copyOfRange(weeks(28 * 24, 11), 27 * 24, 28 * 24);
        for (double v : nextDay) {
            normal += v;
        }
        assertThat(TrendService.burstScore(normal, expected, model.sigma(), history)).isLessThan(2.0);
        assertThat(TrendService.burstScore(normal + 80, expected, model.sigma(), history)).isGreaterThan(3.0);
        // on a series that was silent, the spread is that of a Poisson count of one, not zero
        assertThat(TrendService.burstScore(3, 0.0, 0.0, new double[27 * 24])).isCloseTo(3.0, within(0.001));
    }

    @Test
    void aSpikeInTheLastHoursDoesNotLiftTheForecastOfTheDaysAfter() {
        SyntheticSeries quiet = SyntheticSeries.rhythm(HISTORY, 5);
        // the last six hours ten times as busy as usual
        SyntheticSeries spiky = quiet.spike(HISTORY - 6, 6, 50);
        double spikyTotal = 0;
        double quietTotal = 0;
        for (long seed = 1; seed <= 20; seed++) {
            double[] series = spiky.draw(seed);
            assertThat(Arrays.stream(series, HISTORY - 6, HISTORY).sum()).isGreaterThan(250);
            HoltWinters.Forecast afterSpike = HoltWinters.fit(series).forecast(HISTORY, AHEAD);
            HoltWinters.Forecast withoutSpike = HoltWinters.fit(quiet.draw(seed)).forecast(HISTORY, AHEAD);
            // hours 48 to 72 ahead: the forecast and the band's upper edge are back near those of the quiet series
            double spikyLate = sum(afterSpike.expected(), 48, AHEAD);
            double quietLate = sum(withoutSpike.expected(), 48, AHEAD);
            assertThat(spikyLate).as("seed %d", seed).isLessThan(1.3 * quietLate);
            assertThat(spikyLate + sum(afterSpike.halfWidth(), 48, AHEAD)).as("seed %d", seed)
                    .isLessThan(1.3 * (quietLate + sum(withoutSpike.halfWidth(), 48, AHEAD)));
            spikyTotal += spikyLate;
            quietTotal += quietLate;
        }
        assertThat(spikyTotal / quietTotal).isBetween(0.95, 1.15);
    }

    @Test
    void aSpikeInTheFirstWeeksLeavesNoMarkOnTheForecast() {
        SyntheticSeries truth = SyntheticSeries.rhythm(HISTORY + AHEAD, 5).spike(200, 6, 50);
        double forecast = 0;
        double expected = 0;
        for (long seed = 1; seed <= 20; seed++) {
            double[] series = Arrays.copyOf(truth.draw(seed), HISTORY);
            forecast += sum(HoltWinters.fit(series).forecast(HISTORY, AHEAD).expected(), 0, AHEAD);
            expected += sum(truth.mean(HISTORY, HISTORY + AHEAD), 0, AHEAD);
        }
        assertThat(forecast / expected).isBetween(0.9, 1.1);
    }

    @Test
    void aLastingShiftIsFollowed() {
        // from five days before the forecast on, twice as many posts at every hour
        SyntheticSeries truth = SyntheticSeries.rhythm(HISTORY + AHEAD, 5).shift(HISTORY - 5 * 24, 2);
        double forecast = 0;
        double expected = 0;
        for (long seed = 1; seed <= 20; seed++) {
            double[] series = Arrays.copyOf(truth.draw(seed), HISTORY);
            double[] late = HoltWinters.fit(series).forecast(HISTORY, AHEAD).expected();
            double doubled = sum(truth.mean(HISTORY, HISTORY + AHEAD), 48, AHEAD);
            // well above the old level, which is half of the new one
            assertThat(sum(late, 48, AHEAD)).as("seed %d", seed).isGreaterThan(0.75 * doubled);
            forecast += sum(late, 48, AHEAD);
            expected += doubled;
        }
        assertThat(forecast / expected).isBetween(0.9, 1.1);
    }

    @Test
    void theBandHoldsAbout95OfEvery100HeldOutHours() {
        for (double scale : new double[] {2, 5, 30}) {
            SyntheticSeries truth = SyntheticSeries.rhythm(HISTORY + AHEAD, scale);
            int inside = 0;
            int hours = 0;
            for (long seed = 1; seed <= 40; seed++) {
                double[] series = truth.draw(seed);
                HoltWinters.Forecast forecast =
                        HoltWinters.fit(Arrays.copyOf(series, HISTORY)).forecast(HISTORY, AHEAD);
                for (int h = 0; h < AHEAD; h++) {
                    if (Math.abs(series[HISTORY + h] - forecast.expected()[h]) <= forecast.halfWidth()[h]) {
                        inside++;
                    }
                    hours++;
                }
            }
            assertThat((double) inside / hours).as("%s posts an hour", scale).isBetween(0.9, 0.99);
        }
    }

    @Test
    void aSilentSeriesIsForecastSilentWithAFiniteBand() {
        HoltWinters.Forecast forecast = HoltWinters.fit(new double[HISTORY]).forecast(HISTORY, AHEAD);
        for (int h = 0; h < AHEAD; h++) {
            assertThat(forecast.expected()[h]).isZero();
            assertThat(forecast.halfWidth()[h]).isFinite().isBetween(0.0, 3.0);
        }
    }

    @Test
    void theBandIsNeverNarrowerThanAPoissonCount() {
        // a Poisson count of mean 1 is at most 3 with probability 0.981, at most 2 with 0.920
        assertThat(ForecastBand.poissonHalfWidth(1)).isEqualTo(2.0);
        // of mean 10, at most 17 with probability 0.986, at most 16 with 0.973
        assertThat(ForecastBand.poissonHalfWidth(10)).isEqualTo(7.0);
        assertThat(ForecastBand.poissonHalfWidth(0)).isZero();
        assertThat(ForecastBand.poissonHalfWidth(400)).isCloseTo(1.96 * 20, within(1.5));
    }

    @Test
    void selectsTheNthSmallestValue() {
        Random random = new Random(3);
        for (int n = 1; n < 60; n++) {
            double[] values = random.doubles(n).map(v -> Math.floor(v * 10)).toArray();
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            int k = random.nextInt(n);
            assertThat(ForecastBand.nth(values.clone(), n, k)).as("n %d, k %d", n, k).isEqualTo(sorted[k]);
        }
    }

    private static double sum(double[] values, int from, int to) {
        return Arrays.stream(values, from, to).sum();
    }
}
