package vn.loa.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class SyllablesUnitTests {

    @Test
    void aKeyIgnoresToneMarkPlacementAndCase() {
        assertThat(Syllables.key("hoà")).isEqualTo(Syllables.key("hòa")).isEqualTo(Syllables.key("HÒA"));
        assertThat(Syllables.key("thuỷ")).isEqualTo(Syllables.key("thủy"));
        assertThat(Syllables.key("khoẻ")).isEqualTo(Syllables.key("khỏe"));
    }

    @Test
    void aKeyKeepsTheToneAndTheOtherDiacritics() {
        assertThat(Syllables.key("hoa")).isNotEqualTo(Syllables.key("hòa"));
        assertThat(Syllables.key("hòa")).isNotEqualTo(Syllables.key("hóa"));
        assertThat(Syllables.key("ca")).isNotEqualTo(Syllables.key("cà")).isNotEqualTo(Syllables.key("câ"));
        assertThat(Syllables.key("đi")).isNotEqualTo(Syllables.key("di"));
        assertThat(Syllables.key("ơn")).isNotEqualTo(Syllables.key("ôn"));
    }

    @Test
    void aDecomposedToneMarkGivesTheSameKey() {
        String decomposedTone = "ho" + "a\u0300";
        assertThat(Syllables.key(decomposedTone)).isEqualTo(Syllables.key("hoà"));
        assertThat(Syllables.key(Normalizer.normalize("Nguyễn", Normalizer.Form.NFC)))
                .isEqualTo(Syllables.key("nguyễn"));
    }

    @Test
    void shapesTellWordsNumbersAndPunctuationApart() {
        assertThat(shape("nhà")).isEqualTo(Syllables.SHAPE_LOWER);
        assertThat(shape("Nguyễn")).isEqualTo(Syllables.SHAPE_CAPITALISED);
        assertThat(shape("UBND")).isEqualTo(Syllables.SHAPE_UPPER);
        assertThat(shape("2.000")).isEqualTo(Syllables.SHAPE_NUMBER);
        assertThat(shape(",")).isEqualTo(Syllables.SHAPE_PUNCTUATION);
        assertThat(shape("covid19")).isEqualTo(Syllables.SHAPE_OTHER);
    }

    private static int shape(String text) {
        return Syllables.shape(text, 0, text.length());
    }
}
