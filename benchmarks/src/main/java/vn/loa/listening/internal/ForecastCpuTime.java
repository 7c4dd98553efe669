package vn.loa.listening.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The thread's CPU time per series of the forecast, as {@link ForecastBenchmark} measures its wall time:
 * a cross-check on a machine that other jobs load, where wall time says more about them than about the
 * code. The fastest of five rounds of 300 fits, after three rounds of warm-up. Run as
 * {@code java -cp benchmarks/target/benchmarks.jar vn.loa.listening.internal.ForecastCpuTime}.
 */
public final class ForecastCpuTime {

    private static final int FITS = 300;

    private ForecastCpuTime() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] chart = SyntheticSeries.rhythm(28 * 24, 5).draw(42);
        double[] burst = Arrays.copyOf(chart, 27 * 24);
        double fastestChart = Double.POSITIVE_INFINITY;
        double fastestBurst = Double.POSITIVE_INFINITY;
        for (int round = 0; round < 8; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < FITS; i++) {
                HoltWinters.fit(chart).forecast(chart.length, 72);
            }
            long middle = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < FITS; i++) {
                HoltWinters.fit(burst).forecast(burst.length, 24);
            }
            long end = threads.getCurrentThreadCpuTime();
            if (round >= 3) {
                fastestChart = Math.min(fastestChart, (middle - start) / (FITS * 1e6));
                fastestBurst = Math.min(fastestBurst, (end - middle) / (FITS * 1e6));
            }
        }
        System.out.println(String.format(Locale.ROOT, "chart (fit on 28 days, 72 hours ahead): %.3f ms of CPU;"
                + " burst (fit on 27 days, 24 hours ahead): %.3f ms of CPU", fastestChart, fastestBurst));
    }
}
