package vn.loa.benchmarks;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import vn.loa.nlp.segment.SyllableSplitter;
import vn.loa.nlp.segment.WordSegmenter;

/**
 * Word segmentation throughput on one thread, over the raw text of the 1,123 sentences of UD
 * Vietnamese VTB dev, text in, words with offsets out (splitting included). JMH's ops/s are passes
 * over the set; the {@code syllables} counter gives syllables per second, counting the units the
 * segmenter works on ({@link SyllableSplitter#tokens}: 31,964 of them, the treebank has 31,927).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Threads(1)
public class SegmenterBenchmark {

    private WordSegmenter segmenter;
    private List<String> sentences;
    private long syllables;

    @Setup(Level.Trial)
    public void load() throws IOException {
        segmenter = WordSegmenter.loadDefault();
        sentences = DevSentences.udDevText();
        for (String sentence : sentences) {
            syllables += SyllableSplitter.tokens(sentence).count();
        }
    }

    /** Segments every dev sentence once; throughput in passes per second. */
    @Benchmark
    public void segmentDevSet(Blackhole blackhole, SyllableCounter counter) {
        for (String sentence : sentences) {
            blackhole.consume(segmenter.segment(sentence));
        }
        counter.syllables += syllables;
    }

    /** The baseline: only splitting into the segmenter's units and computing their keys, no decisions. */
    @Benchmark
    public void splitAndKeyDevSet(Blackhole blackhole, SyllableCounter counter) {
        for (String sentence : sentences) {
            SyllableSplitter.Syllabified split = SyllableSplitter.tokens(sentence);
            long sum = 0;
            for (int i = 0; i < split.count(); i++) {
                sum += vn.loa.nlp.Syllables.key(sentence, split.starts()[i], split.ends()[i]);
            }
            blackhole.consume(sum);
        }
        counter.syllables += syllables;
    }

    /** Counts syllables so JMH reports syllables per second beside passes per second. */
    @State(Scope.Thread)
    @org.openjdk.jmh.annotations.AuxCounters(org.openjdk.jmh.annotations.AuxCounters.Type.OPERATIONS)
    public static class SyllableCounter {
        public long syllables;

        @Setup(Level.Iteration)
        public void reset() {
            syllables = 0;
        }
    }
}
