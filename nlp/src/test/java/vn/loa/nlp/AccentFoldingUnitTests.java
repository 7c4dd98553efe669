package vn.loa.nlp;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import org.junit.jupiter.api.Test;

class AccentFoldingUnitTests {

    @Test
    void foldsPlaceNamesToTheirPlainForm() {
        assertThat(AccentFolding.fold("Ninh Thuận")).isEqualTo("ninh thuan");
        assertThat(AccentFolding.fold("Sở Y tế")).isEqualTo("so y te");
        assertThat(AccentFolding.fold("Phường Đô Vinh")).isEqualTo("phuong do vinh");
    }

    @Test
    void treatsDecomposedAndComposedInputAlike() {
        String composed = "Khánh Hòa";
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertThat(AccentFolding.fold(decomposed)).isEqualTo(AccentFolding.fold(composed)).isEqualTo("khanh hoa");
    }

    @Test
    void collapsesWhiteSpaceAsTheGsoNamesNeed() {
        assertThat(AccentFolding.fold("  Xã  Hòa Thuận ")).isEqualTo("xa hoa thuan");
    }

    @Test
    void stripsDiacriticsButKeepsCaseSpacesAndPunctuation() {
        assertThat(AccentFolding.stripDiacritics("Sở Y tế: ĐĂNG KÝ bảo hiểm y tế, trước 31/12!"))
                .isEqualTo("So Y te: DANG KY bao hiem y te, truoc 31/12!");
        assertThat(AccentFolding.stripDiacritics(Normalizer.normalize("Người cao tuổi  ở Phước Hậu", Normalizer.Form.NFD)))
                .isEqualTo("Nguoi cao tuoi  o Phuoc Hau");
        assertThat(AccentFolding.stripDiacritics("")).isEmpty();
    }
}
