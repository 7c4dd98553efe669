package vn.loa.consultation.internal;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import vn.loa.nlp.normalize.TextNormalizer;
import vn.loa.nlp.segment.WordSegmenter;

/**
 * What regrouping one article's comments costs (issue #17): {@code comments} comments on one article, made from the
 * demo's 200 (each a demo comment with about a quarter of its words dropped and a few words of another added, so that
 * few are near duplicates), grouped with the default threshold and labelled by words. Run from the repository's root:
 * it reads {@code server/src/main/resources/consultation/demo/comments.csv}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Threads(1)
public class GroupingBenchmark {

    @Param({"200", "1000", "3000"})
    public int comments;

    private GroupingEngine engine;
    private List<GroupingEngine.Item> items;

    @Setup
    public void setUp() throws IOException {
        engine = new GroupingEngine(TextNormalizer.standard(), WordSegmenter.loadDefault(),
                GroupingEngine.DEFAULT_THRESHOLD);
        List<String> demo = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(Path.of("server/src/main/resources/consultation/demo/comments.csv"),
                StandardCharsets.UTF_8)) {
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                demo.add(r.get("text"));
            }
        }
        Random random = new Random(17);
        items = new ArrayList<>();
        for (int i = 0; i < comments; i++) {
            String[] words = demo.get(random.nextInt(demo.size())).split(" ");
            String[] other = demo.get(random.nextInt(demo.size())).split(" ");
            StringBuilder text = new StringBuilder();
            for (String word : words) {
                if (random.nextDouble() >= 0.25) {
                    text.append(word).append(' ');
                }
            }
            for (int j = 0; j < 4; j++) {
                text.append(other[random.nextInt(other.length)]).append(' ');
            }
            items.add(new GroupingEngine.Item(i, text.toString().strip(), null));
        }
    }

    @Benchmark
    public int regroupOneArticle() {
        return engine.group(items).size();
    }
}
