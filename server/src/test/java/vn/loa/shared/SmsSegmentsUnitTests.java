package vn.loa.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import vn.loa.nlp.AccentFolding;
import vn.loa.shared.SmsSegments.Encoding;

class SmsSegmentsUnitTests {

    private static SmsSegments.Count count(String text) {
        return SmsSegments.count(text, 800);
    }

    @Test
    void plainTextIsGsm7With160CharactersInOneMessageAnd153PerPart() {
        assertThat(count("a".repeat(160))).isEqualTo(new SmsSegments.Count(Encoding.GSM_7, 160, 160, 1, 800));
        assertThat(count("a".repeat(161)).segments()).isEqualTo(2);
        assertThat(count("a".repeat(306)).segments()).isEqualTo(2);
        assertThat(count("a".repeat(307)).segments()).isEqualTo(3);
        assertThat(count("a".repeat(459)).segments()).isEqualTo(3);
        assertThat(count("a".repeat(460)).segments()).isEqualTo(4);
    }

    @Test
    void vietnameseWithDiacriticsIsUcs2With70CharactersInOneMessageAnd67PerPart() {
        assertThat(count("ạ".repeat(70))).isEqualTo(new SmsSegments.Count(Encoding.UCS_2, 70, 70, 1, 800));
        assertThat(count("ạ".repeat(71)).segments()).isEqualTo(2);
        assertThat(count("ạ".repeat(134)).segments()).isEqualTo(2);
        assertThat(count("ạ".repeat(135)).segments()).isEqualTo(3);
        // one accented letter turns the whole text into UCS-2
        assertThat(count("a".repeat(69) + "đ")).satisfies(c -> {
            assertThat(c.encoding()).isEqualTo(Encoding.UCS_2);
            assertThat(c.segments()).isEqualTo(1);
        });
        assertThat(count("a".repeat(70) + "đ").segments()).isEqualTo(2);
    }

    @Test
    void extensionCharactersCountTwoAndAnEscapePairIsNeverSplit() {
        assertThat(count("€".repeat(80))).isEqualTo(new SmsSegments.Count(Encoding.GSM_7, 80, 160, 1, 800));
        assertThat(count("€".repeat(80) + "a").segments()).isEqualTo(2);
        assertThat(count("a".repeat(159) + "{")).satisfies(c -> {
            assertThat(c.units()).isEqualTo(161);
            assertThat(c.segments()).isEqualTo(2);
        });
        // 306 septets fit two parts only when the pair may straddle them; it may not
        assertThat(count("a".repeat(152) + "[" + "a".repeat(152))).satisfies(c -> {
            assertThat(c.units()).isEqualTo(306);
            assertThat(c.segments()).isEqualTo(3);
        });
    }

    @Test
    void aCharacterOutsideTheBasicPlaneTakesTwoUnitsAndIsNotSplit() {
        assertThat(count("a".repeat(68) + "😀")).satisfies(c -> {
            assertThat(c.encoding()).isEqualTo(Encoding.UCS_2);
            assertThat(c.characters()).isEqualTo(69);
            assertThat(c.units()).isEqualTo(70);
            assertThat(c.segments()).isEqualTo(1);
        });
        assertThat(count("a".repeat(66) + "😀" + "a".repeat(67)).segments()).isEqualTo(3);
    }

    @Test
    void anEmptyTextCostsNothingAndCostIsSegmentsTimesThePrice() {
        assertThat(count("")).isEqualTo(new SmsSegments.Count(Encoding.GSM_7, 0, 0, 0, 0));
        assertThat(count(null).segments()).isZero();
        assertThat(SmsSegments.count("a".repeat(200), 650).costVnd()).isEqualTo(1300);
    }

    @Test
    void theDiacriticFreeVersionOfVietnameseFitsGsm7() {
        String text = "Sở Y tế Khánh Hòa: Người từ đủ 60 tuổi được hỗ trợ mua bảo hiểm y tế. Đăng ký tại trạm y tế xã.";
        assertThat(count(text).encoding()).isEqualTo(Encoding.UCS_2);
        String plain = AccentFolding.stripDiacritics(text);
        assertThat(plain).isEqualTo("So Y te Khanh Hoa: Nguoi tu du 60 tuoi duoc ho tro mua bao hiem y te. Dang ky tai tram y te xa.");
        assertThat(count(plain)).satisfies(c -> {
            assertThat(c.encoding()).isEqualTo(Encoding.GSM_7);
            assertThat(c.segments()).isEqualTo(1);
        });
        assertThat(count(text).segments()).isEqualTo(2);
    }
}
