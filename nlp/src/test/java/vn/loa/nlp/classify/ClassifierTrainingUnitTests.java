package vn.loa.nlp.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.zip.GZIPOutputStream;
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
    void severalMembersAreAveragedIntoOneModelThatIsAtLeastAsGoodAsOne() throws IOException {
        List<LabeledText> rows = LabeledData.read(SharedData.dir().resolve("uit-vsfc/train.jsonl"), "sentiment").rows();
        List<LabeledText> train = rows.subList(0, 3000);
        List<LabeledText> unseen = rows.subList(3000, 5000);
        ClassifierTrainer.Settings three = SMALL.withMembers(3);
        LinearClassifier averaged = ClassifierTrainer.train("sentiment", train, three);
        // deterministic like one model
        assertThat(bytes(averaged)).isEqualTo(bytes(ClassifierTrainer.train("sentiment", train, three)));
        assertThat(bytes(averaged)).isNotEqualTo(bytes(ClassifierTrainer.train("sentiment", train, SMALL)));
        double single = ClassificationScore.of(ClassifierTrainer.train("sentiment", train, SMALL), unseen).accuracy();
        double members = ClassificationScore.of(averaged, unseen).accuracy();
        assertThat(members).isGreaterThanOrEqualTo(single - 0.005).isGreaterThan(0.8);
    }

    @Test
    void rowsOnlyTrainedOnAreLearntAndWithoutThemTheModelIsTheSame() throws IOException {
        List<LabeledText> rows = sentimentSample();
        assertThat(bytes(ClassifierTrainer.train("sentiment", rows, List.of(), SMALL)))
                .isEqualTo(bytes(ClassifierTrainer.train("sentiment", rows, SMALL)));
        // a kind of text the students' feedback never has, given only as rows to train on
        List<LabeledText> reports = new java.util.ArrayList<>();
        for (int i = 0; i < 200; i++) {
            reports.add(new LabeledText("mức lương tối thiểu vùng áp dụng từ ngày " + (i % 28 + 1) + " theo nghị định "
                    + i + " của chính phủ", "neutral", null));
        }
        String report = "mức lương tối thiểu vùng áp dụng theo nghị định mới của chính phủ";
        double without = ClassifierTrainer.train("sentiment", rows, SMALL).predict(report).asMap().get("neutral");
        double with = ClassifierTrainer.train("sentiment", rows, reports, SMALL).predict(report).asMap().get("neutral");
        assertThat(with).isGreaterThan(0.9).isGreaterThan(without + 0.2);
    }

    /** The sample as citizens' comments, each text {@code times} times. */
    private static List<LabeledText> asComments(List<LabeledText> rows, int times) {
        List<LabeledText> comments = new java.util.ArrayList<>();
        for (int t = 0; t < times; t++) {
            rows.forEach(row -> comments.add(new LabeledText(row.text(), row.label(), "comment")));
        }
        return comments;
    }

    @Test
    void aRegisterGetsDecisionOffsetsOfItsOwnWhichTheFileKeepsAndOtherRegistersDoNotUse() throws IOException {
        List<LabeledText> rows = LabeledData.read(SharedData.dir().resolve("uit-vsfc/train.jsonl"), "sentiment").rows();
        ClassifierTrainer.Settings settings = new ClassifierTrainer.Settings(SMALL.features(), 3, 0.2, 0.5, 1, 0.1, 0, 42,
                false, 3).withOffsetRegisters(java.util.Set.of("comment"));
        LinearClassifier model = ClassifierTrainer.train("sentiment", asComments(rows.subList(0, 3000), 1), settings);
        assertThat(model.offsets()).containsOnly(0.0);
        assertThat(model.registerOffsets()).containsOnlyKeys("comment");
        assertThat(model.registerOffsets().get("comment")).isNotEqualTo(new double[3]);
        // the file keeps them; a news text, or one of no known register, is decided by the shared offsets
        LinearClassifier read = LinearClassifier.read(new ByteArrayInputStream(bytes(model)));
        assertThat(read.registerOffsets().get("comment")).containsExactly(model.registerOffsets().get("comment"));
        int changed = 0;
        for (LabeledText row : rows.subList(3000, 4500)) {
            String asComment = read.predict(row.text(), "comment").label();
            assertThat(asComment).isEqualTo(model.predict(row.text(), "comment").label());
            assertThat(read.predict(row.text(), "news").label()).isEqualTo(read.predict(row.text()).label());
            changed += asComment.equals(read.predict(row.text()).label()) ? 0 : 1;
        }
        assertThat(changed).isPositive();
    }

    @Test
    void heldOutCopiesOfLearntTextsDoNotTuneARegistersOffsets() throws IOException {
        ClassifierTrainer.Settings settings = new ClassifierTrainer.Settings(SMALL.features(), 2, 0.2, 0.5, 1, 0.1, 0, 42,
                false, 3).withOffsetRegisters(java.util.Set.of("comment"));
        List<LabeledText> sample = sentimentSample();
        // each text once: 900 held-out rows, nearly none of them learnt, enough for offsets of their own
        assertThat(ClassifierTrainer.train("sentiment", asComments(sample, 1), settings).registerOffsets())
                .containsOnlyKeys("comment");
        // each text three times (as the province corpus counts several times): nearly every held-out row has a
        // copy its member learnt, too few are left, and comments keep the shared offsets
        assertThat(ClassifierTrainer.train("sentiment", asComments(sample, 3), settings).registerOffsets()).isEmpty();
    }

    @Test
    void membersAreOneToTen() {
        assertThatThrownBy(() -> SMALL.withMembers(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SMALL.withMembers(11)).isInstanceOf(IllegalArgumentException.class);
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
    void aModelWhoseRowsLeaveItsFeatureSpaceIsRefused() throws IOException {
        assertThatThrownBy(() -> LinearClassifier.read(new ByteArrayInputStream(modelWithOneRowAt(1 << 20))))
                .isInstanceOf(IOException.class).hasMessageContaining("outside its 65536 features");
        // the same file with its row inside the feature space is read
        LinearClassifier inside = LinearClassifier.read(new ByteArrayInputStream(modelWithOneRowAt(5)));
        assertThat(inside.labels()).containsExactly("negative", "positive");
        assertThat(inside.task()).isEqualTo("sentiment");
        // a model from before offsets per register: every register shares its offsets
        assertThat(inside.registerOffsets()).isEmpty();
    }

    /** A model of two labels over 2^16 features, in the written format, with one row at {@code row}. */
    private static byte[] modelWithOneRowAt(int row) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(0x4c4f4143);
            out.writeInt(3);
            out.writeUTF("sentiment");
            out.writeInt(2);
            out.writeUTF("negative");
            out.writeUTF("positive");
            out.writeInt(16);
            out.writeBoolean(false);
            out.writeBoolean(false);
            out.writeInt(100);
            out.writeBoolean(false);
            out.writeBoolean(false);
            out.writeFloat(0f);
            out.writeFloat(0f);
            out.writeDouble(1.0);
            out.writeDouble(0.0);
            out.writeDouble(0.0);
            out.writeFloat(0.001f);
            out.writeInt(1);
            out.writeInt(row + 1);
            out.writeShort(100);
            out.writeShort(-100);
        }
        return bytes.toByteArray();
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
