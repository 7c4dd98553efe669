package vn.loa.nlp.classify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The lexicon learnt from marked spans, on comments written for these tests (not from the data sets). */
class SpanLexiconUnitTests {

    /** The code points of [start, end) in a text, as ViHOS lists marked characters. */
    private static List<Integer> marks(int start, int end) {
        return IntStream.range(start, end).boxed().toList();
    }

    @Test
    void readsSpanOffsetsInCodePointsPastAnEmojiOutsideTheBasicPlane() {
        // "😒" is two UTF-16 units but one code point: "ngu" starts at code point 2
        SpanLexicon.Comment comment = SpanLexicon.Comment.of("😒 ngu quá", marks(2, 5));
        assertThat(comment.surface()).containsExactly("😒", "ngu", "quá");
        assertThat(comment.marked()).containsExactly(false, true, false);
        assertThat(comment.normalised()).isEqualTo("😒 ngu quá");
    }

    @Test
    void keepsNgramsMarkedInEnoughCommentsAndInEnoughOfThoseThatHoldThem() {
        List<SpanLexicon.Comment> comments = List.of(
                SpanLexicon.Comment.of("đồ ngu như bò", marks(3, 6)),
                SpanLexicon.Comment.of("Thằng này ngu thật", marks(10, 13)),
                SpanLexicon.Comment.of("nói ngu quá", marks(4, 7)),
                SpanLexicon.Comment.of("trời hôm nay đẹp quá", List.of()),
                SpanLexicon.Comment.of("quá đẹp", List.of()));
        SpanLexicon two = SpanLexicon.build(comments, 2, 0.5, SpanLexicon.Keys.EXACT);
        assertThat(two.entries()).extracting(SpanLexicon.Entry::text).containsExactly("ngu");
        assertThat(two.entries().get(0).markedIn()).isEqualTo(3);
        assertThat(SpanLexicon.build(comments, 4, 0.5, SpanLexicon.Keys.EXACT).size()).isZero();
        // one comment twice (another casing) counts once
        List<SpanLexicon.Comment> twice = List.of(SpanLexicon.Comment.of("đồ ngu", marks(3, 6)),
                SpanLexicon.Comment.of("Đồ ngu", marks(3, 6)));
        assertThat(SpanLexicon.build(twice, 2, 0.5, SpanLexicon.Keys.EXACT).size()).isZero();
    }

    @Test
    void poolsTheEntriesOfATextIntoAPresenceAndACountFeature() {
        SpanLexicon lexicon = SpanLexicon.build(List.of(SpanLexicon.Comment.of("đồ ngu", marks(3, 6)),
                SpanLexicon.Comment.of("ngu thế", marks(0, 3))), 2, 0.5, SpanLexicon.Keys.EXACT);
        Features plain = new Features(18, true, true, 100, false, false, true);
        Features spans = plain.withSpans(lexicon);
        assertThat(spans.of("bạn ngu quá")).contains(plain.of("bạn ngu quá"))
                .hasSize(plain.of("bạn ngu quá").length + 2).isSorted().doesNotHaveDuplicates();
        assertThat(spans.of("bạn giỏi quá")).isEqualTo(plain.of("bạn giỏi quá"));
        // a word written without diacritics is met by the folded keys
        SpanLexicon folded = SpanLexicon.build(List.of(SpanLexicon.Comment.of("đồ điên", marks(3, 7)),
                SpanLexicon.Comment.of("điên à", marks(0, 4))), 2, 0.5, SpanLexicon.Keys.FOLDED);
        assertThat(plain.withSpans(folded).of("thang dien")).hasSize(plain.of("thang dien").length + 2);
        assertThat(spans.withSpans(null)).isEqualTo(plain);
        assertThat(plain.withSpans(folded).of("thang điên")).hasSize(plain.of("thang điên").length + 2);
        assertThat(plain.withSpans(folded).of("thang ngu")).isEqualTo(plain.of("thang ngu"));
    }

    @Test
    void letsACommentLearntFromMeetOnlyTheEntriesThatTheOthersMake() {
        List<SpanLexicon.Comment> comments = List.of(SpanLexicon.Comment.of("đồ ngu", marks(3, 6)),
                SpanLexicon.Comment.of("ngu thế", marks(0, 3)), SpanLexicon.Comment.of("ngu quá đi", marks(0, 3)),
                SpanLexicon.Comment.of("khùng quá", marks(0, 5)), SpanLexicon.Comment.of("khùng à", marks(0, 5)));
        Features plain = new Features(18, true, true, 100, false, false, false);
        Features whole = plain.withSpans(SpanLexicon.build(comments, 2, 0.5, SpanLexicon.Keys.EXACT));
        Features loo = plain.withSpans(SpanLexicon.build(comments, 2, 0.5, SpanLexicon.Keys.EXACT, true));
        // "khùng" is marked in two comments: without one of them, it is marked in one only
        assertThat(whole.of("khùng quá")).hasSize(plain.of("khùng quá").length + 2);
        assertThat(loo.of("Khùng quá")).isEqualTo(plain.of("Khùng quá"));
        // "ngu" is marked in three: two are left
        assertThat(loo.of("đồ ngu")).isEqualTo(whole.of("đồ ngu"));
        // a text not learnt from sees the whole lexicon
        assertThat(loo.of("bạn khùng quá")).isEqualTo(whole.of("bạn khùng quá"));
    }

    @Test
    void aModelKeepsItsLexiconAsEveryNewTextSeesIt() throws Exception {
        List<SpanLexicon.Comment> comments = List.of(SpanLexicon.Comment.of("đồ ngu", marks(3, 6)),
                SpanLexicon.Comment.of("ngu thế", marks(0, 3)), SpanLexicon.Comment.of("khùng quá", marks(0, 5)),
                SpanLexicon.Comment.of("khùng à", marks(0, 5)));
        Features features = new Features(16, true, false, 100, false, false, false)
                .withSpans(SpanLexicon.build(comments, 2, 0.5, SpanLexicon.Keys.BOTH, true));
        List<LabeledText> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 40; i++) {
            rows.add(new LabeledText(i % 2 == 0 ? "đồ ngu lần " + i : "trời đẹp lần " + i, i % 2 == 0 ? "OFFENSIVE" : "CLEAN"));
        }
        LinearClassifier trained = ClassifierTrainer.train("toxicity", rows,
                new ClassifierTrainer.Settings(features, 3, 0.2, 0, 1, 0.1, 0, 7, false, 1));
        java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
        trained.write(file);
        LinearClassifier read = LinearClassifier.read(new java.io.ByteArrayInputStream(file.toByteArray()));
        assertThat(read.features().spans()).isNotNull();
        assertThat(read.features().spans().exactKeys()).containsExactly(features.spans().exactKeys());
        assertThat(read.features().spans().foldedKeys()).containsExactly(features.spans().foldedKeys());
        // a comment learnt from sees, in the model read back, the whole lexicon, as any new text does
        Features whole = new Features(16, true, false, 100, false, false, false)
                .withSpans(SpanLexicon.build(comments, 2, 0.5, SpanLexicon.Keys.BOTH));
        for (String text : List.of("khùng quá", "bạn khung qua", "đồ ngu", "trời đẹp")) {
            assertThat(read.features().of(text)).isEqualTo(whole.of(text));
        }
    }
}
