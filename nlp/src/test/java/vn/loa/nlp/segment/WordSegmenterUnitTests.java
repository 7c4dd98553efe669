package vn.loa.nlp.segment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.loa.nlp.segment.WordSegmenter.Word;

/** Golden tests of the shipped model on real Vietnamese sentences, with exact offsets. */
class WordSegmenterUnitTests {

    private static WordSegmenter segmenter;

    @BeforeAll
    static void load() {
        segmenter = WordSegmenter.loadDefault();
    }

    @Test
    void segmentsANewsSentenceAsTheTreebankDoes() {
        assertThat(segmenter.segmentToUnderscored("Hiện nay xã có 68 tổ nhân dân, mỗi tổ phụ trách 40 gia đình."))
                .isEqualTo("Hiện_nay xã có 68 tổ nhân_dân , mỗi tổ phụ_trách 40 gia_đình .");
    }

    @Test
    void joinsAPersonsNameAndKeepsExactOffsets() {
        String text = "Chủ tịch xã Bùi Văn Luyến phát biểu";
        List<Word> words = segmenter.segment(text);
        assertThat(words).extracting(w -> text.substring(w.start(), w.end()))
                .containsExactly("Chủ tịch", "xã", "Bùi Văn Luyến", "phát biểu");
        assertThat(words.get(0)).isEqualTo(new Word(0, 8, 2));
        assertThat(words.get(2)).isEqualTo(new Word(12, 25, 3));
    }

    @Test
    void segmentsPolicyLanguage() {
        assertThat(segmenter.segmentToUnderscored("UBND tỉnh yêu cầu đẩy mạnh công tác truyền thông chính sách"))
                .isEqualTo("UBND tỉnh yêu_cầu đẩy_mạnh công_tác truyền_thông chính_sách");
    }

    @Test
    void toneMarkPlacementDoesNotChangeTheSegmentation() {
        assertThat(segmenter.segmentToUnderscored("hoà bình và sức khoẻ"))
                .isEqualTo("hoà_bình và sức_khoẻ");
        assertThat(segmenter.segmentToUnderscored("hòa bình và sức khỏe"))
                .isEqualTo("hòa_bình và sức_khỏe");
    }

    @Test
    void segmentsTextTypedWithoutDiacritics() {
        assertThat(segmenter.segmentToUnderscored("benh vien tinh qua tai, nguoi dan phan anh"))
                .isEqualTo("benh_vien tinh qua_tai , nguoi dan phan_anh");
    }

    @Test
    void followsTheTreebankWhereItsConventionDiffersFromTheSilverData() {
        assertThat(segmenter.segmentToUnderscored("người dân phản ánh")).as("UD VTB always writes người dân apart")
                .isEqualTo("người dân phản_ánh");
    }

    @Test
    void keepsAbbreviationsDatesPercentagesAndHyphenatedNamesWholeInRawText() {
        String text = "Sở GD-ĐT TP. HCM cho biết ngày 30-4-2004 có 95% học sinh đỗ tốt nghiệp...";
        assertThat(segmenter.segment(text)).contains(new Word(3, 8, 1), new Word(9, 12, 1), new Word(31, 40, 1),
                new Word(44, 47, 1), new Word(70, 73, 1));
        assertThat(segmenter.segmentToUnderscored(text))
                .isEqualTo("Sở GD-ĐT TP. HCM cho biết ngày 30-4-2004 có 95% học_sinh đỗ tốt_nghiệp ...");
    }

    @Test
    void emptyAndBlankTextGiveNoWords() {
        assertThat(segmenter.segment("")).isEmpty();
        assertThat(segmenter.segment(" \t\n ")).isEmpty();
    }
}
