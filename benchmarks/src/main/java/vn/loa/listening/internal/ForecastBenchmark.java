package vn.loa.listening.internal;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of the trends page's forecast for one series, on one thread: what the trends computation pays
 * for every series it follows. {@code burst} is the emerging-issue check (fit on the 27 days before the
 * last 24 hours, forecast those 24 hours); {@code chart} is one series' chart (fit on 28 days, forecast
 * 72 hours with the band). The series is four weeks of made-up hourly counts, about 5 posts an hour.
 * It sits in the model's package because the model is package-private in the server.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
@Threads(1)
public class ForecastBenchmark {

    /** A quiet series, or the same with the last six hours ten times busier. */
    @Param({"quiet", "spike"})
    public String series;

    private double[] chartHistory;
    private double[] burstHistory;

    @Setup(Level.Trial)
    public void draw() {
        SyntheticSeries truth = SyntheticSeries.rhythm(28 * 24, 5);
        if (series.equals("spike")) {
            truth = truth.spike(28 * 24 - 6, 6, 50);
        }
        chartHistory = truth.draw(42);
        burstHistory = java.util.Arrays.copyOf(chartHistory, 27 * 24);
    }

    @Benchmark
    public HoltWinters.Forecast burst() {
        return HoltWinters.fit(burstHistory).forecast(burstHistory.length, 24);
    }

    @Benchmark
    public HoltWinters.Forecast chart() {
        return HoltWinters.fit(chartHistory).forecast(chartHistory.length, 72);
    }
}
