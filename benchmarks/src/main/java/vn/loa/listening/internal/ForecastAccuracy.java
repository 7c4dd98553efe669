package vn.loa.listening.internal;

import java.util.Locale;

/**
 * How good the trends page's 72-hour forecast is on made-up series whose truth is known: four weeks of
 * history, then 72 held-out hours. Prints one Markdown table (docs/benchmarks.md): for each kind of series
 * and size, the mean absolute error against the held-out counts and against their expectation, the share
 * of held-out hours inside the 95% band, and, for hours 48 to 72, the forecast and the band's upper edge
 * over those of the quiet series. Run as
 * {@code java -cp benchmarks/target/benchmarks.jar vn.loa.listening.internal.ForecastAccuracy [seeds]}.
 */
public final class ForecastAccuracy {

    private static final int HISTORY = 28 * 24;
    private static final int AHEAD = 72;

    private ForecastAccuracy() {
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 100;
        System.out.println("| series | posts/hour | MAE (counts) | MAE (expectation) | inside the 95% band"
                + " | hours 48-72: forecast / quiet forecast | hours 48-72: upper edge / quiet upper edge |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (double scale : new double[] {1, 5, 30}) {
            SyntheticSeries quiet = SyntheticSeries.rhythm(HISTORY + AHEAD, scale);
            // a spike of the last six hours, ten times the usual hour; a day five times busier; a doubling for
            // the last five days and on
            row("quiet", scale, quiet, quiet, seeds);
            row("spike in the last 6 hours", scale, quiet.spike(HISTORY - 6, 6, 10 * scale), quiet, seeds);
            row("burst over the last 24 hours", scale, quiet.spike(HISTORY - 24, 24, 5 * scale), quiet, seeds);
            row("doubled for the last 5 days", scale, quiet.shift(HISTORY - 5 * 24, 2), quiet, seeds);
        }
    }

    private static void row(String name, double scale, SyntheticSeries truth, SyntheticSeries quiet, int seeds) {
        double absolute = 0;
        double absoluteToMean = 0;
        long inside = 0;
        double forecastRatio = 0;
        double upperRatio = 0;
        for (long seed = 1; seed <= seeds; seed++) {
            double[] drawn = truth.draw(seed);
            double[] history = java.util.Arrays.copyOf(drawn, HISTORY);
            HoltWinters.Forecast forecast = HoltWinters.fit(history).forecast(HISTORY, AHEAD);
            HoltWinters.Forecast calm = HoltWinters.fit(java.util.Arrays.copyOf(quiet.draw(seed), HISTORY))
                    .forecast(HISTORY, AHEAD);
            double expectedLate = 0;
            double calmLate = 0;
            double upperLate = 0;
            double calmUpperLate = 0;
            for (int h = 0; h < AHEAD; h++) {
                double actual = drawn[HISTORY + h];
                double expected = forecast.expected()[h];
                absolute += Math.abs(actual - expected);
                absoluteToMean += Math.abs(truth.mean()[HISTORY + h] - expected);
                if (Math.abs(actual - expected) <= forecast.halfWidth()[h]) {
                    inside++;
                }
                if (h >= 48) {
                    expectedLate += expected;
                    calmLate += calm.expected()[h];
                    upperLate += expected + forecast.halfWidth()[h];
                    calmUpperLate += calm.expected()[h] + calm.halfWidth()[h];
                }
            }
            forecastRatio += expectedLate / calmLate;
            upperRatio += upperLate / calmUpperLate;
        }
        double hours = (double) seeds * AHEAD;
        System.out.println(String.format(Locale.ROOT, "| %s | %.0f | %.3f | %.3f | %.3f | %.2f | %.2f |", name, scale,
                absolute / hours, absoluteToMean / hours, inside / hours, forecastRatio / seeds, upperRatio / seeds));
    }
}
