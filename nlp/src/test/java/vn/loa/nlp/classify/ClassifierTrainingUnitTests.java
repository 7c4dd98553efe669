package vn.loa.nlp.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.loa.nlp.SharedData;

class ClassifierTrainingUnitTests {

    private static final ClassifierTrainer.Settings SMALL = new ClassifierTrainer.Settings(
            new Features(16, true, true, 100), 3, 0.2, 0.5, 1, 0.1, 0, 42);

    private static List<LabeledText> sentimentSample() throws IOException {
        List<LabeledText> rows = LabeledData.read(SharedData.dir().resolve("uit-vsfc/train.jsonl"), "sentiment").rows();
        return rows.subList(0, 3000);
    }

    @Test
    void trainingTwiceWithTheSameSeedGivesByteIdenticalModels() throws IOException {
        List<LabeledText> rows = sentimentSample();
        assertThat(bytes(ClassifierTrainer.train("sentiment", rows, SMALL)))
                .isEqualTo(bytes(ClassifierTrainer.train("sentiment", rows, SMALL)));
    }

    @Test
    void aWrittenModelReadsBackToTheSamePredictions() throws IOException {
        LinearClassifier model = ClassifierTrainer.train("sentiment", sentimentSample(), SMALL);
        LinearClassifier read = LinearClassifier.read(new ByteArrayInputStream(bytes(model)));
        for (String text : List.of("giảng viên nhiệt tình", "phòng học nóng", "bình thường")) {
            assertThat(read.predict(text).label()).isEqualTo(model.predict(text).label());
        }
    }

    @Test
    void aSmallModelBeatsAlwaysAnsweringTheCommonestLabel() throws IOException {
        List<LabeledText> dev = LabeledData.read(SharedData.dir().resolve("uit-vsfc/dev.jsonl"), "sentiment").rows();
        ClassificationScore score = ClassificationScore.of(ClassifierTrainer.train("sentiment", sentimentSample(), SMALL), dev);
        long commonest = dev.stream().collect(java.util.stream.Collectors.groupingBy(LabeledText::label,
                java.util.stream.Collectors.counting())).values().stream().mapToLong(Long::longValue).max().orElseThrow();
        assertThat(score.accuracy()).isGreaterThan((double) commonest / dev.size() + 0.2);
    }

    @Test
    void malformedLinesAreReportedWithTheirNumbersAndTheRestIsRead() throws IOException {
        String jsonl = """
                {"text": "tốt", "sentiment": "positive"}
                {"text": "thiếu nhãn"}
                không phải JSON
                {"text": "tệ", "sentiment": "negative"}
                """;
        LabeledData.Read read = LabeledData.read(new BufferedReader(new StringReader(jsonl)), "sentiment");
        assertThat(read.rows()).extracting(LabeledText::label).containsExactly("positive", "negative");
        assertThat(read.problems()).extracting(LabeledData.Problem::line).containsExactly(2L, 3L);
    }

    private static byte[] bytes(LinearClassifier model) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        model.write(out);
        return out.toByteArray();
    }
}
