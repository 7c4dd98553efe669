package vn.loa.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import vn.loa.nlp.Fingerprint;
import vn.loa.nlp.analyze.TextAnalyzer;
import vn.loa.nlp.classify.LinearClassifier;
import vn.loa.nlp.classify.Task;
import vn.loa.nlp.gazetteer.Gazetteer;
import vn.loa.nlp.normalize.TextNormalizer;
import vn.loa.nlp.segment.WordSegmenter;

/**
 * Full analysis of real comments on one thread (the first 10,000 comments of ViHSD train, as
 * social media writes them), and each stage alone in the same run. Scores are comments per second.
 * The heap is capped at 256 MB with every model loaded.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx256m"})
@Threads(1)
public class AnalyzeBenchmark {

    static final int COMMENTS = 10_000;

    private List<String> comments;
    private TextAnalyzer analyzer;
    private TextNormalizer normalizer;
    private WordSegmenter segmenter;
    private LinearClassifier sentiment;
    private LinearClassifier topic;
    private LinearClassifier toxicity;
    private Gazetteer places;
    private Gazetteer agencies;
    private final LocalDate day = LocalDate.of(2024, 6, 1);

    @Setup(Level.Trial)
    public void load() throws IOException {
        comments = new ArrayList<>();
        for (String line : Files.readAllLines(DevSentences.sharedData().resolve("vihsd/train.jsonl"), StandardCharsets.UTF_8)) {
            int start = line.indexOf("\"text\": \"") + 9;
            int end = line.indexOf("\", \"label\"");
            if (start > 8 && end > start) {
                comments.add(line.substring(start, end).replace("\\n", " ").replace("\\\"", "\""));
            }
            if (comments.size() == COMMENTS) {
                break;
            }
        }
        analyzer = TextAnalyzer.standard();
        normalizer = TextNormalizer.standard();
        segmenter = WordSegmenter.loadDefault();
        sentiment = LinearClassifier.loadResource(Task.SENTIMENT.resource());
        topic = LinearClassifier.loadResource(Task.NEWS_TOPIC.resource());
        toxicity = LinearClassifier.loadResource(Task.TOXICITY.resource());
        places = Gazetteer.places();
        agencies = Gazetteer.agencies();
    }

    @Benchmark
    @OperationsPerInvocation(COMMENTS)
    public void analyze(Blackhole blackhole) {
        for (String comment : comments) {
            blackhole.consume(analyzer.analyze(comment, day));
        }
    }

    @Benchmark
    @OperationsPerInvocation(COMMENTS)
    public void normalizeOnly(Blackhole blackhole) {
        for (String comment : comments) {
            blackhole.consume(normalizer.tokens(comment));
        }
    }

    @Benchmark
    @OperationsPerInvocation(COMMENTS)
    public void segmentOnly(Blackhole blackhole) {
        for (String comment : comments) {
            blackhole.consume(segmenter.segment(comment));
        }
    }

    @Benchmark
    @OperationsPerInvocation(COMMENTS)
    public void threeClassifiersOnly(Blackhole blackhole) {
        for (String comment : comments) {
            blackhole.consume(sentiment.predict(comment));
            blackhole.consume(topic.predict(comment));
            blackhole.consume(toxicity.predict(comment));
        }
    }

    @Benchmark
    @OperationsPerInvocation(COMMENTS)
    public void fingerprintOnly(Blackhole blackhole) {
        for (String comment : comments) {
            blackhole.consume(Fingerprint.of(comment));
        }
    }

    @Benchmark
    @OperationsPerInvocation(COMMENTS)
    public void gazetteersAndFingerprintOnly(Blackhole blackhole) {
        for (String comment : comments) {
            blackhole.consume(places.find(comment, day));
            blackhole.consume(agencies.find(comment, day));
            blackhole.consume(Fingerprint.of(comment));
        }
    }
}
