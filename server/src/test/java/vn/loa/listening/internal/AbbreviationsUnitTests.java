package vn.loa.listening.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AbbreviationsUnitTests {

    private static List<String> found(String query) {
        return Abbreviations.expand(query).found().stream()
                .map(found -> found.abbreviation().shortForm() + (found.asShortForm() ? "" : "=" + found.typed())).toList();
    }

    @Test
    void findsTheShortFormInAnyCaseAndWithoutItsDiacritics() {
        assertThat(found("BHYT người cao tuổi")).containsExactly("BHYT");
        assertThat(found("bhyt")).containsExactly("BHYT");
        assertThat(found("HDND xã")).containsExactly("HĐND");
        assertThat(found("(CSGT),")).containsExactly("CSGT");
        assertThat(Abbreviations.expand("BHYT người cao tuổi").rest()).isEqualTo("người cao tuổi");
    }

    @Test
    void findsTheFullFormAsTypedWithoutDiacriticsOrWithTheToneMarkElsewhereButNotWithOtherDiacritics() {
        assertThat(found("thẻ Bảo hiểm Y tế")).containsExactly("BHYT=Bảo hiểm Y tế");
        assertThat(found("bao hiem y te")).containsExactly("BHYT=bao hiem y te");
        assertThat(found("uỷ ban nhân dân xã")).containsExactly("UBND=uỷ ban nhân dân");
        assertThat(found("khám bệnh, chữa bệnh")).containsExactly("KCB=khám bệnh, chữa bệnh");
        assertThat(found("bảo hiểm xã hội và bảo hiểm y tế")).containsExactly("BHXH=bảo hiểm xã hội", "BHYT=bảo hiểm y tế");
        assertThat(found("bão hiểm y tế")).as("a storm is not insurance").isEmpty();
        assertThat(found("bảo hiểm")).isEmpty();
        assertThat(Abbreviations.expand("bảo hiểm").rest()).isEqualTo("bảo hiểm");
    }

    @Test
    void theOtherFormsOfAFullFormAreTheShortFormAndTheOtherFullForms() {
        Abbreviations.Found typed = Abbreviations.expand("kham chua benh").found().get(0);
        assertThat(typed.otherForms()).containsExactly("KCB", "khám bệnh, chữa bệnh");
        assertThat(Abbreviations.expand("KCB").found().get(0).otherForms())
                .containsExactly("khám chữa bệnh", "khám bệnh, chữa bệnh");
    }

    @Test
    void everyAbbreviationIsCapitalsAndEveryFullFormHasOneSyllablePerLetter() {
        for (Abbreviations.Abbreviation abbreviation : Abbreviations.ALL) {
            assertThat(abbreviation.shortForm()).isEqualTo(abbreviation.shortForm().toUpperCase(java.util.Locale.ROOT));
            assertThat(abbreviation.fullForms().get(0).split(" ")).as(abbreviation.shortForm())
                    .hasSize(abbreviation.shortForm().length());
        }
    }
}
