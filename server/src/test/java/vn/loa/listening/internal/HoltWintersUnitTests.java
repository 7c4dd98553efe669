package vn.loa.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class HoltWintersUnitTests {

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
}
