package vn.loa.nlp.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import vn.loa.nlp.segment.WordSegmenter.Word;

/**
 * The contract every stage keeps: offsets never go backwards, no empty token, a token never holds
 * white space at its ends, and random, hostile or very long input neither crashes nor hangs.
 */
class SegmenterContractUnitTests {

    private static WordSegmenter segmenter;

    @BeforeAll
    static void load() {
        segmenter = WordSegmenter.loadDefault();
    }

    static void assertContract(String text, List<Word> words) {
        int previousEnd = 0;
        for (Word word : words) {
            assertThat(word.start()).isGreaterThanOrEqualTo(previousEnd);
            assertThat(word.end()).isGreaterThan(word.start()).isLessThanOrEqualTo(text.length());
            assertThat(word.syllables()).isPositive();
            assertThat(Character.isWhitespace(text.charAt(word.start()))).isFalse();
            assertThat(Character.isWhitespace(text.charAt(word.end() - 1))).isFalse();
            previousEnd = word.end();
        }
    }

    @Test
    void keepsTheContractOnRandomText() {
        Random random = new Random(7);
        String alphabet = "aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ"
                + "ABCĐ0123456789 .,;:!?\"'()[]{}-_/\\@#%&*+=<>\t\n\r\u0000\u0007\u200b\u00a0😀👍🏽";
        for (int round = 0; round < 2000; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(120);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String input = text.toString();
            assertContract(input, segmenter.segment(input));
        }
    }

    @Test
    void survivesLoneSurrogatesAndControlCharacters() {
        String text = "a\uD800b \uDC00 c\u0000d \u001f đ\uFFFF \u0301 chủ tịch";
        assertContract(text, segmenter.segment(text));
        assertThat(segmenter.segmentToUnderscored(text)).contains("chủ_tịch");
    }

    @Test
    @Timeout(60)
    void segmentsATenMegabyteLineInOnePass() {
        String sentence = "Người dân phản ánh bệnh viện tỉnh quá tải, chờ khám BHYT rất lâu. ";
        String text = sentence.repeat(10 * 1024 * 1024 / sentence.length());
        List<Word> words = segmenter.segment(text);
        assertContract(text, words);
        assertThat(words.size()).isGreaterThan(1_000_000);
    }

    @Test
    void outputStaysInNfcForNfcInput() {
        String text = Normalizer.normalize("Thủ tướng Chính phủ ban hành Chỉ thị 07", Normalizer.Form.NFC);
        String segmented = segmenter.segmentToUnderscored(text);
        assertThat(Normalizer.isNormalized(segmented, Normalizer.Form.NFC)).isTrue();
    }

    @Test
    void theSyllableSplitterKeepsNumbersWhole() {
        String text = "Giá 2.000 đồng, ngày 21/3/2023 lúc 10:30";
        SyllableSplitter.Syllabified split = SyllableSplitter.split(text);
        List<String> tokens = new java.util.ArrayList<>();
        for (int i = 0; i < split.count(); i++) {
            tokens.add(text.substring(split.starts()[i], split.ends()[i]));
        }
        assertThat(tokens).containsExactly("Giá", "2.000", "đồng", ",", "ngày", "21/3/2023", "lúc", "10:30");
        assertThat(Duration.ZERO).isNotNull();
    }
}
