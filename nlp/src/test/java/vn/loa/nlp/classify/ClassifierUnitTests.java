package vn.loa.nlp.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The shipped models on real Vietnamese sentences written for these tests (not from the data sets). */
class ClassifierUnitTests {

    private static final LinearClassifier SENTIMENT = LinearClassifier.loadResource(Task.SENTIMENT.resource());
    private static final LinearClassifier TOPIC = LinearClassifier.loadResource(Task.FEEDBACK_TOPIC.resource());
    private static final LinearClassifier TOXICITY = LinearClassifier.loadResource(Task.TOXICITY.resource());
    private static final LinearClassifier NEWS = LinearClassifier.loadResource(Task.NEWS_TOPIC.resource());
    private static final LinearClassifier DOMAIN = LinearClassifier.loadResource(Task.POLICY_DOMAIN.resource());

    @Test
    void readsTheSentimentOfFeedback() {
        assertThat(SENTIMENT.predict("thầy giảng bài rất nhiệt tình và dễ hiểu").label()).isEqualTo("positive");
        assertThat(SENTIMENT.predict("phòng học quá nóng , máy chiếu thường xuyên bị hỏng").label()).isEqualTo("negative");
    }

    @Test
    void readsFeedbackWrittenWithoutDiacritics() {
        assertThat(SENTIMENT.predict("thay giang bai rat nhiet tinh va de hieu").label()).isEqualTo("positive");
    }

    @Test
    void findsWhatFeedbackIsAbout() {
        assertThat(TOPIC.predict("phòng học quá nóng , máy chiếu thường xuyên bị hỏng").label()).isEqualTo("facility");
        assertThat(TOPIC.predict("cô giảng bài nhiệt tình").label()).isEqualTo("lecturer");
    }

    @Test
    void tellsCleanFromOffensiveComments() {
        assertThat(TOXICITY.predict("Chúc mọi người một ngày tốt lành").label()).isEqualTo("CLEAN");
        assertThat(TOXICITY.predict("đm thằng ngu này nói láo").label()).isNotEqualTo("CLEAN");
    }

    @Test
    void classifiesNewsByTopic() {
        assertThat(NEWS.predict("Đội tuyển bóng đá Việt Nam thắng 2-0 trong trận đấu tối qua, huấn luyện viên hài lòng "
                + "với các cầu thủ").label()).isEqualTo("The thao");
        assertThat(NEWS.predict("Bệnh viện tỉnh tiếp nhận nhiều ca sốt xuất huyết, bác sĩ khuyến cáo người dân diệt "
                + "muỗi và loăng quăng").label()).isEqualTo("Suc khoe");
    }

    @Test
    void probabilitiesCoverEveryLabelAndSumToOne() {
        for (LinearClassifier model : new LinearClassifier[] {SENTIMENT, TOPIC, TOXICITY, NEWS}) {
            Prediction prediction = model.predict("người dân phản ánh đường sá xuống cấp");
            assertThat(prediction.probabilities()).hasSize(model.labels().length);
            assertThat(Arrays.stream(prediction.probabilities()).sum()).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(prediction.confidence()).isBetween(0.0, 1.0);
        }
    }

    @Test
    void modelsFusedOverOneTableScoreAsTheyDoAlone() {
        // sentiment and policy domains read the same features (toxicity, since 2^21 features, no longer
        // shares feedback-topic's)
        LinearClassifier.Fused fused = LinearClassifier.fuse(SENTIMENT, DOMAIN);
        for (String text : new String[] {"", "đm thằng ngu này nói láo", "thầy giảng bài rất nhiệt tình và dễ hiểu",
            "Người dân xã Ea Kao phản ánh nước sinh hoạt bị nhiễm phèn suốt ba tuần nay 😡"}) {
            for (String register : new String[] {null, "news", "comment"}) {
                int[] features = SENTIMENT.features().of(text, register);
                double[][] scores = fused.scores(features);
                assertThat(scores[0]).containsExactly(SENTIMENT.scores(features), org.assertj.core.data.Offset.offset(1e-5));
                assertThat(scores[1]).containsExactly(DOMAIN.scores(features), org.assertj.core.data.Offset.offset(1e-5));
                assertThat(SENTIMENT.predictScores(scores[0]).label()).isEqualTo(SENTIMENT.predict(text, register).label());
                assertThat(DOMAIN.predictScores(scores[1]).label()).isEqualTo(DOMAIN.predict(text, register).label());
            }
        }
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> LinearClassifier.fuse(SENTIMENT, TOXICITY)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> LinearClassifier.fuse(TOPIC, TOXICITY)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aModelWrittenAndReadAgainPredictsTheSame() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        NEWS.write(bytes);
        LinearClassifier read = LinearClassifier.read(new java.io.ByteArrayInputStream(bytes.toByteArray()));
        String text = "Bệnh viện tỉnh tiếp nhận nhiều ca sốt xuất huyết, bác sĩ khuyến cáo người dân diệt muỗi";
        assertThat(read.predict(text).probabilities())
                .containsExactly(NEWS.predict(text).probabilities(), org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void emptyAndHostileTextStillGetAnAnswer() {
        assertThat(SENTIMENT.predict("").label()).isIn((Object[]) SENTIMENT.labels());
        assertThat(TOXICITY.predict("\u0000\uD800 ".repeat(10_000)).label()).isIn((Object[]) TOXICITY.labels());
    }

    @Test
    void givesEachRegisterItsOwnCopyOfTheSharedFeatures() {
        Features features = new Features(16, true, true, 100, true);
        int[] shared = features.of("xe khách lao xuống vực");
        int[] news = features.of("xe khách lao xuống vực", "news");
        int[] comment = features.of("xe khách lao xuống vực", "comment");
        assertThat(news).contains(shared).hasSizeGreaterThan(shared.length);
        assertThat(news).isSorted().doesNotHaveDuplicates();
        assertThat(news).isNotEqualTo(comment);
        assertThat(features.of("xe khách lao xuống vực", null)).isEqualTo(shared);
        assertThat(new Features(16, true, true, 100).of("xe khách lao xuống vực", "news")).isEqualTo(shared);
    }

    @Test
    void countsAWordThatComesBackTwiceFourTimesAndEightTimes() {
        Features counted = new Features(20, false, false, 1200).withRepeats(true);
        Features plain = new Features(20, false, false, 1200);
        // no word comes back: the same features
        assertThat(counted.of("giá xăng tăng mạnh")).isEqualTo(plain.of("giá xăng tăng mạnh"));
        // "lúa" twice: its syllable and its folded form ("lua") each get one feature for "at least twice"; the
        // bigrams around it ("lúa lúa" is not one) are met once
        String twice = "mùa lúa năm nay lúa tốt";
        assertThat(counted.of(twice)).contains(plain.of(twice)).hasSize(plain.of(twice).length + 2)
                .isSorted().doesNotHaveDuplicates();
        // four and eight times: one more level each
        String four = "lúa mới lúa chín lúa vàng lúa thơm";
        assertThat(counted.of(four)).hasSize(plain.of(four).length + 4);
        // "lúa" 8 times: three levels for it and for "lua"; the bigram "lúa lúa" 7 times: two levels, as written and folded
        String eight = "lúa ".repeat(8) + "về";
        assertThat(counted.of(eight)).hasSize(plain.of(eight).length + 2 * 3 + 2 * 2);
        // 9 times: the bigram reaches 8 too; past that nothing changes, 8 or more being the last level
        String nine = "lúa ".repeat(9) + "về";
        assertThat(counted.of(nine)).hasSize(plain.of(nine).length + 2 * 3 + 2 * 3);
        assertThat(counted.of("lúa ".repeat(16) + "về")).isEqualTo(counted.of(nine));
    }

    @Test
    void keepsTheCountFeaturesWhenAModelIsWrittenAndReadAgain() throws Exception {
        LinearClassifier model = new LinearClassifier("news-topic", new String[] {"a", "b"},
                new Features(16, false, false, 100).withRepeats(true), new float[2 << 16], new float[2], 1, new double[2]);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        model.write(bytes);
        LinearClassifier again = LinearClassifier.read(new java.io.ByteArrayInputStream(bytes.toByteArray()));
        assertThat(again.features().repeats()).isTrue();
        assertThat(again.features()).isEqualTo(model.features());
    }

    @Test
    void readsAVariantOfAListedOffensiveWordLikeTheOthersOfItsGroup() {
        Features listed = new Features(18, true, true, 100, false, false, true);
        Features plain = new Features(18, true, true, 100, false, false, false);
        // "cặc" and "concak" are variants in one group of the list: beside their own n-grams, they share its features
        int[] a = listed.of("đồ cặc");
        int[] b = listed.of("đồ concak");
        long sharedListed = Arrays.stream(a).filter(f -> Arrays.binarySearch(b, f) >= 0).count();
        int[] c = plain.of("đồ cặc");
        int[] d = plain.of("đồ concak");
        long sharedPlain = Arrays.stream(c).filter(f -> Arrays.binarySearch(d, f) >= 0).count();
        assertThat(sharedListed).isEqualTo(sharedPlain + 2); // the group, and one listed word
        assertThat(a).contains(c).hasSize(c.length + 2).isSorted().doesNotHaveDuplicates();
        // a word the list holds only without diacritics is not matched in a written word that has them
        assertThat(listed.of("các bạn ơi")).isEqualTo(plain.of("các bạn ơi"));
        assertThat(listed.of("Hội đồng nhân dân tỉnh khai mạc kỳ họp")).isEqualTo(plain.of("Hội đồng nhân dân tỉnh khai mạc kỳ họp"));
        // how many listed words a text holds is a feature too: one, two, three or more
        int[] three = listed.of("đồ cặc đồ cặc đồ cặc");
        int[] four = listed.of("đồ cặc đồ cặc đồ cặc đồ cặc");
        assertThat(three).hasSize(plain.of("đồ cặc đồ cặc đồ cặc").length + 4); // the group, and counts 1, 2 and 3
        assertThat(four).containsExactlyInAnyOrder(java.util.stream.IntStream.concat(
                Arrays.stream(plain.of("đồ cặc đồ cặc đồ cặc đồ cặc")),
                Arrays.stream(three).filter(f -> Arrays.binarySearch(plain.of("đồ cặc đồ cặc đồ cặc"), f) < 0)).toArray());
    }

    @Test
    void theToxicityModelReadsTheListAndKeepsItWhenWrittenAndReadAgain() throws Exception {
        assertThat(TOXICITY.features().lexicon()).isTrue();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        TOXICITY.write(bytes);
        LinearClassifier again = LinearClassifier.read(new java.io.ByteArrayInputStream(bytes.toByteArray()));
        assertThat(again.features()).isEqualTo(TOXICITY.features());
        assertThat(SENTIMENT.features().lexicon()).isFalse();
        // and the lexicon of the words ViHOS marks offensive, stored in the model
        assertThat(TOXICITY.features().spans()).isNotNull();
        assertThat(TOXICITY.features().spans().size()).isGreaterThan(1000);
        assertThat(SENTIMENT.features().spans()).isNull();
    }

    @Test
    void answersUnclearBelowHalfOfTheCalibratedProbability() {
        String[] labels = {"negative", "neutral", "positive"};
        Prediction sure = new Prediction("negative", labels, new double[] {0.7, 0.2, 0.1});
        Prediction unsure = new Prediction("negative", labels, new double[] {0.45, 0.35, 0.2});
        assertThat(sure.unclear()).isFalse();
        assertThat(sure.labelOrUnclear()).isEqualTo("negative");
        assertThat(unsure.unclear()).isTrue();
        assertThat(unsure.labelOrUnclear()).isEqualTo(Prediction.UNCLEAR);
    }

    @Test
    void readsNewsInTheToneAProvincialOfficerReads() {
        assertThat(SENTIMENT.predict("Ba người chết, năm người bị thương trong vụ tai nạn giao thông trên quốc lộ 1A", "news")
                .label()).isEqualTo("negative");
        assertThat(SENTIMENT.predict("Sáng nay, Hội đồng nhân dân tỉnh khai mạc kỳ họp thứ 12", "news").label())
                .isEqualTo("neutral");
    }

    @Test
    void findsThePolicyDomainOfAText() {
        LinearClassifier domain = LinearClassifier.loadResource(Task.POLICY_DOMAIN.resource());
        assertThat(domain.predict("Bệnh viện đa khoa tỉnh thiếu thuốc, bệnh nhân phải tự đi mua", "comment").label())
                .isEqualTo("health");
        assertThat(domain.predict("Học sinh toàn tỉnh bước vào kỳ thi tốt nghiệp trung học phổ thông", "news").label())
                .isEqualTo("education");
    }
}
