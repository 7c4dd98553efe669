package vn.loa.consultation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.loa.nlp.analyze.TextAnalyzer;
import vn.loa.nlp.normalize.TextNormalizer;

/**
 * The stance of a comment toward the draft, read from what it says of the draft before its tone: on real-shaped
 * comments, with and without diacritics, with negations; and on the demo consultation's 200 comments against the
 * stances labelled by hand in {@code consultation/stance-labels.tsv}.
 */
class StanceReaderUnitTests {

    private static final StanceReader READER = new StanceReader(TextNormalizer.standard());
    private static final TextAnalyzer ANALYZER = TextAnalyzer.standard();
    private static final LocalDate ON = LocalDate.of(2026, 12, 8);

    /** The floor of agreement with the hand labels: measured 0.78 (156 of 200); the sentiment model alone 0.48 (96). */
    private static final double FLOOR = 0.75;

    private static String read(String text) {
        return READER.read(text, () -> "fallback");
    }

    @Test
    void readsSupportWrittenWithOrWithoutDiacriticsOrInTeencode() {
        assertThat(read("Phân loại rác là văn minh, ủng hộ. Nhà tôi làm từ năm ngoái rồi.")).isEqualTo("positive");
        assertThat(read("Rất ủng hộ dự thảo.")).isEqualTo("positive");
        assertThat(read("Đồng tình.")).isEqualTo("positive");
        assertThat(read("ung ho 100%, rac ngap hem thi xau ho lam")).isEqualTo("positive");
        assertThat(read("toi dong y voi du thao")).isEqualTo("positive");
        assertThat(read("Tôi đồng ý với dự thảo, không có ý kiến thêm.")).isEqualTo("positive");
        assertThat(read("Hoan nghênh tỉnh ra quy định. Mong là làm thật.")).isEqualTo("positive");
        assertThat(read("Nhất trí với dự thảo.")).isEqualTo("positive");
        assertThat(read("Tán thành dự thảo.")).isEqualTo("positive");
    }

    @Test
    void readsAnObjectionAndANegatedSupportAsAgainst() {
        assertThat(read("Tôi không đồng ý mức phạt.")).isEqualTo("negative");
        assertThat(read("toi ko dong y muc phat")).isEqualTo("negative");
        assertThat(read("Tôi phản đối khoản 3 Điều 22.")).isEqualTo("negative");
        assertThat(read("Không đồng tình với việc thu thêm tiền.")).isEqualTo("negative");
        assertThat(read("Tôi không ủng hộ quy định này.")).isEqualTo("negative");
        assertThat(read("Thu tiền theo hộ là bất hợp lý.")).isEqualTo("negative");
        assertThat(read("Bị từ chối thu gom mà vẫn phải trả tiền là vô lý.")).isEqualTo("negative");
        assertThat(read("Không nên thu gom sau 21 giờ.")).isEqualTo("negative");
    }

    @Test
    void readsANegatedObjectionAsSupportAndTheLaterOfTwoStances() {
        assertThat(read("Tôi không có gì phản đối, dự thảo làm kỹ.")).isEqualTo("positive");
        assertThat(read("Ủng hộ thu gom buổi tối nhưng kết thúc lúc 21h là hợp lý, không nên kéo tới 23h."))
                .isEqualTo("negative");
        assertThat(read("Không phân loại thì trả giá cao là hợp lý, ủng hộ.")).isEqualTo("positive");
    }

    @Test
    void doesNotReadAnAdditionAsARemoval() {
        // "bổ sung" (add) is not "bỏ" (remove) in a comment written with diacritics
        assertThat(read("Đề nghị bổ sung miễn giá dịch vụ cho hộ nghèo.")).isEqualTo("neutral");
        assertThat(read("de nghi bo sung mien gia cho ho ngheo")).isEqualTo("neutral");
        assertThat(read("Đề nghị bỏ khoản 3 Điều 22.")).isEqualTo("negative");
        assertThat(read("de nghi bo khoan 3 dieu 22")).isEqualTo("negative");
    }

    @Test
    void readsAQuestionOrASuggestionAsNeutralAndFallsBackOnTheSentimentOtherwise() {
        assertThat(read("Thùng rác nhà tôi màu đỏ, có phải mua thùng mới không?")).isEqualTo("neutral");
        assertThat(read("Nên có chương trình đổi rác tái chế lấy quà ở mỗi phường.")).isEqualTo("neutral");
        assertThat(read("phat nhieu nguoi ngheo lay dau ra tien")).isEqualTo("fallback");
    }

    @Test
    void agreesWithTheHandLabelsOfTheDemoConsultationAboveTheMeasuredFloor() throws IOException {
        List<String[]> labelled = labels();
        assertThat(labelled).hasSize(200);
        Map<String, Integer> before = new TreeMap<>();
        Map<String, Integer> after = new TreeMap<>();
        int agreedBefore = 0;
        int agreedAfter = 0;
        for (String[] row : labelled) {
            String expected = row[1];
            String text = row[2];
            // what a comment showed before: the sentiment model's label, stored when the comment came in
            String model = ANALYZER.analyze(text, ON).sentiment().label();
            String stance = READER.read(text, () -> model);
            before.merge(expected + " read as " + model, 1, Integer::sum);
            after.merge(expected + " read as " + stance, 1, Integer::sum);
            agreedBefore += expected.equals(model) ? 1 : 0;
            agreedAfter += expected.equals(stance) ? 1 : 0;
        }
        System.out.println("stance, sentiment model alone: " + agreedBefore + "/200 " + before);
        System.out.println("stance, stance reader: " + agreedAfter + "/200 " + after);
        assertThat(agreedAfter / 200.0).isGreaterThanOrEqualTo(FLOOR);
        assertThat(agreedAfter).isGreaterThan(agreedBefore);
        // the defect seen on the demo: supportive comments read as against
        assertThat(after.getOrDefault("positive read as negative", 0)).isLessThanOrEqualTo(1);
    }

    private static List<String[]> labels() throws IOException {
        try (InputStream in = StanceReaderUnitTests.class.getResourceAsStream("/consultation/stance-labels.tsv")) {
            List<String[]> rows = new ArrayList<>();
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.startsWith("#"))
                    .map(l -> l.split("\t", 3)).forEach(rows::add);
            return rows;
        }
    }
}
