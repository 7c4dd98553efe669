package vn.loa.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class SearchSnippetUnitTests {

    private static List<String> marked(String text, String query) {
        LucenePostIndex.Snippet snippet = LucenePostIndex.snippet(text, LucenePostIndex.queryWords(query));
        return snippet.highlights().stream().map(range -> snippet.text().substring(range[0], range[1])).toList();
    }

    @Test
    void aWordTypedWithDiacriticsMarksItAsTypedOrWrittenWithoutThemNotWithOtherDiacritics() {
        String text = "Bác nông dân bẻ ngô, đọc báo: 40 học sinh ngộ độc";
        assertThat(marked(text, "ngộ độc")).containsExactly("ngộ", "độc");
        assertThat(marked(text, "ngo doc")).containsExactly("ngô", "đọc", "ngộ", "độc");
        assertThat(marked("40 hoc sinh bi ngo doc sau bua trua", "ngộ độc")).as("a text typed without diacritics")
                .containsExactly("ngo", "doc");
        assertThat(marked("Thiên tai và tai nạn tại tỉnh", "tại")).as("in a text written with them, tai is tai")
                .containsExactly("tại");
    }

    @Test
    void toneMarkPlacementAndCaseDoNotMatter() {
        assertThat(marked("Tổ HOÀ giải của phường, hóa đơn", "hòa")).containsExactly("HOÀ");
        assertThat(marked("Tổ hòa giải của phường", "Hoà")).containsExactly("hòa");
    }

    @Test
    void anAbbreviationMarksItsFullFormAsAWholeAndTheFullFormMarksTheAbbreviation() {
        String text = "Thẻ BHYT của mẹ tôi; bảo hiểm y tế có chi trả không, y tá bảo vậy";
        assertThat(marked(text, "BHYT")).containsExactly("BHYT", "bảo hiểm y tế");
        assertThat(marked(text, "bao hiem y te")).as("typed without diacritics").containsExactly("BHYT", "bảo hiểm y tế");
        assertThat(marked("Hỏi về (BHYT), đa tạ", "(bhyt),")).containsExactly("BHYT");
        assertThat(marked(text, "\"bảo hiểm\" y")).as("no abbreviation: the words one by one")
                .containsExactly("bảo", "hiểm", "y", "y", "bảo");
    }

    @Test
    void aPlaceNamedWithoutDiacriticsMarksTheNameAsWrittenNotAWordThatFoldsToIt() {
        String text = "Khách ở Nha Trang bàn về tuyên bố của Nhà Trắng; trang tin tỉnh đưa";
        assertThat(marked(text, "nha trang")).containsExactly("Nha Trang");
        assertThat(marked(text, "Nhà Trắng")).containsExactly("Nhà", "Trắng");
        assertThat(marked("di bien nha trang cuoi tuan", "Nha Trang")).as("a text typed without diacritics")
                .containsExactly("nha trang");
        assertThat(marked(text, "trang")).as("one syllable is no name").containsExactly("Trang", "Trắng", "trang");
    }
}
