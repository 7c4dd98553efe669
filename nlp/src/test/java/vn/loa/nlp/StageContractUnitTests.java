package vn.loa.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.loa.nlp.analyze.Analysis;
import vn.loa.nlp.analyze.TextAnalyzer;
import vn.loa.nlp.gazetteer.Gazetteer;
import vn.loa.nlp.lucene.VietnameseAnalyzer;
import vn.loa.nlp.normalize.TextNormalizer;
import vn.loa.nlp.normalize.Token;
import vn.loa.nlp.segment.SyllableSplitter;
import vn.loa.nlp.segment.WordSegmenter;

/**
 * The contract every stage keeps, checked on the same inputs for all of them: spans lie inside the
 * text, never go backwards and are never empty; what a stage writes is NFC; and random, hostile or
 * very long input neither crashes nor hangs.
 */
class StageContractUnitTests {

    private static final WordSegmenter SEGMENTER = WordSegmenter.loadDefault();
    private static final TextNormalizer NORMALIZER = TextNormalizer.standard();
    private static final Gazetteer PLACES = Gazetteer.places();
    private static final Gazetteer AGENCIES = Gazetteer.agencies();
    private static final VietnameseAnalyzer LUCENE = new VietnameseAnalyzer(SEGMENTER);
    private static final TextAnalyzer ANALYZER = TextAnalyzer.standard();
    private static final LocalDate DAY = LocalDate.of(2024, 6, 1);

    private record Span(int start, int end) {
    }

    static List<String> inputs() {
        List<String> inputs = new ArrayList<>(List.of("", " ", "\u0000", "\uD800", "\uDC00x", "a\u0301", "\u0301",
                "Người dân huyện Ninh Hải phản ánh Sở Y tế 😭😭 https://x.vn ko mn ơi!!!",
                Normalizer.normalize("Bệnh viện tỉnh Ninh Thuận quá tải", Normalizer.Form.NFD),
                "\t\n\r\u200b\u00a0\u2028", "😀👍🏽👨‍👩‍👧 :)) <3 #tag @user 0912345678 a@b.vn"));
        Random random = new Random(2026);
        String alphabet = "aăâđeêoôơuưyàáạảãằẳẹềịọụừỳ AĐÊ0123456789.,:;!?@#()<>=^_-/\\'\"\t\n\u0000\u200b\u0301\u0323😭👍🏽\u200d\uD800\uDC00";
        for (int round = 0; round < 1500; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(100); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            inputs.add(text.toString());
        }
        return inputs;
    }

    @Test
    void everyStageKeepsTheContract() throws IOException {
        for (String text : inputs()) {
            checkAll(text);
        }
    }

    @Test
    @Timeout(120)
    void everyStageHandlesATenMegabyteLine() throws IOException {
        String sentence = "Ko biết BV tỉnh Ninh Thuận có khám BHYT ko mn ơi 😭 https://a.vn 0912345678 quáaaa. ";
        checkAll(sentence.repeat(10 * 1024 * 1024 / sentence.length()));
    }

    private static void checkAll(String text) throws IOException {
        SyllableSplitter.Syllabified split = SyllableSplitter.split(text);
        List<Span> syllables = new ArrayList<>();
        for (int i = 0; i < split.count(); i++) {
            syllables.add(new Span(split.starts()[i], split.ends()[i]));
        }
        assertSpans(text, syllables, "syllables");
        assertSpans(text, SEGMENTER.segment(text).stream().map(w -> new Span(w.start(), w.end())).toList(), "words");
        List<Token> tokens = NORMALIZER.tokens(text);
        assertSpans(text, tokens.stream().map(t -> new Span(t.start(), t.end())).toList(), "tokens");
        for (Token token : tokens) {
            assertThat(token.normal()).isNotEmpty();
            assertThat(Normalizer.isNormalized(token.normal(), Normalizer.Form.NFC)).isTrue();
        }
        assertSpans(text, PLACES.find(text, DAY).stream().map(m -> new Span(m.start(), m.end())).toList(), "places");
        assertSpans(text, AGENCIES.find(text, DAY).stream().map(m -> new Span(m.start(), m.end())).toList(), "agencies");
        List<Span> terms = new ArrayList<>();
        try (TokenStream stream = LUCENE.tokenStream("text", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                assertThat(term.length()).isPositive();
                assertThat(Normalizer.isNormalized(term, Normalizer.Form.NFC)).isTrue();
                terms.add(new Span(offset.startOffset(), offset.endOffset()));
            }
            stream.end();
        }
        assertStartsNeverGoBack(text, terms, "lucene terms");
        if (text.length() < 100_000) {
            Analysis analysis = ANALYZER.analyze(text, DAY);
            assertThat(Normalizer.isNormalized(analysis.normalized(), Normalizer.Form.NFC)).isTrue();
            assertThat(analysis.sentiment().probabilities()).hasSize(3);
        }
    }

    /** Spans of one stage: inside the text, non-empty, in order, never overlapping. */
    private static void assertSpans(String text, List<Span> spans, String stage) {
        int previousEnd = 0;
        for (Span span : spans) {
            assertThat(span.start()).as(stage + " start").isGreaterThanOrEqualTo(previousEnd);
            assertThat(span.end()).as(stage + " end").isGreaterThan(span.start()).isLessThanOrEqualTo(text.length());
            previousEnd = span.end();
        }
    }

    /** A token graph repeats positions, so its terms may overlap; their starts still never go back. */
    private static void assertStartsNeverGoBack(String text, List<Span> spans, String stage) {
        int previousStart = 0;
        for (Span span : spans) {
            assertThat(span.start()).as(stage + " start").isGreaterThanOrEqualTo(previousStart);
            assertThat(span.end()).as(stage + " end").isGreaterThan(span.start()).isLessThanOrEqualTo(text.length());
            previousStart = span.start();
        }
    }
}
