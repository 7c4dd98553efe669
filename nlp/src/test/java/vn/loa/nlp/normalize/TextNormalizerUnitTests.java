package vn.loa.nlp.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class TextNormalizerUnitTests {

    private static final TextNormalizer NORMALIZER = TextNormalizer.standard();

    @Test
    void expandsTeencodeUndoesElongationAndLowerCases() {
        assertThat(NORMALIZER.normalize("Ko biết BV tỉnh có khám BHYT ko mn ơi, đôngggg quáaaa"))
                .isEqualTo("không biết bệnh viện tỉnh có khám bảo hiểm y tế không mọi người ơi , đông quá");
    }

    @Test
    void putsToneMarksInOnePlace() {
        assertThat(NORMALIZER.normalize("hoà bình, sức khoẻ, thuỷ lợi")).isEqualTo("hòa bình , sức khỏe , thủy lợi");
        assertThat(ToneMarks.canonical("ngoài")).isEqualTo("ngoài");
        assertThat(ToneMarks.canonical("người")).isEqualTo("người");
        assertThat(ToneMarks.canonical("quá")).isEqualTo("quá");
        assertThat(ToneMarks.canonical("giữ")).isEqualTo("giữ");
        assertThat(ToneMarks.canonical("khuyên")).isEqualTo("khuyên");
        assertThat(ToneMarks.canonical("hoàn")).isEqualTo("hoàn");
        assertThat(ToneMarks.canonical("Covid")).isEqualTo("Covid");
    }

    @Test
    void recognisesTypedTokensWithExactOffsets() {
        String text = "Gọi 0912 345 678, mail hotro@ninhthuan.gov.vn, xem https://ninhthuan.gov.vn/tin. #NinhThuan @Sở_Y_tế :)) <3 👍🏽";
        List<Token> tokens = NORMALIZER.tokens(text);
        assertThat(tokens).filteredOn(t -> t.type() != TokenType.WORD && t.type() != TokenType.PUNCTUATION)
                .extracting(t -> t.type() + ":" + text.substring(t.start(), t.end()) + "=" + t.normal())
                .containsExactly("PHONE:0912 345 678=<phone>", "EMAIL:hotro@ninhthuan.gov.vn=<email>",
                        "URL:https://ninhthuan.gov.vn/tin=<url>", "HASHTAG:#NinhThuan=#ninhthuan",
                        "MENTION:@Sở_Y_tế=<mention>", "EMOTICON::))=😆", "EMOTICON:<3=❤", "EMOJI:👍🏽=👍🏽");
    }

    @Test
    void keepsOffsetsInTheOriginalEvenWhenItIsDecomposed() {
        String decomposed = Normalizer.normalize("Người dân phản ánh", Normalizer.Form.NFD);
        List<Token> tokens = NORMALIZER.tokens(decomposed);
        assertThat(tokens).extracting(t -> decomposed.substring(t.start(), t.end()))
                .containsExactly(decomposed.split(" "));
        assertThat(tokens).extracting(Token::normal).containsExactly("người", "dân", "phản", "ánh");
    }

    @Test
    void numbersStayWhole() {
        assertThat(NORMALIZER.tokens("giá 2.000 đồng ngày 21/3/2023")).extracting(Token::type)
                .containsExactly(TokenType.WORD, TokenType.NUMBER, TokenType.WORD, TokenType.WORD, TokenType.NUMBER);
    }

    @Test
    void keepsTheContractOnRandomAndHostileText() {
        Random random = new Random(11);
        String alphabet = "aăâđeêoôơuưyàáạảãằẳ ABCĐ0123456789@#:;=()<>^_-.,/\\'\"\t\n\u0000\u200b\u0301😭👍🏽\u200d\uD800\uDC00";
        for (int round = 0; round < 3000; round++) {
            StringBuilder text = new StringBuilder();
            for (int i = random.nextInt(80); i > 0; i--) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertContract(text.toString(), NORMALIZER.tokens(text.toString()));
        }
    }

    @Test
    @Timeout(60)
    void normalisesATenMegabyteLine() {
        String text = "Ko biết bệnh viện có khám ko mn ơi 😭 https://a.vn/x 0912345678 ".repeat(160_000);
        List<Token> tokens = NORMALIZER.tokens(text);
        assertContract(text, tokens);
        assertThat(tokens.size()).isGreaterThan(1_000_000);
    }

    static void assertContract(String text, List<Token> tokens) {
        int previous = 0;
        for (Token token : tokens) {
            assertThat(token.start()).isGreaterThanOrEqualTo(previous);
            assertThat(token.end()).isGreaterThan(token.start()).isLessThanOrEqualTo(text.length());
            assertThat(token.normal()).isNotEmpty();
            assertThat(Normalizer.isNormalized(token.normal(), Normalizer.Form.NFC)).as(token.normal()).isTrue();
            previous = token.end();
        }
    }
}
